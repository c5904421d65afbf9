import { parseMoney } from '@idv/billing';
import type { CatalogItem, PlannerHistory, PlannerResponse } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ItemsPanel } from '../../../components/items-panel.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { SelectFilter, useLabelName } from '../../../components/select-filter.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import {
  Button,
  buttonClasses,
  DataTable,
  DescriptionList,
  EmptyState,
  Field,
  PageHeader,
  Panel,
  Select,
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
import { AutoTopupNote } from '../components/auto-topup-note.tsx';
import { PlanTable } from '../components/plan-table.tsx';
import {
  buyHref,
  DEFAULT_HORIZON,
  MAX_CALLS,
  MAX_HORIZON,
  type PlannerSearch,
  parseCount,
  parseMonths,
  parsePlannerSearch,
  toPlannerSearchParams,
} from '../search-params.ts';

type Mode = 'year' | 'months' | 'history';
const MODES: readonly Mode[] = ['year', 'months', 'history'];
const HORIZONS = Array.from({ length: MAX_HORIZON }, (_, i) => i + 1);

function PlannerForm({ items }: { items: CatalogItem[] }) {
  const { t } = useI18n();
  const labelName = useLabelName(true);
  const names = new Map(items.map((i) => [i.code, labelName(i)]));
  const [params, setParams] = useSearchParams();
  const search = parsePlannerSearch(params);
  const [label, setLabel] = useState(search.label ?? items.find((i) => i.tiers.length > 0)?.code ?? '');
  const [mode, setMode] = useState<Mode>(search.source ?? (search.months ? 'months' : 'year'));
  const [calls, setCalls] = useState(search.calls !== undefined ? String(search.calls) : '');
  const [months, setMonths] = useState(search.months?.join(', ') ?? '');
  const [horizon, setHorizon] = useState(search.horizon ?? DEFAULT_HORIZON);
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
    if (mode === 'history') setParams(toPlannerSearchParams({ label, source: 'history', horizon }));
  }

  return (
    <Panel title={t('planner.form.title')} headingId="planner-form">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <SelectFilter
          label={t('planner.form.label')}
          hint={t('planner.form.labelHint')}
          name="label"
          value={label}
          options={items.map((i) => i.code)}
          optionLabel={(code) => names.get(code) ?? code}
          onChange={(v) => setLabel(v ?? '')}
        />
        <fieldset className="flex flex-col gap-1.5">
          <legend className="text-sm font-medium text-slate-700">{t('planner.form.mode')}</legend>
          {MODES.map((m) => (
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
          <InputField
            label={t('planner.form.calls')}
            hint={t('planner.form.callsHint')}
            error={callsError ? t('planner.form.errorCalls') : undefined}
            inputMode="numeric"
            name="calls"
            value={calls}
            onChange={(e) => setCalls(e.target.value)}
          />
        ) : mode === 'months' ? (
          <InputField
            label={t('planner.form.months')}
            hint={t('planner.form.monthsHint')}
            error={monthsError ? t('planner.form.errorMonths') : undefined}
            name="months"
            value={months}
            onChange={(e) => setMonths(e.target.value)}
          />
        ) : (
          <Field label={t('planner.form.horizon')} hint={t('planner.form.horizonHint')}>
            {(p) => (
              <Select
                {...p}
                name="horizon"
                value={String(horizon)}
                onChange={(e) => setHorizon(Number.parseInt(e.target.value, 10))}
              >
                {HORIZONS.map((n) => (
                  <option key={n} value={n}>
                    {n === 1 ? t('planner.form.horizonOne') : t('planner.form.horizonMany', { n })}
                  </option>
                ))}
              </Select>
            )}
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

/** The plan's lines to buy now (the first validity window), the largest amount first: the main tier leads. */
function mainLine(r: PlannerResponse) {
  const lines = r.windows[0]?.best.packs ?? [];
  return [...lines].sort((a, b) => {
    const d = parseMoney(b.amount) - parseMoney(a.amount);
    return d > 0n ? 1 : d < 0n ? -1 : b.size - a.size;
  });
}

/** "Projected X, your packs cover Y, to plan Z", per month, with the method in plain words. */
function HistorySummary({ h }: { h: PlannerHistory }) {
  const { t, locale } = useI18n();
  return (
    <div className="flex flex-col gap-4">
      <DescriptionList
        columns={3}
        items={[
          {
            key: 'projected',
            term: t('planner.history.projected'),
            value: <span className="tabular text-base font-semibold">{formatCount(h.projectedCalls)}</span>,
          },
          {
            key: 'covered',
            term: t('planner.history.covered'),
            value: <span className="tabular text-base font-semibold">{formatCount(h.coveredByPacks)}</span>,
          },
          {
            key: 'toPlan',
            term: t('planner.history.toPlan'),
            value: <span className="tabular text-base font-semibold">{formatCount(h.toPlan)}</span>,
          },
        ]}
      />
      <p className="text-sm text-slate-700">
        {t('planner.history.basis', {
          days: h.historyDays,
          calls: formatCount(h.historyCalls),
          trend: h.trendPerDay,
        })}
      </p>
      <Table caption={t('planner.history.caption')}>
        <THead>
          <tr>
            <Th>{t('planner.history.col.month')}</Th>
            <Th>{`${t('planner.history.col.dates')} (${t('common.cst')})`}</Th>
            <Th align="right">{t('planner.history.projected')}</Th>
            <Th align="right">{t('planner.history.covered')}</Th>
            <Th align="right">{t('planner.history.toPlan')}</Th>
          </tr>
        </THead>
        <TBody>
          {h.months.map((m) => (
            <Tr key={m.month}>
              <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                {t('planner.history.month', { n: m.month + 1 })}
              </th>
              <Td className="tabular">{t('planner.history.dates', { from: m.from, to: m.to })}</Td>
              <Td align="right">{formatCount(m.projectedCalls)}</Td>
              <Td align="right">{formatCount(m.coveredByPacks)}</Td>
              <Td align="right" className="font-medium text-slate-900">
                {formatCount(m.toPlan)}
              </Td>
            </Tr>
          ))}
          <Tr className="bg-slate-50">
            <th scope="row" className="px-3 py-2 text-left font-semibold text-slate-900">
              {t('planner.history.total')}
            </th>
            <Td />
            <Td align="right" className="font-semibold">
              {formatCount(h.projectedCalls)}
            </Td>
            <Td align="right" className="font-semibold">
              {formatCount(h.coveredByPacks)}
            </Td>
            <Td align="right" className="font-semibold">
              {formatCount(h.toPlan)}
            </Td>
          </Tr>
        </TBody>
      </Table>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t('planner.history.method')}</h3>
        <p className="mt-1 max-w-3xl text-sm text-slate-700" lang={locale === 'zh-CN' ? 'zh-CN' : 'en'}>
          {locale === 'zh-CN' ? h.methodZh : h.method}
        </p>
      </div>
    </div>
  );
}

function Result({ label, search }: { label: string; search: PlannerSearch }) {
  const plan = useQuery(
    planQueryOptions({
      label,
      calls: search.calls,
      months: search.months,
      source: search.source,
      horizon: search.horizon,
    }),
  );
  return (
    <QueryView query={plan} skeleton="h-64" padded={false}>
      {(r) => <PlanResult r={r} label={label} />}
    </QueryView>
  );
}

function PlanResult({ r, label }: { r: PlannerResponse; label: string }) {
  const { t } = useI18n();
  const packLines = (packs: PlannerResponse['best']['packs']) =>
    packs.length === 0
      ? t('planner.packs.none')
      : packs.map((p) => t('planner.packs.line', { size: formatCount(p.size), quantity: p.quantity })).join('; ');
  const h = r.history;
  if (h && h.historyCalls === 0) {
    // No usage to project from: say so and offer the typed-in forecast.
    return (
      <Panel title={t('planner.history.title')} headingId="planner-history">
        <EmptyState
          icon="search"
          headingLevel={3}
          title={t('planner.history.emptyTitle')}
          action={
            <Link to={`/planner?${toPlannerSearchParams({ label }).toString()}`} className={buttonClasses('secondary')}>
              {t('planner.history.typeInstead')}
            </Link>
          }
        >
          {t('planner.history.emptyBody')}
        </EmptyState>
      </Panel>
    );
  }
  const noPackText = !h
    ? t('planner.allPostpaidBest')
    : h.toPlan === 0
      ? t('planner.history.coveredAll', { months: h.horizonMonths })
      : t('planner.history.nothingToBuy');
  const lines = mainLine(r);
  const [main, ...others] = lines;
  const comparison = (
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
          <p className="text-sm text-slate-700" data-testid="planner-no-pack">
            {noPackText}
          </p>
        )}
        {r.windows.length > 1 ? (
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('planner.windows.title')}</h3>
            <DataTable
              caption={t('planner.windows.caption')}
              rows={r.windows}
              rowKey={(w) => w.index}
              columns={[
                {
                  key: 'months',
                  head: t('planner.windows.col.months'),
                  cell: (w) => t('planner.windows.months', { from: w.firstMonth + 1, to: w.lastMonth + 1 }),
                },
                {
                  key: 'calls',
                  head: t('planner.windows.col.calls'),
                  align: 'right',
                  cell: (w) => formatCount(w.calls),
                },
                { key: 'packs', head: t('planner.col.packs'), cell: (w) => packLines(w.best.packs) },
                { key: 'total', head: t('planner.col.total'), align: 'right', cell: (w) => formatMoney(w.best.total) },
              ]}
            />
          </div>
        ) : null}
        <p className="text-xs text-slate-600">{t('planner.method')}</p>
      </div>
    </Panel>
  );
  if (!h) return comparison;
  return (
    <>
      <Panel
        title={t('planner.history.title')}
        description={t('planner.history.subtitle', { today: h.today, months: h.horizonMonths })}
        headingId="planner-history"
      >
        <HistorySummary h={h} />
      </Panel>
      {comparison}
    </>
  );
}

function LabelPacks({ label }: { label: string }) {
  const { t } = useI18n();
  const packs = useQuery(activePacksQueryOptions(label));
  return (
    <ItemsPanel
      title={t('planner.packs.title')}
      description={t('planner.packs.subtitle')}
      headingId="planner-packs"
      query={packs}
      skeleton="h-20"
      empty={<p className="text-sm text-slate-700">{t('planner.packs.empty')}</p>}
    >
      {(data) => (
        <DataTable
          caption={t('planner.packs.caption')}
          rows={data.items}
          columns={[
            { key: 'pack', head: t('planner.packs.col.pack'), className: 'font-mono text-xs', cell: (p) => p.id },
            {
              key: 'remaining',
              head: t('planner.packs.col.remaining'),
              align: 'right',
              cell: (p) => formatCount(p.remaining),
            },
            {
              key: 'expires',
              head: `${t('planner.packs.col.expires')} (${t('common.cst')})`,
              className: 'tabular',
              cell: (p) => formatDateTime(p.expiresAt),
            },
            {
              key: 'links',
              head: <span className="sr-only">{t('forecast.summary.title')}</span>,
              cell: (p) => (
                <div className="flex flex-wrap gap-3">
                  <Link to={`/planner/forecast/${p.id}`} className={buttonClasses('link')}>
                    {t('planner.packs.forecast', { id: p.id })}
                  </Link>
                  <Link to={`/explain?packId=${p.id}`} className={buttonClasses('link')}>
                    {t('planner.packs.explain', { id: p.id })}
                  </Link>
                </div>
              ),
            },
          ]}
        />
      )}
    </ItemsPanel>
  );
}

/** Issue 9: the pack planner page. */
export function PlannerRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const search = parsePlannerSearch(params);
  const catalog = useQuery(catalogQueryOptions());
  const ready =
    search.label !== undefined &&
    (search.calls !== undefined || search.months !== undefined || search.source !== undefined);

  return (
    <>
      <PageHeader title={t('planner.title')} description={t('planner.subtitle')} />
      <div className="grid gap-5 lg:grid-cols-[22rem_1fr]">
        <div>
          <QueryView query={catalog} skeleton="h-72" padded={false}>
            {(data) => <PlannerForm key={params.toString()} items={data.items} />}
          </QueryView>
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          {ready && search.label ? (
            <>
              <AutoTopupNote label={search.label} />
              <Result label={search.label} search={search} />
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
