import type { Notification } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { catalogs, interpolate, type Locale, type Translate } from '../../lib/i18n.tsx';
import { NOTIFICATION_KINDS } from './kinds.ts';
import { notificationText } from './notification-text.ts';

const tr =
  (locale: Locale): Translate =>
  (key, vars) =>
    interpolate(catalogs[locale][key], vars);
const server = { title: 'server title', body: 'server body' };

/** A notice of `kind` with `params` (and the server's own text), as the console says it in Chinese and English. */
function say(kind: Notification['kind'], params: Notification['params']) {
  const n = { ...server, kind, params };
  return { zh: notificationText(n, tr('zh-CN'), 'zh-CN'), en: notificationText(n, tr('en'), 'en') };
}

describe('issue 17: notifications said by the console from kind and params', () => {
  it('R7 every notification kind has a title and a body in Chinese and English', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const part of ['title', 'body'] as const) {
        const key = `notif.text.${kind}.${part}` as keyof typeof zhCN;
        expect(zhCN[key], key).toBeTruthy();
        expect(en[key], key).toBeTruthy();
      }
    }
  });

  it('R6.1 the arrears notice formats money like the UI (never ¥-13333.00) and times in CST', () => {
    const { zh, en: english } = say('arrears', {
      balance: '-13333.00',
      debt: '13333.00',
      suspendsAt: '2026-11-22T08:00:00+08:00',
      releasesAt: '2026-12-07T08:00:00+08:00',
      days: 15,
    });
    expect(zh.title).toBe('账户已欠费');
    expect(zh.body).toContain(
      '结算后可用余额为 -¥13,333.00。请在 2026-11-22 08:00:00（北京时间）前充值至少 ¥13,333.00',
    );
    expect(english.body).toContain('available balance is -¥13,333.00. Recharge at least ¥13,333.00');
    expect(`${zh.body}${english.body}`).not.toMatch(/¥-|¥\d{4}/);
  });

  it('R8 the refund notice names the pack by its label in the reader’s language, not by its id', () => {
    const params = {
      packId: '9000001',
      labelZh: '身份证二要素',
      labelEn: 'ID card 2-factor',
      amount: '1083.34',
      cash: '1083.34',
      income: '0.00',
      gift: '0.00',
    };
    const { zh, en: english } = say('refund_completed', params);
    expect(zh.body).toBe('「身份证二要素」资源包已退款 ¥1,083.34：现金 ¥1,083.34，收益转入 ¥0.00，赠送 ¥0.00。');
    expect(english.body).toContain('The "ID card 2-factor" pack was refunded ¥1,083.34');
    expect(english.body).not.toContain('9000001');
    const { labelZh: _z, labelEn: _e, ...unlabelled } = params;
    expect(say('refund_completed', unlabelled).zh.body).toBe(
      '资源包已退款 ¥1,083.34：现金 ¥1,083.34，收益转入 ¥0.00，赠送 ¥0.00。',
    );
  });

  it('R7 texts the server sends in both languages are taken in the reader’s half', () => {
    const said = say('pack_exhausted', {
      labelZh: '活体',
      labelEn: 'Liveness',
      packId: '1',
      nextZh: '后续调用按后付费计费。',
      nextEn: 'Further calls are billed postpaid.',
    });
    expect(said.zh.body).toBe('「活体」资源包已用尽。后续调用按后付费计费。');
    expect(said.en.body).toBe('The "Liveness" pack is used up. Further calls are billed postpaid.');
  });

  it('falls back to the server’s text for notices without params or with params this console does not know', () => {
    expect(say('pack_low', null).zh).toEqual(server);
    expect(say('pack_low', { labelZh: 'x' }).zh).toEqual(server);
  });
});

describe('R8.6 a certificate refund notice is said as a certificate, not a pack', () => {
  it('the refund_completed certificate variant names the domain and formats money in both languages', () => {
    const { zh, en } = say('refund_completed', {
      variant: 'certificate',
      domain: 'shop.example.com',
      certificateId: 'cert_1',
      amount: '1280.00',
      cash: '1000.00',
      gift: '280.00',
      benefitPoints: 2,
    });
    expect(zh.title).toBe('SSL 证书订单退费已完成');
    expect(zh.body).toContain('shop.example.com');
    expect(zh.body).toContain('¥1,280.00');
    expect(zh.body).not.toContain('资源包');
    expect(en.title).toBe('Certificate refund completed');
    expect(en.body).toContain('¥1,000.00');
    expect(en.body).not.toMatch(/\bpack\b/i);
  });
});
