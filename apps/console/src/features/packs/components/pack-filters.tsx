import type { CatalogItem } from '@idv/contracts';
import { Link } from 'react-router';
import { Field, Select } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasFilters, PACK_SORTS, PACK_SOURCES, PACK_STATUSES, type PackListSearch } from '../search-params.ts';

export interface PackFiltersProps {
  search: PackListSearch;
  labels: CatalogItem[] | undefined;
  onChange: (patch: Partial<PackListSearch>) => void;
}

/** Label, source, status and expiry sort; every change lands in the URL (see the route). */
export function PackFilters({ search, labels, onChange }: PackFiltersProps) {
  const { t, locale } = useI18n();
  const all = t('packs.filter.all');
  return (
    <form
      aria-label={t('packs.filters')}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label={t('packs.filter.label')} className="w-full sm:w-72">
        {(p) => (
          <Select
            {...p}
            name="label"
            value={search.label ?? ''}
            onChange={(e) => onChange({ label: e.target.value || undefined })}
          >
            <option value="">{all}</option>
            {search.label && !labels?.some((l) => l.code === search.label) ? (
              <option value={search.label}>{search.label}</option>
            ) : null}
            {labels?.map((l) => (
              <option key={l.code} value={l.code}>
                {locale === 'zh-CN' ? l.nameZh : l.nameEn}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('packs.filter.source')} className="w-[calc(50%-0.375rem)] sm:w-36">
        {(p) => (
          <Select
            {...p}
            name="source"
            value={search.source ?? ''}
            onChange={(e) => onChange({ source: PACK_SOURCES.find((s) => s === e.target.value) })}
          >
            <option value="">{all}</option>
            {PACK_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`packs.source.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('packs.filter.status')} className="w-[calc(50%-0.375rem)] sm:w-36">
        {(p) => (
          <Select
            {...p}
            name="status"
            value={search.status ?? ''}
            onChange={(e) => onChange({ status: PACK_STATUSES.find((s) => s === e.target.value) })}
          >
            <option value="">{all}</option>
            {PACK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`packs.status.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('packs.filter.sort')} className="w-full sm:w-52">
        {(p) => (
          <Select
            {...p}
            name="sort"
            value={search.sort}
            onChange={(e) => {
              const sort = PACK_SORTS.find((s) => s === e.target.value);
              if (sort) onChange({ sort });
            }}
          >
            {PACK_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`packs.sort.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {hasFilters(search) ? (
        <Link to="/packs" className="mb-2 text-sm text-brand-700 underline-offset-2 hover:underline">
          {t('packs.filter.reset')}
        </Link>
      ) : null}
    </form>
  );
}
