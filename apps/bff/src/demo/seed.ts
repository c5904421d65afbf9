import {
  addDays,
  cstDate,
  cstMonth,
  formatMoney4,
  giftPackExpiry,
  lastDueSettlementDay,
  parseMoney,
  purchasedPackExpiry,
  startOfCstDay,
} from '@idv/billing';
import {
  accounts,
  benefitPackages,
  certificateOrders,
  type Db,
  packs,
  resources,
  seedCatalog,
  usageEvents,
  users,
  vouchers,
} from '@idv/db';
import { eq, sql } from 'drizzle-orm';
import { ManualClock } from '../clock.ts';
import type { Auth, Deps } from '../deps.ts';
import { lockAccount, postLedger } from '../repositories/ledger.ts';
import { insertCharge } from '../repositories/orders.ts';
import { hashPassword } from '../use-cases/auth/sign-in.ts';
import { markNotificationsRead } from '../use-cases/notifications/mark-notifications-read.ts';
import { placeOrder } from '../use-cases/orders/place-order.ts';
import { deliverPacks } from '../use-cases/packs/deliver-packs.ts';
import { requestRefund } from '../use-cases/refunds/request-refund.ts';
import { settlePeriod } from '../use-cases/settlement/settle-period.ts';

/** The password of every seeded user (api.md "Seed users"). */
export const SEED_PASSWORD = 'demo-pass-2026';

const DAY = 86_400_000;

/**
 * The demo data of the embedded default (api.md "Seed users"): a demo customer with packs in every
 * state and a few months of history, a second unrelated customer, a support agent and a PM.
 * Runs once: does nothing if the demo user exists.
 *
 * Where the line is (docs/architecture.md, "Demo seed"): every money operation goes through the use
 * case the app uses for it, on a demo clock set to the moment it happened — purchases (placeOrder),
 * the refund (requestRefund), pack deliveries (deliverPacks) and every day's settlement (settlePeriod,
 * which also writes the pack deductions). What is inserted as data is what no use case makes or what
 * would be too slow one row at a time: the accounts, users, applications and vouchers, the opening
 * balances brought forward, months of usage events (tens of thousands of rows; the pack counters they
 * explain are set with them) and the SSL certificate orders (no use case places one; the R9.3 rich
 * demo tenant inserts them the same way).
 *
 * The users are inserted last: they mark a finished seed (a start interrupted half-way fails loudly
 * next time instead of leaving half a demo), and the history's notices stay in the console only
 * (no owner to email when they happened, so no old mail is queued at the first start); they are
 * marked read, as the owners would have.
 */
export async function seedDemo(deps: Deps): Promise<boolean> {
  const db = deps.db;
  await seedCatalog(db);
  const existing = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = 'demo@example.com'`);
  if (existing.length > 0) return false;
  const [partial] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, 'acct_demo'));
  if (partial) throw new Error('acct_demo exists without its users: an earlier demo seed was interrupted.');

  const now = deps.clock.now();
  const clock = new ManualClock(now);
  const ctx: Ctx = { deps: { ...deps, clock }, clock, now };
  const activated = daysAgo(now, 600);
  await db.transaction(async (tx) => {
    await tx.insert(accounts).values([
      { id: 'acct_demo', name: '示例科技有限公司 Demo Tech Co.', settlement: 'daily', activatedAt: activated },
      { id: 'acct_other', name: '另一家公司 Other Corp.', settlement: 'daily', activatedAt: activated },
    ]);
    await tx.insert(resources).values([
      {
        id: 'res-kyc-prod',
        accountId: 'acct_demo',
        alias: 'KYC 生产 / KYC prod',
        project: 'onboarding',
        region: 'ap-guangzhou',
      },
      {
        id: 'res-kyc-test',
        accountId: 'acct_demo',
        alias: 'KYC 测试 / KYC test',
        project: 'onboarding',
        region: 'ap-shanghai',
      },
      {
        id: 'res-risk-web',
        accountId: 'acct_demo',
        alias: '风控网页 / Risk web',
        project: 'risk',
        region: 'ap-beijing',
      },
      { id: 'res-other-app', accountId: 'acct_other', alias: 'Other app', project: 'default', region: 'ap-guangzhou' },
    ]);
    // The balances brought forward at activation (data: the demo's history starts with them).
    const opening = (accountId: string, b: { cash: string; income: string; gift: string }) =>
      postLedger(tx, {
        accountId,
        amounts: { cash: parseMoney(b.cash), income: parseMoney(b.income), gift: parseMoney(b.gift) },
        reason: 'opening',
        refType: 'seed',
        refId: accountId,
        at: activated,
      });
    await opening('acct_demo', { cash: '52000.00', income: '3000.00', gift: '800.00' });
    await opening('acct_other', { cash: '1000.00', income: '0', gift: '0' });
    await tx.insert(vouchers).values([
      {
        id: 'vch_demo_any',
        accountId: 'acct_demo',
        faceValue: '200.0000',
        expiresAt: daysAgo(now, -200),
        productGroups: null,
      },
      {
        id: 'vch_demo_realname',
        accountId: 'acct_demo',
        faceValue: '100.0000',
        expiresAt: daysAgo(now, -90),
        productGroups: ['realname'],
      },
      {
        id: 'vch_other',
        accountId: 'acct_other',
        faceValue: '50.0000',
        expiresAt: daysAgo(now, -90),
        productGroups: null,
      },
    ]);
  });

  // Free-trial gift packs granted 30 minutes after activation (R3.4), long expired now.
  const trialAt = new Date(activated.getTime() + 30 * 60_000);
  await giftPack(ctx, 'acct_demo', 'enhanced.authority.wechat', 100, trialAt, 37, 'trial');
  await giftPack(ctx, 'acct_demo', 'basic.selfie', 100, trialAt, 100, 'trial');
  // A promotion gift pack that is still active.
  await giftPack(ctx, 'acct_demo', 'basic.authority', 500, daysAgo(now, 10), 120, 'promotion');
  // Purchases in every state (R3.3, paid per R2.3 by the use case).
  await purchase(ctx, 'acct_demo', 'identity.basic', 10_000, 1, daysAgo(now, 40), [6_420]);
  await purchase(ctx, 'acct_demo', 'enhanced.authority.wechat', 1_000, 2, daysAgo(now, 2), [0, 0]);
  await purchase(ctx, 'acct_demo', 'mobile.2factor', 1_000, 1, daysAgo(now, 100), [1_000]);
  await purchase(ctx, 'acct_demo', 'basic.selfie', 1_000, 1, daysAgo(now, 400), [812]);
  const [refundable] = await purchase(ctx, 'acct_demo', 'bankcard.verify', 1_000, 1, daysAgo(now, 20), [0]);
  if (refundable === undefined) throw new Error('seed: no bankcard.verify pack');
  clock.set(daysAgo(now, 18));
  await requestRefund(ctx.deps, {
    auth: ownerAuth('acct_demo', 'usr_demo'),
    accountId: 'acct_demo',
    packId: refundable,
    idempotencyKey: null,
  });
  await purchase(ctx, 'acct_other', 'identity.basic', 1_000, 1, daysAgo(now, 5), [10]);

  // A few months of postpaid usage (R5.1), one line per label and resource per day.
  await postpaidUsage(ctx, 'acct_demo', [
    { label: 'risk.face', resourceId: 'res-risk-web', days: 90, callsOn: (d) => 200 + ((d * 37) % 90) },
    { label: 'nfc.idcard', resourceId: 'res-kyc-prod', days: 60, callsOn: (d) => 5 + (d % 7) },
  ]);
  // Every day with usage is settled by the settlement use case (postpaid charges paid per R2.3, the
  // packs' zero-cost deduction lines, R5.5), and the last due day last, as the morning job would have.
  for (const accountId of ['acct_demo', 'acct_other']) await settleHistory(ctx, accountId);
  // The owners have read the history's notices (delivery and refund, R7): the demo starts with an empty
  // inbox, and the notification centre still lists them.
  clock.set(now);
  for (const accountId of ['acct_demo', 'acct_other']) await markNotificationsRead(ctx.deps, accountId, null);
  await seedCertificateOrders(db, now);

  const hash = await hashPassword(SEED_PASSWORD);
  await db.insert(users).values([
    {
      id: 'usr_demo',
      email: 'demo@example.com',
      name: 'Demo Owner',
      passwordHash: hash,
      kind: 'customer',
      roles: ['owner'],
      accountId: 'acct_demo',
    },
    {
      id: 'usr_viewer',
      email: 'viewer@example.com',
      name: 'Demo Viewer',
      passwordHash: hash,
      kind: 'customer',
      roles: ['viewer'],
      accountId: 'acct_demo',
    },
    {
      id: 'usr_other',
      email: 'other@example.com',
      name: 'Other Owner',
      passwordHash: hash,
      kind: 'customer',
      roles: ['owner'],
      accountId: 'acct_other',
    },
    {
      id: 'usr_agent',
      email: 'agent@example.com',
      name: 'Support Agent',
      passwordHash: hash,
      kind: 'staff',
      roles: ['support', 'support_write'],
    },
    {
      id: 'usr_pm',
      email: 'pm@example.com',
      name: 'Product Manager',
      passwordHash: hash,
      kind: 'staff',
      roles: ['pm'],
    },
  ]);
  return true;
}

interface Ctx {
  /** The caller's Deps on the demo clock. */
  deps: Deps;
  clock: ManualClock;
  /** The seed's "now": the end of the history. */
  now: Date;
}

function daysAgo(now: Date, n: number): Date {
  return new Date(now.getTime() - n * DAY);
}

function ownerAuth(accountId: string, userId: string): Auth {
  return {
    sessionId: 'demo-seed',
    user: { id: userId, email: '', name: 'Demo seed', kind: 'customer', roles: ['owner'], accountId },
    accountId,
    impersonation: null,
  };
}

async function giftPack(
  ctx: Ctx,
  accountId: string,
  label: string,
  total: number,
  at: Date,
  used: number,
  reason: string,
): Promise<void> {
  const expiresAt = giftPackExpiry(at);
  const ids = await ctx.deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    if (!account) throw new Error(`seed: no account ${accountId}`);
    const delivered = await deliverPacks(
      tx,
      account,
      [{ label, source: 'gift', total, acquiredAt: at, expiresAt, grantReason: reason }],
      at,
    );
    return delivered.ids;
  });
  for (const id of ids) await consume(ctx, accountId, id, label, total, at, expiresAt, used);
}

/** Places an order at `at` through the use case, then lets each pack take its calls. Returns the pack ids. */
async function purchase(
  ctx: Ctx,
  accountId: string,
  label: string,
  size: number,
  quantity: number,
  at: Date,
  usedPerPack: number[],
): Promise<bigint[]> {
  ctx.clock.set(at);
  const { body } = await placeOrder(ctx.deps, {
    auth: ownerAuth(accountId, accountId === 'acct_demo' ? 'usr_demo' : 'usr_other'),
    accountId,
    body: { label, size, quantity },
    idempotencyKey: null,
  });
  const ids = body.packs.map((p) => BigInt(p.id));
  const expiresAt = purchasedPackExpiry(at);
  for (const [i, id] of ids.entries())
    await consume(ctx, accountId, id, label, size, at, expiresAt, usedPerPack[i] ?? 0);
  return ids;
}

/** The applications each seeded account's pack usage comes from. */
const PACK_RESOURCES: Record<string, string[]> = {
  acct_demo: ['res-kyc-prod', 'res-kyc-test'],
  acct_other: ['res-other-app'],
};

/**
 * Usage as data: `used` events on the pack, spread evenly over its life so far (at most 60 days), and
 * the pack's counter and state to match (exhausted, or expired once past its expiry). The settlement
 * of each day then bills them (zero-cost deduction lines, R5.5).
 */
async function consume(
  ctx: Ctx,
  accountId: string,
  packId: bigint,
  label: string,
  total: number,
  from: Date,
  expiresAt: Date,
  used: number,
): Promise<void> {
  const db = ctx.deps.db;
  const status =
    expiresAt.getTime() < ctx.now.getTime() ? 'expired' : used >= total ? 'exhausted' : ('active' as const);
  if (used > 0 || status !== 'active') {
    await db.update(packs).set({ used, status }).where(eq(packs.id, packId));
  }
  if (used === 0) return;
  const resourcesOf = PACK_RESOURCES[accountId] ?? [];
  const end = Math.min(expiresAt.getTime(), ctx.now.getTime() - DAY);
  const spanDays = Math.max(1, Math.floor((end - from.getTime()) / DAY));
  const days = Math.min(spanDays, 60);
  const rows: (typeof usageEvents.$inferInsert)[] = [];
  for (let i = 0; i < used; i++) {
    const day = Math.floor((i * days) / used);
    const at = new Date(from.getTime() + day * DAY + 60_000 + (i % 997) * 1_000);
    rows.push({
      accountId,
      eventId: `seed-${packId}-${i}`,
      label,
      resourceId: resourcesOf[i % resourcesOf.length] ?? 'res-kyc-prod',
      result: i % 9 === 0 ? 'compare_mismatch' : 'success',
      occurredAt: at,
      day: cstDate(at),
      outcome: 'pack',
      packId,
      rule: 'only_pack',
      receivedAt: at,
    });
  }
  await insertEvents(db, rows);
}

async function insertEvents(db: Db, rows: (typeof usageEvents.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(usageEvents).values(rows.slice(i, i + 1000));
}

/** Postpaid calls (no pack covers these labels) as data; settleHistory bills them. */
async function postpaidUsage(
  ctx: Ctx,
  accountId: string,
  specs: { label: string; resourceId: string; days: number; callsOn: (dayIndex: number) => number }[],
): Promise<void> {
  const today = cstDate(ctx.now);
  const rows: (typeof usageEvents.$inferInsert)[] = [];
  for (const spec of specs) {
    for (let d = spec.days; d >= 1; d--) {
      const day = addDays(today, -d);
      const start = startOfCstDay(day).getTime() + 8 * 3_600_000;
      const calls = spec.callsOn(d);
      for (let i = 0; i < calls; i++) {
        const at = new Date(start + i * 97_000);
        rows.push({
          accountId,
          eventId: `seed-${spec.label}-${day}-${i}`,
          label: spec.label,
          resourceId: spec.resourceId,
          result: 'success',
          occurredAt: at,
          day,
          outcome: 'postpaid',
          rule: 'postpaid_no_pack',
          receivedAt: at,
        });
      }
    }
  }
  await insertEvents(ctx.deps.db, rows);
}

/**
 * R5.1/R5.3 settles, oldest first, every day of the account that has usage, then the last day that is
 * due: yesterday from 08:00 CST on, the day before it earlier in the morning (a day is settled at D+1
 * 08:00, so before 08:00 yesterday is not due yet and its usage is still waiting, as in production).
 */
async function settleHistory(ctx: Ctx, accountId: string): Promise<void> {
  const lastDue = lastDueSettlementDay(ctx.now);
  const days = await ctx.deps.db
    .selectDistinct({ day: usageEvents.day })
    .from(usageEvents)
    .where(sql`${usageEvents.accountId} = ${accountId} and ${usageEvents.day} < ${lastDue}`)
    .orderBy(usageEvents.day);
  for (const day of [...days.map((d) => d.day), lastDue]) {
    await settlePeriod(ctx.deps, accountId, { kind: 'daily', day });
  }
}

/**
 * R8.6 SSL certificate orders of the demo account, one per status, and the benefit package their points
 * came from (data: no use case places a certificate order; the rich demo tenant inserts them too). Each
 * payment is in the ledger and the itemized bill (the refunded one with its refund), so balances still
 * equal their ledger (R2.4). The gift parts are covered by a promotion gift credit of the same total, so
 * the demo account's other balances and history are unchanged apart from cash.
 */
async function seedCertificateOrders(db: Db, now: Date): Promise<void> {
  const accountId = 'acct_demo';
  await db.insert(benefitPackages).values({
    id: 'bp_demo_ssl',
    accountId,
    name: 'SSL 证书权益包 / SSL benefit package',
    points: 3,
  });
  type Cert = {
    id: string;
    domain: string;
    product: string;
    status: (typeof certificateOrders.$inferInsert)['status'];
    daysAgo: number;
    cash: string;
    gift: string;
    voucher: string;
    discount: string;
    points: number;
    everIssued?: boolean;
  };
  const certs: Cert[] = [
    {
      id: 'cert_demo_pending',
      domain: 'shop.demo-tech.example',
      product: 'ssl.dv',
      status: 'pending_submission',
      daysAgo: 3,
      cash: '800.00',
      gift: '300.00',
      voucher: '100.00',
      discount: '0',
      points: 1,
    },
    {
      id: 'cert_demo_validating',
      domain: 'api.demo-tech.example',
      product: 'ssl.ov',
      status: 'validating',
      daysAgo: 5,
      cash: '2500.00',
      gift: '500.00',
      voucher: '0',
      discount: '0',
      points: 0,
    },
    {
      id: 'cert_demo_issued',
      domain: 'www.demo-tech.example',
      product: 'ssl.ov',
      status: 'issued',
      daysAgo: 60,
      cash: '3000.00',
      gift: '0',
      voucher: '0',
      discount: '0',
      points: 0,
      everIssued: true,
    },
    {
      id: 'cert_demo_failed',
      domain: 'pay.demo-tech.example',
      product: 'ssl.dv',
      status: 'failed',
      daysAgo: 10,
      cash: '700.00',
      gift: '200.00',
      voucher: '200.00',
      discount: '100.00',
      points: 2,
    },
    {
      id: 'cert_demo_suspended',
      domain: 'kyc.demo-tech.example',
      product: 'ssl.ev',
      status: 'review_suspended',
      daysAgo: 15,
      cash: '5000.00',
      gift: '600.00',
      voucher: '0',
      discount: '400.00',
      points: 0,
    },
    {
      id: 'cert_demo_cancelled',
      domain: 'old.demo-tech.example',
      product: 'ssl.dv',
      status: 'cancelled',
      daysAgo: 20,
      cash: '1000.00',
      gift: '200.00',
      voucher: '0',
      discount: '0',
      points: 1,
    },
    {
      id: 'cert_demo_refunded',
      domain: 'legacy.demo-tech.example',
      product: 'ssl.dv',
      status: 'refunded',
      daysAgo: 30,
      cash: '1200.00',
      gift: '0',
      voucher: '0',
      discount: '0',
      points: 0,
    },
  ];
  const giftTotal = certs.reduce((a, c) => a + parseMoney(c.gift), 0n);
  await postLedger(db, {
    accountId,
    amounts: { gift: giftTotal },
    reason: 'adjustment',
    refType: 'promotion',
    refId: 'seed-ssl-promotion',
    at: daysAgo(now, 90),
  });
  const m4 = formatMoney4;
  for (const c of certs) {
    const at = daysAgo(now, c.daysAgo);
    const paid = {
      cash: parseMoney(c.cash),
      gift: parseMoney(c.gift),
      voucher: parseMoney(c.voucher),
      discount: parseMoney(c.discount),
    };
    const amount = paid.cash + paid.gift + paid.voucher + paid.discount;
    // The bill line is what was charged: the list price less the discount (voucher, gift and cash paid it).
    const charged = paid.cash + paid.gift + paid.voucher;
    const refundedAt = c.status === 'refunded' ? daysAgo(now, c.daysAgo - 5) : null;
    await db.insert(certificateOrders).values({
      id: c.id,
      accountId,
      domain: c.domain,
      product: c.product,
      status: c.status,
      amount: m4(amount),
      paidCash: m4(paid.cash),
      paidGift: m4(paid.gift),
      paidVoucher: m4(paid.voucher),
      paidDiscount: m4(paid.discount),
      benefitPoints: c.points,
      benefitPackageId: c.points > 0 ? 'bp_demo_ssl' : null,
      everIssued: c.everIssued ?? false,
      createdAt: at,
      refundedAt,
    });
    const ledgerOf = (sign: bigint, reason: 'purchase' | 'refund', when: Date) =>
      postLedger(db, {
        accountId,
        amounts: { gift: sign * paid.gift, cash: sign * paid.cash },
        reason,
        refType: 'certificate',
        refId: c.id,
        at: when,
      });
    await ledgerOf(-1n, 'purchase', at);
    const line = {
      accountId,
      resourceId: null,
      product: 'ssl',
      label: c.product,
      billingMode: 'prepaid' as const,
      unitPrice: m4(charged),
      quantity: 1,
      paidIncome: '0',
      orderId: c.id,
    };
    await insertCharge(db, {
      ...line,
      occurredAt: at,
      month: cstMonth(at),
      transactionType: 'purchase',
      amount: m4(charged),
      paidCash: m4(paid.cash),
      paidGift: m4(paid.gift),
      paidVoucher: m4(paid.voucher),
    });
    if (refundedAt) {
      await ledgerOf(1n, 'refund', refundedAt);
      await insertCharge(db, {
        ...line,
        occurredAt: refundedAt,
        month: cstMonth(refundedAt),
        transactionType: 'refund',
        amount: m4(-(paid.cash + paid.gift)),
        paidCash: m4(-paid.cash),
        paidGift: m4(-paid.gift),
        paidVoucher: '0',
      });
    }
  }
}
