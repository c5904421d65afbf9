import {
  type BillingLabel,
  formatAmount,
  formatCst,
  formatPrice,
  packRefundShare,
  parseMoney,
  refundEligibility,
  tierQuote,
  voucherVerdict,
} from '@idv/billing';
import type { Account, CatalogItem, Pack, Resource, ServiceKey } from '@idv/contracts';
import type { AccountRow } from './repositories/accounts.ts';
import type { PackRow } from './repositories/packs.ts';

export const iso = (d: Date) => formatCst(d);
export const isoOrNull = (d: Date | null | undefined) => (d ? formatCst(d) : null);

/** A label code with its catalog names and product (the code itself when the catalog lacks it). */
export function presentLabel(code: string, l: BillingLabel | undefined) {
  return { label: code, labelNameZh: l?.nameZh ?? code, labelNameEn: l?.nameEn ?? code, product: l?.product ?? '' };
}

export function presentCatalogItem(l: BillingLabel): CatalogItem {
  return {
    code: l.code,
    product: l.product,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    unitPrice: formatPrice(l.unitPrice),
    tiers: l.tiers.map((t) => {
      const q = tierQuote(l, t);
      return {
        size: t.size,
        price: formatAmount(t.price),
        perCall: formatPrice(q.perCall),
        saving: formatAmount(q.saving),
        savingPercent: q.savingPercent,
      };
    }),
  };
}

export const refundReasonText: Record<string, string> = {
  ALREADY_REFUNDED: 'This pack has already been refunded.',
  NOT_REFUNDABLE_GIFT: 'Gift and promotion packs were not bought, so they cannot be refunded.',
  ACCOUNT_VIOLATION: 'Refunds are closed while the account is suspended for a rule violation.',
  CAMPAIGN_EXCLUDED: 'The campaign this pack was bought in excludes refunds.',
  REFUND_REFUSED: 'Support refused the refund.',
  PACK_PARTIALLY_USED: 'Calls have been used from this pack.',
  REFUND_WINDOW_CLOSED: 'The 7-day refund window has closed.',
};

export function presentPack(
  row: PackRow,
  labels: Map<string, BillingLabel>,
  now: Date,
  accountViolation: boolean,
): Pack {
  const p = row.pack;
  const status = row.status as Pack['status'];
  const label = labels.get(p.label);
  const elig = refundEligibility({
    pack: {
      source: p.source,
      status,
      used: p.used,
      acquiredAt: p.acquiredAt,
      refundExcluded: p.refundExcluded,
      refusedReason: p.refundRefusedReason,
    },
    accountViolation,
    now,
  });
  let amount: string | null = null;
  let split: Pack['refund']['split'] = null;
  if (p.source === 'purchase' && row.orderQuantity && p.orderIndex !== null && status !== 'refunded') {
    const share = packRefundShare(
      {
        gift: parseMoney(row.orderPaidGift ?? '0'),
        income: parseMoney(row.orderPaidIncome ?? '0'),
        cash: parseMoney(row.orderPaidCash ?? '0'),
      },
      row.orderQuantity,
      p.orderIndex,
    );
    amount = formatAmount(share.gift + share.income + share.cash);
    split = { cash: formatAmount(share.cash), income: formatAmount(share.income), gift: formatAmount(share.gift) };
  }
  const reason = elig.eligible ? null : elig.reason;
  const usedPercent = ((BigInt(p.used) * 10_000n) / BigInt(p.total)).toString().padStart(3, '0');
  return {
    id: p.id.toString(),
    ...presentLabel(p.label, label),
    source: p.source,
    total: p.total,
    used: p.used,
    remaining: p.total - p.used,
    usedPercent: `${usedPercent.slice(0, -2)}.${usedPercent.slice(-2)}`,
    acquiredAt: iso(p.acquiredAt),
    expiresAt: iso(p.expiresAt),
    status,
    orderId: p.orderId,
    refund: {
      eligible: elig.eligible,
      reason,
      reasonText:
        reason === 'REFUND_REFUSED' && p.refundRefusedReason
          ? `Support refused the refund: ${p.refundRefusedReason}`
          : reason
            ? (refundReasonText[reason] ?? reason)
            : null,
      deadline: isoOrNull(elig.deadline),
      amount: elig.eligible ? amount : null,
      split: elig.eligible ? split : null,
    },
  };
}

export function presentAccount(
  a: AccountRow,
  vouchers: {
    id: string;
    faceValue: string;
    expiresAt: Date;
    productGroups: string[] | null;
    usedOrderId: string | null;
  }[],
  now: Date,
  suspendsAt: Date | null,
): Account {
  const cash = parseMoney(a.cash);
  const income = parseMoney(a.income);
  const gift = parseMoney(a.gift);
  return {
    id: a.id,
    name: a.name,
    settlement: a.settlement,
    postpaidEnabled: a.postpaidEnabled,
    status: a.status,
    arrearsSince: isoOrNull(a.arrearsSince),
    suspendsAt: isoOrNull(suspendsAt),
    balances: {
      cash: formatAmount(cash),
      income: formatAmount(income),
      gift: formatAmount(gift),
      available: formatAmount(cash + income + gift),
    },
    vouchers: vouchers.map((v) => ({
      id: v.id,
      faceValue: formatAmount(parseMoney(v.faceValue)),
      expiresAt: iso(v.expiresAt),
      productGroups: v.productGroups,
      usable: voucherVerdict({ used: v.usedOrderId !== null, ...v }, undefined, now) === 'usable',
      usedOrderId: v.usedOrderId,
    })),
  };
}

export function presentServiceKey(k: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}): ServiceKey {
  return { id: k.id, name: k.name, prefix: k.prefix, createdAt: iso(k.createdAt), revokedAt: isoOrNull(k.revokedAt) };
}

export function presentResource(r: { id: string; alias: string; project: string; region: string }): Resource {
  return { id: r.id, alias: r.alias, project: r.project, region: r.region };
}
