/**
 * R9.2 What an agent did, in the customer's words: each audited request (`GET /api/v1/packs/projections`)
 * maps to the page or action it belongs to ("viewed resource packs"), never the raw endpoint. One
 * table from route pattern to message key; a request that matches no pattern falls back to a generic
 * "viewed another page" / "made another change" that still names the path.
 */
export type Described = {
  /** access.page.* (a read) or access.write.* (a change). */
  key: string;
  write: boolean;
  /** The path, for the generic fallbacks only. */
  path: string | null;
};

type Route = readonly [methods: string, pattern: RegExp, key: string];

const ID = '[^/]+';
const r = (p: string) => new RegExp(`^${p.replaceAll(':id', ID)}$`);

const ROUTES: readonly Route[] = [
  ['GET', r('/me'), 'access.page.me'],
  ['GET', r('/account'), 'access.page.account'],
  ['GET', r('/(account/users|members/invitations)'), 'access.page.members'],
  ['GET', r('/packs(/projections)?'), 'access.page.packs'],
  ['GET', r('/packs/:id(/usage|/forecast)?'), 'access.page.pack'],
  ['GET', r('/orders(/:id)?'), 'access.page.orders'],
  ['GET', r('/refunds'), 'access.page.refunds'],
  ['GET', r('/bills/overview'), 'access.page.billOverview'],
  ['GET', r('/bills/resources'), 'access.page.billResources'],
  ['GET', r('/(bills/items|preferences/bill-columns)'), 'access.page.billItems'],
  ['GET', r('/bills/items\\.csv'), 'access.page.billCsv'],
  ['GET', r('/(notifications|notification-settings)'), 'access.page.notifications'],
  ['GET', r('/usage/daily'), 'access.page.usage'],
  ['GET', r('/catalog'), 'access.page.catalog'],
  ['GET', r('/resources'), 'access.page.resources'],
  ['GET', r('/certificates'), 'access.page.certificates'],
  ['GET', r('/(budgets|auto-topups)'), 'access.page.budgets'],
  ['GET', r('/planner'), 'access.page.planner'],
  ['GET', r('/explain'), 'access.page.explain'],
  ['GET', r('/timeline'), 'access.page.timeline'],
  ['GET', r('/audit'), 'access.page.audit'],
  ['GET', r('/service-keys'), 'access.page.serviceKeys'],
  ['POST', r('/orders'), 'access.write.order'],
  ['POST', r('/refunds'), 'access.write.refund'],
  ['POST', r('/account/recharge'), 'access.write.recharge'],
  ['PATCH', r('/account'), 'access.write.settings'],
  ['POST', r('/certificates/:id/refund'), 'access.write.certRefund'],
  ['POST', r('/certificates/:id/cancel'), 'access.write.certCancel'],
  ['POST PATCH DELETE', r('/budgets(/:id)?'), 'access.write.budgets'],
  ['PUT DELETE', r('/auto-topups/:id'), 'access.write.autoTopup'],
  ['PUT', r('/notification-settings'), 'access.write.notificationSettings'],
  ['POST', r('/notifications/(:id/read|read-all)'), 'access.write.notificationsRead'],
  ['POST', r('/resources'), 'access.write.resource'],
  ['POST DELETE', r('/service-keys(/:id)?'), 'access.write.serviceKeys'],
  ['PUT', r('/preferences/bill-columns'), 'access.write.billColumns'],
  ['POST PATCH DELETE', r('/(account/users|members/invitations)(/:id)?'), 'access.write.members'],
];

/** `GET /api/v1/packs/projections` → viewed resource packs; null for a non-HTTP action (impersonation.start …). */
export function describeAction(action: string): Described | null {
  const m = /^(GET|HEAD|POST|PUT|PATCH|DELETE) (\S+)$/.exec(action);
  if (!m) return null;
  const method = m[1] === 'HEAD' ? 'GET' : (m[1] as string);
  const path = (m[2] as string).replace(/^\/api\/v1/, '').split('?')[0] as string;
  const write = method !== 'GET';
  for (const [methods, pattern, key] of ROUTES) {
    if (methods.split(' ').includes(method) && pattern.test(path)) return { key, write, path: null };
  }
  return { key: write ? 'access.write.other' : 'access.page.other', write, path };
}

/** Every message key the table can produce (the i18n test checks each exists in both languages). */
export const DESCRIBED_KEYS: readonly string[] = [
  ...new Set([...ROUTES.map(([, , k]) => k), 'access.page.other', 'access.write.other']),
];
