import type { BillColumnId, BillItem } from '@idv/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge, focusRing } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import type { I18n } from '../../../lib/i18n.tsx';
import { NUMERIC_COLUMN_IDS } from '../columns.ts';
import { modeKey, productName, txKey } from '../labels.ts';

/** Right-aligned (numeric) columns. */
export const NUMERIC_COLUMNS: ReadonlySet<BillColumnId> = new Set(NUMERIC_COLUMN_IDS);

const txTone = {
  purchase: 'info',
  refund: 'warning',
  daily_settlement: 'neutral',
  monthly_settlement: 'neutral',
  pack_deduction: 'muted',
} as const;

/** One cell of the itemized bill. */
export function billItemCell(item: BillItem, column: BillColumnId, i18n: I18n): ReactNode {
  const { t } = i18n;
  const dash = t('common.dash');
  switch (column) {
    case 'occurredAt':
      return <span className="whitespace-nowrap tabular">{formatDateTime(item.occurredAt)}</span>;
    case 'resourceId':
      return item.resourceId ? <span className="font-mono text-xs">{item.resourceId}</span> : dash;
    case 'alias':
      return item.alias ?? (item.resourceId ? dash : <span className="text-slate-600">{t('bills.accountWide')}</span>);
    case 'product':
      return productName(i18n, item.product);
    case 'label':
      return <span className="font-mono text-xs">{item.label}</span>;
    case 'billingMode':
      return t(modeKey(item.billingMode));
    case 'transactionType':
      return (
        <Badge tone={txTone[item.transactionType]} dot={false}>
          {t(txKey(item.transactionType))}
        </Badge>
      );
    case 'unitPrice':
      return formatMoney(item.unitPrice);
    case 'quantity':
      return formatCount(item.quantity);
    case 'amount':
      return <span className="font-medium">{formatMoney(item.amount)}</span>;
    case 'paidCash':
      return formatMoney(item.paid.cash);
    case 'paidIncome':
      return formatMoney(item.paid.income);
    case 'paidGift':
      return formatMoney(item.paid.gift);
    case 'paidVoucher':
      return formatMoney(item.paid.voucher);
    case 'orderId':
      return item.orderId && item.billingMode === 'prepaid' ? (
        <Link
          to={`/bills/orders/${encodeURIComponent(item.orderId)}`}
          className={`rounded font-mono text-xs text-brand-700 hover:underline ${focusRing}`}
        >
          {item.orderId}
        </Link>
      ) : (
        dash
      );
  }
}

/** The explainer page of one bill line (issue 9): which calls made it and which rule chose each. */
export function explainHref(chargeId: string): string {
  return `/explain?${new URLSearchParams({ chargeId }).toString()}`;
}

/** "Explain" on an itemized row, named after the line for screen readers ("Explain charge 123"). */
export function BillItemExplainLink({ item, i18n }: { item: Pick<BillItem, 'id'>; i18n: Pick<I18n, 't'> }) {
  const { t } = i18n;
  return (
    <Link
      to={explainHref(item.id)}
      aria-label={t('bills.items.explainLabel', { id: item.id })}
      className={`rounded text-brand-700 hover:underline ${focusRing}`}
    >
      {t('bills.items.explain')}
    </Link>
  );
}
