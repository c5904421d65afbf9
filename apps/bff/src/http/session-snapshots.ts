import type { SessionRow } from '../repositories/auth.ts';

/**
 * Per-instance session snapshots for signed-in GETs (issue 15, docs/decisions/0019): the row
 * `loadSession` read (session, user, live impersonation, the account acted on), kept for at most
 * `ttlMs` of real time (performance.now(), never the injected or demo clock), keyed by the cookie's
 * token. Only GET and HEAD use a snapshot; every other method reads its session fresh.
 *
 * What a snapshot may and may not decide (http/session.ts): the times (idle and absolute limits,
 * impersonation expiry) are compared per request against the clock; a request whose snapshot says
 * "ended" re-reads fresh before ending anything; /account's balances are never answered from a
 * snapshot (routes use `c.get('account')`, the fresh row, for that).
 *
 * Invalidation: `invalidate()` drops every snapshot and bumps the generation, so a load that began
 * before it cannot store what it read (a write that committed meanwhile would be hidden for a TTL).
 * It runs when any mutating /api request on this instance ends (read-your-writes on one instance,
 * the demo clock included), and on the PostgreSQL notification that such a request on any instance
 * sends (server.ts LISTENs). A lost notification costs at most one TTL.
 */
export interface Snapshot {
  row: SessionRow;
  sessionId: string;
  /** performance.now() when the row was read. */
  readAt: number;
}

/** The server's TTL: the bound on how long a write on another instance can go unseen if its notification is lost. */
export const SESSION_SNAPSHOT_TTL_MS = 1_000;

/** A cap on entries between invalidations: past it the map is emptied (a TTL makes old ones useless anyway). */
const MAX_ENTRIES = 50_000;

export class SessionSnapshots {
  private readonly entries = new Map<string, Snapshot>();
  private gen = 0;
  private announcing: Promise<void> | null = null;
  private again = false;

  constructor(
    readonly ttlMs: number,
    /** Tells the other instances (PostgreSQL NOTIFY); absent with one process (PGlite, tests). */
    private readonly announce?: () => Promise<void>,
  ) {}

  get generation(): number {
    return this.gen;
  }

  get(token: string): Snapshot | null {
    const s = this.entries.get(token);
    if (!s) return null;
    if (performance.now() - s.readAt >= this.ttlMs) {
      this.entries.delete(token);
      return null;
    }
    return s;
  }

  /** Stores a row read at `readAt` by a load that began at `generation`; dropped if an invalidation came since. */
  set(token: string, sessionId: string, row: SessionRow, generation: number, readAt: number): void {
    if (generation !== this.gen || this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { row, sessionId, readAt });
  }

  forget(token: string): void {
    this.entries.delete(token);
  }

  /** Drops every snapshot on this instance (a notification from another instance, or a local write). */
  invalidate(): void {
    this.gen++;
    this.entries.clear();
  }

  /**
   * A write ended on this instance: drop the local snapshots and tell the other instances. The
   * notifications are coalesced (one in flight; one more after it if writes ended meanwhile), so a
   * burst of writes costs at most two statements at a time, and each is sent after its write committed.
   */
  written(onError: (err: unknown) => void): void {
    this.invalidate();
    if (!this.announce) return;
    if (this.announcing) {
      this.again = true;
      return;
    }
    const send = this.announce;
    this.announcing = send()
      .catch(onError)
      .finally(() => {
        this.announcing = null;
        if (this.again) {
          this.again = false;
          this.written(onError);
        }
      });
  }
}
