import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, type Locale } from '../lib/i18n.tsx';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './router.tsx';
import { listenForSessionExpiry } from './session-expired.ts';

/** The query client and the data router (which starts the first page's loaders as it is created). */
export function createApp() {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  // Lives as long as the page: the app is created once.
  listenForSessionExpiry(queryClient, router);
  return { queryClient, router };
}

/** Providers: i18n, TanStack Query, and the data router. */
export function App({ app, initialLocale }: { app?: ReturnType<typeof createApp>; initialLocale?: Locale }) {
  const [{ queryClient, router }] = useState(() => app ?? createApp());
  return (
    <I18nProvider initialLocale={initialLocale}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
