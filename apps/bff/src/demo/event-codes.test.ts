import { describe, expect, it } from 'vitest';
import { eventCode } from './event-codes.ts';

describe('R9.3 demo timeline events read back into codes and params', () => {
  it.each([
    [
      'daily_settlement',
      'Settled 2026-11-28: ¥0.00 for 0 postpaid calls.',
      'settlement',
      { period: '2026-11-28', amount: '0.00', calls: 0 },
    ],
    [
      'monthly_settlement',
      'Settled 2022-11: ¥1,083.34 for 12000 postpaid calls.',
      'settlement',
      { period: '2022-11', amount: '1,083.34', calls: 12000 },
    ],
    [
      'arrears',
      'Account in arrears: available balance ¥-13.00; service stops at 2026-11-29T08:00:00+08:00 unless recharged, and is released at 2026-12-14T08:00:00+08:00.',
      'arrears',
      { available: '-13.00', suspendsAt: '2026-11-29T08:00:00+08:00', releasesAt: '2026-12-14T08:00:00+08:00' },
    ],
    ['suspended', 'Still in arrears after 24 h: service suspended (R6.2), debt ¥13.00', 'suspended', { debt: '13.00' }],
    ['resumed', 'Balance back to 0 or more: service resumed (R6.3)', 'resumed', {}],
    ['released', 'Suspended for 15 days: postpaid configuration released (R6.4)', 'released', { days: 15 }],
    [
      'budget_threshold',
      'Budget bdg_1: actual spending crossed 80%',
      'budget',
      { budgetId: 'bdg_1', basis: 'actual', threshold: 80 },
    ],
    ['daily_report', 'Daily usage report for 2026-11-27', 'daily_report', { period: '2026-11-27' }],
    [
      'trial_granted',
      'Free trial (2026): 7 gift pack(s) of 100 calls',
      'trial_granted',
      { grant: '2026', packs: 7, calls: 100 },
    ],
    [
      'email_sent',
      'email to a@b.example: 资源包余量不足 / Pack running low',
      'message_sent',
      { channel: 'email', recipient: 'a@b.example', subject: '资源包余量不足 / Pack running low' },
    ],
    [
      'pack_expiring',
      'Pack 42 (mobile.2factor) expires in 7 days',
      'pack_expiring',
      { packId: '42', label: 'mobile.2factor', days: 7 },
    ],
    [
      'pack_expired',
      'Pack 42 (mobile.2factor) expired with 18 calls unused',
      'pack_expired',
      { packId: '42', label: 'mobile.2factor', remaining: 18 },
    ],
    [
      'usage_anomaly',
      'identity.basic on 2026-11-27: 5000 billable calls, about 100 expected',
      'usage_anomaly',
      { label: 'identity.basic', day: '2026-11-27', actual: 5000, expected: 100 },
    ],
    [
      'clock_resumed',
      'An interrupted clock move to 2026-11-30T08:00:00+08:00 resumed where it stopped',
      'clock_resumed',
      { target: '2026-11-30T08:00:00+08:00' },
    ],
    ['tenant_created', 'Demo tenant created from the "rich" scenario', 'tenant_created', { scenario: 'rich' }],
    [
      'usage_injected',
      '8200 calls injected: 8000 pack, 200 postpaid',
      'usage_injected',
      { count: 8200, 'outcome.pack': 8000, 'outcome.postpaid': 200 },
    ],
  ])('R9.3 %s: "%s" → %s', (kind, summary, code, params) => {
    expect(eventCode(kind, summary)).toEqual({ code, params });
  });

  it('R9.3 a sentence no pattern knows keeps its kind as code and no params (the console shows it as it is)', () => {
    expect(eventCode('something_new', 'Whatever happened')).toEqual({ code: 'something_new', params: {} });
    expect(eventCode('daily_settlement', 'A changed template')).toEqual({ code: 'daily_settlement', params: {} });
  });
});
