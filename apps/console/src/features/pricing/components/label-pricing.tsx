import type { CatalogItem } from '@idv/contracts';
import { type Column, DataTable } from '../../../components/ui/index.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

type Tier = CatalogItem['tiers'][number];

/** A tier saves when its saving is more than zero (money stays a string: any non-zero digit). */
const saves = (tier: Tier) => /[1-9]/.test(tier.saving);

/** Every column of the tier table is a number (right-aligned). */
function numeric(key: string, head: string, cell: (tier: Tier) => string): Column<Tier> {
  return { key, head, cell, align: 'right', className: 'py-2' };
}

/** One label: its postpaid unit price and every tier with per-call price and saving (R1.3). */
export function LabelPricing({ item }: { item: CatalogItem }) {
  const { t, locale } = useI18n();
  const name = locale === 'zh-CN' ? item.nameZh : item.nameEn;
  const headingId = `label-${item.code.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <article aria-labelledby={headingId} className="rounded-md border border-slate-200 bg-white">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h3 id={headingId} className="text-sm font-semibold text-slate-900">
            {name}
          </h3>
          <p className="mt-0.5 font-mono text-xs text-slate-600">
            <span className="sr-only">{t('pricing.code')}: </span>
            {item.code}
          </p>
        </div>
        <div className="text-right">
          <p className="text-xs text-slate-600">{t('pricing.unitPrice')}</p>
          <p className="text-base font-semibold text-slate-900 tabular">
            {t('pricing.perCall', { price: formatMoney(item.unitPrice) })}
          </p>
        </div>
      </header>
      {item.tiers.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">{t('pricing.postpaidOnly')}</p>
      ) : (
        <DataTable
          caption={`${name} · ${t('pricing.tiers')}`}
          rows={item.tiers}
          rowKey={(tier) => tier.size}
          columns={[
            numeric('size', t('pricing.tier.size'), (tier) => formatCount(tier.size)),
            numeric('price', t('pricing.tier.price'), (tier) => formatMoney(tier.price)),
            numeric('perCall', t('pricing.tier.perCall'), (tier) => formatMoney(tier.perCall)),
            {
              ...numeric('saving', t('pricing.tier.saving'), (tier) =>
                saves(tier)
                  ? t('pricing.tier.savingValue', { amount: formatMoney(tier.saving), percent: tier.savingPercent })
                  : t('pricing.tier.noSaving'),
              ),
              className: (tier) => (saves(tier) ? 'py-2 font-medium text-green-800' : 'py-2 text-slate-600'),
            },
          ]}
        />
      )}
    </article>
  );
}
