import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunctionArgs, redirect } from 'react-router';
import { meQueryOptions } from '../features/auth/api/me.ts';
import { loginPath, safeNext } from '../features/auth/safe-next.ts';
import { ApiError } from '../lib/api-client.ts';
import { ComingSoon } from './coming-soon.tsx';
import { FullPageLoading } from './full-page-loading.tsx';
import { AppShell } from './layout/app-shell.tsx';
import { NotFound, RouteError } from './route-error.tsx';

function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/**
 * Routes. Pages are split into their own chunks with `lazy`, so the first load carries only the
 * shell. The signed-in part is guarded by a loader that asks /me; a 401 goes to /login?next=...
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

  return createBrowserRouter([
    {
      path: '/login',
      loader: redirectIfSignedIn,
      HydrateFallback: FullPageLoading,
      errorElement: <RouteError />,
      lazy: () => import('../features/auth/routes/sign-in-route.tsx').then((m) => ({ Component: m.SignInRoute })),
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
            { index: true, loader: () => redirect('/packs') },
            {
              path: 'packs',
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
            { path: 'buy', element: <ComingSoon page="nav.buy" /> },
            { path: 'bills', element: <ComingSoon page="nav.bills" /> },
            { path: 'notifications', element: <ComingSoon page="nav.notifications" /> },
            {
              path: 'account',
              lazy: () =>
                import('../features/account/routes/account-route.tsx').then((m) => ({ Component: m.AccountRoute })),
            },
            {
              path: 'pricing',
              lazy: () =>
                import('../features/pricing/routes/pricing-route.tsx').then((m) => ({ Component: m.PricingRoute })),
            },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
