import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { Link } from 'react-router';
import { StrokeIcon } from '../../../components/stroke-icon.tsx';
import { focusRing } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { unreadCountQueryOptions } from '../api/notifications.ts';

function shown(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/**
 * The unread count next to "Notifications" in the side nav. The number is visible; screen readers
 * hear "N unread" as part of the link's name. Nothing is shown at zero or while loading.
 */
export function UnreadBadge() {
  const t = useT();
  const count = useQuery(unreadCountQueryOptions()).data ?? 0;
  if (count <= 0) return null;
  return (
    <span
      data-testid="unread-badge"
      data-count={count}
      className="min-w-5 rounded-full bg-red-700 px-1.5 py-0.5 text-center text-[11px] leading-none font-semibold text-white tabular"
    >
      <span aria-hidden="true">{shown(count)}</span>
      <span className="sr-only">{t('notif.unreadCount', { count })}</span>
    </span>
  );
}

/** A bell in the top bar (visible on small screens too) linking to the notification centre. */
export function NotificationBell() {
  const t = useT();
  const count = useQuery(unreadCountQueryOptions()).data ?? 0;
  const label = count > 0 ? t('notif.bellUnread', { count }) : t('notif.bell');
  return (
    <Link
      to="/notifications"
      title={label}
      className={clsx('relative rounded p-1.5 text-slate-200 hover:bg-slate-800 hover:text-white', focusRing)}
    >
      <span className="sr-only">{label}</span>
      <StrokeIcon d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zm4 4h4" className="size-5" strokeWidth={1.75} />
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-testid="bell-badge"
          className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
        >
          {shown(count)}
        </span>
      ) : null}
    </Link>
  );
}
