import type { Auth } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { Action } from '../lib/permissions.ts';
import { type Ctx, requireAccount } from './context.ts';

const KEY_RE = /^[\x21-\x7e]{1,255}$/;

/**
 * The Idempotency-Key header (api.md). Optional by decision (docs/decisions/0003): the console always
 * sends one; an API client that omits it gets no dedupe. When present it must be 1–255 visible ASCII
 * characters (a UUID is ideal).
 */
export function idempotencyKey(c: Ctx): string | null {
  const raw = c.req.header('idempotency-key');
  if (raw === undefined || raw === '') return null;
  if (!KEY_RE.test(raw)) {
    throw new AppError('INVALID_REQUEST', 400, 'The Idempotency-Key header must be 1–255 visible ASCII characters.', {
      errors: [{ path: 'Idempotency-Key', message: 'invalid header' }],
    });
  }
  return raw;
}

/** Sends a use case's outcome; a replayed answer is marked, as payment APIs usually do. */
export function sendOutcome<T extends object>(c: Ctx, o: { status: number; body: T; replayed: boolean }) {
  if (o.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(o.body, o.status as 200);
}

/** Who acts, on which account, under which key: what every money-moving use case is given. */
export interface MoneyRequest {
  auth: Auth;
  accountId: string;
  idempotencyKey: string | null;
  requestId: string;
}

/**
 * A money-moving POST (api.md): the caller must be allowed `action` on the account, the
 * Idempotency-Key header is checked, then `run` (which parses the body) does the work and its outcome
 * is sent, a replayed one marked. The checks come in this order, before the body is read.
 */
export async function idempotentPost<T extends object>(
  c: Ctx,
  action: Action,
  run: (request: MoneyRequest) => Promise<{ status: number; body: T; replayed: boolean }>,
) {
  const { auth, accountId } = requireAccount(c, action);
  const key = idempotencyKey(c);
  return sendOutcome(c, await run({ auth, accountId, idempotencyKey: key, requestId: c.get('requestId') }));
}
