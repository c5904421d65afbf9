import type { CatalogItem } from '@idv/contracts';
import { clsx } from 'clsx';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** R1.3 / R3.3 The tiers of a label as radio cards: size, price, per-call price, saving vs postpaid. */
export function TierPicker({
  item,
  size,
  onChange,
}: {
  item: CatalogItem;
  size: number | undefined;
  onChange: (size: number) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{t('buy.tier.legend')}</legend>
      <p className="mt-0.5 text-xs text-slate-600">
        {t('buy.tier.postpaidPrice', { price: formatMoney(item.unitPrice) })}
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {item.tiers.map((tier) => {
          const checked = tier.size === size;
          const saves = tier.saving !== '0.00' && !/^0+(\.0+)?$/.test(tier.saving);
          return (
            <label
              key={tier.size}
              className={clsx(
                'relative flex cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
                checked
                  ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600'
                  : 'border-slate-300 hover:border-slate-400',
              )}
            >
              <input
                type="radio"
                name="tier"
                value={tier.size}
                checked={checked}
                onChange={() => onChange(tier.size)}
                className="sr-only"
              />
              <span className="font-semibold text-slate-900">
                {t('buy.tier.size', { count: formatCount(tier.size) })}
              </span>
              <span className="text-lg font-semibold text-slate-900 tabular">{formatMoney(tier.price)}</span>
              <span className="text-xs text-slate-700 tabular">
                {t('buy.tier.perCall', { price: formatMoney(tier.perCall) })}
              </span>
              <span className={clsx('text-xs tabular', saves ? 'text-green-800' : 'text-slate-600')}>
                {saves
                  ? t('buy.tier.saving', { amount: formatMoney(tier.saving), percent: tier.savingPercent })
                  : t('buy.tier.noSaving')}
              </span>
              {checked ? (
                <span aria-hidden="true" className="absolute top-2 right-2 text-brand-700">
                  ✓
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
