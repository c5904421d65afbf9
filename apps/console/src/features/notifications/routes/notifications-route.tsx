import type { Notification } from '@idv/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage, QueryError } from '../../../components/query-error.tsx';
import { StrokeIcon } from '../../../components/stroke-icon.tsx';
import {
  Badge,
  Banner,
  Busy,
  Button,
  buttonClasses,
  EmptyState,
  PageHeader,
  Panel,
  Skeleton,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { markAllReadMutationOptions, markReadMutationOptions } from '../api/mark-read.ts';
import { meQueryOptions } from '../api/me.ts';
import { notificationsInfiniteOptions, notificationsKey } from '../api/notifications.ts';
import { kindIcon, kindKey, kindTone } from '../kinds.ts';
import { notificationText } from '../notification-text.ts';

/** R7 notification centre: in-console messages, newest first; mark one or all read; unread filter; load more. */
export function NotificationsRoute() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const queryClient = useQueryClient();
  const me = useQuery(meQueryOptions()).data;
  // A read-only support session must leave the customer's read state untouched (the server says 403).
  const canMark = me?.impersonation ? me.impersonation.write : true;

  const list = useInfiniteQuery(notificationsInfiniteOptions({ unreadOnly, lang: locale }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  const markOne = useMutation({ ...markReadMutationOptions(), onSuccess: invalidate });
  const markAll = useMutation({ ...markAllReadMutationOptions(), onSuccess: invalidate });

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  let body: ReactNode;
  if (list.isPending) {
    body = (
      <Busy label={t('common.loading')} className="flex flex-col gap-3 p-5">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </Busy>
    );
  } else if (list.isError && items.length === 0) {
    body = (
      <div className="p-5">
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      </div>
    );
  } else if (items.length === 0) {
    body = unreadOnly ? (
      <EmptyState icon="search" title={t('notif.empty.unreadTitle')}>
        {t('notif.empty.unreadBody')}
      </EmptyState>
    ) : (
      <EmptyState title={t('notif.empty.noneTitle')}>{t('notif.empty.noneBody')}</EmptyState>
    );
  } else {
    body = (
      <ul aria-label={t('notif.listLabel')} className="divide-y divide-slate-200" data-testid="notification-list">
        {items.map((n) => (
          <NotificationRow
            key={n.id}
            n={n}
            canMark={canMark}
            pending={markOne.isPending && markOne.variables === n.id}
            onMark={() => markOne.mutate(n.id)}
          />
        ))}
      </ul>
    );
  }

  const mutationError = markOne.error ?? markAll.error;

  return (
    <>
      <PageHeader
        title={t('notif.title')}
        description={t('notif.subtitle')}
        actions={
          <Link to="/notifications/settings" className={buttonClasses('secondary')}>
            {t('notif.settingsLink')}
          </Link>
        }
      />
      <Panel bodyClassName="p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
          <fieldset className="flex items-center gap-1" aria-label={t('notif.filter')}>
            <legend className="sr-only">{t('notif.filter')}</legend>
            {[false, true].map((u) => (
              <label
                key={String(u)}
                className={clsx(
                  'cursor-pointer rounded px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
                  u === unreadOnly ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100',
                )}
              >
                <input
                  type="radio"
                  name="notif-filter"
                  className="sr-only"
                  checked={u === unreadOnly}
                  onChange={() => setParams(u ? { unread: 'true' } : {})}
                />
                {u ? t('notif.filterUnread') : t('notif.filterAll')}
              </label>
            ))}
          </fieldset>
          <div className="flex items-center gap-3">
            <span className="text-sm text-slate-600" aria-live="polite" data-testid="unread-summary">
              {t('notif.unreadCount', { count: unreadCount })}
            </span>
            {canMark ? (
              <Button
                size="sm"
                disabled={unreadCount === 0}
                loading={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                {t('notif.markAllRead')}
              </Button>
            ) : null}
          </div>
        </div>
        {mutationError ? (
          <div className="px-5 pt-4">
            <Banner tone="error">{errorMessage(mutationError, t)}</Banner>
          </div>
        ) : null}
        {list.isError && items.length > 0 ? (
          <div className="px-5 pt-4">
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : null}
        {body}
        {list.hasNextPage ? (
          <div className="border-t border-slate-200 px-5 py-3 text-center">
            <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('notif.loadMore')}
            </Button>
          </div>
        ) : null}
      </Panel>
    </>
  );
}

function NotificationRow({
  n,
  canMark,
  pending,
  onMark,
}: {
  n: Notification;
  canMark: boolean;
  pending: boolean;
  onMark: () => void;
}) {
  const { t, locale } = useI18n();
  const unread = n.readAt === null;
  const text = notificationText(n, t, locale);
  return (
    <li
      className={clsx('flex gap-3 px-5 py-4', unread ? 'bg-brand-50/40' : undefined)}
      data-testid="notification"
      data-unread={unread}
    >
      <span
        aria-hidden="true"
        className={clsx(
          'mt-0.5 grid size-8 shrink-0 place-items-center rounded-full',
          unread ? 'bg-brand-100 text-brand-700' : 'bg-slate-100 text-slate-600',
        )}
      >
        <StrokeIcon d={kindIcon[n.kind]} className="size-4.5" strokeWidth={1.75} />
      </span>
      <article className="min-w-0 flex-1" aria-labelledby={`notif-${n.id}-title`}>
        <div className="flex flex-wrap items-center gap-2">
          <h2
            id={`notif-${n.id}-title`}
            className={clsx('text-sm', unread ? 'font-semibold text-slate-900' : 'font-medium text-slate-800')}
          >
            {unread ? <span className="sr-only">{t('notif.unread')}: </span> : null}
            {text.title}
          </h2>
          <Badge tone={kindTone[n.kind]}>{t(kindKey(n.kind))}</Badge>
          {unread ? (
            <Badge tone="info" dot={false}>
              <span aria-hidden="true">{t('notif.unread')}</span>
            </Badge>
          ) : null}
        </div>
        <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{text.body}</p>
        <p className="mt-1.5 text-xs text-slate-600">
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time> ({t('common.cst')})
          {n.readAt ? <span> · {t('notif.readAt', { at: formatDateTime(n.readAt) })}</span> : null}
        </p>
      </article>
      {unread && canMark ? (
        <div className="shrink-0">
          <Button size="sm" variant="ghost" loading={pending} onClick={onMark}>
            {t('notif.markRead')}
            <span className="sr-only">: {text.title}</span>
          </Button>
        </div>
      ) : null}
    </li>
  );
}
