import { describe, expect, it } from 'vitest';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { useTestApp } from './harness.ts';
import { chargesOf, countEvents, createAccount, cst, ev, eventRow, ingestOk } from './usage-fixtures.ts';

// Regression found by the whole-system simulator (`pnpm sim`, seed 2): an account activated today and
// not settled yet accepted a call dated the day before its activation as postpaid, but settlement
// starts at the activation day (R5.1), so that call was never billed.
const t = useTestApp();

describe('R4.6 calls dated before the account existed', () => {
  it('R4.6 a call dated before the activation day of a not-yet-settled account is refused DAY_SETTLED, never postpaid', async () => {
    const a = await createAccount(t, { activatedAt: cst('2026-11-20T09:00:00'), settledThrough: null });
    const out = await ingestOk(t, a.key, [
      ev('before-1', 'identity.basic', a.resources[0], '2026-11-19T23:30:00+08:00'),
      ev('today-1', 'identity.basic', a.resources[0], '2026-11-20T09:30:00+08:00'),
    ]);
    expect(out.map((o) => [o.id, o.outcome, o.code])).toEqual([
      ['before-1', 'rejected', 'DAY_SETTLED'],
      ['today-1', 'postpaid', undefined],
    ]);
    expect((await eventRow(t, a.id, 'before-1'))?.outcome).toBe('rejected');
    expect(await countEvents(t, a.id)).toBe(2);
  });

  it('R5.1 every postpaid call of a new account is settled: the first settlement bills all of them', async () => {
    const a = await createAccount(t, {
      activatedAt: cst('2026-11-20T09:00:00'),
      settledThrough: null,
      balances: { cash: '100.00' },
    });
    const out = await ingestOk(t, a.key, [
      ev('b-1', 'identity.basic', a.resources[0], '2026-11-19T12:00:00+08:00'),
      ev('d-1', 'identity.basic', a.resources[0], '2026-11-20T09:40:00+08:00'),
      ev('d-2', 'identity.basic', a.resources[0], '2026-11-20T09:50:00+08:00'),
    ]);
    const postpaid = out.filter((o) => o.outcome === 'postpaid').length;
    await runAccountJobs(t.deps, a.id, cst('2026-11-21T08:00:01'));
    const lines = await chargesOf(t, a.id, 'daily_settlement');
    expect(lines.reduce((n, l) => n + l.quantity, 0)).toBe(postpaid);
    expect(postpaid).toBe(2);
  });
});
