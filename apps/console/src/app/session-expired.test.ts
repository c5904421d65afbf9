import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, isApiError } from '../lib/api-client.ts';
import { listenForSessionExpiry } from './session-expired.ts';

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ status, code, detail: code, title: code, type: 'x' }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

function setup(path: string, signedIn = true) {
  const router = createMemoryRouter(
    [
      { path: '/buy', element: null },
      { path: '/login', element: null },
    ],
    { initialEntries: [path] },
  );
  const queryClient = new QueryClient();
  if (signedIn) queryClient.setQueryData(['me'], { user: { name: 'Owner' } });
  const stop = listenForSessionExpiry(queryClient, router);
  stops.push(stop);
  return { router, queryClient };
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const s of stops.splice(0)) s();
  vi.unstubAllGlobals();
});

async function answer(status: number, code: string, call: () => Promise<unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => problem(status, code)),
  );
  await call().catch((e: unknown) => {
    if (!isApiError(e)) throw e;
  });
}

describe('issue 17: a session that ends on any write goes to sign in and back', () => {
  it('a 401 on a write (placing an order) goes to /login with next= the page and its form, and forgets the user', async () => {
    const { router, queryClient } = setup('/buy?label=identity.basic&size=1000&quantity=3');
    await answer(401, 'UNAUTHENTICATED', () =>
      api.post('/orders', { label: 'identity.basic', size: 1000, quantity: 3 }),
    );
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('next')).toBe('/buy?label=identity.basic&size=1000&quantity=3');
    expect(params.get('reason')).toBe('expired');
    // The header reads the me query: gone, so it no longer shows the name.
    expect(queryClient.getQueryData(['me'])).toBeUndefined();
  });

  it('a failed sign-in (401 BAD_CREDENTIALS) is the form’s business, not a session expiry', async () => {
    const { router } = setup('/login');
    await answer(401, 'BAD_CREDENTIALS', () => api.post('/auth/login', { email: 'a@b.c', password: 'x' }));
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
  });

  it('a 401 from /me is the route guard’s (a first visit), and other statuses change nothing', async () => {
    const { router, queryClient } = setup('/buy?quantity=2');
    await answer(401, 'UNAUTHENTICATED', () => api.get('/me'));
    await answer(403, 'FORBIDDEN', () => api.post('/orders', { label: 'identity.basic', size: 1000, quantity: 2 }));
    expect(router.state.location.pathname).toBe('/buy');
    expect(queryClient.getQueryData(['me'])).toBeDefined();
  });

  it('signed out already (no user known): goes to sign in without saying the session expired', async () => {
    const { router } = setup('/buy', false);
    await answer(401, 'UNAUTHENTICATED', () => api.get('/packs'));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(new URLSearchParams(router.state.location.search).get('reason')).toBeNull();
  });
});
