import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import type { ClockAdvanced } from './api/types.ts';
import { checkTourStep, TOUR_STEPS, type TourSignals, type TourStepId } from './tour.ts';

const step = (id: TourStepId) => TOUR_STEPS.find((s) => s.id === id)!;
const sig = (over: Partial<TourSignals> = {}): TourSignals => ({
  now: '2026-11-20T10:00:00+08:00',
  status: 'active',
  notices: {},
  purchasedPacks: 1,
  budgets: 0,
  ...over,
});
const moved = (...kinds: string[]): ClockAdvanced => ({
  now: '2026-11-21T10:00:00+08:00',
  happened: kinds.map((kind) => ({ at: '2026-11-21T08:00:00+08:00', kind, summary: kind })),
});

describe('R9.3 a tour step that could not do what it says fails visibly', () => {
  it('R7 "use" fails when only the clock moved (no usage injected), and when no warning went out', () => {
    expect(checkTourStep(step('use'), sig(), sig(), moved('daily_settlement'))).toEqual({
      ok: false,
      reason: 'noUsage',
    });
    expect(checkTourStep(step('use'), sig(), sig(), moved('usage_injected'))).toEqual({
      ok: false,
      reason: 'noWarning',
    });
    expect(checkTourStep(step('use'), sig(), sig({ notices: { pack_low: 1 } }), moved('usage_injected'))).toEqual({
      ok: true,
    });
  });

  it('R6.1/R6.2 arrears and suspension are checked on the account status the server reports', () => {
    expect(checkTourStep(step('arrears'), sig(), sig(), moved('usage_injected', 'daily_settlement'))).toEqual({
      ok: false,
      reason: 'notArrears',
    });
    expect(checkTourStep(step('arrears'), sig(), sig({ status: 'arrears' }), moved('usage_injected'))).toEqual({
      ok: true,
    });
    expect(checkTourStep(step('suspended'), sig(), sig({ status: 'arrears' }), moved('usage_injected'))).toEqual({
      ok: false,
      reason: 'notSuspended',
    });
    expect(checkTourStep(step('recharge'), null, sig({ status: 'suspended' }), null)).toEqual({
      ok: false,
      reason: 'notActive',
    });
  });

  it('R8.1 customer steps and the refund window are checked too', () => {
    expect(checkTourStep(step('buy'), null, sig({ purchasedPacks: 0 }), null)).toEqual({ ok: false, reason: 'noPack' });
    expect(checkTourStep(step('guard'), null, sig(), null)).toEqual({ ok: false, reason: 'noBudget' });
    expect(checkTourStep(step('warning'), sig(), sig({ notices: { pack_low: 1 } }), moved())).toEqual({
      ok: false,
      reason: 'noSettlement',
    });
    expect(
      checkTourStep(step('window'), sig(), sig({ now: '2026-11-27T10:00:00+08:00' }), moved('daily_settlement')),
    ).toEqual({ ok: true });
  });

  it('R10.2/R10.3 the top-up needs a new delivered pack and the anomaly step a usage_anomaly', () => {
    const before = sig({ notices: { pack_delivered: 2 } });
    expect(checkTourStep(step('topup'), before, before, moved('usage_injected'))).toEqual({
      ok: false,
      reason: 'noTopup',
    });
    expect(
      checkTourStep(step('topup'), before, sig({ notices: { pack_delivered: 3 } }), moved('usage_injected')),
    ).toEqual({ ok: true });
    expect(checkTourStep(step('anomaly'), sig(), sig(), moved('usage_injected', 'usage_anomaly'))).toEqual({
      ok: true,
    });
  });

  it('every failure has a message in both languages', () => {
    for (const reason of [
      'noResource',
      'noUsage',
      'noPack',
      'noWarning',
      'noSettlement',
      'clockStuck',
      'notArrears',
      'notSuspended',
      'notActive',
      'noBudget',
      'noTopup',
      'noAnomaly',
    ]) {
      const key = `demo.tour.fail.${reason}` as keyof typeof zhCN;
      expect(zhCN[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });
});
