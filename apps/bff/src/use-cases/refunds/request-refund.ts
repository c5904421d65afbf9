import {
  cstMonth,
  DomainError,
  formatAmount,
  formatMoney4,
  isDomainError,
  packRefundShare,
  parseMoney,
  refundAmount,
  refundEligibility,
} from '@idv/billing';
import type { Refund } from '@idv/contracts';
import { pipelined } from '@idv/db';
import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { newId } from '../../lib/crypto.ts';
import { presentRefund } from '../../order-presenters.ts';
import { iso, refundReasonText } from '../../presenters.ts';
import { accountNow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { budgetsExist } from '../../repositories/budgets.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { postLedger } from '../../repositories/ledger.ts';
import { notificationContext, notify } from '../../repositories/notifications.ts';
import { insertCharge, orderOfPack } from '../../repositories/orders.ts';
import { lockPack } from '../../repositories/packs.ts';
import { insertRefund, isUniqueViolation, markPackRefunded } from '../../repositories/refunds.ts';
import { evaluateBudgetAlertsSafely } from '../budgets/evaluate-budget-alerts.ts';
import { auditRefusedAttempt, idempotentTransaction, type Outcome } from '../orders/idempotent-transaction.ts';

export interface RequestRefundInput {
  auth: Auth;
  accountId: string;
  packId: bigint;
  idempotencyKey: string | null;
  requestId?: string | undefined;
}

/**
 * R8.1–R8.5 Refunds one purchased pack in ONE transaction. Lock order: the account row FIRST (the
 * usage ingest takes it FOR SHARE before touching packs, so a refund racing a usage event serialises
 * here and exactly one of them wins), then the pack FOR UPDATE; eligibility is decided on the locked
 * rows. The refund returns exactly this pack's packRefundShare of the order's split (R8.3; the
 * voucher is never returned), the unique refunds.pack_id index is the last line of defence (R8.5).
 */
export async function requestRefund(deps: Deps, input: RequestRefundInput): Promise<Outcome<Refund>> {
  const { accountId, packId } = input;
  try {
    let budgeted = true;
    const outcome = await idempotentTransaction<Refund>(
      deps.db,
      {
        accountId,
        route: 'POST /refunds',
        key: input.idempotencyKey,
        body: { packId: packId.toString() },
        at: deps.clock.now(),
      },
      async (tx, account, respond) => {
        // lockAccount() was taken first by idempotentTransaction (before any pack row).
        const now = accountNow(deps.clock, account);
        // Issue 15: the pack's lock and three reads that need no lock, in one round trip: its order
        // (never changes once placed), who the notice goes to, whether the account has a budget.
        const [pack, packOrder, notifyContext, hasBudget] = await pipelined([
          lockPack(tx, accountId, packId),
          orderOfPack(tx, accountId, packId),
          notificationContext(tx, accountId),
          budgetsExist(tx, accountId),
        ]);
        budgeted = hasBudget;
        // Another account's pack is 404, never 403 (api.md).
        if (!pack) throw notFound('pack');
        const elig = refundEligibility({
          pack: {
            source: pack.source,
            status: pack.status,
            used: pack.used,
            acquiredAt: pack.acquiredAt,
            refundExcluded: pack.refundExcluded,
            refusedReason: pack.refundRefusedReason,
          },
          accountViolation: account.violation,
          now,
        });
        if (!elig.eligible) {
          const text =
            elig.reason === 'REFUND_REFUSED' && pack.refundRefusedReason
              ? `Support refused the refund: ${pack.refundRefusedReason}`
              : (refundReasonText[elig.reason] ?? elig.reason);
          throw new DomainError(elig.reason, text, {
            packId: packId.toString(),
            deadline: elig.deadline ? iso(elig.deadline) : null,
          });
        }
        const order = pack.orderId !== null && packOrder?.id === pack.orderId ? packOrder : null;
        if (!order || pack.orderIndex === null) {
          // A purchased pack always has its order; refuse rather than guess an amount.
          throw new DomainError('NOT_REFUNDABLE_GIFT', 'This pack has no order to refund.');
        }
        // R8.3 this pack's exact share of what the order took from each balance.
        const share = packRefundShare(
          { gift: parseMoney(order.paidGift), income: parseMoney(order.paidIncome), cash: parseMoney(order.paidCash) },
          order.quantity,
          pack.orderIndex,
        );
        const amount = refundAmount(share);
        const refundId = newId('rfd');
        const labels = await catalogMap(tx);
        const refund = {
          id: refundId,
          accountId,
          packId,
          orderId: order.id,
          amount: formatMoney4(amount),
          returnedCash: formatMoney4(share.cash),
          returnedIncome: formatMoney4(share.income),
          returnedGift: formatMoney4(share.gift),
          createdAt: now,
        };
        // The response, from what is written (stored with the writes, idempotentTransaction).
        const response = { status: 201, body: presentRefund({ ...refund, label: pack.label }) };
        // Issue 15: the writes do not depend on one another: sent together, one round trip. If the
        // unique refunds.pack_id index refuses the refund (R8.5), that is the error thrown.
        await pipelined([
          insertRefund(tx, refund),
          markPackRefunded(tx, packId),
          // R2.4/R8.3 cash to cash, income transfer to income transfer, gift to gift.
          postLedger(tx, {
            accountId,
            amounts: share,
            reason: 'refund',
            refType: 'refund',
            refId: refundId,
            at: now,
          }),
          // R5.5 the refund line: negative amount and negative split, voucher 0 (never returned).
          insertCharge(tx, {
            accountId,
            occurredAt: now,
            month: cstMonth(now),
            resourceId: null,
            product: labels.get(pack.label)?.product ?? '',
            label: pack.label,
            billingMode: 'prepaid',
            transactionType: 'refund',
            unitPrice: order.tierPrice,
            quantity: 1,
            amount: formatMoney4(-amount),
            paidCash: formatMoney4(-share.cash),
            paidIncome: formatMoney4(-share.income),
            paidGift: formatMoney4(-share.gift),
            paidVoucher: '0',
            orderId: order.id,
            packId,
          }),
          notify(
            tx,
            {
              accountId,
              kind: 'refund_completed',
              cause: `refund:${packId}`,
              vars: {
                packId: packId.toString(),
                // Issue 17: the notice names the pack by its label.
                labelZh: labels.get(pack.label)?.nameZh ?? pack.label,
                labelEn: labels.get(pack.label)?.nameEn ?? pack.label,
                amount: formatAmount(amount),
                cash: formatAmount(share.cash),
                income: formatAmount(share.income),
                gift: formatAmount(share.gift),
              },
              at: now,
            },
            notifyContext,
          ),
          audit(tx, {
            auth: input.auth,
            accountId,
            action: 'refund.request',
            outcome: 'ok',
            at: now,
            requestId: input.requestId,
            detail: { refundId, packId: packId.toString(), orderId: order.id, amount: formatAmount(amount) },
          }),
          respond(response),
        ]);
        return response;
      },
    );
    // R10.1 a refund lowers this month's spending: budget alerts (forecast ones may now be due), after
    // the commit, when the account has a budget (budgetsExist() says why the read inside is enough).
    if (!outcome.replayed && budgeted) await evaluateBudgetAlertsSafely(deps, accountId);
    return outcome;
  } catch (caught) {
    // R8.5 last line of defence: the unique refunds.pack_id index refused a second refund.
    const e = isUniqueViolation(caught, 'refunds_pack_uq')
      ? new DomainError('ALREADY_REFUNDED', 'This pack has already been refunded.', { packId: packId.toString() })
      : caught;
    if (isDomainError(e)) {
      await auditRefusedAttempt(deps, input, 'refund.request', e.code, { packId: packId.toString() });
    }
    throw e;
  }
}
