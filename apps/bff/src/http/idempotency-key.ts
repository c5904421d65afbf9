import { AppError } from '../errors.ts';
import type { Ctx } from './context.ts';

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
