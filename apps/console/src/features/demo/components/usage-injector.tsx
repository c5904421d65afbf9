import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Field, Input, Select } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import type { UsageInjection } from '../api/types.ts';
import type { StoredResource } from '../resources-store.ts';

const SHARE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
export const MAX_INJECTIONS = 10;

/** The contract's rule (UsageInjection): 1–20,000 calls a day, a share "0"–"1" with ≤ 4 decimals. */
export function injectionProblem(callsPerDay: string, share: string): 'calls' | 'share' | null {
  const n = Number(callsPerDay);
  if (!/^\d+$/.test(callsPerDay) || n < 1 || n > 20_000) return 'calls';
  if (!SHARE.test(share)) return 'share';
  return null;
}

/**
 * R9.3 usage injector: label (catalog), resource (the tenant's), calls per day and the share of
 * non-billable results (R1.4). The list is sent with the next clock advance, then cleared.
 */
export function UsageInjector({
  resources,
  pending,
  onChange,
}: {
  resources: readonly StoredResource[];
  pending: readonly UsageInjection[];
  onChange: (next: UsageInjection[]) => void;
}) {
  const { t, locale } = useI18n();
  const catalog = useQuery(catalogQueryOptions());
  const [label, setLabel] = useState('identity.basic');
  const [resourceId, setResourceId] = useState(resources[0]?.id ?? '');
  const [calls, setCalls] = useState('1000');
  const [share, setShare] = useState('0.1');
  const [problem, setProblem] = useState<'calls' | 'share' | 'resource' | null>(null);

  function onAdd(e: FormEvent) {
    e.preventDefault();
    const res = resourceId.trim() || resources[0]?.id || '';
    if (!res) {
      setProblem('resource');
      return;
    }
    const p = injectionProblem(calls.trim(), share.trim());
    setProblem(p);
    if (p) return;
    onChange([...pending, { label, resourceId: res, callsPerDay: Number(calls), nonBillableShare: share.trim() }]);
  }

  const labelName = (code: string) => {
    const item = catalog.data?.items.find((i) => i.code === code);
    return item ? (locale === 'en' ? item.nameEn : item.nameZh) : code;
  };
  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onAdd} noValidate className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-5 xl:items-end">
        <Field label={t('demo.usage.label')} className="xl:col-span-2">
          {(p) => (
            <Select {...p} value={label} onChange={(e) => setLabel(e.target.value)} disabled={!catalog.data}>
              {catalog.data ? (
                catalog.data.items.map((i) => (
                  <option key={i.code} value={i.code}>
                    {labelName(i.code)} ({i.code})
                  </option>
                ))
              ) : (
                <option value={label}>{catalog.isError ? label : t('common.loading')}</option>
              )}
            </Select>
          )}
        </Field>
        <Field
          label={t('demo.usage.resource')}
          error={problem === 'resource' ? t('demo.usage.resourceRequired') : undefined}
        >
          {(p) =>
            resources.length > 0 ? (
              <Select {...p} value={resourceId} onChange={(e) => setResourceId(e.target.value)}>
                {resources.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.alias} ({r.id})
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                {...p}
                value={resourceId}
                placeholder={t('demo.usage.resourcePlaceholder')}
                onChange={(e) => setResourceId(e.target.value)}
              />
            )
          }
        </Field>
        <Field
          label={t('demo.usage.callsPerDay')}
          error={problem === 'calls' ? t('demo.usage.callsInvalid') : undefined}
        >
          {(p) => <Input {...p} inputMode="numeric" value={calls} onChange={(e) => setCalls(e.target.value)} />}
        </Field>
        <Field
          label={t('demo.usage.share')}
          hint={t('demo.usage.shareHint')}
          error={problem === 'share' ? t('demo.usage.shareInvalid') : undefined}
        >
          {(p) => <Input {...p} inputMode="decimal" value={share} onChange={(e) => setShare(e.target.value)} />}
        </Field>
        <div className="sm:col-span-2 xl:col-span-5">
          <Button type="submit" disabled={pending.length >= MAX_INJECTIONS}>
            {t('demo.usage.add')}
          </Button>
        </div>
      </form>
      {pending.length > 0 ? (
        <div>
          <p className="text-sm font-medium text-slate-800">{t('demo.usage.pending')}</p>
          <ul className="mt-2 flex flex-col gap-1.5">
            {pending.map((u, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: identical injections are allowed; position is the identity
                key={i}
                className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 px-3 py-1.5 text-sm"
              >
                <span>
                  {t('demo.usage.item', {
                    label: labelName(u.label),
                    resource: u.resourceId,
                    calls: u.callsPerDay.toLocaleString('en-US'),
                    share: u.nonBillableShare,
                  })}
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onChange(pending.filter((_, j) => j !== i))}
                  aria-label={t('demo.usage.remove.aria', { label: u.label })}
                >
                  {t('demo.usage.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('demo.usage.none')}</p>
      )}
    </div>
  );
}
