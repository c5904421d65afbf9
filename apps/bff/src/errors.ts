import type { DomainError } from '@idv/billing';
import type { ErrorCode } from '@idv/contracts';

/** An error a client may see: a stable code, a status, a message without internals. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode | string,
    public readonly status: number,
    message: string,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new AppError('NOT_FOUND', 404, `The ${what} does not exist.`);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', 403, message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401, 'Sign in first.');
export function rateLimited(retryAfterS: number): AppError {
  return new AppError('RATE_LIMITED', 429, `Too many requests: try again in ${retryAfterS} s.`, {
    retryAfter: retryAfterS,
  });
}

/** Domain codes → HTTP statuses (api.md conventions). */
const statusOf: Record<string, number> = {
  INSUFFICIENT_BALANCE: 402,
  UNKNOWN_TIER: 400,
  UNKNOWN_LABEL: 400,
  INVALID_MONEY: 400,
  VOUCHER_NOT_USABLE: 409,
  REFUND_WINDOW_CLOSED: 409,
  PACK_PARTIALLY_USED: 409,
  NOT_REFUNDABLE_GIFT: 409,
  ALREADY_REFUNDED: 409,
  ACCOUNT_VIOLATION: 409,
  CAMPAIGN_EXCLUDED: 409,
  REFUND_REFUSED: 409,
  CONFLICT: 409,
  CLOCK_BACKWARDS: 409,
  DEMO_CLOCK_BUSY: 409,
  NOT_MONTHLY_SETTLED: 409,
  NOT_DEMO_ACCOUNT: 409,
  INVITATION_USED: 409,
  INVITATION_EXPIRED: 410,
  INVITATION_REVOKED: 410,
};

export function fromDomain(e: DomainError): AppError {
  const code = e.code === 'INVALID_MONEY' ? 'INVALID_REQUEST' : e.code;
  return new AppError(code, statusOf[e.code] ?? 409, e.message || e.code, e.details ?? {});
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function problemBody(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  // Extra details never override the RFC 9457 members.
  return {
    ...extra,
    type: `https://errors.idv-billing.example/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
  };
}
