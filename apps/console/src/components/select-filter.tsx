import type { CatalogItem } from '@idv/contracts';
import { useI18n } from '../lib/i18n.tsx';
import { Field, Select } from './ui/field.tsx';

/**
 * A labelled select of a filter bar: "all" (when `all` is given) then one option per value, named by
 * `optionLabel`. A change reports the chosen value, or `undefined` for "all" (a value not listed never
 * reaches the caller).
 *
 *   <SelectFilter label={t('packs.filter.status')} name="status" className="w-36" all={t('packs.filter.all')}
 *     value={search.status} options={PACK_STATUSES} optionLabel={(s) => t(`packs.status.${s}`)}
 *     onChange={(status) => onChange({ status })} />
 */
export function SelectFilter<V extends string>({
  label,
  hint,
  name,
  className,
  all,
  value,
  options,
  optionLabel = (v) => v,
  onChange,
}: {
  label: string;
  hint?: string;
  name?: string;
  className?: string;
  /** The text of the first option, which clears the filter; omit when a value is always chosen. */
  all?: string;
  value: V | undefined;
  options: readonly V[];
  optionLabel?: (v: V) => string;
  onChange: (v: V | undefined) => void;
}) {
  return (
    <Field label={label} hint={hint} className={className}>
      {(p) => (
        <Select
          {...p}
          name={name}
          value={value ?? ''}
          onChange={(e) => onChange(options.find((o) => o === e.target.value))}
        >
          {all === undefined ? null : <option value="">{all}</option>}
          {options.map((v) => (
            <option key={v} value={v}>
              {optionLabel(v)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** The name of a catalog label in the reader's language (with its code when `withCode`), for a label select. */
export function useLabelName(withCode = false) {
  const { locale } = useI18n();
  return (l: CatalogItem) => {
    const name = locale === 'zh-CN' ? l.nameZh : l.nameEn;
    return withCode ? `${name} (${l.code})` : name;
  };
}

/**
 * Binds the selects of a filter bar to its state: `field('status')` gives a `SelectFilter` its `name`,
 * `value` (`search.status`) and `onChange` (`onChange({ status })`).
 */
export function filterFields<S>(search: S, onChange: (patch: Partial<S>) => void) {
  return <K extends keyof S & string>(name: K) => ({
    name,
    value: search[name],
    onChange: (value: S[K] | undefined) => onChange({ [name]: value } as Partial<S>),
  });
}

type FilterValue<S, K extends keyof S> = Extract<NonNullable<S[K]>, string>;

/** One select of a `FilterSelects` bar: the search key it sets, its label, width and options. */
export type FilterSelect<S> = {
  [K in keyof S & string]: {
    name: K;
    label: string;
    className: string;
    options: readonly FilterValue<S, K>[];
    optionLabel?: (v: FilterValue<S, K>) => string;
  };
}[keyof S & string];

/**
 * The "all or one value" selects of a filter bar, one `SelectFilter` per entry of `selects`, in order,
 * each bound to its key of `search` (see `filterFields`).
 */
export function FilterSelects<S>({
  search,
  onChange,
  all,
  selects,
}: {
  search: S;
  onChange: (patch: Partial<S>) => void;
  all: string;
  selects: readonly FilterSelect<S>[];
}) {
  const field = filterFields(search, onChange);
  return selects.map(({ name, label, className, options, optionLabel }) => (
    <SelectFilter
      key={name}
      label={label}
      className={className}
      all={all}
      options={options as readonly string[]}
      optionLabel={optionLabel as ((v: string) => string) | undefined}
      {...(field(name) as { name: string; value: string | undefined; onChange: (v: string | undefined) => void })}
    />
  ));
}
