import type { Resource } from '@idv/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { FilterSelects } from '../../../components/select-filter.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import { Button } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { modeKey, productName, txKey } from '../labels.ts';
import { BILLING_MODES, type BillSearch, hasBillFilters, TRANSACTION_TYPES } from '../search-params.ts';
import { MonthPicker } from './month-picker.tsx';

export interface BillFiltersProps {
  search: BillSearch;
  month: string;
  maxMonth: string;
  products: readonly string[];
  resources: readonly Resource[] | undefined;
  onChange: (patch: Partial<BillSearch>) => void;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/** Month, product, project, region, billing mode, transaction type and a resource search: all in the URL. */
export function BillFilters({ search, month, maxMonth, products, resources, onChange }: BillFiltersProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const all = t('bills.filter.all');
  const [q, setQ] = useState(search.q ?? '');
  // Follow the URL (back/forward, reset) when it changes under the input.
  useEffect(() => setQ(search.q ?? ''), [search.q]);

  const projects = distinct([...(resources ?? []).map((r) => r.project), ...(search.project ? [search.project] : [])]);
  const regions = distinct([...(resources ?? []).map((r) => r.region), ...(search.region ? [search.region] : [])]);
  const productOptions = distinct([...products, ...(search.product ? [search.product] : [])]);

  function submit(e: FormEvent) {
    e.preventDefault();
    onChange({ q: q.trim() || undefined });
  }

  return (
    <form aria-label={t('bills.filters')} className="flex flex-wrap items-end gap-3" onSubmit={submit}>
      <MonthPicker month={month} max={maxMonth} onChange={(m) => onChange({ month: m })} />
      <FilterSelects
        search={search}
        onChange={onChange}
        all={all}
        selects={[
          {
            name: 'product',
            label: t('bills.filter.product'),
            className: 'w-40',
            options: productOptions,
            optionLabel: (code) => productName(i18n, code),
          },
          { name: 'project', label: t('bills.filter.project'), className: 'w-36', options: projects },
          { name: 'region', label: t('bills.filter.region'), className: 'w-36', options: regions },
          {
            name: 'billingMode',
            label: t('bills.filter.billingMode'),
            className: 'w-32',
            options: BILLING_MODES,
            optionLabel: (m) => t(modeKey(m)),
          },
          {
            name: 'transactionType',
            label: t('bills.filter.transactionType'),
            className: 'w-36',
            options: TRANSACTION_TYPES,
            optionLabel: (x) => t(txKey(x)),
          },
        ]}
      />
      <InputField
        label={t('bills.filter.q')}
        className="w-56"
        name="q"
        type="search"
        value={q}
        maxLength={100}
        placeholder={t('bills.filter.qPlaceholder')}
        onChange={(e) => setQ(e.target.value)}
      />
      <Button type="submit">{t('bills.filter.search')}</Button>
      {hasBillFilters(search) ? (
        <Button
          variant="ghost"
          onClick={() =>
            onChange({
              product: undefined,
              project: undefined,
              region: undefined,
              billingMode: undefined,
              transactionType: undefined,
              q: undefined,
            })
          }
        >
          {t('bills.filter.reset')}
        </Button>
      ) : null}
    </form>
  );
}
