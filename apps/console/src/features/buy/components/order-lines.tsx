import type { CatalogItem } from '@idv/contracts';
import { clsx } from 'clsx';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** One order as the buy page has it: the label, the pack size (calls) and how many packs. */
export interface OrderedPacks {
  item: CatalogItem;
  size: number;
  quantity: number;
}

/**
 * What is bought and what it costs, as a <dl>: the label, "size × quantity", then the price row
 * (`priceLabel`, `price`; `strong` makes it the order's total).
 */
export function OrderLines({
  order: { item, size, quantity },
  priceLabel,
  price,
  priceTestId,
  strong = false,
}: {
  order: OrderedPacks;
  priceLabel: string;
  price: string;
  priceTestId: string;
  strong?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm">
      <dt className="text-slate-600">{t('buy.summary.label')}</dt>
      <dd className="text-right text-slate-900">{locale === 'zh-CN' ? item.nameZh : item.nameEn}</dd>
      <dt className="text-slate-600">{t('buy.summary.pack')}</dt>
      <dd className="text-right text-slate-900 tabular">
        {t('buy.summary.packValue', { count: formatCount(size), quantity })}
      </dd>
      <dt className={strong ? 'font-medium text-slate-900' : 'text-slate-600'}>{priceLabel}</dt>
      <dd
        className={clsx('text-right text-slate-900 tabular', strong && 'text-lg font-semibold')}
        data-testid={priceTestId}
      >
        {formatMoney(price)}
      </dd>
    </dl>
  );
}
