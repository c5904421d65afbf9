import { accounts, settlements } from '@idv/db';
import { inArray, max } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './harness.ts';

// R5.3 the demo seed settles what the morning job would have settled by the time it runs: a day is
// due at D+1 08:00 CST, so a seed run before 08:00 leaves yesterday unsettled and dates nothing in the
// future (the account timeline showed a settlement "tomorrow at 08:00" when the seed ran at night).
async function seededAt(now: string) {
  const t = await createTestApp({ now });
  try {
    const [latest] = await t.deps.db.select({ at: max(settlements.settledAt) }).from(settlements);
    const settled = await t.deps.db
      .select({ id: accounts.id, settledThrough: accounts.settledThrough })
      .from(accounts)
      .where(inArray(accounts.id, ['acct_demo', 'acct_other']));
    return { latest: latest?.at ?? null, settled: settled.map((a) => a.settledThrough) };
  } finally {
    await t.close();
  }
}

describe('R5.3 demo seed and the time of day', () => {
  it('R5.3 seeded at 07:00 CST: yesterday is not due yet, the day before is settled, nothing is dated later than now', async () => {
    const now = '2026-11-20T07:00:00+08:00';
    const r = await seededAt(now);
    expect(r.settled).toEqual(['2026-11-18', '2026-11-18']);
    expect(r.latest?.getTime()).toBeLessThanOrEqual(new Date(now).getTime());
  });

  it('R5.3 seeded at 08:00 CST: yesterday is due and settled at 08:00', async () => {
    const now = '2026-11-20T08:00:00+08:00';
    const r = await seededAt(now);
    expect(r.settled).toEqual(['2026-11-19', '2026-11-19']);
    expect(r.latest?.toISOString()).toBe(new Date(now).toISOString());
  });
});
