import {
  AdvanceClockBody,
  CreateDemoTenantBody,
  DemoAccountParam,
  DemoTierParam,
  PutTierTableBody,
} from '@idv/contracts';
import { requireAuth } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { jsonBody, params } from '../http/validate.ts';
import { advanceDemoClock } from '../use-cases/advance-demo-clock.ts';
import { createDemoTenant, requirePm } from '../use-cases/create-demo-tenant.ts';
import {
  deleteDemoTenantUseCase,
  deleteDemoTierTableUseCase,
  getDemoTenantUseCase,
  getDemoTimelineUseCase,
  listDemoTenantsUseCase,
  putDemoTierTableUseCase,
  requireDemoDriver,
  resetDemoTenantUseCase,
} from '../use-cases/manage-demo-tenants.ts';

export const demoRoutes = declaredRoutes()
  .get('/demo/tenants', async (c) => c.json(await listDemoTenantsUseCase(c.get('deps'), requireAuth(c))))
  .post('/demo/tenants', async (c) => {
    const auth = requireAuth(c);
    const body = await jsonBody(c, CreateDemoTenantBody);
    return c.json(await createDemoTenant(c.get('deps'), auth, body), 201);
  })
  .get('/demo/tenants/:accountId', async (c) => {
    const { accountId } = params(c, DemoAccountParam);
    return c.json(await getDemoTenantUseCase(c.get('deps'), requireAuth(c), accountId));
  })
  .put('/demo/tenants/:accountId/tiers/:label', async (c) => {
    const auth = requireAuth(c);
    requirePm(auth);
    const { accountId, label } = params(c, DemoTierParam);
    const body = await jsonBody(c, PutTierTableBody);
    return c.json(await putDemoTierTableUseCase(c.get('deps'), auth, accountId, label, body));
  })
  .delete('/demo/tenants/:accountId/tiers/:label', async (c) => {
    const { accountId, label } = params(c, DemoTierParam);
    await deleteDemoTierTableUseCase(c.get('deps'), requireAuth(c), accountId, label);
    return c.body(null, 204);
  })
  .post('/demo/tenants/:accountId/clock', async (c) => {
    const auth = requireAuth(c);
    const { accountId } = params(c, DemoAccountParam);
    requireDemoDriver(auth, accountId);
    const body = await jsonBody(c, AdvanceClockBody);
    const { usage, ...move } = body;
    return c.json(await advanceDemoClock(c.get('deps'), accountId, move, usage ?? []));
  })
  .get('/demo/tenants/:accountId/timeline', async (c) => {
    const { accountId } = params(c, DemoAccountParam);
    return c.json(await getDemoTimelineUseCase(c.get('deps'), requireAuth(c), accountId));
  })
  .post('/demo/tenants/:accountId/reset', async (c) => {
    const { accountId } = params(c, DemoAccountParam);
    return c.json(await resetDemoTenantUseCase(c.get('deps'), requireAuth(c), accountId));
  })
  .delete('/demo/tenants/:accountId', async (c) => {
    const { accountId } = params(c, DemoAccountParam);
    await deleteDemoTenantUseCase(c.get('deps'), requireAuth(c), accountId);
    return c.body(null, 204);
  });
