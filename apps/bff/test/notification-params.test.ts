import type { Notification } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { render } from '../src/notifications/templates.ts';
import { json, useTestApp } from './harness.ts';
import { buy, customer, refund } from './money-fixtures.ts';

// Issue 17: a notice carries the params it was made from (the console says it in its reader's
// language), money reads as in the console, and packs are named by their label, not their id.
const t = useTestApp();

describe('R7 notification texts and params (issue 17)', () => {
  it('R6.1 money in a notice reads as in the console: grouped, sign before ¥', () => {
    const n = render('arrears', {
      balance: '-13333.00',
      debt: '13333.00',
      suspendsAt: '2026-11-22T08:00:00+08:00',
      releasesAt: '2026-12-07T08:00:00+08:00',
      days: 15,
    });
    expect(n.bodyZh).toContain('结算后可用余额为 -¥13,333.00');
    expect(n.bodyZh).toContain('充值至少 ¥13,333.00');
    expect(n.bodyEn).toContain('available balance is -¥13,333.00');
    expect(n.bodyEn).not.toMatch(/¥-|¥\d{4}/);
  });

  it('R7 pack notices name the pack by its label, never by its id', () => {
    const n = render('pack_low', {
      labelZh: '身份证二要素',
      labelEn: 'ID basic',
      packId: '42',
      remaining: 150,
      total: 1000,
    });
    expect(n.bodyZh).toBe('「身份证二要素」资源包剩余 150/1000 次。');
    expect(n.bodyEn).not.toContain('42');
  });

  it('R8 the refund notice names the refunded pack by its label and the response carries its params', async () => {
    t.clock.set('2026-11-20T10:00:00+08:00');
    const a = await customer(t, { balances: { cash: '2000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    const pack = o.packs[0];
    if (!pack) throw new Error('one pack expected');
    expect((await refund(a.c, pack.id)).status).toBe(201);

    const zh = await json<{ items: Notification[] }>(await a.c.get('/api/v1/notifications?lang=zh-CN'));
    const done = zh.items.find((n) => n.kind === 'refund_completed');
    expect(done?.params).toMatchObject({ packId: pack.id, amount: '145.00', labelZh: expect.any(String) });
    expect(done?.body).toContain(`「${done?.params?.labelZh}」资源包已退款 ¥145.00`);
    expect(done?.body).not.toContain(pack.id);
    const delivered = zh.items.find((n) => n.kind === 'pack_delivered');
    expect(delivered?.params).toMatchObject({ quantity: 1, size: 1000 });
  });

  it('a refund notice sent without a label still reads as a sentence', () => {
    const n = render('refund_completed', {
      packId: '7',
      amount: '1083.34',
      cash: '1083.34',
      income: '0.00',
      gift: '0.00',
    });
    expect(n.bodyZh).toBe('资源包已退款 ¥1,083.34：现金 ¥1,083.34，收益转入 ¥0.00，赠送 ¥0.00。');
    expect(n.bodyEn).not.toContain('{');
  });
});
