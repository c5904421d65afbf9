import {
  type BillingLabel,
  cstMonth,
  DomainError,
  formatAmount,
  formatCst,
  formatMoney4,
  isDomainError,
  mulCount,
  type PackTier,
  parseMoney,
  purchasedPackExpiry,
  quoteOrder,
  voucherVerdict,
} from '@idv/billing';
import type { Order, PlaceOrderBody } from '@idv/contracts';
import { pipelined, type Tx } from '@idv/db';
import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { newId } from '../../lib/crypto.ts';
import { presentOrder } from '../../order-presenters.ts';
import { presentPack } from '../../presenters.ts';
import { type AccountRow, accountNow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { rearmAutoTopup } from '../../repositories/auto-topups.ts';
import { budgetsExist } from '../../repositories/budgets.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { balancesOf, postLedger } from '../../repositories/ledger.ts';
import { notificationContext, notify } from '../../repositories/notifications.ts';
import { consumeVoucher, insertCharge, insertOrder, lockVoucher } from '../../repositories/orders.ts';
import { deliveredPackRows } from '../../repositories/packs.ts';
import { evaluateBudgetAlertsSafely } from '../budgets/evaluate-budget-alerts.ts';
import { deliverPacks } from '../packs/deliver-packs.ts';
import { auditRefusedAttempt, idempotentTransaction, type Outcome } from './idempotent-transaction.ts';

export interface PlaceOrderInput {
  /** null: the system (an auto top-up rule, R10.2); audited as 'system'. */
  auth: Auth | null;
  accountId: string;
  body: PlaceOrderBody;
  idempotencyKey: string | null;
  requestId?: string | undefined;
  /** R10.2 'auto_topup' when an auto top-up rule places the order; default 'manual'. */
  trigger?: 'manual' | 'auto_topup';
}

/**
 * R3.3 Buying N identical packs, paid per R2.2/R2.3, all in ONE transaction: lock the account (before
 * any pack row), check the voucher, pay (voucher first, consumed whole; then gift → income → cash),
 * record the order with its split, the ledger entries, the packs, same-day coverage (R4.3), the
 * itemized `purchase` bill line (R5.5), the delivery notice (R7) and the audit row (R9.2).
 * Insufficient balance → 402 INSUFFICIENT_BALANCE with the shortfall, and nothing changes.
 */
/** R3.3 The label and one of its tiers; UNKNOWN_LABEL / UNKNOWN_TIER (400) otherwise. */
export function resolveTier(
  labels: ReadonlyMap<string, BillingLabel>,
  code: string,
  size: number,
): { label: BillingLabel; tier: PackTier } {
  const label = labels.get(code);
  if (!label) throw new DomainError('UNKNOWN_LABEL', `There is no billing label "${code}".`, { label: code });
  const tier = label.tiers.find((t) => t.size === size);
  if (!tier) {
    throw new DomainError(
      'UNKNOWN_TIER',
      label.tiers.length === 0
        ? `"${label.code}" is postpaid only: it has no packs.`
        : `"${label.code}" has no ${size}-call pack.`,
      { label: label.code, size, sizes: label.tiers.map((t) => t.size) },
    );
  }
  return { label, tier };
}

export async function placeOrder(deps: Deps, input: PlaceOrderInput): Promise<Outcome<Order>> {
  const { body, accountId } = input;
  const { label, tier } = resolveTier(await catalogMap(deps.db), body.label, body.size);
  try {
    let budgeted = true;
    const outcome = await idempotentTransaction<Order>(
      deps.db,
      { accountId, route: 'POST /orders', key: input.idempotencyKey, body, at: deps.clock.now() },
      // lockAccount() was taken first by idempotentTransaction (before any pack row).
      async (tx, account, respond) => {
        const placed = await placeOrderInTransaction(deps, tx, account, { ...input, label, tier }, respond);
        budgeted = placed.budgeted;
        return placed.response;
      },
    );
    // R10.1 a purchase adds to this month's spending: budget alerts, after the commit (when the
    // account has a budget; budgetsExist() says why reading that inside the transaction is enough).
    if (!outcome.replayed && budgeted) await evaluateBudgetAlertsSafely(deps, accountId);
    return outcome;
  } catch (e) {
    // A refused order changed nothing; the attempt is still on the audit trail (R9.2).
    if (isDomainError(e)) {
      await auditRefusedAttempt(deps, input, 'order.place', e.code, {
        label: body.label,
        size: body.size,
        quantity: body.quantity,
      });
    }
    throw e;
  }
}

/**
 * The order itself, inside the caller's transaction, which must already hold lockAccount() on
 * `account` (the row as locked). POST /orders reaches it through idempotentTransaction; an auto top-up
 * rule (R10.2, apply-auto-topups.ts) calls it in its own transaction with trigger 'auto_topup' and no
 * voucher. Throws INSUFFICIENT_BALANCE (402) before anything is written when the balances cannot pay.
 * `respond`, when given, stores the response with the last group of statements (idempotentTransaction).
 * Also answers whether the account has a budget (R10.1: the caller evaluates alerts after the commit).
 */
export async function placeOrderInTransaction(
  deps: Deps,
  tx: Tx,
  account: AccountRow,
  input: PlaceOrderInput & { label: BillingLabel; tier: PackTier },
  respond?: (r: { status: number; body: Order }) => Promise<void>,
): Promise<{ response: { status: number; body: Order }; budgeted: boolean }> {
  const { body, accountId, label, tier } = input;
  const labels = await catalogMap(tx);
  const trigger = input.trigger ?? 'manual';
  const now = accountNow(deps.clock, account);
  const amount = mulCount(tier.price, body.quantity);

  // R2.2 a voucher of this account, unused, unexpired, for this label's product group.
  let voucherFace: bigint | null = null;
  if (body.voucherId !== undefined) {
    const v = await lockVoucher(tx, accountId, body.voucherId);
    // Another account's voucher (or none) is 404, like every object of another account.
    if (v === null) throw notFound('voucher');
    const verdict = voucherVerdict(
      { used: v.usedOrderId !== null, expiresAt: v.expiresAt, productGroups: v.productGroups },
      label.product,
      now,
    );
    const why = {
      usable: null,
      used: 'This voucher has already been used.',
      expired: 'This voucher has expired.',
      scope: `This voucher does not apply to ${label.product} products.`,
    }[verdict];
    if (why !== null) {
      throw new DomainError('VOUCHER_NOT_USABLE', why, {
        voucherId: body.voucherId,
      });
    }
    voucherFace = parseMoney(v.faceValue);
  }

  const balances = balancesOf(account);
  // R2.2/R2.3 the split, from the same function the console's buy preview shows (docs/decisions/0015).
  const paid = quoteOrder(amount, balances, voucherFace);
  if (paid.shortfall > 0n) {
    throw new DomainError(
      'INSUFFICIENT_BALANCE',
      'Your balances cannot cover this order. Recharge or choose fewer packs.',
      {
        amount: formatAmount(amount),
        voucher: formatAmount(paid.voucher),
        available: formatAmount(paid.gift + paid.income + paid.cash),
        shortfall: formatAmount(paid.shortfall),
      },
    );
  }

  const orderId = newId('ord');
  const expiresAt = purchasedPackExpiry(now);
  // Issue 15: independent writes go in pipelined groups (one round trip per group instead of one per
  // statement; their order within a group does not matter). First the order, the voucher and the
  // ledger (with two reads for later: who the delivery notice goes to, whether there is a budget); then
  // the packs, which refer to the order; then what follows the delivery, the stored response included.
  const [order, voucherConsumed, , notifyContext, budgeted] = await pipelined([
    insertOrder(tx, {
      id: orderId,
      accountId,
      label: label.code,
      size: tier.size,
      quantity: body.quantity,
      tierPrice: formatMoney4(tier.price),
      amount: formatMoney4(amount),
      paidVoucher: formatMoney4(paid.voucher),
      paidGift: formatMoney4(paid.gift),
      paidIncome: formatMoney4(paid.income),
      paidCash: formatMoney4(paid.cash),
      voucherId: body.voucherId ?? null,
      trigger,
      createdAt: now,
    }),
    body.voucherId !== undefined ? consumeVoucher(tx, body.voucherId, orderId, now) : Promise.resolve(true),
    // R2.4 the split leaves the balances as ledger entries (the voucher is not a balance).
    postLedger(tx, {
      accountId,
      amounts: { gift: -paid.gift, income: -paid.income, cash: -paid.cash },
      reason: 'purchase',
      refType: 'order',
      refId: orderId,
      at: now,
    }),
    notificationContext(tx, accountId),
    budgetsExist(tx, accountId),
  ]);
  if (!voucherConsumed) {
    throw new DomainError('VOUCHER_NOT_USABLE', 'This voucher has already been used.');
  }
  // R3.2/R3.3 N identical packs, expiring 23:59:59 CST on the same date next year, and same-day
  // coverage (R4.3) of the day's postpaid calls.
  const delivered = await deliverPacks(
    tx,
    account,
    Array.from({ length: body.quantity }, (_, i) => ({
      label: label.code,
      source: 'purchase' as const,
      total: tier.size,
      acquiredAt: now,
      expiresAt,
      orderId,
      orderIndex: i,
    })),
    now,
  );
  // The response, from what was written: the order and its packs as delivered and covered.
  const packs = deliveredPackRows(delivered.packs, order, now).map((r) =>
    presentPack(r, labels, now, account.violation),
  );
  const response = { status: 201, body: presentOrder(order, labels, packs) };
  // Once the packs and their coverage are written: the rule re-arm, the bill line, the notice, the
  // audit row, and the stored response.
  await pipelined([
    // R10.2 a delivery that lifts the label back to its auto top-up threshold re-arms the rule.
    rearmAutoTopup(tx, accountId, label.code, now),
    // R5.5 one itemized purchase line, never aggregated, linked to its order.
    insertCharge(tx, {
      accountId,
      occurredAt: now,
      month: cstMonth(now),
      resourceId: null,
      product: label.product,
      label: label.code,
      billingMode: 'prepaid',
      transactionType: 'purchase',
      unitPrice: formatMoney4(tier.price),
      quantity: body.quantity,
      amount: formatMoney4(amount),
      paidCash: formatMoney4(paid.cash),
      paidIncome: formatMoney4(paid.income),
      paidGift: formatMoney4(paid.gift),
      paidVoucher: formatMoney4(paid.voucher),
      orderId,
    }),
    // R3.3/R7 delivery notice, once per order.
    notify(
      tx,
      {
        accountId,
        kind: 'pack_delivered',
        cause: `order:${orderId}`,
        vars: {
          quantity: body.quantity,
          size: tier.size,
          labelZh: label.nameZh,
          labelEn: label.nameEn,
          expiresAt: formatCst(expiresAt),
        },
        at: now,
      },
      notifyContext,
    ),
    audit(tx, {
      auth: input.auth,
      accountId,
      action: 'order.place',
      outcome: 'ok',
      at: now,
      requestId: input.requestId,
      detail: {
        orderId,
        label: label.code,
        size: tier.size,
        quantity: body.quantity,
        amount: formatAmount(amount),
        voucherId: body.voucherId ?? null,
        coveredCalls: delivered.covered,
        trigger,
      },
    }),
    respond ? respond(response) : Promise.resolve(),
  ]);
  return { response, budgeted };
}
