import type { CatalogItem } from '@idv/contracts';
import { Link } from 'react-router';
import { FilterSelects, SelectFilter, useLabelName } from '../../../components/select-filter.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasFilters, PACK_SORTS, PACK_SOURCES, PACK_STATUSES, type PackListSearch } from '../search-params.ts';

export interface PackFiltersProps {
  search: PackListSearch;
  labels: CatalogItem[] | undefined;
  onChange: (patch: Partial<PackListSearch>) => void;
}

/** Label, source, status and expiry sort; every change lands in the URL (see the route). */
export function PackFilters({ search, labels, onChange }: PackFiltersProps) {
  const { t } = useI18n();
  const labelName = useLabelName();
  const all = t('packs.filter.all');
  const names = new Map((labels ?? []).map((l) => [l.code, labelName(l)]));
  // A label from the URL that the catalog does not list stays selectable (shown by its code).
  const codes = [...(search.label && !names.has(search.label) ? [search.label] : []), ...names.keys()];
  return (
    <form
      aria-label={t('packs.filters')}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterSelects
        search={search}
        onChange={onChange}
        all={all}
        selects={[
          {
            name: 'label',
            label: t('packs.filter.label'),
            className: 'w-full sm:w-72',
            options: codes,
            optionLabel: (code) => names.get(code) ?? code,
          },
          {
            name: 'source',
            label: t('packs.filter.source'),
            className: 'w-[calc(50%-0.375rem)] sm:w-36',
            options: PACK_SOURCES,
            optionLabel: (s) => t(`packs.source.${s}`),
          },
          {
            name: 'status',
            label: t('packs.filter.status'),
            className: 'w-[calc(50%-0.375rem)] sm:w-36',
            options: PACK_STATUSES,
            optionLabel: (s) => t(`packs.status.${s}`),
          },
        ]}
      />
      <SelectFilter
        label={t('packs.filter.sort')}
        name="sort"
        className="w-full sm:w-52"
        value={search.sort}
        options={PACK_SORTS}
        optionLabel={(s) => t(`packs.sort.${s}`)}
        onChange={(sort) => {
          if (sort) onChange({ sort });
        }}
      />
      {hasFilters(search) ? (
        <Link to="/packs" className="mb-2 text-sm text-brand-700 underline-offset-2 hover:underline">
          {t('packs.filter.reset')}
        </Link>
      ) : null}
    </form>
  );
}
