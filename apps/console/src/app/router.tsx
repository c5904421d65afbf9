import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunctionArgs, redirect } from 'react-router';
import { meQueryOptions } from '../features/auth/api/me.ts';
import { loginPath, safeNext } from '../features/auth/safe-next.ts';
import { billColumnsQueryOptions } from '../features/bills/api/columns.ts';
import { billItemsQueryOptions } from '../features/bills/api/items.ts';
import { cstMonthOf, parseBillSearch } from '../features/bills/search-params.ts';
import { packsQueryOptions } from '../features/packs/api/packs.ts';
import { parsePackListSearch } from '../features/packs/search-params.ts';
import { ApiError } from '../lib/api-client.ts';
import { FullPageLoading } from './full-page-loading.tsx';
import { AppShell } from './layout/app-shell.tsx';
import { staffHome } from './nav.ts';
import { NotFound, RouteError } from './route-error.tsx';

function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/**
 * Routes. Pages are split into their own chunks with `lazy`, so the first load carries only the
 * shell. The signed-in part is guarded by a loader that asks /me; a 401 goes to /login?next=...
 * The pack list and the itemized bill also start their data in their loaders (issue 10: LCP), in
 * parallel with the page's chunk; the BFF's HTML already preloads /me and that chunk (index.html,
 * vite.config.ts `routePreloads`).
 */
export function createAppRouter(queryClient: QueryClient) {
  async function requireUser({ request }: LoaderFunctionArgs) {
    try {
      return await queryClient.ensureQueryData(meQueryOptions());
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw redirect(loginPath(currentPath(request)));
      throw e;
    }
  }

  async function redirectIfSignedIn({ request }: LoaderFunctionArgs) {
    try {
      // Always ask the server: a cached answer may predate a sign-out.
      await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
    } catch {
      return null;
    }
    return redirect(safeNext(new URL(request.url).searchParams.get('next')));
  }

  /** R9.2/R9.3: a staff member acting on no account has no packs; send them to their staff section. */
  async function staffLanding(args: LoaderFunctionArgs) {
    const me = await requireUser(args);
    const home = staffHome(me);
    if (home) return redirect(home);
    const url = new URL(args.request.url);
    if (url.pathname === '/') return redirect('/packs');
    // The list starts now, not once the page has rendered; the page's useQuery with the same options
    // (same key) takes this request. Not awaited: the page and its skeleton do not wait for it.
    void queryClient.prefetchQuery(packsQueryOptions(parsePackListSearch(url.searchParams)));
    return null;
  }

  /**
   * The itemized bill's rows and column choice, started as soon as /me gives the month, not once the
   * page has rendered. The month is the page's (features/bills/use-bill-search.ts): the URL's, else the
   * server clock's CST month, else this computer's; same options, same key, so one request each.
   */
  async function prefetchBillItems(args: LoaderFunctionArgs) {
    const me = await requireUser(args);
    const search = parseBillSearch(new URL(args.request.url).searchParams);
    const month = search.month ?? cstMonthOf(me.clock.now) ?? cstMonthOf(new Date().toISOString());
    if (month) void queryClient.prefetchQuery(billItemsQueryOptions(search, month));
    void queryClient.prefetchQuery(billColumnsQueryOptions());
    return null;
  }

  return createBrowserRouter([
    {
      path: '/login',
      loader: redirectIfSignedIn,
      HydrateFallback: FullPageLoading,
      errorElement: <RouteError />,
      lazy: () => import('../features/auth/routes/sign-in-route.tsx').then((m) => ({ Component: m.SignInRoute })),
    },
    {
      // R9.1: the public page behind an emailed invitation link (the token is in the fragment).
      path: '/accept-invite',
      HydrateFallback: FullPageLoading,
      errorElement: <RouteError />,
      lazy: () =>
        import('../features/members/routes/accept-invite-route.tsx').then((m) => ({ Component: m.AcceptInviteRoute })),
    },
    {
      id: 'app',
      path: '/',
      loader: requireUser,
      // The guard needs to run on entry, not on every search-param change inside the console.
      shouldRevalidate: () => false,
      Component: AppShell,
      HydrateFallback: FullPageLoading,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, loader: staffLanding },
            {
              path: 'packs',
              // Staff without an account (not impersonating) land on their own console instead.
              loader: staffLanding,
              lazy: () =>
                import('../features/packs/routes/pack-list-route.tsx').then((m) => ({ Component: m.PackListRoute })),
            },
            {
              path: 'packs/:id',
              lazy: () =>
                import('../features/packs/routes/pack-detail-route.tsx').then((m) => ({
                  Component: m.PackDetailRoute,
                })),
            },
            {
              path: 'buy',
              lazy: () => import('../features/buy/routes/buy-route.tsx').then((m) => ({ Component: m.BuyRoute })),
            },
            {
              path: 'planner',
              lazy: () =>
                import('../features/planner/routes/planner-route.tsx').then((m) => ({ Component: m.PlannerRoute })),
            },
            {
              path: 'planner/forecast/:packId',
              lazy: () =>
                import('../features/planner/routes/forecast-route.tsx').then((m) => ({ Component: m.ForecastRoute })),
            },
            {
              path: 'explain',
              lazy: () =>
                import('../features/explain/routes/explain-route.tsx').then((m) => ({ Component: m.ExplainRoute })),
            },
            {
              path: 'refunds',
              lazy: () =>
                import('../features/refunds/routes/refunds-route.tsx').then((m) => ({ Component: m.RefundsRoute })),
            },
            {
              path: 'certificates',
              lazy: () =>
                import('../features/certificates/routes/certificates-route.tsx').then((m) => ({
                  Component: m.CertificatesRoute,
                })),
            },
            {
              path: 'timeline',
              lazy: () =>
                import('../features/timeline/routes/timeline-route.tsx').then((m) => ({ Component: m.TimelineRoute })),
            },
            {
              path: 'budgets',
              lazy: () =>
                import('../features/budgets/routes/budgets-route.tsx').then((m) => ({ Component: m.BudgetsRoute })),
            },
            {
              path: 'bills',
              lazy: () =>
                import('../features/bills/routes/bills-overview-route.tsx').then((m) => ({
                  Component: m.BillsOverviewRoute,
                })),
            },
            {
              path: 'bills/resources',
              lazy: () =>
                import('../features/bills/routes/bill-resources-route.tsx').then((m) => ({
                  Component: m.BillResourcesRoute,
                })),
            },
            {
              path: 'bills/items',
              loader: prefetchBillItems,
              lazy: () =>
                import('../features/bills/routes/bill-items-route.tsx').then((m) => ({ Component: m.BillItemsRoute })),
            },
            {
              path: 'bills/orders/:id',
              lazy: () =>
                import('../features/bills/routes/bill-order-route.tsx').then((m) => ({ Component: m.BillOrderRoute })),
            },
            {
              path: 'notifications',
              lazy: () =>
                import('../features/notifications/routes/notifications-route.tsx').then((m) => ({
                  Component: m.NotificationsRoute,
                })),
            },
            {
              path: 'notifications/settings',
              lazy: () =>
                import('../features/notifications/routes/notification-settings-route.tsx').then((m) => ({
                  Component: m.NotificationSettingsRoute,
                })),
            },
            {
              path: 'audit',
              lazy: () =>
                import('../features/audit/routes/access-log-route.tsx').then((m) => ({ Component: m.AccessLogRoute })),
            },
            {
              path: 'account',
              lazy: () =>
                import('../features/account/routes/account-route.tsx').then((m) => ({ Component: m.AccountRoute })),
            },
            {
              path: 'members',
              lazy: () =>
                import('../features/members/routes/members-route.tsx').then((m) => ({ Component: m.MembersRoute })),
            },
            {
              path: 'pricing',
              lazy: () =>
                import('../features/pricing/routes/pricing-route.tsx').then((m) => ({ Component: m.PricingRoute })),
            },
            {
              path: 'support',
              lazy: () =>
                import('../features/support/routes/support-route.tsx').then((m) => ({ Component: m.SupportRoute })),
            },
            {
              path: 'support/accounts/:id',
              lazy: () =>
                import('../features/support/routes/support-account-route.tsx').then((m) => ({
                  Component: m.SupportAccountRoute,
                })),
            },
            {
              path: 'support/outbox',
              lazy: () =>
                import('../features/support/routes/outbox-route.tsx').then((m) => ({ Component: m.OutboxRoute })),
            },
            {
              path: 'demo',
              lazy: () => import('../features/demo/routes/demo-route.tsx').then((m) => ({ Component: m.DemoRoute })),
            },
            {
              path: 'demo/:accountId',
              lazy: () =>
                import('../features/demo/routes/demo-tenant-route.tsx').then((m) => ({
                  Component: m.DemoTenantRoute,
                })),
            },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
