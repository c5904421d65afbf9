/**
 * Per-instance answers of account reads kept in memory (issue 15, docs/decisions/0020): today the
 * pages of GET /packs. An entry is served only while all of these hold:
 *
 * - it is younger than `ttlMs` of real time (performance.now(); the bound if a notification is lost);
 * - the account's clock (the process clock, or the demo tenant's) is inside the entry's validity
 *   window [validFrom, validUntil): the reader computed, when it loaded the entry, the first instant at
 *   which the answer could change by time alone (a pack expiring, a refund window closing), so an
 *   entry never shows a status or an eligibility the clock has moved past;
 * - nothing invalidated its account (or everything) since the load began: `generation` is read
 *   before the load and checked at `set`, so a load that raced a write never stores what it read.
 *
 * Invalidation: `invalidate(accountId)` on the PostgreSQL notification that a trigger sends for every
 * change of a pack row, whoever made it (server.ts LISTENs); `invalidate()` (everything) when a write
 * through the API ends on this instance, before its answer leaves (read-your-writes), and when the
 * LISTEN connection (re)connects.
 */
interface Entry<V> {
  value: V;
  readAt: number;
  validFrom: number;
  validUntil: number;
}

/** A cap on entries between invalidations: past it the map is emptied (the TTL makes old ones useless anyway). */
const MAX_ENTRIES = 20_000;

export class ReadCache<V> {
  private readonly accounts = new Map<string, Map<string, Entry<V>>>();
  private size = 0;
  private gen = 0;

  constructor(readonly ttlMs: number) {}

  /** Read before a load; pass it to `set`. */
  get generation(): number {
    return this.gen;
  }

  /** The entry for `key` of `accountId` if it may still answer at the account's time `nowMs`. */
  get(accountId: string, key: string, nowMs: number): V | undefined {
    const entries = this.accounts.get(accountId);
    const e = entries?.get(key);
    if (!entries || !e) return undefined;
    if (performance.now() - e.readAt >= this.ttlMs || nowMs < e.validFrom || nowMs >= e.validUntil) {
      entries.delete(key);
      this.size--;
      return undefined;
    }
    return e.value;
  }

  /**
   * Keeps `value`, loaded by a read that began at `generation` (real time `readAt`), as the answer for
   * account times in [validFrom, validUntil). Dropped if an invalidation came since the read began.
   */
  set(
    accountId: string,
    key: string,
    value: V,
    at: { generation: number; readAt: number; validFrom: number; validUntil: number },
  ): void {
    if (at.generation !== this.gen || this.ttlMs <= 0 || at.validUntil <= at.validFrom) return;
    if (this.size >= MAX_ENTRIES) this.invalidate();
    let entries = this.accounts.get(accountId);
    if (!entries) {
      entries = new Map();
      this.accounts.set(accountId, entries);
    }
    if (!entries.has(key)) this.size++;
    entries.set(key, { value, readAt: at.readAt, validFrom: at.validFrom, validUntil: at.validUntil });
  }

  /** Drops one account's entries, or every entry when no account is named. */
  invalidate(accountId?: string): void {
    this.gen++;
    if (accountId === undefined) {
      this.accounts.clear();
      this.size = 0;
      return;
    }
    const entries = this.accounts.get(accountId);
    if (!entries) return;
    this.size -= entries.size;
    this.accounts.delete(accountId);
  }
}
