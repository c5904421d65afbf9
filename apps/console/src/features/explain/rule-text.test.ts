import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { withoutRuleIds } from './rule-text.ts';

describe('explainer wording (issue 17)', () => {
  it('drops rule ids from server sentences, in both languages', () => {
    expect(withoutRuleIds('earliest expiry (R4.2)')).toBe('earliest expiry');
    expect(withoutRuleIds('最早到期的资源包优先（R4.2）')).toBe('最早到期的资源包优先');
    expect(withoutRuleIds('covered on delivery (R4.3, R4.7)')).toBe('covered on delivery');
    expect(withoutRuleIds('R4.4: postpaid, all packs exhausted')).toBe('postpaid, all packs exhausted');
    expect(withoutRuleIds('Pack 12 (gift)')).toBe('Pack 12 (gift)');
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
