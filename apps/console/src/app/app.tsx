import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider } from '../lib/i18n.tsx';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './router.tsx';
import { listenForSessionExpiry } from './session-expired.ts';

function createApp() {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  // Lives as long as the page: the app is created once (useState below).
  listenForSessionExpiry(queryClient, router);
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
