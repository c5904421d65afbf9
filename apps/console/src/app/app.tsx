import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { loginPath } from '../features/auth/safe-next.ts';
import { I18nProvider } from '../lib/i18n.tsx';
import { createQueryClient } from './query-client.ts';
import { type AppRouter, createAppRouter } from './router.tsx';

function createApp() {
  let router: AppRouter | undefined;
  const queryClient = createQueryClient({
    onUnauthenticated: () => {
      const { pathname, search } = window.location;
      if (pathname === '/login') return;
      queryClient.removeQueries({ queryKey: ['me'] });
      void router?.navigate(loginPath(`${pathname}${search}`), { replace: true });
    },
  });
  router = createAppRouter(queryClient);
  return { queryClient, router };
}

/** Providers: i18n, TanStack Query, and the data router. */
export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
