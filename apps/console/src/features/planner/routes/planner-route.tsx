import type { CatalogItem, PlannerResponse } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import {
  Busy,
  Button,
  buttonClasses,
  EmptyState,
  Field,
  Input,
  PageHeader,
  Panel,
  Select,
  Skeleton,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney, formatPercent } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import { activePacksQueryOptions } from '../api/packs.ts';
import { planQueryOptions } from '../api/plan.ts';
import { PlanTable } from '../components/plan-table.tsx';
import {
  buyHref,
  MAX_CALLS,
  parseCount,
  parseMonths,
  parsePlannerSearch,
  toPlannerSearchParams,
} from '../search-params.ts';

type Mode = 'year' | 'months';

function PlannerForm({ items }: { items: CatalogItem[] }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = parsePlannerSearch(params);
  const [label, setLabel] = useState(search.label ?? items.find((i) => i.tiers.length > 0)?.code ?? '');
  const [mode, setMode] = useState<Mode>(search.months ? 'months' : 'year');
  const [calls, setCalls] = useState(search.calls !== undefined ? String(search.calls) : '');
  const [months, setMonths] = useState(search.months?.join(', ') ?? '');
  const [submitted, setSubmitted] = useState(false);
  const modeName = useId();

  const callsValue = parseCount(calls, MAX_CALLS);
  const monthsValue = parseMonths(months);
  const callsError = submitted && mode === 'year' && callsValue === undefined;
  const monthsError = submitted && mode === 'months' && monthsValue === undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (mode === 'year' && callsValue !== undefined) setParams(toPlannerSearchParams({ label, calls: callsValue }));
    if (mode === 'months' && monthsValue !== undefined)
      setParams(toPlannerSearchParams({ label, months: monthsValue }));
  }

  return (
    <Panel title={t('planner.form.title')} headingId="planner-form">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <Field label={t('planner.form.label')} hint={t('planner.form.labelHint')}>
          {(p) => (
            <Select {...p} value={label} onChange={(e) => setLabel(e.target.value)} name="label">
              {items.map((i) => (
                <option key={i.code} value={i.code}>
                  {locale === 'zh-CN' ? i.nameZh : i.nameEn} ({i.code})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="text-sm font-medium text-slate-700">{t('planner.form.mode')}</legend>
          {(['year', 'months'] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name={modeName}
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="size-4 accent-brand-600"
              />
              {t(`planner.form.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'year' ? (
          <Field
            label={t('planner.form.calls')}
            hint={t('planner.form.callsHint')}
            error={callsError ? t('planner.form.errorCalls') : undefined}
          >
            {(p) => (
              <Input {...p} inputMode="numeric" name="calls" value={calls} onChange={(e) => setCalls(e.target.value)} />
            )}
          </Field>
        ) : (
          <Field
            label={t('planner.form.months')}
            hint={t('planner.form.monthsHint')}
            error={monthsError ? t('planner.form.errorMonths') : undefined}
          >
            {(p) => <Input {...p} name="months" value={months} onChange={(e) => setMonths(e.target.value)} />}
          </Field>
        )}
        <div>
          <Button type="submit" variant="primary">
            {t('planner.form.submit')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

/** A decimal money string as an exact integer of 1/10000 (for ordering only; R1.2 no floats). */
function units(amount: string): bigint {
  const [int = '0', frac = ''] = amount.split('.');
  return BigInt(int) * 10_000n + BigInt(frac.padEnd(4, '0').slice(0, 4));
}

/** The plan's lines to buy now (the first validity window), the largest amount first: the main tier leads. */
function mainLine(r: PlannerResponse) {
  const lines = r.windows[0]?.best.packs ?? [];
  return [...lines].sort((a, b) => {
    const d = units(b.amount) - units(a.amount);
    return d > 0n ? 1 : d < 0n ? -1 : b.size - a.size;
  });
}

function Result({ label, calls, months }: { label: string; calls?: number; months?: number[] }) {
  const { t } = useI18n();
  const plan = useQuery(planQueryOptions({ label, calls, months }));
  if (plan.isPending) {
    return (
      <Busy label={t('common.loading')}>
        <Skeleton className="h-64 w-full" />
      </Busy>
    );
  }
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  const r = plan.data;
  const lines = mainLine(r);
  const [main, ...others] = lines;
  return (
    <Panel
      title={t('planner.result.title')}
      headingId="planner-result"
      description={t('planner.result.summary', {
        calls: formatCount(r.calls),
        best: formatMoney(r.best.total),
        postpaid: formatMoney(r.allPostpaid.total),
        saving: formatMoney(r.best.saving),
        percent: formatPercent(r.best.savingPercent),
      })}
    >
      <div className="flex flex-col gap-4">
        <PlanTable result={r} />
        {main ? (
          <div className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center gap-3">
              <Link to={buyHref(r.label, main.size, main.quantity)} className={buttonClasses('primary')}>
                {t('planner.buy')}
              </Link>
              {others.map((l) => (
                <Link key={l.size} to={buyHref(r.label, l.size, l.quantity)} className={buttonClasses('secondary')}>
                  {t('planner.buyLine', { size: formatCount(l.size), quantity: l.quantity })}
                </Link>
              ))}
            </div>
            {others.length > 0 ? <p className="text-xs text-slate-600">{t('planner.buyHint')}</p> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t('planner.allPostpaidBest')}</p>
        )}
        {r.windows.length > 1 ? (
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('planner.windows.title')}</h3>
            <Table caption={t('planner.windows.caption')}>
              <THead>
                <tr>
                  <Th>{t('planner.windows.col.months')}</Th>
                  <Th align="right">{t('planner.windows.col.calls')}</Th>
                  <Th>{t('planner.col.packs')}</Th>
                  <Th align="right">{t('planner.col.total')}</Th>
                </tr>
              </THead>
              <TBody>
                {r.windows.map((w) => (
                  <Tr key={w.index}>
                    <Td>{t('planner.windows.months', { from: w.firstMonth + 1, to: w.lastMonth + 1 })}</Td>
                    <Td align="right">{formatCount(w.calls)}</Td>
                    <Td>
                      {w.best.packs.length === 0
                        ? t('planner.packs.none')
                        : w.best.packs
                            .map((p) => t('planner.packs.line', { size: formatCount(p.size), quantity: p.quantity }))
                            .join('; ')}
                    </Td>
                    <Td align="right">{formatMoney(w.best.total)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
        ) : null}
        <p className="text-xs text-slate-600">{t('planner.method')}</p>
      </div>
    </Panel>
  );
}

function LabelPacks({ label }: { label: string }) {
  const { t } = useI18n();
  const packs = useQuery(activePacksQueryOptions(label));
  return (
    <Panel title={t('planner.packs.title')} description={t('planner.packs.subtitle')} headingId="planner-packs">
      {packs.isPending ? (
        <Busy label={t('common.loading')}>
          <Skeleton className="h-20 w-full" />
        </Busy>
      ) : packs.isError ? (
        <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
      ) : packs.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t('planner.packs.empty')}</p>
      ) : (
        <Table caption={t('planner.packs.caption')}>
          <THead>
            <tr>
              <Th>{t('planner.packs.col.pack')}</Th>
              <Th align="right">{t('planner.packs.col.remaining')}</Th>
              <Th>{`${t('planner.packs.col.expires')} (${t('common.cst')})`}</Th>
              <Th>
                <span className="sr-only">{t('forecast.summary.title')}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {packs.data.items.map((p) => (
              <Tr key={p.id}>
                <Td className="font-mono text-xs">{p.id}</Td>
                <Td align="right">{formatCount(p.remaining)}</Td>
                <Td className="tabular">{formatDateTime(p.expiresAt)}</Td>
                <Td>
                  <div className="flex flex-wrap gap-3">
                    <Link to={`/planner/forecast/${p.id}`} className={buttonClasses('link')}>
                      {t('planner.packs.forecast', { id: p.id })}
                    </Link>
                    <Link to={`/explain?packId=${p.id}`} className={buttonClasses('link')}>
                      {t('planner.packs.explain', { id: p.id })}
                    </Link>
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Panel>
  );
}

/** Issue 9: the pack planner page. */
export function PlannerRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const search = parsePlannerSearch(params);
  const catalog = useQuery(catalogQueryOptions());
  const ready = search.label !== undefined && (search.calls !== undefined || search.months !== undefined);

  return (
    <>
      <PageHeader title={t('planner.title')} description={t('planner.subtitle')} />
      <div className="grid gap-5 lg:grid-cols-[22rem_1fr]">
        <div>
          {catalog.isPending ? (
            <Busy label={t('common.loading')}>
              <Skeleton className="h-72 w-full" />
            </Busy>
          ) : catalog.isError ? (
            <QueryError error={catalog.error} onRetry={() => void catalog.refetch()} />
          ) : (
            <PlannerForm key={params.toString()} items={catalog.data.items} />
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          {ready && search.label ? (
            <>
              <Result label={search.label} calls={search.calls} months={search.months} />
              <LabelPacks label={search.label} />
            </>
          ) : (
            <Panel>
              <EmptyState icon="tools" title={t('planner.empty.title')}>
                {t('planner.empty.body')}
              </EmptyState>
            </Panel>
          )}
        </div>
      </div>
    </>
  );
}
