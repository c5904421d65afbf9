import type { AuditEntry } from '@idv/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { Badge, Busy, Button, EmptyState, PageHeader, Panel, Skeleton } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { auditInfiniteOptions } from '../api/audit.ts';
import { type AuditGroup, groupAudit, httpAction } from '../group.ts';

function outcomeTone(outcome: string) {
  return outcome === 'ok' ? 'success' : outcome === 'refused' ? 'warning' : 'danger';
}

/** R9.2 access log: when support accessed the account, why, and what they did; newest first. */
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
        {log.isPending ? (
          <Busy label={t('common.loading')} className="flex flex-col gap-3 p-5">
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </Busy>
        ) : log.isError && entries.length === 0 ? (
          <div className="p-5">
            <QueryError error={log.error} onRetry={() => void log.refetch()} />
          </div>
        ) : groups.length === 0 ? (
          <EmptyState title={supportOnly ? t('audit.empty.supportTitle') : t('audit.empty.allTitle')}>
            {t('audit.empty.body')}
          </EmptyState>
        ) : (
          <ol className="divide-y divide-slate-200" aria-label={t('audit.listLabel')} data-testid="audit-list">
            {groups.map((g) => (
              <Group key={g.key} g={g} />
            ))}
          </ol>
        )}
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

function ActionText({ action }: { action: string }) {
  const { t, tMaybe } = useI18n();
  const http = httpAction(action);
  if (http) {
    const verb = http.method === 'GET' || http.method === 'HEAD' ? t('audit.verb.read') : t('audit.verb.write');
    return (
      <span>
        {verb} <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">{http.path}</code>
      </span>
    );
  }
  return <span>{tMaybe(`audit.action.${action}`, action)}</span>;
}

function Group({ g }: { g: AuditGroup }) {
  const { t } = useI18n();
  const session = Boolean(g.impersonationId);
  return (
    <li className="px-5 py-4" data-testid="audit-group">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={session ? 'warning' : 'neutral'}>{session ? t('audit.session') : t('audit.single')}</Badge>
        <span className="text-sm font-medium text-slate-900">{actorLabel(g.actor, t)}</span>
        <span className="text-xs text-slate-600">
          {g.from === g.to
            ? formatDateTime(g.to)
            : t('audit.range', { from: formatDateTime(g.from), to: formatDateTime(g.to) })}{' '}
          ({t('common.cst')})
        </span>
      </div>
      {g.reason ? <p className="mt-1.5 text-sm text-slate-800">{t('audit.reason', { reason: g.reason })}</p> : null}
      <details className="mt-2" open={g.entries.length <= 5}>
        <summary className="cursor-pointer rounded text-sm text-brand-700 hover:underline">
          {t('audit.actions', { count: g.entries.length })}
        </summary>
        <ul className="mt-2 flex flex-col gap-1.5 border-l-2 border-slate-200 pl-3">
          {g.entries.map((e) => (
            <li key={e.id} className={clsx('flex flex-wrap items-center gap-2 text-sm text-slate-800')}>
              <time dateTime={e.at} className="text-xs text-slate-600 tabular">
                {formatDateTime(e.at)}
              </time>
              <ActionText action={e.action} />
              <Badge tone={outcomeTone(e.outcome)} dot={false}>
                {t(`audit.outcome.${e.outcome === 'ok' || e.outcome === 'refused' ? e.outcome : 'failed'}`)}
              </Badge>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
