import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { StrokeIcon } from '../../components/stroke-icon.tsx';
import { focusRing } from '../../components/ui/focus.ts';
import { ArrearsBanner } from '../../features/account/components/arrears-banner.tsx';
import { meQueryOptions } from '../../features/auth/api/me.ts';
import { NotificationBell } from '../../features/notifications/components/unread-badge.tsx';
import { useT } from '../../lib/i18n.tsx';
import { SideNav } from './side-nav.tsx';
import { UserMenu } from './user-menu.tsx';

// Shown only to some sessions (an agent impersonating, a demo tenant's customer): chunks of their own,
// fetched when the session needs them, not with every first visit (issue 15: initial JS).
const ImpersonationBanner = lazy(() =>
  import('../../features/support/components/impersonation-banner.tsx').then((m) => ({
    default: m.ImpersonationBanner,
  })),
);
const FloatingDemoPanel = lazy(() =>
  import('../../features/demo/components/floating-demo-panel.tsx').then((m) => ({ default: m.FloatingDemoPanel })),
);

/** The signed-in frame: top bar, side navigation, and the page in <main>. */
export function AppShell() {
  const t = useT();
  const me = useQuery(meQueryOptions()).data;
  const navigation = useNavigation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // Close the mobile drawer after any navigation.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change on purpose
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-sm text-brand-700 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t('app.skipToContent')}
      </a>
      {navigation.state !== 'idle' ? (
        <div className="fixed inset-x-0 top-0 z-50 h-0.5 motion-safe:animate-pulse bg-brand-500" aria-hidden="true" />
      ) : null}
      <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-3 bg-slate-900 px-3 text-white sm:px-4">
        <button
          type="button"
          className={clsx('rounded p-1.5 text-slate-200 hover:bg-slate-800 lg:hidden', focusRing)}
          aria-expanded={menuOpen}
          aria-controls="side-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span className="sr-only">{menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}</span>
          <StrokeIcon d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} className="size-5" />
        </button>
        <Link to="/packs" className={clsx('flex items-center gap-2 rounded', focusRing)}>
          <span aria-hidden="true" className="grid size-7 place-items-center rounded bg-brand-600 text-sm font-bold">
            ID
          </span>
          <span className="hidden text-sm font-semibold sm:inline">{t('app.name')}</span>
          <span className="text-sm font-semibold sm:hidden">{t('app.shortName')}</span>
        </Link>
        <div className="ml-auto flex items-center gap-2 sm:gap-4">
          <div className="hidden min-w-0 flex-col items-end leading-tight md:flex">
            <span className="text-[11px] text-slate-300">{t('topbar.account')}</span>
            <span className="max-w-64 truncate text-sm text-white" data-testid="account-name">
              {me?.account?.name ?? t('topbar.noAccount')}
            </span>
          </div>
          {me?.account ? <NotificationBell /> : null}
          <LanguageSwitch tone="dark" />
          {me ? <UserMenu user={me.user} /> : null}
        </div>
      </header>
      {/* R9.2: who acts on the account, time left (live), read-only or write, and Stop, on every page. */}
      {me?.impersonation ? (
        <Suspense fallback={null}>
          <ImpersonationBanner me={me} />
        </Suspense>
      ) : null}
      {/* R6: arrears / suspension notice with the amount to recharge, on every page. */}
      {me?.account ? <ArrearsBanner /> : null}
      <div className="flex flex-1">
        <aside
          id="side-nav"
          className={clsx(
            'w-52 shrink-0 border-r border-slate-200 bg-white lg:block',
            menuOpen ? 'fixed inset-y-14 left-0 z-30 block overflow-y-auto shadow-xl' : 'hidden',
          )}
        >
          <div className="lg:sticky lg:top-14 lg:max-h-[calc(100vh-3.5rem)] lg:overflow-y-auto">
            <SideNav onNavigate={() => setMenuOpen(false)} />
          </div>
        </aside>
        {menuOpen ? (
          <div
            className="fixed inset-0 top-14 z-20 bg-slate-900/30 lg:hidden"
            aria-hidden="true"
            onClick={() => setMenuOpen(false)}
          />
        ) : null}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6">
          <div className="mx-auto max-w-[1400px]">
            <Outlet />
          </div>
        </main>
      </div>
      {/* R9.3: the demo tenant's own customer drives its simulated clock from any page. */}
      {me?.clock.simulated && me.user.kind === 'customer' && me.account ? (
        <Suspense fallback={null}>
          <FloatingDemoPanel me={me} />
        </Suspense>
      ) : null}
    </div>
  );
}
