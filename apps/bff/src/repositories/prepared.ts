import type { DbOrTx } from '@idv/db';

/**
 * Hot reads as prepared statements (issue 15). A Drizzle query built per request costs CPU (query
 * building) and, on PostgreSQL, two round trips: postgres.js sends an unnamed statement with
 * parameters as Parse/Describe, waits for the parameter types, then Bind/Execute, and the server plans
 * it every time. A query prepared once (`.prepare(name)` with `sql.placeholder`) is built once per
 * database handle and, on PostgreSQL, parsed once per pooled connection; each request then sends only
 * Bind/Execute: one round trip.
 *
 * Only queries of a fixed shape are kept: `key` must come from a small, closed set (no user text), so
 * the number of statements per connection stays bounded. The cache is per handle (a WeakMap), so a
 * test's database or a transaction gets its own and nothing outlives the handle.
 */
const byHandle = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: DbOrTx, key: string, build: (db: DbOrTx) => T): T {
  let m = byHandle.get(db);
  if (!m) {
    m = new Map();
    byHandle.set(db, m);
  }
  let q = m.get(key) as T | undefined;
  if (q === undefined) {
    q = build(db);
    m.set(key, q);
  }
  return q;
}
