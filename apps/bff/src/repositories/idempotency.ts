import { accounts, type DbOrTx, idempotencyKeys, rows } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';

export interface IdempotencyScope {
  accountId: string;
  route: string;
  key: string;
}

/**
 * Claims an Idempotency-Key inside the caller's transaction (api.md). INSERT … ON CONFLICT DO NOTHING
 * on the unique (account, route, key) index: a concurrent request with the same key blocks here until
 * the first transaction ends, then either finds the committed row (→ replay) or, if the first rolled
 * back, claims the key itself. Returns true when this transaction now owns the key. The placeholder
 * (status 0) is never visible to anyone else: it is replaced by the response before commit.
 *
 * The statement itself first locks the account row FOR UPDATE (the row it inserts from), so the
 * account lock always comes before the key row's KEY SHARE on the account, whatever was sent before
 * it (docs/decisions/0003; see idempotentTransaction). No account: nothing is inserted (false).
 */
export async function claimIdempotencyKey(
  tx: DbOrTx,
  s: IdempotencyScope & { bodyHash: string; at: Date },
): Promise<boolean> {
  const inserted = await rows<{ key: string }>(
    tx,
    sql`with a as (select ${accounts.id} as id from ${accounts} where ${accounts.id} = ${s.accountId} for update)
        insert into ${idempotencyKeys} (account_id, route, key, body_hash, status, response, created_at)
        select a.id, ${s.route}, ${s.key}, ${s.bodyHash}, 0, '', ${s.at.toISOString()}::timestamptz from a
        on conflict do nothing
        returning key`,
  );
  return inserted.length > 0;
}

export async function findIdempotencyKey(tx: DbOrTx, s: IdempotencyScope) {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.accountId, s.accountId),
        eq(idempotencyKeys.route, s.route),
        eq(idempotencyKeys.key, s.key),
      ),
    );
  return row ?? null;
}

/** Stores the response at the end of the transaction that did the work (same commit). */
export async function storeIdempotentResponse(
  tx: DbOrTx,
  s: IdempotencyScope & { status: number; response: string },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: s.status, response: s.response })
    .where(
      and(
        eq(idempotencyKeys.accountId, s.accountId),
        eq(idempotencyKeys.route, s.route),
        eq(idempotencyKeys.key, s.key),
      ),
    );
}
