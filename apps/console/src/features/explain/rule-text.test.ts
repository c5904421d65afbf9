import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { expectCases } from '../../test/expect-cases.ts';
import { withoutRuleIds } from './rule-text.ts';

describe('explainer wording (issue 17)', () => {
  it('drops rule ids from server sentences, in both languages', () => {
    expectCases(withoutRuleIds, [
      ['earliest expiry (R4.2)', 'earliest expiry'],
      ['最早到期的资源包优先（R4.2）', '最早到期的资源包优先'],
      ['covered on delivery (R4.3, R4.7)', 'covered on delivery'],
      ['R4.4: postpaid, all packs exhausted', 'postpaid, all packs exhausted'],
      ['Pack 12 (gift)', 'Pack 12 (gift)'],
    ]);
  });

  it('no explainer message shown to customers names a rule id (R4.2 and friends)', () => {
    for (const messages of [zhCN, en] as const) {
      const explain = Object.entries(messages).filter(([k]) => k.startsWith('explain.'));
      expect(explain.length).toBeGreaterThan(10);
      for (const [key, text] of explain) expect({ key, text }).toEqual({ key, text: withoutRuleIds(text) });
      for (const [key, text] of explain) expect(`${key}: ${text}`).not.toMatch(/\bR\d+\.\d+/);
    }
  });
});
