import { endpoints } from '@idv/contracts';
import type { Db } from '@idv/db';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { ManualClock } from '../src/clock.ts';
import { testConfig } from '../src/config.ts';
import { T0 } from './harness.ts';

/**
 * Issue 16, one source of truth for the API: the routes the app registers under /api/v1 are exactly the
 * declared endpoints (packages/contracts/src/endpoints.ts), so the OpenAPI document generated from the
 * declarations describes the router — no route undeclared, no declaration without a route.
 */
describe('declared routes', () => {
  const app = createApp({ db: {} as Db, clock: new ManualClock(T0), config: testConfig() });
  const registered = new Set(
    app.routes.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
  );
  const declared = new Set(endpoints.map((e) => `${e.method.toUpperCase()} ${e.path}`));

  it('every route the app registers under /api/v1 is declared', () => {
    expect([...registered].filter((r) => !declared.has(r))).toEqual([]);
  });

  it('every declared endpoint has a route', () => {
    expect([...declared].filter((d) => !registered.has(d))).toEqual([]);
  });

  it('no endpoint is declared twice', () => {
    expect(declared.size).toBe(endpoints.length);
  });
});
