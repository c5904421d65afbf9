/**
 * Typecheck canary (issue 16), checked by `pnpm typecheck`, never bundled (nothing imports it): the
 * client's answers are typed from the contract's declarations, not `any` and not asserted per call. If
 * they stopped being typed, the `@ts-expect-error` lines would stop being errors and the typecheck fails;
 * a field renamed in a response schema fails the typecheck of every place that reads it, as the second
 * half of each pair shows; so does a query parameter of a wrong name or type, or a required one left out.
 */
import { api } from './api-client.ts';

export async function canary(): Promise<void> {
  const me = await api.get('/me');
  me.user.email.toLowerCase();
  // @ts-expect-error `fullName` is not a field of GET /me's user
  me.user.fullName;

  const pack = await api.get('/packs/:id', { params: { id: '1' } });
  pack.remaining.toFixed();
  // @ts-expect-error `left` is not a field of a pack
  pack.left;

  const order = await api.post('/orders', { label: 'identity.basic', size: 1000, quantity: 1 });
  order.paid.cash.length;
  // @ts-expect-error the body must fit PlaceOrderBody: `count` is not a field of it
  await api.post('/orders', { label: 'identity.basic', size: 1000, count: 1 });

  // @ts-expect-error a path that is not declared is refused
  await api.get('/no-such-endpoint');
  // @ts-expect-error a path with parameters needs them
  await api.get('/packs/:id');
  const none: undefined = await api.delete('/budgets/:id', { params: { id: '1' } });
  void none;

  // Query parameters are typed from the declared query schema: names, value types, required ones.
  await api.get('/packs', { query: { status: 'active', sort: 'expiresAt', limit: 50, cursor: undefined } });
  await api.get('/bills/overview', { query: { month: '2026-01' } });
  // @ts-expect-error `stat` is not a query parameter of GET /packs
  await api.get('/packs', { query: { stat: 'active' } });
  // @ts-expect-error `status` takes only the declared values
  await api.get('/packs', { query: { status: 'gone' } });
  // @ts-expect-error `limit` is a number (the schema coerces the URL's text)
  await api.get('/packs', { query: { limit: 'fifty' } });
  // @ts-expect-error GET /bills/overview requires `month`
  await api.get('/bills/overview');
  // @ts-expect-error GET /bills/overview requires `month`
  await api.get('/bills/overview', { query: {} });
  // @ts-expect-error `months` of GET /planner is comma-separated text, not an array
  await api.get('/planner', { query: { label: 'identity.basic', months: [1000, 2000] } });
  // @ts-expect-error GET /me declares no query
  await api.get('/me', { query: { lang: 'en' } });
}
