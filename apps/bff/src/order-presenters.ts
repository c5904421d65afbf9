import { type BillingLabel, formatAmount, parseMoney } from '@idv/billing';
import type { Order, OrderSummary, Pack, Refund } from '@idv/contracts';
import { iso, presentLabel } from './presenters.ts';
import type { OrderRow } from './repositories/orders.ts';
import type { RefundListRow } from './repositories/refunds.ts';

const amt = (s: string) => formatAmount(parseMoney(s));

export function presentOrderSummary(o: OrderRow, labels: Map<string, BillingLabel>): OrderSummary {
  return {
    id: o.id,
    ...presentLabel(o.label, labels.get(o.label)),
    size: o.size,
    quantity: o.quantity,
    tierPrice: amt(o.tierPrice),
    amount: amt(o.amount),
    paid: {
      voucher: amt(o.paidVoucher),
      gift: amt(o.paidGift),
      income: amt(o.paidIncome),
      cash: amt(o.paidCash),
    },
    voucherId: o.voucherId,
    trigger: o.trigger,
    createdAt: iso(o.createdAt),
  };
}

export function presentOrder(o: OrderRow, labels: Map<string, BillingLabel>, packs: Pack[]): Order {
  return { ...presentOrderSummary(o, labels), packs };
}

export function presentRefund(r: RefundListRow): Refund {
  return {
    id: r.id,
    packId: r.packId.toString(),
    orderId: r.orderId,
    label: r.label,
    amount: amt(r.amount),
    returned: { cash: amt(r.returnedCash), income: amt(r.returnedIncome), gift: amt(r.returnedGift) },
    createdAt: iso(r.createdAt),
    kind: 'pack',
    certificate: null,
  };
}
