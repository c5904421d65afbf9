import { benefitPackages, certificateOrders, charges, ledgerEntries } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allPageItems, json, useTestApp } from './harness.ts';
import { expectLedgerConsistent } from './money-fixtures.ts';

type Cert = {
  id: string;
  status: string;
  amount: string;
  paid: { cash: string; gift: string; voucher: string; discount: string };
  benefitPoints: number;
  actions: { cancel: boolean; refund: boolean; refundBlockedBy: string | null };
  refundPreview: { cash: string; gift: string; benefitPoints: number } | null;
};

/** R8.6 the refund-policy consent the console sends once the customer ticks it. */
const ACCEPT = { policyAccepted: true };

const t = useTestApp();

const points = async () =>
  (await t.deps.db.select().from(benefitPackages).where(eq(benefitPackages.id, 'bp_demo_ssl')))[0]?.points;

describe('SSL certificate orders (R8.6)', () => {
  it('R8.6 lists the seeded orders, one per status, with the actions open to each', async () => {
    const demo = await t.login('demo@example.com');
    const list = await json<{ items: Cert[] }>(await demo.get('/api/v1/certificates'));
    const by = new Map(list.items.map((c) => [c.status, c]));
    expect([...by.keys()].sort()).toEqual(
      ['cancelled', 'failed', 'issued', 'pending_submission', 'refunded', 'review_suspended', 'validating'].sort(),
    );
    expect(by.get('pending_submission')?.actions).toEqual({
      cancel: true,
      refund: false,
      refundBlockedBy: 'CERTIFICATE_PENDING_CANCEL_FIRST',
    });
    expect(by.get('issued')?.actions).toMatchObject({
      cancel: false,
      refund: false,
      refundBlockedBy: 'CERTIFICATE_ISSUED',
    });
    expect(by.get('refunded')?.actions.refundBlockedBy).toBe('ALREADY_REFUNDED');
    for (const s of ['failed', 'review_suspended', 'cancelled']) expect(by.get(s)?.actions.refund).toBe(true);
    const other = await t.login('other@example.com');
    expect((await json<{ items: Cert[] }>(await other.get('/api/v1/certificates'))).items).toEqual([]);
  });

  it('R8.6 the refund-policy consent step: without policyAccepted true the refund is refused (400) and nothing moves', async () => {
    const demo = await t.login('demo@example.com');
    const [before] = await t.deps.db
      .select()
      .from(certificateOrders)
      .where(eq(certificateOrders.id, 'cert_demo_failed'));
    for (const body of [undefined, {}, { policyAccepted: false }]) {
      const res = await demo.post('/api/v1/certificates/cert_demo_failed/refund', body);
      expect(res.status).toBe(400);
      const problem = await json<{ code: string; errors: { path: string }[] }>(res);
      expect(problem.code).toBe('INVALID_REQUEST');
      expect(problem.errors.map((e) => e.path)).toEqual(['policyAccepted']);
    }
    const [after] = await t.deps.db
      .select()
      .from(certificateOrders)
      .where(eq(certificateOrders.id, 'cert_demo_failed'));
    expect(after).toEqual(before);
    const refundLines = await t.deps.db
      .select()
      .from(charges)
      .where(and(eq(charges.orderId, 'cert_demo_failed'), eq(charges.transactionType, 'refund')));
    expect(refundLines).toEqual([]);
  });

  it('R8.6 a pending order must be cancelled first (409 CERTIFICATE_PENDING_CANCEL_FIRST); after Cancel Application, Refund returns cash and gift as paid and the points to their package; voucher kept', async () => {
    const demo = await t.login('demo@example.com');
    const early = await demo.post('/api/v1/certificates/cert_demo_pending/refund');
    expect(early.status).toBe(409);
    expect((await json(early)).code).toBe('CERTIFICATE_PENDING_CANCEL_FIRST');

    const before = await json<{ balances: { cash: string; gift: string } }>(await demo.get('/api/v1/account'));
    const pointsBefore = await points();
    const cancelled = await demo.post('/api/v1/certificates/cert_demo_pending/cancel');
    expect(cancelled.status).toBe(200);
    const c = await json<Cert>(cancelled);
    expect(c.status).toBe('cancelled');
    expect(c.actions).toEqual({ cancel: false, refund: true, refundBlockedBy: null });
    expect(c.refundPreview).toEqual({ cash: '800.00', gift: '300.00', benefitPoints: 1 });

    const res = await demo.post('/api/v1/certificates/cert_demo_pending/refund', ACCEPT);
    expect(res.status).toBe(201);
    const r = await json<{ certificate: Cert; returned: unknown; notReturned: unknown }>(res);
    expect(r.returned).toEqual({ cash: '800.00', gift: '300.00', benefitPoints: 1 });
    expect(r.notReturned).toEqual({ voucher: '100.00', discount: '0.00' });
    expect(r.certificate.status).toBe('refunded');
    expect(await points()).toBe((pointsBefore ?? 0) + 1);
    const after = await json<{ balances: { cash: string; gift: string } }>(await demo.get('/api/v1/account'));
    const cents = (s: string) => BigInt(s.replace('.', ''));
    expect(cents(after.balances.cash) - cents(before.balances.cash)).toBe(80000n);
    expect(cents(after.balances.gift) - cents(before.balances.gift)).toBe(30000n);
    const lines = await t.deps.db
      .select()
      .from(charges)
      .where(and(eq(charges.orderId, 'cert_demo_pending'), eq(charges.transactionType, 'refund')));
    expect(lines.map((l) => [l.amount, l.paidCash, l.paidGift, l.paidVoucher])).toEqual([
      ['-1100.0000', '-800.0000', '-300.0000', '0.0000'],
    ]);
    const entries = await t.deps.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.refId, 'cert_demo_pending'), eq(ledgerEntries.reason, 'refund')));
    expect(entries).toHaveLength(2);

    // R8.4/R8.6 a completed refund is final.
    const again = await demo.post('/api/v1/certificates/cert_demo_pending/refund', ACCEPT);
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('ALREADY_REFUNDED');
    await expectLedgerConsistent(t, 'acct_demo');
  });

  it.each([
    [
      'cert_demo_failed',
      { cash: '700.00', gift: '200.00', benefitPoints: 2 },
      { voucher: '200.00', discount: '100.00' },
    ],
    [
      'cert_demo_suspended',
      { cash: '5000.00', gift: '600.00', benefitPoints: 0 },
      { voucher: '0.00', discount: '400.00' },
    ],
    [
      'cert_demo_cancelled',
      { cash: '1000.00', gift: '200.00', benefitPoints: 1 },
      { voucher: '0.00', discount: '0.00' },
    ],
  ])(
    'R8.6 %s (never issued) is refunded: cash and gift as paid; voucher and discount not returned',
    async (id, returned, notReturned) => {
      const demo = await t.login('demo@example.com');
      const res = await demo.post(`/api/v1/certificates/${id}/refund`, ACCEPT);
      expect(res.status).toBe(201);
      expect(await json(res)).toMatchObject({ returned, notReturned, certificate: { status: 'refunded' } });
      await expectLedgerConsistent(t, 'acct_demo');
    },
  );

  it.each([
    ['cert_demo_issued', 'refund', 'CERTIFICATE_ISSUED'],
    ['cert_demo_validating', 'refund', 'CERTIFICATE_IN_VALIDATION'],
    ['cert_demo_refunded', 'refund', 'ALREADY_REFUNDED'],
    ['cert_demo_issued', 'cancel', 'CERTIFICATE_NOT_CANCELLABLE'],
    ['cert_demo_validating', 'cancel', 'CERTIFICATE_NOT_CANCELLABLE'],
  ])('R8.6 %s: %s is refused with 409 %s and changes nothing', async (id, action, code) => {
    const demo = await t.login('demo@example.com');
    const [before] = await t.deps.db.select().from(certificateOrders).where(eq(certificateOrders.id, id));
    const res = await demo.post(`/api/v1/certificates/${id}/${action}`, action === 'refund' ? ACCEPT : undefined);
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe(code);
    const [after] = await t.deps.db.select().from(certificateOrders).where(eq(certificateOrders.id, id));
    expect(after).toEqual(before);
  });

  it('R8.6 a certificate refund sends a refund_completed notice that names the certificate order, not a resource pack', async () => {
    const demo = await t.login('demo@example.com');
    type Note = { kind: string; title: string; body: string };
    const zh = await json<{ items: Note[] }>(await demo.get('/api/v1/notifications?limit=200'));
    const notice = zh.items.find((n) => n.kind === 'refund_completed' && n.body.includes('pay.demo-tech.example'));
    expect(notice?.title).toBe('SSL 证书订单退费已完成');
    expect(notice?.body).toContain('¥900.00');
    expect(notice?.body).toContain('证书订单已作废');
    expect(notice?.body).not.toContain('资源包');
    const en = await json<{ items: Note[] }>(await demo.get('/api/v1/notifications?limit=200&lang=en'));
    const noticeEn = en.items.find((n) => n.kind === 'refund_completed' && n.body.includes('pay.demo-tech.example'));
    expect(noticeEn?.title).toBe('Certificate refund completed');
    expect(noticeEn?.body).toContain('The certificate order is void.');
    expect(noticeEn?.body).not.toMatch(/\bpack\b/i);
  });

  it('R8.6 certificate refunds appear in GET /refunds beside pack refunds, with kind certificate and what went back', async () => {
    const demo = await t.login('demo@example.com');
    type Rec = {
      id: string;
      kind: string;
      packId: string;
      orderId: string;
      amount: string;
      returned: { cash: string; income: string; gift: string };
      certificate: { id: string; domain: string; benefitPoints: number } | null;
    };
    const all = await allPageItems<Rec>(demo, '/api/v1/refunds?limit=2');
    const certs = all.filter((r) => r.kind === 'certificate');
    expect(certs.map((r) => r.id).sort()).toEqual(
      [
        'cert_demo_cancelled',
        'cert_demo_failed',
        'cert_demo_pending',
        'cert_demo_refunded',
        'cert_demo_suspended',
      ].sort(),
    );
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(certs.find((r) => r.id === 'cert_demo_failed')).toMatchObject({
      packId: '',
      orderId: 'cert_demo_failed',
      amount: '900.00',
      returned: { cash: '700.00', income: '0.00', gift: '200.00' },
      certificate: { id: 'cert_demo_failed', domain: 'pay.demo-tech.example', benefitPoints: 2 },
    });
    for (const r of all.filter((x) => x.kind === 'pack')) expect(r.certificate).toBeNull();
    const other = await t.login('other@example.com');
    const theirs = await json<{ items: Rec[] }>(await other.get('/api/v1/refunds'));
    expect(theirs.items.filter((r) => r.kind === 'certificate')).toEqual([]);
  });

  it("another account's certificate order is 404; a viewer may not cancel or refund (403)", async () => {
    const other = await t.login('other@example.com');
    expect((await other.post('/api/v1/certificates/cert_demo_validating/cancel')).status).toBe(404);
    expect((await other.post('/api/v1/certificates/cert_demo_validating/refund')).status).toBe(404);
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.post('/api/v1/certificates/cert_demo_validating/refund')).status).toBe(403);
    expect((await viewer.get('/api/v1/certificates')).status).toBe(200);
  });
});
