import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addDays,
  type BillingLabel,
  cstDate,
  cstMonth,
  formatMoney4,
  giftPackExpiry,
  type Money,
  mulCount,
  parseCatalogTsv,
  parseMoney,
  payFromBalances,
  priceLine,
  purchasedPackExpiry,
  startOfCstDay,
} from '@idv/billing';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import * as s from './schema/index.ts';

export const SEED_PASSWORD = 'demo-pass-2026';

const catalogPath = resolve(dirname(fileURLToPath(import.meta.url)), '../seed/catalog.tsv');

export function loadCatalog(): BillingLabel[] {
  return parseCatalogTsv(readFileSync(catalogPath, 'utf8'));
}

/** Catalog rows (R1.1) from the shipped copy of shared/data/catalog.tsv. Idempotent. */
export async function seedCatalog(db: Db | Tx): Promise<void> {
  const labels = loadCatalog();
  for (const [i, l] of labels.entries()) {
    await db
      .insert(s.billingLabels)
      .values({
        code: l.code,
        product: l.product,
        nameZh: l.nameZh,
        nameEn: l.nameEn,
        unitPrice: formatMoney4(l.unitPrice),
        trialCalls: l.trialCalls,
        trialRule: l.trialRule,
        sort: i,
      })
      .onConflictDoNothing();
    if (l.tiers.length > 0) {
      await db
        .insert(s.packTiers)
        .values(l.tiers.map((t) => ({ label: l.code, size: t.size, price: formatMoney4(t.price) })))
        .onConflictDoNothing();
    }
  }
}

export interface SeedOptions {
  now: Date;
  hashPassword: (password: string) => Promise<string>;
}

interface Ctx {
  tx: Tx;
  now: Date;
  labels: Map<string, BillingLabel>;
}

const m4 = formatMoney4;

/**
 * The demo data of the embedded default (api.md "Seed users"): a demo customer with packs in every
 * state and a few months of history, a second unrelated customer, a support agent and a PM.
 * Runs once: does nothing if the demo user exists.
 */
export async function seed(db: Db, opts: SeedOptions): Promise<boolean> {
  await seedCatalog(db);
  const existing = await db
    .select({ id: s.users.id })
    .from(s.users)
    .where(sql`lower(${s.users.email}) = 'demo@example.com'`);
  if (existing.length > 0) return false;
  const hash = await opts.hashPassword(SEED_PASSWORD);
  const labels = new Map(loadCatalog().map((l) => [l.code, l]));
  await db.transaction(async (tx) => {
    const ctx: Ctx = { tx, now: opts.now, labels };
    const now = opts.now;
    const activated = new Date(now.getTime() - 600 * 86_400_000);
    await tx.insert(s.accounts).values([
      { id: 'acct_demo', name: '示例科技有限公司 Demo Tech Co.', settlement: 'daily', activatedAt: activated },
      { id: 'acct_other', name: '另一家公司 Other Corp.', settlement: 'daily', activatedAt: activated },
    ]);
    await tx.insert(s.users).values([
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
    await tx.insert(s.resources).values([
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
    await opening(ctx, 'acct_demo', { cash: '52000.00', income: '3000.00', gift: '800.00' }, activated);
    await opening(ctx, 'acct_other', { cash: '1000.00', income: '0', gift: '0' }, activated);
    await tx.insert(s.vouchers).values([
      {
        id: 'vch_demo_any',
        accountId: 'acct_demo',
        faceValue: '200.0000',
        expiresAt: new Date(now.getTime() + 200 * 86_400_000),
        productGroups: null,
      },
      {
        id: 'vch_demo_realname',
        accountId: 'acct_demo',
        faceValue: '100.0000',
        expiresAt: new Date(now.getTime() + 90 * 86_400_000),
        productGroups: ['realname'],
      },
      {
        id: 'vch_other',
        accountId: 'acct_other',
        faceValue: '50.0000',
        expiresAt: new Date(now.getTime() + 90 * 86_400_000),
        productGroups: null,
      },
    ]);

    // Free-trial gift packs granted 30 minutes after activation (R3.4), long expired now.
    const trialAt = new Date(activated.getTime() + 30 * 60_000);
    await giftPack(ctx, 'acct_demo', 'enhanced.authority.wechat', 100, trialAt, 37, 'trial');
    await giftPack(ctx, 'acct_demo', 'basic.selfie', 100, trialAt, 100, 'trial');
    // A promotion gift pack that is still active.
    await giftPack(ctx, 'acct_demo', 'basic.authority', 500, daysAgo(now, 10), 120, 'promotion');
    // Purchases in every state.
    await purchase(ctx, 'acct_demo', 'identity.basic', 10_000, 1, daysAgo(now, 40), [6_420]);
    await purchase(ctx, 'acct_demo', 'enhanced.authority.wechat', 1_000, 2, daysAgo(now, 2), [0, 0]);
    await purchase(ctx, 'acct_demo', 'mobile.2factor', 1_000, 1, daysAgo(now, 100), [1_000]);
    await purchase(ctx, 'acct_demo', 'basic.selfie', 1_000, 1, daysAgo(now, 400), [812]);
    const refundedOrder = await purchase(ctx, 'acct_demo', 'bankcard.verify', 1_000, 1, daysAgo(now, 20), [0]);
    await refundWholeOrder(ctx, 'acct_demo', refundedOrder, daysAgo(now, 18));
    await purchase(ctx, 'acct_other', 'identity.basic', 1_000, 1, daysAgo(now, 5), [10]);

    // A few months of settled postpaid history (R5.1), one line per label and resource per day.
    await postpaidHistory(ctx, 'acct_demo', [
      { label: 'risk.face', resourceId: 'res-risk-web', days: 90, callsOn: (d) => 200 + ((d * 37) % 90) },
      { label: 'nfc.idcard', resourceId: 'res-kyc-prod', days: 60, callsOn: (d) => 5 + (d % 7) },
    ]);
    await tx
      .update(s.accounts)
      .set({ settledThrough: addDays(cstDate(now), -1) })
      .where(sql`${s.accounts.id} in ('acct_demo', 'acct_other')`);
    await seedCertificateOrders(tx, now);
  });
  return true;
}

function daysAgo(now: Date, n: number): Date {
  return new Date(now.getTime() - n * 86_400_000);
}

async function opening(
  ctx: Ctx,
  accountId: string,
  b: { cash: string; income: string; gift: string },
  at: Date,
): Promise<void> {
  for (const kind of ['cash', 'income', 'gift'] as const) {
    const amount = parseMoney(b[kind]);
    if (amount === 0n) continue;
    await ledger(ctx, accountId, kind, amount, 'opening', 'seed', accountId, at);
  }
}

async function ledger(
  ctx: Ctx,
  accountId: string,
  balance: 'cash' | 'income' | 'gift',
  amount: Money,
  reason: 'opening' | 'purchase' | 'refund' | 'settlement' | 'adjustment',
  refType: string,
  refId: string,
  at: Date,
): Promise<void> {
  await ctx.tx.insert(s.ledgerEntries).values({
    accountId,
    balance,
    amount: m4(amount),
    reason,
    refType,
    refId,
    createdAt: at,
  });
  const col = s.accounts[balance];
  await ctx.tx
    .update(s.accounts)
    .set({ [balance]: sql`${col} + ${m4(amount)}::numeric` })
    .where(sql`${s.accounts.id} = ${accountId}`);
}

async function balances(ctx: Ctx, accountId: string) {
  const [a] = await ctx.tx
    .select({ cash: s.accounts.cash, income: s.accounts.income, gift: s.accounts.gift })
    .from(s.accounts)
    .where(sql`${s.accounts.id} = ${accountId}`);
  if (!a) throw new Error(`no account ${accountId}`);
  return { cash: parseMoney(a.cash), income: parseMoney(a.income), gift: parseMoney(a.gift) };
}

function packStatus(total: number, used: number, expiresAt: Date, now: Date) {
  if (expiresAt.getTime() < now.getTime()) return 'expired' as const;
  if (used >= total) return 'exhausted' as const;
  return 'active' as const;
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
  const [p] = await ctx.tx
    .insert(s.packs)
    .values({
      accountId,
      label,
      source: 'gift',
      total,
      used,
      status: packStatus(total, used, expiresAt, ctx.now),
      acquiredAt: at,
      expiresAt,
      grantReason: reason,
    })
    .returning({ id: s.packs.id });
  if (p) await packUsage(ctx, accountId, p.id, label, at, expiresAt, used);
}

async function purchase(
  ctx: Ctx,
  accountId: string,
  labelCode: string,
  size: number,
  quantity: number,
  at: Date,
  usedPerPack: number[],
): Promise<string> {
  const label = ctx.labels.get(labelCode);
  const tier = label?.tiers.find((t) => t.size === size);
  if (!label || !tier) throw new Error(`no tier ${labelCode}/${size}`);
  const amount = mulCount(tier.price, quantity);
  const paid = payFromBalances(amount, await balances(ctx, accountId), { allowNegativeCash: false });
  const orderId = `ord_seed_${accountId}_${labelCode}_${at.getTime()}`;
  await ctx.tx.insert(s.orders).values({
    id: orderId,
    accountId,
    label: labelCode,
    size,
    quantity,
    tierPrice: m4(tier.price),
    amount: m4(amount),
    paidVoucher: '0',
    paidGift: m4(paid.gift),
    paidIncome: m4(paid.income),
    paidCash: m4(paid.cash),
    createdAt: at,
  });
  for (const kind of ['gift', 'income', 'cash'] as const) {
    if (paid[kind] !== 0n) await ledger(ctx, accountId, kind, -paid[kind], 'purchase', 'order', orderId, at);
  }
  await ctx.tx.insert(s.charges).values({
    accountId,
    occurredAt: at,
    month: cstMonth(at),
    resourceId: null,
    product: label.product,
    label: labelCode,
    billingMode: 'prepaid',
    transactionType: 'purchase',
    unitPrice: m4(tier.price),
    quantity,
    amount: m4(amount),
    paidCash: m4(paid.cash),
    paidIncome: m4(paid.income),
    paidGift: m4(paid.gift),
    paidVoucher: '0',
    orderId,
  });
  const expiresAt = purchasedPackExpiry(at);
  for (let i = 0; i < quantity; i++) {
    const used = usedPerPack[i] ?? 0;
    const [p] = await ctx.tx
      .insert(s.packs)
      .values({
        accountId,
        label: labelCode,
        source: 'purchase',
        total: size,
        used,
        status: packStatus(size, used, expiresAt, ctx.now),
        acquiredAt: at,
        expiresAt,
        orderId,
        orderIndex: i,
      })
      .returning({ id: s.packs.id });
    if (p) await packUsage(ctx, accountId, p.id, labelCode, at, expiresAt, used, orderId);
  }
  return orderId;
}

async function refundWholeOrder(ctx: Ctx, accountId: string, orderId: string, at: Date): Promise<void> {
  const [o] = await ctx.tx.select().from(s.orders).where(sql`${s.orders.id} = ${orderId}`);
  const packRows = await ctx.tx.select().from(s.packs).where(sql`${s.packs.orderId} = ${orderId}`);
  if (!o || packRows.length !== 1) throw new Error('seed refund expects a one-pack order');
  const pack = packRows[0];
  if (!pack) return;
  const label = ctx.labels.get(o.label);
  const ret = { cash: parseMoney(o.paidCash), income: parseMoney(o.paidIncome), gift: parseMoney(o.paidGift) };
  const amount = ret.cash + ret.income + ret.gift;
  const refundId = `rfd_seed_${pack.id}`;
  await ctx.tx.insert(s.refunds).values({
    id: refundId,
    accountId,
    packId: pack.id,
    orderId,
    amount: m4(amount),
    returnedCash: m4(ret.cash),
    returnedIncome: m4(ret.income),
    returnedGift: m4(ret.gift),
    createdAt: at,
  });
  await ctx.tx.update(s.packs).set({ status: 'refunded' }).where(sql`${s.packs.id} = ${pack.id}`);
  for (const kind of ['gift', 'income', 'cash'] as const) {
    if (ret[kind] !== 0n) await ledger(ctx, accountId, kind, ret[kind], 'refund', 'refund', refundId, at);
  }
  await ctx.tx.insert(s.charges).values({
    accountId,
    occurredAt: at,
    month: cstMonth(at),
    resourceId: null,
    product: label?.product ?? 'unknown',
    label: o.label,
    billingMode: 'prepaid',
    transactionType: 'refund',
    unitPrice: o.tierPrice,
    quantity: 1,
    amount: m4(-amount),
    paidCash: m4(-ret.cash),
    paidIncome: m4(-ret.income),
    paidGift: m4(-ret.gift),
    paidVoucher: '0',
    orderId,
    packId: pack.id,
  });
}

/** The applications each seeded account's pack usage comes from. */
const RESOURCES: Record<string, string[]> = {
  acct_demo: ['res-kyc-prod', 'res-kyc-test'],
  acct_other: ['res-other-app'],
};

/** Usage events that explain a pack's used count, spread evenly over its life so far. */
async function packUsage(
  ctx: Ctx,
  accountId: string,
  packId: bigint,
  label: string,
  from: Date,
  expiresAt: Date,
  used: number,
  orderId: string | null = null,
): Promise<void> {
  if (used === 0) return;
  const resourcesOf = RESOURCES[accountId] ?? [];
  const end = Math.min(expiresAt.getTime(), ctx.now.getTime() - 86_400_000);
  const spanDays = Math.max(1, Math.floor((end - from.getTime()) / 86_400_000));
  const days = Math.min(spanDays, 60);
  const rowsToInsert: (typeof s.usageEvents.$inferInsert)[] = [];
  for (let i = 0; i < used; i++) {
    const day = Math.floor((i * days) / used);
    const at = new Date(from.getTime() + day * 86_400_000 + 60_000 + (i % 997) * 1_000);
    rowsToInsert.push({
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
  for (let i = 0; i < rowsToInsert.length; i += 1000) {
    await ctx.tx.insert(s.usageEvents).values(rowsToInsert.slice(i, i + 1000));
  }
  // The settled days' zero-cost bill rows (R5.5): calls each pack took per day and resource.
  const perDay = new Map<string, number>();
  for (const e of rowsToInsert) {
    const key = `${e.day}|${e.resourceId}`;
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
  const product = ctx.labels.get(label)?.product ?? 'unknown';
  const deductionRows: (typeof s.charges.$inferInsert)[] = [...perDay].map(([key, calls]) => {
    const [day = '', resourceId = ''] = key.split('|');
    return {
      accountId,
      occurredAt: new Date(startOfCstDay(addDays(day, 1)).getTime() + 8 * 3_600_000),
      month: day.slice(0, 7),
      resourceId,
      product,
      label,
      billingMode: 'prepaid' as const,
      transactionType: 'pack_deduction' as const,
      unitPrice: '0',
      quantity: calls,
      amount: '0',
      orderId,
      packId,
    };
  });
  for (let i = 0; i < deductionRows.length; i += 500) {
    await ctx.tx.insert(s.charges).values(deductionRows.slice(i, i + 500));
  }
}

/**
 * Settled postpaid days: events, then one settlement per account and day with one charge per label
 * and resource, paid per R2.3. The charge's month is the usage day's month (the billing period).
 */
async function postpaidHistory(
  ctx: Ctx,
  accountId: string,
  specs: { label: string; resourceId: string; days: number; callsOn: (dayIndex: number) => number }[],
): Promise<void> {
  const today = cstDate(ctx.now);
  const maxDays = Math.max(...specs.map((x) => x.days));
  for (let d = maxDays; d >= 1; d--) {
    const day = addDays(today, -d);
    const start = startOfCstDay(day);
    const settledAt = new Date(startOfCstDay(addDays(day, 1)).getTime() + 8 * 3_600_000);
    const settlementId = `stl_seed_${accountId}_${day}`;
    const lines: { label: BillingLabel; resourceId: string; calls: number; amount: Money }[] = [];
    for (const spec of specs) {
      if (d > spec.days) continue;
      const label = ctx.labels.get(spec.label);
      if (!label) throw new Error(`no label ${spec.label}`);
      const calls = spec.callsOn(d);
      const events: (typeof s.usageEvents.$inferInsert)[] = [];
      for (let i = 0; i < calls; i++) {
        const at = new Date(start.getTime() + 8 * 3_600_000 + i * 97_000);
        events.push({
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
      for (let i = 0; i < events.length; i += 1000) {
        await ctx.tx.insert(s.usageEvents).values(events.slice(i, i + 1000));
      }
      lines.push({ label, resourceId: spec.resourceId, calls, amount: priceLine(label.unitPrice, calls) });
    }
    if (lines.length === 0) continue;
    const total = lines.reduce((a, l) => a + l.amount, 0n);
    await ctx.tx.insert(s.settlements).values({
      id: settlementId,
      accountId,
      kind: 'daily',
      period: day,
      amount: m4(total),
      calls: lines.reduce((a, l) => a + l.calls, 0),
      settledAt,
    });
    for (const line of lines) {
      const paid = payFromBalances(line.amount, await balances(ctx, accountId), { allowNegativeCash: true });
      for (const kind of ['gift', 'income', 'cash'] as const) {
        if (paid[kind] !== 0n) {
          await ledger(ctx, accountId, kind, -paid[kind], 'settlement', 'settlement', settlementId, settledAt);
        }
      }
      await ctx.tx.insert(s.charges).values({
        accountId,
        occurredAt: settledAt,
        month: day.slice(0, 7),
        resourceId: line.resourceId,
        product: line.label.product,
        label: line.label.code,
        billingMode: 'postpaid',
        transactionType: 'daily_settlement',
        unitPrice: m4(line.label.unitPrice),
        quantity: line.calls,
        amount: m4(line.amount),
        paidCash: m4(paid.cash),
        paidIncome: m4(paid.income),
        paidGift: m4(paid.gift),
        paidVoucher: '0',
        settlementId,
      });
    }
  }
}

/**
 * R8.6 SSL certificate orders of the demo account, one per status, and the benefit package their points
 * came from. Each payment is in the ledger and the itemized bill (the refunded one with its refund), so
 * balances still equal their ledger (R2.4). The gift parts are covered by a promotion gift credit of the
 * same total, so the demo account's other balances and history are unchanged apart from cash.
 */
export async function seedCertificateOrders(tx: Tx, now: Date): Promise<void> {
  const ctx: Ctx = { tx, now, labels: new Map() };
  const accountId = 'acct_demo';
  await tx.insert(s.benefitPackages).values({
    id: 'bp_demo_ssl',
    accountId,
    name: 'SSL 证书权益包 / SSL benefit package',
    points: 3,
  });
  type Cert = {
    id: string;
    domain: string;
    product: string;
    status: (typeof s.certificateOrders.$inferInsert)['status'];
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
  await ledger(ctx, accountId, 'gift', giftTotal, 'adjustment', 'promotion', 'seed-ssl-promotion', daysAgo(now, 90));
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
    await tx.insert(s.certificateOrders).values({
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
    for (const kind of ['gift', 'cash'] as const) {
      if (paid[kind] !== 0n) await ledger(ctx, accountId, kind, -paid[kind], 'purchase', 'certificate', c.id, at);
    }
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
    await tx.insert(s.charges).values({
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
      for (const kind of ['gift', 'cash'] as const) {
        if (paid[kind] !== 0n)
          await ledger(ctx, accountId, kind, paid[kind], 'refund', 'certificate', c.id, refundedAt);
      }
      await tx.insert(s.charges).values({
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
