import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { interpolate, isMessageKey, type MessageKey } from '../../lib/i18n.tsx';
import type { Happening } from './api/types.ts';
import { eventText } from './event-text.ts';

function i18nOf(messages: Record<string, string>) {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(messages[key] ?? key, vars);
  return { t, tMaybe: (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback) };
}
const zh = i18nOf(zhCN);
const english = i18nOf(en);

// The codes and params the server sends (apps/bff/src/demo/event-codes.ts), one per code.
const EVENTS: Happening[] = [
  { at: 'x', kind: 'tenant_created', summary: '', code: 'tenant_created', params: { scenario: 'rich' } },
  {
    at: 'x',
    kind: 'usage_injected',
    summary: '',
    code: 'usage_injected',
    params: { count: 8200, 'outcome.pack': 8000, 'outcome.postpaid': 200 },
  },
  {
    at: 'x',
    kind: 'daily_settlement',
    summary: 'Settled 2026-11-28: ¥0.00 for 0 postpaid calls.',
    code: 'settlement',
    params: { period: '2026-11-28', amount: '0.00', calls: 0 },
  },
  {
    at: 'x',
    kind: 'arrears',
    summary: '',
    code: 'arrears',
    params: { available: '-13.00', suspendsAt: '2026-11-29T08:00:00+08:00', releasesAt: '2026-12-14T08:00:00+08:00' },
  },
  { at: 'x', kind: 'suspended', summary: '', code: 'suspended', params: { debt: '13.00' } },
  { at: 'x', kind: 'resumed', summary: '', code: 'resumed', params: {} },
  { at: 'x', kind: 'released', summary: '', code: 'released', params: { days: 15 } },
  {
    at: 'x',
    kind: 'budget_threshold',
    summary: '',
    code: 'budget',
    params: { budgetId: 'bdg_1', basis: 'actual', threshold: 80 },
  },
  { at: 'x', kind: 'daily_report', summary: '', code: 'daily_report', params: { period: '2026-11-27' } },
  {
    at: 'x',
    kind: 'trial_granted',
    summary: '',
    code: 'trial_granted',
    params: { grant: '2026', packs: 7, calls: 100 },
  },
  {
    at: 'x',
    kind: 'email_sent',
    summary: '',
    code: 'message_sent',
    params: { channel: 'email', recipient: 'a@b.example', subject: '资源包余量不足' },
  },
  {
    at: 'x',
    kind: 'pack_expiring',
    summary: '',
    code: 'pack_expiring',
    params: { packId: '42', label: 'mobile.2factor', days: 7 },
  },
  {
    at: 'x',
    kind: 'pack_expired',
    summary: '',
    code: 'pack_expired',
    params: { packId: '42', label: 'mobile.2factor', remaining: 18 },
  },
  {
    at: 'x',
    kind: 'usage_anomaly',
    summary: '',
    code: 'usage_anomaly',
    params: { label: 'identity.basic', day: '2026-11-27', actual: 5000, expected: 100 },
  },
  {
    at: 'x',
    kind: 'clock_resumed',
    summary: '',
    code: 'clock_resumed',
    params: { target: '2026-11-30T08:00:00+08:00' },
  },
];

/** An English sentence: three or more English words in a row (codes, ids and labels are single tokens). */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

describe("R9.3 demo timeline events in the reader's language", () => {
  it('the settlement of the issue reads in Chinese in the Chinese UI and in English in the English one', () => {
    const settled = EVENTS[2]!;
    expect(eventText(settled, zh)).toBe('已结算 2026-11-28：后付费调用 0 次，金额 ¥0.00。');
    expect(eventText(settled, english)).toBe('Settled 2026-11-28: ¥0.00 for 0 postpaid calls.');
  });

  it.each(EVENTS.map((e) => [e.code, e] as const))(
    '%s: no English sentence in Chinese, no placeholder left',
    (_, e) => {
      const zhText = eventText(e, zh);
      expect(zhText).not.toMatch(ENGLISH_SENTENCE);
      expect(zhText).not.toMatch(/\{\w+\}/);
      expect(eventText(e, english)).not.toMatch(/\{\w+\}/);
      // An email's own subject is quoted as it was sent; everything else in English has no Chinese.
      const enText = eventText(e, english).replace(String(e.params?.subject ?? '\u0000'), '');
      expect(enText).not.toMatch(/[\u4e00-\u9fff]/u);
    },
  );

  it('an event the console has no text for is shown as the server wrote it', () => {
    expect(eventText({ at: 'x', kind: 'new_kind', summary: 'Something new', code: 'new_kind', params: {} }, zh)).toBe(
      'Something new',
    );
  });
});
