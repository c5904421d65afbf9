import type { List, Pack } from '@idv/contracts';
import type postgres from 'postgres';
import type { ReadCache } from '../lib/read-cache.ts';
import { SESSION_SNAPSHOT_CHANNEL } from '../repositories/auth.ts';
import { PACK_ROWS_CHANNEL } from '../repositories/packs.ts';
import type { SessionSnapshots } from './session-snapshots.ts';

/**
 * Issue 15: what an instance keeps in memory hears of changes made elsewhere over PostgreSQL
 * LISTEN, on a connection of its own (docs/decisions/0019, 0020):
 * - `idv_session_snapshots`: a write through the API ended on some instance → drop every snapshot;
 * - `idv_pack_rows` (migration 0012's trigger, any writer: API, jobs, scripts) → drop that account's
 *   kept pages of GET /packs.
 * postgres.js LISTENs again after a reconnection; what was sent while it was away is lost, which the
 * TTLs bound, and dropping everything on each (re)connection closes most of that gap. Rejects if the
 * LISTEN fails: the caller then serves without the caches that need it.
 */
export async function listenForChanges(
  listener: postgres.Sql,
  caches: { sessionSnapshots: SessionSnapshots; packPages: ReadCache<List<Pack>> | undefined },
): Promise<void> {
  const { sessionSnapshots, packPages } = caches;
  await listener.listen(
    SESSION_SNAPSHOT_CHANNEL,
    () => sessionSnapshots.invalidate(),
    () => sessionSnapshots.invalidate(),
  );
  if (packPages) {
    await listener.listen(
      PACK_ROWS_CHANNEL,
      (accountId) => packPages.invalidate(accountId),
      () => packPages.invalidate(),
    );
  }
}
