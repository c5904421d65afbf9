import type { AuditEntry } from '@idv/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useSearchParams } from 'react-router';
import { QueryView } from '../../../components/query-view.tsx';
import { Badge, Banner, Button, DescriptionList, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { auditInfiniteOptions } from '../api/audit.ts';
import { type AuditGroup, type AuditStep, groupAudit } from '../group.ts';

function outcomeTone(outcome: string) {
  return outcome === 'ok' ? 'success' : outcome === 'refused' ? 'warning' : 'danger';
}

/**
 * R9.2 access log: when support accessed the account, why, in which mode, how the session ended and what
 * they did there (pages and changes in plain words, refused actions highlighted); newest first.
 */
export function AccessLogRoute() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const supportOnly = params.get('support') !== 'all';
  const log = useInfiniteQuery(auditInfiniteOptions());
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = supportOnly ? entries.filter((e) => e.impersonationId || e.actor.kind === 'staff') : entries;
  const groups = groupAudit(shown);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.subtitle')} />
      <Panel bodyClassName="p-0">
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-5 py-3">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={supportOnly}
              onChange={(e) => setParams(e.target.checked ? {} : { support: 'all' })}
            />
            {t('audit.supportOnly')}
          </label>
        </div>
        <QueryView
          query={log}
          rows={2}
          skeleton="h-20"
          keepData
          isEmpty={() => groups.length === 0}
          empty={
            <EmptyState title={supportOnly ? t('audit.empty.supportTitle') : t('audit.empty.allTitle')}>
              {t('audit.empty.body')}
            </EmptyState>
          }
        >
          {() => (
            <ol className="divide-y divide-slate-200" aria-label={t('audit.listLabel')} data-testid="audit-list">
              {groups.map((g) => (
                <Group key={g.key} g={g} />
              ))}
            </ol>
          )}
        </QueryView>
        {log.hasNextPage ? (
          <div className="border-t border-slate-200 px-5 py-3 text-center">
            <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('audit.loadMore')}
            </Button>
          </div>
        ) : null}
      </Panel>
    </>
  );
}

function actorLabel(actor: AuditEntry['actor'], t: ReturnType<typeof useI18n>['t']): string {
  const name = actor.name ?? actor.id;
  return actor.kind === 'staff' ? t('audit.actor.staff', { name }) : t('audit.actor.customer', { name });
}

/** A step in the customer's words: the page or change, never the raw endpoint (R9.2). */
function StepText({ step }: { step: AuditStep }) {
  const { tMaybe } = useI18n();
  const d = step.described;
  if (!d) return <span>{tMaybe(`audit.action.${step.action}`, step.action)}</span>;
  return <span>{tMaybe(d.key, d.key, d.path ? { path: d.path } : undefined)}</span>;
}

const endTone = { stopped: 'neutral', expired: 'muted', active: 'info' } as const;

/** R9.2 A support session as the customer reads it: who, why, in which mode, when, how it ended, what happened. */
function Group({ g }: { g: AuditGroup }) {
  const { t } = useI18n();
  const s = g.session;
  const session = Boolean(g.impersonationId);
  const headingId = `audit-${g.key}`;
  return (
    <li className="px-5 py-4" data-testid="audit-group">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={session ? 'warning' : 'neutral'}>{session ? t('audit.session') : t('audit.single')}</Badge>
        <h2 id={headingId} className="text-sm font-medium text-slate-900">
          {s ? t('audit.actor.staff', { name: s.agent.name ?? s.agent.id }) : actorLabel(g.actor, t)}
        </h2>
        {s ? (
          <>
            <Badge tone={s.write ? 'danger' : 'success'} dot={false}>
              {s.write ? t('access.mode.write') : t('access.mode.readOnly')}
            </Badge>
            <Badge tone={endTone[s.ended]} dot={false}>
              {t(`access.ended.${s.ended}`)}
            </Badge>
          </>
        ) : null}
      </div>
      {s ? (
        <div className="mt-3">
          <DescriptionList
            columns={4}
            items={[
              { key: 'reason', term: t('access.field.reason'), value: s.reason },
              { key: 'ticket', term: t('access.field.ticket'), value: s.ticket ?? t('common.dash') },
              {
                key: 'start',
                term: `${t('access.field.start')} (${t('common.cst')})`,
                value: <time dateTime={s.startedAt}>{formatDateTime(s.startedAt)}</time>,
              },
              {
                key: 'end',
                term: `${t('access.field.end')} (${t('common.cst')})`,
                value: s.endedAt ? (
                  <time dateTime={s.endedAt}>{formatDateTime(s.endedAt)}</time>
                ) : (
                  t('access.field.endsAt', { at: formatDateTime(s.expiresAt) })
                ),
              },
            ]}
          />
        </div>
      ) : (
        <>
          <p className="mt-1 text-xs text-slate-600">
            {g.from === g.to
              ? formatDateTime(g.to)
              : t('audit.range', { from: formatDateTime(g.from), to: formatDateTime(g.to) })}{' '}
            ({t('common.cst')})
          </p>
          {g.reason ? <p className="mt-1.5 text-sm text-slate-800">{t('audit.reason', { reason: g.reason })}</p> : null}
        </>
      )}
      {session ? (
        <p className="mt-3 text-sm text-slate-800" data-testid="audit-summary">
          {t('access.summary', { pages: g.counts.pages, changes: g.counts.changes })}
        </p>
      ) : null}
      {g.counts.refused > 0 ? (
        <div className="mt-2">
          <Banner tone="warning">
            {s && !s.write
              ? t('access.refused.readOnly', { count: g.counts.refused })
              : t('access.refused.count', { count: g.counts.refused })}
          </Banner>
        </div>
      ) : null}
      <details className="mt-2" open={g.steps.length <= 8 || g.counts.refused > 0}>
        <summary className="cursor-pointer rounded text-sm text-brand-700 hover:underline">
          {t('access.steps', { count: g.steps.length })}
        </summary>
        <ul className="mt-2 flex flex-col gap-1.5 border-l-2 border-slate-200 pl-3">
          {g.steps.map((step) => {
            const refused = step.outcome === 'refused';
            return (
              <li
                key={step.key}
                data-testid={refused ? 'audit-refused' : 'audit-step'}
                className={clsx(
                  'flex flex-wrap items-center gap-2 text-sm text-slate-800',
                  refused &&
                    '-ml-3 rounded-r border-l-4 border-amber-500 bg-amber-50 py-1 pl-2 font-medium text-amber-900',
                )}
              >
                <time dateTime={step.to} className="text-xs text-slate-600 tabular">
                  {formatDateTime(step.to)}
                </time>
                <StepText step={step} />
                {step.count > 1 ? (
                  <span className="text-xs text-slate-600">{t('access.times', { count: step.count })}</span>
                ) : null}
                {step.outcome === 'ok' ? null : (
                  <Badge tone={outcomeTone(step.outcome)} dot={false}>
                    {t(`audit.outcome.${refused ? 'refused' : 'failed'}`)}
                  </Badge>
                )}
                {refused && s && !s.write && step.described?.write ? (
                  <span className="text-xs font-normal text-amber-900">{t('access.refused.why')}</span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </details>
    </li>
  );
}
