import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  advance,
  applyAutoTopup,
  budgetSpent,
  cstWall,
  DAY,
  evaluateBudgets,
  type InEvent,
  ingest,
  iso,
  newModel,
  parseCatalog,
  placeOrder,
  type Rules,
  recharge,
  U,
} from '../src/oracle.ts';

// The simulator's oracle is itself test code: these pin its reading of the rule book (no database needed).
const rules: Rules = {
  labels: parseCatalog(readFileSync(new URL('../../packages/db/seed/catalog.tsv', import.meta.url), 'utf8')),
  trialDelayMs: 30 * 60_000,
  skewMs: 300_000,
  releaseAfterMs: 15 * DAY,
};
const start = Date.parse('2025-06-02T09:00:00+08:00');
const calls = (n: number, at: number, label = 'identity.basic', prefix = 'e'): InEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    label,
    resourceId: 'r0',
    result: 'success',
    occurredAt: iso(at),
  }));

describe('the oracle', () => {
  it('R6.1 R6.2 R6.3 R6.4 notices at their times, giving the stop and release times', () => {
    const m = newModel(start, ['r0']);
    ingest(m, rules, calls(10, start + 60_000)); // identity.basic has no trial: 10 postpaid calls, 3.00
    advance(m, rules, start + 2 * DAY);
    const due = Date.parse('2025-06-03T08:00:00+08:00');
    expect(m.notices.filter((n) => n.kind === 'arrears')).toEqual([
      { kind: 'arrears', at: due, contains: [cstWall(due + DAY), cstWall(due + DAY + 15 * DAY)] },
    ]);
    expect(m.notices.find((n) => n.kind === 'suspended')).toEqual({
      kind: 'suspended',
      at: due + DAY,
      contains: ['2025-06-19 08:00:00'],
    });
    recharge(m, 1n * U); // −3.00 + 1.00: still below 0, no resumption
    expect(m.notices.some((n) => n.kind === 'service_resumed')).toBe(false);
    recharge(m, 2n * U);
    expect(m.notices.at(-1)).toEqual({ kind: 'service_resumed', at: m.now, contains: [] });
  });

  it('R10.2 one purchase per crossing; a failed crossing sends one notice; a lifting delivery re-arms', () => {
    const m = newModel(start, ['r0']);
    recharge(m, 400n * U);
    m.rule = {
      label: 'identity.basic',
      enabled: true,
      belowCalls: 100,
      size: 1000,
      quantity: 1,
      monthlyLimit: 5,
      armed: true,
    };
    const batch = calls(5, start + 60_000);
    ingest(m, rules, batch);
    // No pack: remaining 0 < 100 → buy 1 × 1000 (300.00); R4.3 the 5 postpaid calls move onto it.
    expect(applyAutoTopup(m, rules, batch)).toEqual({ kind: 'bought', moved: ['e0', 'e1', 'e2', 'e3', 'e4'] });
    expect(m.rule.armed).toBe(true); // 995 ≥ 100 after the delivery
    const big = calls(950, start + 120_000, 'identity.basic', 'f');
    ingest(m, rules, big);
    // 45 left: a new crossing, 100.00 cannot pay 300.00 → one failure notice, then nothing until re-armed.
    expect(applyAutoTopup(m, rules, big)).toEqual({ kind: 'failed' });
    expect(applyAutoTopup(m, rules, calls(1, start + 130_000, 'identity.basic', 'g'))).toEqual({ kind: 'none' });
    expect(m.notices.filter((n) => n.kind === 'auto_topup_failed')).toHaveLength(1);
    recharge(m, 300n * U);
    expect(
      placeOrder(m, rules, { label: 'identity.basic', size: 1000, quantity: 1, serverOrderId: 'o', serverPackIds: [] })
        .ok,
    ).toBe(true);
    expect(m.rule.armed).toBe(true);
  });

  it('R10.1 spent = purchases + settlements − refunds of the month; a threshold is alerted once', () => {
    const m = newModel(start, ['r0']);
    recharge(m, 1000n * U);
    m.budgets.push({
      serverId: 'b1',
      amount: 400n * U,
      label: null,
      thresholds: [50, 80, 100],
      alerted: new Set(),
      reached: new Set(),
      deleted: false,
    });
    placeOrder(m, rules, { label: 'identity.basic', size: 1000, quantity: 1, serverOrderId: 'o', serverPackIds: [] });
    evaluateBudgets(m, true);
    evaluateBudgets(m, true);
    expect(budgetSpent(m, '2025-06', null)).toBe(300n * U);
    expect(m.notices.filter((n) => n.kind === 'budget_threshold').map((n) => n.contains[0])).toEqual([
      'budget:b1:2025-06:50',
    ]);
  });
});
