import type { Me } from '@idv/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { billColumnsQueryOptions } from '../features/bills/api/columns.ts';
import { billItemsQueryOptions } from '../features/bills/api/items.ts';
import { parseBillSearch } from '../features/bills/search-params.ts';
import { packsQueryOptions } from '../features/packs/api/packs.ts';
import { parsePackListSearch } from '../features/packs/search-params.ts';
import { I18nProvider } from '../lib/i18n.tsx';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './router.tsx';

const customer: Me = {
  user: { id: 'u1', email: 'owner@example.com', name: 'Owner', kind: 'customer', roles: ['owner'] },
  account: { id: 'a1', name: 'Acme' },
  impersonation: null,
  // The bills show the server clock's CST month (not this computer's) when the URL names none.
  clock: { now: '2026-03-15T10:00:00+08:00', simulated: false },
  permissions: ['read', 'personal', 'buy', 'refund', 'recharge', 'settings', 'manage_users'],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
const problem = (status: number, code: string) => json(status, { status, code, detail: code, title: code, type: 'x' });

let router: ReturnType<typeof createAppRouter> | undefined;
/** Requests made before the router had finished its first load (loaders, lazy page chunk). */
let beforePageMounted: string[] = [];

/** Stubs the API: /me answers `me` (401 when null), the pages' lists answer empty, the rest 404. */
function stubApi(me: Me | null) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      calls.push(`${url.pathname}${url.search}`);
      if (!router?.state.initialized) beforePageMounted.push(`${url.pathname}${url.search}`);
      switch (url.pathname) {
        case '/api/v1/me':
          return me ? json(200, me) : problem(401, 'UNAUTHENTICATED');
        case '/api/v1/packs':
          return json(200, { items: [], nextCursor: null });
        case '/api/v1/bills/items':
          return json(200, { items: [], nextCursor: null, summary: { count: 0, total: '0.00' } });
        case '/api/v1/preferences/bill-columns':
          return json(200, { columns: ['occurredAt', 'product', 'amount'] });
        default:
          return problem(404, 'NOT_FOUND');
      }
    }),
  );
  return calls;
}

function start(path: string) {
  window.history.replaceState(null, '', path);
  const queryClient = createQueryClient();
  router = undefined;
  beforePageMounted = [];
  router = createAppRouter(queryClient);
  render(
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { queryClient, router };
}

const count = (calls: string[], path: string) => calls.filter((c) => c === path || c.startsWith(`${path}?`)).length;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('route loaders start the page data with /me (issue 10)', () => {
  it('/packs: the loader asks for the list the page shows, once', async () => {
    const calls = stubApi(customer);
    const { queryClient } = start('/packs?status=active&sort=-expiresAt');
    const key = packsQueryOptions(parsePackListSearch(new URLSearchParams('status=active&sort=-expiresAt'))).queryKey;
    // The page subscribes to the very query the loader started (same key), and nothing asks twice.
    await waitFor(() => expect(queryClient.getQueryCache().find({ queryKey: key })?.getObserversCount()).toBe(1));
    await waitFor(() => expect(queryClient.getQueryState(key)?.status).toBe('success'));
    expect(calls.filter((c) => c.startsWith('/api/v1/packs?'))).toEqual([
      '/api/v1/packs?status=active&sort=-expiresAt&limit=20',
    ]);
    // Asked by the loader, before the page was there to ask.
    expect(beforePageMounted).toContain('/api/v1/packs?status=active&sort=-expiresAt&limit=20');
    expect(count(calls, '/api/v1/me')).toBe(1);
  });

  it('/bills/items: rows of the server clock’s CST month and the column choice, once each', async () => {
    const calls = stubApi(customer);
    const { queryClient } = start('/bills/items?product=face');
    const key = billItemsQueryOptions(parseBillSearch(new URLSearchParams('product=face')), '2026-03').queryKey;
    await waitFor(() => expect(queryClient.getQueryCache().find({ queryKey: key })?.getObserversCount()).toBe(1));
    await waitFor(() => expect(document.querySelector('[data-testid="bill-summary"]')).not.toBeNull());
    expect(calls.filter((c) => c.startsWith('/api/v1/bills/items?'))).toEqual([
      '/api/v1/bills/items?month=2026-03&product=face&limit=50',
    ]);
    expect(count(calls, '/api/v1/preferences/bill-columns')).toBe(1);
    expect(beforePageMounted).toEqual([
      '/api/v1/me',
      '/api/v1/bills/items?month=2026-03&product=face&limit=50',
      '/api/v1/preferences/bill-columns',
    ]);
    expect(queryClient.getQueryCache().find({ queryKey: billColumnsQueryOptions().queryKey })).toBeDefined();
    expect(count(calls, '/api/v1/me')).toBe(1);
  });

  it('signed out: /packs goes to sign-in with next, and asks for no packs', async () => {
    const calls = stubApi(null);
    const { router } = start('/packs?status=active');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/packs?status=active')}`);
    expect(count(calls, '/api/v1/packs')).toBe(0);
  });

  it('staff acting on no account: /packs lands on their staff home, and asks for no packs', async () => {
    const staff: Me = {
      ...customer,
      user: { ...customer.user, kind: 'staff', roles: ['support'] },
      account: null,
      permissions: [],
    };
    const calls = stubApi(staff);
    const { router } = start('/packs');
    await waitFor(() => expect(router.state.location.pathname).toBe('/support'));
    expect(count(calls, '/api/v1/packs')).toBe(0);
  });
});
