import { describe, expect, it } from 'vitest';
import { type ArrearsState, stepArrears } from './arrears-lifecycle.ts';
import { parseMoney } from './money.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);
const H = 3_600_000;
const since = cst('2026-11-21T08:00:00');
const inArrears: ArrearsState = { status: 'arrears', arrearsSince: since, suspendedAt: null };
const owing = { available: parseMoney('-200.00'), releaseAfterDays: 15 };
const at = (ms: number) => new Date(since.getTime() + ms);

describe('arrears state machine (R6.2–R6.4)', () => {
  it('R6.2 an account still in arrears is not suspended a minute before 24 h', () => {
    const r = stepArrears(inArrears, owing, at(24 * H - 60_000));
    expect(r.next).toEqual(inArrears);
    expect(r.actions).toEqual([]);
  });

  it('R6.2 suspended at exactly arrears + 24 h, however late the step runs, with the debt and release time', () => {
    const r = stepArrears(inArrears, owing, at(30 * H));
    expect(r.next).toEqual({ status: 'suspended', arrearsSince: since, suspendedAt: at(24 * H) });
    expect(r.actions).toEqual([
      {
        kind: 'suspended',
        at: at(24 * H),
        episode: since,
        debt: parseMoney('200.00'),
        releasesAt: cst('2026-12-07T08:00:00'),
        releaseAfterDays: 15,
      },
    ]);
  });

  it('R6.2 a suspended account is not suspended again', () => {
    const suspended = stepArrears(inArrears, owing, at(30 * H)).next;
    const r = stepArrears(suspended, owing, at(31 * H));
    expect(r.next).toEqual(suspended);
    expect(r.actions).toEqual([]);
  });

  it('R6.3 an account in arrears whose balance is back to 0 or more resumes (and the episode ends)', () => {
    const r = stepArrears(inArrears, { available: 0n, releaseAfterDays: 15 }, at(2 * H));
    expect(r.next).toEqual({ status: 'active', arrearsSince: null, suspendedAt: null });
    expect(r.actions).toEqual([{ kind: 'resumed', at: at(2 * H), episode: since, available: 0n }]);
  });

  it('R6.3 resuming wins over a suspension that would also be due: money arrived, service never stops', () => {
    const r = stepArrears(inArrears, { available: parseMoney('5.00'), releaseAfterDays: 15 }, at(40 * H));
    expect(r.actions.map((a) => a.kind)).toEqual(['resumed']);
  });

  it('R6.4 released the set number of days after the suspension, not before', () => {
    const suspended = stepArrears(inArrears, owing, at(24 * H)).next;
    const early = stepArrears(suspended, owing, at(24 * H + 15 * 24 * H - 1));
    expect(early.actions).toEqual([]);
    const r = stepArrears(suspended, owing, at(24 * H + 15 * 24 * H));
    expect(r.next.status).toBe('released');
    expect(r.actions).toEqual([
      { kind: 'released', at: at(24 * H + 15 * 24 * H), suspendedAt: at(24 * H), releaseAfterDays: 15 },
    ]);
  });

  it('R6.2/R6.4 a clock that jumps past both catches up in one step, each action dated when it was due', () => {
    const r = stepArrears(inArrears, { ...owing, releaseAfterDays: 3 }, at(100 * 24 * H));
    expect(r.next).toEqual({ status: 'released', arrearsSince: since, suspendedAt: at(24 * H) });
    expect(r.actions.map((a) => [a.kind, a.at])).toEqual([
      ['suspended', at(24 * H)],
      ['released', at(4 * 24 * H)],
    ]);
  });

  it('R6.4 a suspended account stays suspended while the balance is back (only a recharge resumes it, R6.3)', () => {
    const suspended: ArrearsState = { status: 'suspended', arrearsSince: since, suspendedAt: at(24 * H) };
    const r = stepArrears(suspended, { available: parseMoney('10.00'), releaseAfterDays: 15 }, at(48 * H));
    expect(r.next).toEqual(suspended);
    expect(r.actions).toEqual([]);
  });

  it('R6 active and released accounts have nothing due', () => {
    for (const status of ['active', 'released'] as const) {
      const s: ArrearsState = { status, arrearsSince: null, suspendedAt: null };
      expect(stepArrears(s, owing, at(1000 * H))).toEqual({ next: s, actions: [] });
    }
  });
});
