import type { ExplainGroup, Explanation } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DetailView, NotFound } from '../../../components/detail-view.tsx';
import { SelectFilter, useLabelName } from '../../../components/select-filter.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import {
  Badge,
  Button,
  buttonClasses,
  DataTable,
  EmptyState,
  PageHeader,
  Panel,
} from '../../../components/ui/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import { type ExplainSubject, explainQueryOptions } from '../api/explain.ts';
import { withoutRuleIds } from '../rule-text.ts';
import { parseExplainSearch } from '../subject.ts';

function DayForm({ subject }: { subject: ExplainSubject | null }) {
  const { t } = useI18n();
  const [, setParams] = useSearchParams();
  const catalog = useQuery(catalogQueryOptions());
  const labelName = useLabelName(true);
  const names = new Map((catalog.data?.items ?? []).map((i) => [i.code, labelName(i)]));
  const codes = [...names.keys()];
  const [date, setDate] = useState(subject && 'date' in subject ? subject.date : '');
  const [label, setLabel] = useState(subject && 'date' in subject ? (subject.label ?? '') : '');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const p = new URLSearchParams({ date });
    if (label) p.set('label', label);
    setParams(p);
  }
  return (
    <Panel title={t('explain.form.title')} headingId="explain-form">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-4">
        <InputField
          label={t('explain.form.date')}
          className="w-48"
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <SelectFilter
          label={t('explain.form.label')}
          className="min-w-64 flex-1"
          all={t('explain.form.allLabels')}
          value={label || undefined}
          options={codes}
          optionLabel={(code) => names.get(code) ?? code}
          onChange={(v) => setLabel(v ?? '')}
        />
        <Button type="submit" variant="primary">
          {t('explain.form.submit')}
        </Button>
      </form>
    </Panel>
  );
}

function ruleText(g: ExplainGroup, tMaybe: (k: string, f: string) => string, zh: boolean): string {
  const fallback = withoutRuleIds(zh ? g.explanationZh : g.explanation);
  return g.rule ? tMaybe(`explain.rule.${g.rule}`, fallback) : fallback;
}

function scopeTitle(e: Explanation, t: ReturnType<typeof useI18n>['t']): string {
  switch (e.scope.kind) {
    case 'pack':
      return t('explain.scope.pack', { id: e.scope.packId ?? '' });
    case 'day':
      return e.scope.label
        ? t('explain.scope.dayLabel', { date: e.scope.date ?? '', label: e.scope.label })
        : t('explain.scope.day', { date: e.scope.date ?? '' });
    case 'charge':
      return t('explain.scope.charge', { id: e.scope.chargeId ?? '' });
    default:
      return '';
  }
}

function Groups({ subject }: { subject: ExplainSubject }) {
  const { t } = useI18n();
  const q = useQuery(explainQueryOptions(subject));
  return (
    <DetailView
      query={q}
      header={null}
      missing={(e) => isApiError(e) && (e.status === 404 || e.status === 400)}
      notFound={<NotFound title={t('explain.notFound')} />}
    >
      {(e) => <Explained e={e} />}
    </DetailView>
  );
}

function Explained({ e }: { e: Explanation }) {
  const { t, tMaybe, locale } = useI18n();
  const zh = locale === 'zh-CN';
  return (
    <Panel
      title={scopeTitle(e, t)}
      headingId="explain-result"
      description={t('explain.total', { calls: formatCount(e.totalCalls) })}
    >
      <div className="flex flex-col gap-3">
        {e.charge ? (
          <p className={e.charge.eventsMatch ? 'text-sm text-slate-700' : 'text-sm text-red-700'}>
            {tMaybe(`bills.tx.${e.charge.transactionType}`, e.charge.transactionType)} · {formatMoney(e.charge.amount)}{' '}
            ·{' '}
            {e.charge.eventsMatch
              ? t('explain.charge.matches', { quantity: formatCount(e.charge.quantity) })
              : t('explain.charge.mismatch', {
                  calls: formatCount(e.totalCalls),
                  quantity: formatCount(e.charge.quantity),
                })}
          </p>
        ) : null}
        {e.groups.length === 0 ? (
          <EmptyState headingLevel={3} title={t('explain.empty.title')} className="py-8">
            {t('explain.empty.body')}
          </EmptyState>
        ) : (
          <DataTable
            caption={t('explain.caption')}
            stack
            rows={e.groups}
            rowKey={(g) => `${g.label}|${g.outcome}|${g.packId}|${g.code}|${g.rule}`}
            columns={[
              {
                key: 'label',
                head: t('explain.col.label'),
                className: 'font-mono text-xs break-all',
                wide: true,
                cell: (g) => g.label,
              },
              {
                key: 'outcome',
                head: t('explain.col.outcome'),
                cell: (g) => (
                  <Badge tone={g.outcome === 'rejected' ? 'danger' : g.outcome === 'postpaid' ? 'warning' : 'neutral'}>
                    {t(`explain.outcome.${g.outcome}`)}
                  </Badge>
                ),
              },
              {
                key: 'pack',
                head: t('explain.col.pack'),
                cell: (g) =>
                  g.packId ? (
                    <Link to={`/planner/forecast/${g.packId}`} className={buttonClasses('link')}>
                      {g.packId}
                      {g.packSource ? ` (${t(`explain.source.${g.packSource}`)})` : ''}
                    </Link>
                  ) : (
                    t('common.dash')
                  ),
              },
              { key: 'rule', head: t('explain.col.rule'), wide: true, cell: (g) => ruleText(g, tMaybe, zh) },
              { key: 'calls', head: t('explain.col.calls'), align: 'right', cell: (g) => formatCount(g.calls) },
              {
                key: 'when',
                head: t('explain.col.when'),
                className: 'tabular text-xs',
                cell: (g) => `${formatDateTime(g.firstAt)} – ${formatDateTime(g.lastAt)}`,
              },
            ]}
          />
        )}
      </div>
    </Panel>
  );
}

/** Issue 9: the deduction explainer for a pack (?packId), a day (?date[&label]) or a bill line (?chargeId). */
export function ExplainRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const subject = parseExplainSearch(params);
  return (
    <>
      <PageHeader title={t('explain.title')} description={t('explain.subtitle')} />
      <div className="flex flex-col gap-5">
        <DayForm key={params.toString()} subject={subject} />
        {subject ? (
          <Groups subject={subject} />
        ) : (
          <NotFound title={t('explain.pick.title')}>{t('explain.pick.body')}</NotFound>
        )}
      </div>
    </>
  );
}
