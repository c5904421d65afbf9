import type { Db, Tx } from '@idv/db';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { sha256 } from '../../lib/crypto.ts';
import type { AccountRow } from '../../repositories/accounts.ts';
import { type AuditActor, auditBy } from '../../repositories/audit.ts';
import { claimIdempotencyKey, findIdempotencyKey, storeIdempotentResponse } from '../../repositories/idempotency.ts';
import { lockAccount } from '../../repositories/ledger.ts';

/** What a money-moving use case answers: the HTTP status and the JSON body. */
export interface Outcome<T> {
  status: number;
  body: T;
  /** True when the answer is the stored first response of an earlier request with the same key. */
  replayed: boolean;
}

/** JSON with object keys sorted, so that the same body in another key order hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Runs `work` in one transaction, exactly once per Idempotency-Key (api.md, docs/decisions/0003):
 * 1. lockAccount() (SELECT … FOR UPDATE), then the key is claimed at once, before any money moves
 *    (issue 15: both statements sent together, one round trip; the claim locks the account row
 *    itself before inserting, so the lock comes first whichever of the two runs first).
 *    The account lock comes first because the key row references the account: inserting it takes a
 *    KEY SHARE lock on the account row, and two requests that each held KEY SHARE and then asked for
 *    FOR UPDATE would deadlock. A concurrent duplicate therefore waits on the account row, then finds
 *    the committed key (→ replay); if the first transaction rolled back, it claims the key itself;
 * 2. a key already used with another body → 422 IDEMPOTENCY_KEY_REUSED; with the same body → the
 *    stored first response, status and body, and nothing else happens;
 * 3. otherwise `work` moves the money (given the locked account row) and its response is stored
 *    before the same commit. `work` may store it itself with `respond(response)`, which starts the
 *    statement and returns it, so that it joins the work's last group of statements (issue 15: one
 *    round trip fewer while the account is locked); it must then answer that same response.
 * A failure (402, 409, …) rolls everything back, the key included: nothing changed, so a retry with
 * the same key is evaluated afresh. Without a key (API clients may omit it) there is no dedupe.
 */
export async function idempotentTransaction<T>(
  db: Db,
  scope: { accountId: string; route: string; key: string | null; body: unknown; at: Date },
  work: (
    tx: Tx,
    account: AccountRow,
    respond: (r: { status: number; body: T }) => Promise<void>,
  ) => Promise<{ status: number; body: T }>,
): Promise<Outcome<T>> {
  return db.transaction(async (tx) => {
    if (scope.key === null) {
      const account = await lockAccount(tx, scope.accountId);
      if (!account) throw notFound('account');
      const r = await work(tx, account, async () => {});
      return { ...r, replayed: false };
    }
    const id = { accountId: scope.accountId, route: scope.route, key: scope.key };
    const bodyHash = sha256(canonicalJson(scope.body));
    const [locked, claimed] = await Promise.allSettled([
      lockAccount(tx, scope.accountId),
      claimIdempotencyKey(tx, { ...id, bodyHash, at: scope.at }),
    ]);
    if (locked.status === 'rejected') throw locked.reason;
    const account = locked.value;
    // No account: the claim failed on its foreign key; the account's absence is the answer (404).
    if (!account) throw notFound('account');
    if (claimed.status === 'rejected') throw claimed.reason;
    if (!claimed.value) {
      const prior = await findIdempotencyKey(tx, id);
      if (!prior || prior.status === 0) {
        // Unreachable with the unique index (a claimed key is only visible once its response is stored).
        throw new AppError('IDEMPOTENCY_KEY_IN_FLIGHT', 409, 'A request with this Idempotency-Key is in progress.');
      }
      if (prior.bodyHash !== bodyHash) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          422,
          'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
        );
      }
      return { status: prior.status, body: JSON.parse(prior.response) as T, replayed: true };
    }
    let stored: { status: number; body: T } | null = null;
    const r = await work(tx, account, (response) => {
      stored = response;
      return storeIdempotentResponse(tx, { ...id, status: response.status, response: JSON.stringify(response.body) });
    });
    if (stored === null) {
      await storeIdempotentResponse(tx, { ...id, status: r.status, response: JSON.stringify(r.body) });
    } else if (stored !== r) {
      throw new Error('idempotentTransaction: the work answered another response than the one it stored');
    }
    return { ...r, replayed: false };
  });
}

/**
 * R9.2 A refused money operation changed nothing, but the attempt is still on the audit trail: one
 * 'refused' row, outside any transaction, with the refusal's code first in its detail.
 */
export async function auditRefusedAttempt(
  deps: Deps,
  input: AuditActor,
  action: string,
  code: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await auditBy(deps.db, input, { action, outcome: 'refused', at: deps.clock.now(), detail: { code, ...detail } });
}
