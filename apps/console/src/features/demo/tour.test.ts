import { AdvanceClockBody } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { TOUR_STEPS, tourRequest } from './tour.ts';

describe('scripted demo tour (issue 5)', () => {
  it('runs the story in order: buy, use, warning, refund window, arrears, suspension, recharge; then R10', () => {
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([
      'buy',
      'use',
      'warning',
      'window',
      'arrears',
      'suspended',
      'recharge',
      // Chapter 2 (issue 18): budget and auto top-up, the top-up, a quiet week, an anomaly.
      'guard',
      'topup',
      'quiet',
      'anomaly',
    ]);
  });

  it('leaves buying and recharging to the customer view; every other step moves the clock', () => {
    for (const s of TOUR_STEPS) {
      if (s.id === 'buy' || s.id === 'recharge' || s.id === 'guard') {
        expect(s.actor).toBe('customer');
        expect(tourRequest(s, 'res-1')).toBeNull();
      } else {
        expect(s.actor).toBe('panel');
        expect(s.move).toBeDefined();
      }
    }
  });

  it('sends clock requests the server accepts (contracts AdvanceClockBody)', () => {
    for (const s of TOUR_STEPS.filter((x) => x.actor === 'panel')) {
      const body = tourRequest(s, 'res-demo-1');
      expect(body).not.toBeNull();
      expect(AdvanceClockBody.safeParse(body).success, s.id).toBe(true);
    }
  });

  it('uses the tenant resource and the PM edits for injected usage', () => {
    const use = TOUR_STEPS.find((s) => s.id === 'use')!;
    expect(tourRequest(use, 'res-x')).toEqual({
      advanceBy: 'P1D',
      usage: [{ label: 'mobile.2factor', resourceId: 'res-x', callsPerDay: 8_200, nonBillableShare: '0' }],
    });
    expect(tourRequest(use, 'res-x', { label: 'identity.basic', callsPerDay: 900, nonBillableShare: '0.1' })).toEqual({
      advanceBy: 'P1D',
      usage: [{ label: 'identity.basic', resourceId: 'res-x', callsPerDay: 900, nonBillableShare: '0.1' }],
    });
    // Without a known resource the clock still moves, without usage.
    expect(tourRequest(use, undefined)).toEqual({ advanceBy: 'P1D' });
  });

  it('the "use" step takes a 10,000-call pack below the 20% warning but not to zero (R7)', () => {
    const use = TOUR_STEPS.find((s) => s.id === 'use')!;
    const left = 10_000 - (use.usage?.callsPerDay ?? 0);
    expect(left).toBeGreaterThan(0);
    expect(left / 10_000).toBeLessThan(0.2);
  });

  it('the refund-window step moves a week, so a pack bought the day before is past D+7 (R8.1)', () => {
    const days = { 'next-settlement': 1, P1D: 1, P7D: 7, PT1H: 0 } as const;
    const upToWindow = TOUR_STEPS.slice(1, TOUR_STEPS.findIndex((s) => s.id === 'window') + 1);
    const total = upToWindow.reduce(
      (n, s) => n + (s.move ? days['to' in s.move ? s.move.to : s.move.advanceBy] : 0),
      0,
    );
    expect(total).toBeGreaterThanOrEqual(8);
  });

  it('has a title, an instruction and a "look at" text for every step in both languages', () => {
    for (const s of TOUR_STEPS) {
      for (const part of ['title', 'do', 'look'] as const) {
        const key = `demo.tour.${s.id}.${part}` as keyof typeof zhCN;
        expect(zhCN[key], key).toBeTruthy();
        expect(en[key], key).toBeTruthy();
      }
    }
  });
});
