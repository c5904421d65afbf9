import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { NavLink } from 'react-router';
import { focusRing } from '../../components/ui/focus.ts';
import { meQueryOptions } from '../../features/auth/api/me.ts';
import { UnreadBadge } from '../../features/notifications/components/unread-badge.tsx';
import { useT } from '../../lib/i18n.tsx';
import { navItemsFor } from '../nav.ts';
import { NavIcon } from './nav-icon.tsx';

export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const me = useQuery(meQueryOptions()).data;
  return (
    <nav aria-label={t('nav.main')} className="py-3">
      <ul className="flex flex-col gap-0.5 px-2">
        {navItemsFor(me).map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              onClick={onNavigate}
              className={({ isActive }) =>
                clsx(
                  'flex items-center gap-3 rounded px-3 py-2 text-sm',
                  focusRing,
                  isActive
                    ? 'bg-brand-50 font-medium text-brand-700 shadow-[inset_3px_0_0_var(--color-brand-600)]'
                    : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
                )
              }
            >
              <NavIcon name={item.icon} />
              <span className="flex-1">{t(item.label)}</span>
              {item.to === '/notifications' ? <UnreadBadge /> : null}
              {item.soon ? (
                <span className="rounded-sm bg-slate-100 px-1.5 py-0.5 text-[11px] leading-none text-slate-600">
                  {t('nav.soon')}
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
