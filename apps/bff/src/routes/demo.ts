import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { withCode } from '../demo/event-codes.ts';
import { type Ctx, requireAuth } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { isSecure, SESSION_COOKIE, setSessionCookie } from '../http/session.ts';
import { advanceDemoClock } from '../use-cases/demo/advance-demo-clock.ts';
import { createDemoTenant, requirePm } from '../use-cases/demo/create-demo-tenant.ts';
import {
  deleteDemoTenantUseCase,
  deleteDemoTierTableUseCase,
  getDemoTenantUseCase,
  getDemoTimelineUseCase,
  listDemoTenantsUseCase,
  putDemoTierTableUseCase,
  requireDemoDriver,
  resetDemoTenantUseCase,
} from '../use-cases/demo/manage-demo-tenants.ts';
import {
  demoCustomerViewState,
  exitDemoCustomerView,
  openDemoCustomerView,
} from '../use-cases/demo/open-demo-customer-view.ts';
import { resetDemoPassword } from '../use-cases/demo/reset-demo-password.ts';

/**
 * The PM's own session token while this browser shows a demo customer's view: httpOnly, sent only to
 * the demo API, so the way back needs no new sign-in (docs/demo-tenants.md).
 */
const PM_COOKIE = 'sid_pm';
const PM_COOKIE_PATH = '/api/v1/demo';
const pmToken = (c: Ctx) => getCookie(c, PM_COOKIE);

export const demoRoutes = declaredRoutes()
  .get('/demo/tenants', async (c) => c.json(await listDemoTenantsUseCase(c.get('deps'), requireAuth(c))))
  .post('/demo/tenants', async (c, input) => {
    const auth = requireAuth(c);
    const body = await input.body();
    return c.json(await createDemoTenant(c.get('deps'), auth, body), 201);
  })
  .get('/demo/tenants/:accountId', async (c, input) => {
    const { accountId } = input.params();
    return c.json(await getDemoTenantUseCase(c.get('deps'), requireAuth(c), accountId));
  })
  .put('/demo/tenants/:accountId/tiers/:label', async (c, input) => {
    const auth = requireAuth(c);
    requirePm(auth);
    const { accountId, label } = input.params();
    const body = await input.body();
    return c.json(await putDemoTierTableUseCase(c.get('deps'), auth, accountId, label, body));
  })
  .delete('/demo/tenants/:accountId/tiers/:label', async (c, input) => {
    const { accountId, label } = input.params();
    await deleteDemoTierTableUseCase(c.get('deps'), requireAuth(c), accountId, label);
    return c.body(null, 204);
  })
  .post('/demo/tenants/:accountId/clock', async (c, input) => {
    const auth = requireAuth(c);
    const { accountId } = input.params();
    requireDemoDriver(auth, accountId);
    const body = await input.body();
    const { usage, ...move } = body;
    const r = await advanceDemoClock(c.get('deps'), accountId, move, usage ?? []);
    return c.json({ now: r.now, happened: r.happened.map(withCode) });
  })
  .get('/demo/tenants/:accountId/timeline', async (c, input) => {
    const { accountId } = input.params();
    const page = input.query();
    return c.json(await getDemoTimelineUseCase(c.get('deps'), requireAuth(c), accountId, page));
  })
  .post('/demo/tenants/:accountId/password', async (c, input) => {
    const { accountId } = input.params();
    return c.json(await resetDemoPassword(c.get('deps'), requireAuth(c), accountId, c.get('requestId')));
  })
  .post('/demo/tenants/:accountId/customer-view', async (c, input) => {
    const { accountId } = input.params();
    const pm = getCookie(c, SESSION_COOKIE);
    const r = await openDemoCustomerView(c.get('deps'), requireAuth(c), accountId, c.get('requestId'));
    if (pm) {
      setCookie(c, PM_COOKIE, pm, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isSecure(c),
        path: PM_COOKIE_PATH,
        maxAge: r.maxAgeSeconds,
      });
    }
    setSessionCookie(c, r.token, r.maxAgeSeconds);
    return c.json({ accountId: r.accountId, user: { id: r.user.id, email: r.user.email, name: r.user.name } }, 201);
  })
  .get('/demo/customer-view', async (c) =>
    c.json(await demoCustomerViewState(c.get('deps'), requireAuth(c), pmToken(c))),
  )
  .delete('/demo/customer-view', async (c) => {
    const r = await exitDemoCustomerView(c.get('deps'), requireAuth(c), pmToken(c), c.get('requestId'));
    deleteCookie(c, PM_COOKIE, { path: PM_COOKIE_PATH });
    // The PM's session is this browser's again; its own expiry still applies.
    setSessionCookie(c, r.token, Math.floor(c.get('deps').config.sessionAbsoluteMs / 1000));
    return c.json({ accountId: r.accountId });
  })
  .post('/demo/tenants/:accountId/reset', async (c, input) => {
    const { accountId } = input.params();
    return c.json(await resetDemoTenantUseCase(c.get('deps'), requireAuth(c), accountId));
  })
  .delete('/demo/tenants/:accountId', async (c, input) => {
    const { accountId } = input.params();
    await deleteDemoTenantUseCase(c.get('deps'), requireAuth(c), accountId);
    return c.body(null, 204);
  });
