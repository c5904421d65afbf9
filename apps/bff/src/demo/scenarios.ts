import {
  cstMonth,
  formatAmount,
  monthlySettlementDue,
  nextDailySettlementAt,
  parseMoney,
  purchasedPackExpiry,
} from '@idv/billing';
import type { UsageInjection } from '@idv/contracts';
import { packs } from '@idv/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Auth, Deps } from '../deps.ts';
import { newId } from '../lib/crypto.ts';
import { getAccountRow } from '../repositories/accounts.ts';
import { insertPendingCertificate } from '../repositories/demo.ts';
import { advanceDemoClock } from '../use-cases/demo/advance-demo-clock.ts';
import { placeOrder } from '../use-cases/orders/place-order.ts';
import { rechargeAccount } from '../use-cases/recharge/recharge-account.ts';
import { requestRefund } from '../use-cases/refunds/request-refund.ts';

const DAY = 86_400_000;

export interface ScenarioContext {
  deps: Deps;
  accountId: string;
  owner: Auth;
  resources: string[];
  /** R9.3 the tenant's activation: a year before startAt. */
  activatedAt: Date;
  /** The tenant's final "now" (its startAt). */
  startAt: Date;
}

async function goTo(ctx: ScenarioContext, at: Date, usage: UsageInjection[] = []) {
  const account = await getAccountRow(ctx.deps.db, ctx.accountId);
  if (account?.simulatedNow && account.simulatedNow.getTime() < at.getTime()) {
    await advanceDemoClock(ctx.deps, ctx.accountId, { advanceTo: at.toISOString() }, usage);
  }
}

async function buy(ctx: ScenarioContext, label: string, size: number, quantity: number) {
  const r = await placeOrder(ctx.deps, {
    auth: ctx.owner,
    accountId: ctx.accountId,
    body: { label, size, quantity },
    idempotencyKey: null,
  });
  return r.body;
}

async function recharge(ctx: ScenarioContext, amount: string) {
  await rechargeAccount(ctx.deps, { auth: ctx.owner, accountId: ctx.accountId, amount, idempotencyKey: null });
}

/**
 * R9.3 "rich": a year of history made by the real engine, not by inserted rows: the account activates
 * a year before startAt (free trial granted by the job), recharges, buys packs, calls the service every
 * day from three applications (settled every morning, or on the 1st for a legacy monthly tenant), refunds a pack within 7 days, falls into
 * arrears, is suspended 24 h later, recharges and resumes, and ends with a pending SSL certificate
 * order and a fresh, still-refundable pack.
 */
export async function buildRichHistory(ctx: ScenarioContext): Promise<void> {
  // Day n of the tenant's life (activated a year before startAt, R9.3); e(n): n days before startAt.
  const a = (days: number) => new Date(ctx.activatedAt.getTime() + days * DAY);
  const e = (days: number) => new Date(ctx.startAt.getTime() - days * DAY);
  const [kyc, web, risk] = ctx.resources as [string, string, string];
  const daily: UsageInjection[] = [
    { label: 'enhanced.authority.wechat', resourceId: kyc, callsPerDay: 40, nonBillableShare: '0.05' },
    { label: 'identity.basic', resourceId: web, callsPerDay: 60, nonBillableShare: '0.02' },
    { label: 'risk.face', resourceId: risk, callsPerDay: 120, nonBillableShare: '0' },
  ];
  await recharge(ctx, '50000.00');
  await goTo(ctx, a(2));
  await buy(ctx, 'identity.basic', 10_000, 1);
  await buy(ctx, 'enhanced.authority.wechat', 1_000, 2);
  await goTo(ctx, a(60), daily);
  const refundable = await buy(ctx, 'mobile.2factor', 1_000, 1);
  await goTo(ctx, a(62), daily);
  const packId = refundable.packs[0]?.id;
  if (packId) {
    await requestRefund(ctx.deps, {
      auth: ctx.owner,
      accountId: ctx.accountId,
      packId: BigInt(packId),
      idempotencyKey: null,
    });
  }
  await goTo(ctx, a(120), daily);
  await buy(ctx, 'enhanced.authority.wechat', 10_000, 1);
  await goTo(ctx, a(240), daily);
  // The arrears episode (R6): a big stock-up of identity.validity packs leaves under ¥1,500, then
  // postpaid NFC reads (¥1 each, 500 a day) push the balance below zero at a morning settlement;
  // 24 h later the account is suspended and calls are refused, until a recharge resumes it.
  const account = await getAccountRow(ctx.deps.db, ctx.accountId);
  if (account) {
    let available = parseMoney(account.cash) + parseMoney(account.income) + parseMoney(account.gift);
    for (const [size, price] of [
      [10_000, parseMoney('14000.00')],
      [1_000, parseMoney('1500.00')],
    ] as const) {
      const qty = available / price > 100n ? 100n : available / price;
      if (qty > 0n) {
        await buy(ctx, 'identity.validity', size, Number.parseInt(qty.toString(), 10));
        available -= qty * price;
      }
    }
  }
  const heavy: UsageInjection[] = [
    ...daily,
    { label: 'nfc.idcard', resourceId: kyc, callsPerDay: 500, nonBillableShare: '0' },
  ];
  await goTo(ctx, a(245), heavy);
  // The settlement that bills the heavy days (the next morning, or the 1st for a legacy monthly
  // account, R5.2) causes the arrears; 24 h later the account is suspended; then it recharges.
  const settlement = (await getAccountRow(ctx.deps.db, ctx.accountId))?.settlement ?? 'daily';
  const billed = settlement === 'daily' ? nextDailySettlementAt(a(245)) : monthlySettlementDue(cstMonth(a(245)));
  await goTo(ctx, billed, daily);
  await goTo(ctx, new Date(billed.getTime() + 2 * DAY), daily);
  await recharge(ctx, '30000.00');
  await goTo(ctx, a(330), daily);
  await buy(ctx, 'identity.basic', 1_000, 1);
  await goTo(ctx, e(3), daily);
  await buy(ctx, 'identity.basic', 1_000, 2);
  const certAt = e(2);
  await goTo(ctx, certAt, daily);
  await ctx.deps.db.transaction(async (tx) => {
    await insertPendingCertificate(tx, {
      id: newId('cert'),
      accountId: ctx.accountId,
      domain: 'shop.demo-tenant.example',
      cash: formatAmount(parseMoney('880.00')),
      at: certAt,
      month: cstMonth(certAt),
    });
  });
  await goTo(ctx, ctx.startAt, daily);
  // Sanity: the fresh packs exist and are within the refund window.
  const fresh = await ctx.deps.db
    .select({ id: packs.id, acquiredAt: packs.acquiredAt })
    .from(packs)
    .where(and(eq(packs.accountId, ctx.accountId), eq(packs.source, 'purchase')))
    .orderBy(asc(packs.id));
  if (fresh.length === 0 || purchasedPackExpiry(ctx.startAt).getTime() < ctx.startAt.getTime()) {
    throw new Error('rich scenario produced no packs');
  }
}
