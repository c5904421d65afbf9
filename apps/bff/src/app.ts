import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { DomainError } from '@idv/billing';
import { buildOpenApi } from '@idv/contracts';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './deps.ts';
import { AppError, fromDomain, problemBody } from './errors.ts';
import { auditImpersonation } from './http/audit-impersonation.ts';
import { bodyLimit } from './http/body-limit.ts';
import type { AppEnv } from './http/context.ts';
import { declaredRoutes } from './http/declared-routes.ts';
import { healthRoutes } from './http/health.ts';
import { inputGuard } from './http/input-guard.ts';
import { metricsRoutes, observeRequests, requestIdFrom } from './http/observe.ts';
import { createLimits } from './http/rate-limit.ts';
import { sessionMiddleware } from './http/session.ts';
import type { SessionSnapshots } from './http/session-snapshots.ts';
import { createLogger } from './observability/logger.ts';
import { accountRoutes } from './routes/account.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { autoTopupRoutes } from './routes/auto-topups.ts';
import { billRoutes } from './routes/bills.ts';
import { budgetRoutes } from './routes/budgets.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { demoRoutes } from './routes/demo.ts';
import { explainRoutes } from './routes/explain.ts';
import { forecastRoutes } from './routes/forecast.ts';
import { impersonationRoutes } from './routes/impersonation.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { meRoutes } from './routes/me.ts';
import { memberRoutes } from './routes/members.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { orderRoutes } from './routes/orders.ts';
import { packRoutes } from './routes/packs.ts';
import { plannerRoutes } from './routes/planner.ts';
import { refundRoutes } from './routes/refunds.ts';
import { resourceRoutes } from './routes/resources.ts';
import { serviceKeyRoutes } from './routes/service-keys.ts';
import { staffRefundRoutes } from './routes/staff-refunds.ts';
import { timelineRoutes } from './routes/timeline.ts';
import { usageRoutes } from './routes/usage.ts';

/** GET /api/v1/openapi.json: the document generated from the same declarations the routes are registered by. */
function openapiRoutes(doc: Record<string, unknown>) {
  return declaredRoutes().get('/openapi.json', (c) =>
    c.body(JSON.stringify(doc), 200, { 'content-type': 'application/json' }),
  );
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** POSTs that change only an account's data (docs/decisions/0019): no session, user, role, name, clock or flag. */
const ACCOUNT_DATA_WRITES = new Set(['/api/v1/usage/events', '/api/v1/orders', '/api/v1/refunds']);

function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return new Response(JSON.stringify(problemBody(status, code, detail, extra)), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/**
 * The SPA shell per landing path: index.html plus a `modulepreload` of that page's chunks, listed by the
 * console's build in route-preloads.json (apps/console/vite.config.ts), so the browser fetches them
 * with the entry instead of after it has run. Paths not listed get the plain index.html.
 */
function landingShells(dist: string, indexHtml: string): Map<string, string> {
  const file = join(dist, 'route-preloads.json');
  const shells = new Map<string, string>();
  if (!existsSync(file)) return shells;
  const preloads = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const [path, chunks] of Object.entries(preloads)) {
    // Literal paths only (they become routes), and only this build's scripts.
    if (!/^\/[\w/-]*$/.test(path) || !Array.isArray(chunks)) continue;
    const links = chunks
      .filter((f): f is string => typeof f === 'string' && /^\/assets\/[\w.-]+\.js$/.test(f))
      .map((f) => `\n    <link rel="modulepreload" crossorigin href="${f}">`)
      .join('');
    shells.set(path, indexHtml.replace(/\s*<\/head>/, `${links}\n  </head>`));
  }
  return shells;
}

export interface AppOptions {
  /**
   * Session snapshots for signed-in GETs (issue 15, docs/decisions/0019): the server process passes
   * them (1 s TTL, invalidated over PostgreSQL LISTEN/NOTIFY); without them every request reads its
   * session (the tests' apps, unless a test passes its own).
   */
  sessionSnapshots?: SessionSnapshots;
}

export function createApp(deps: Deps, options: AppOptions = {}) {
  const api = new Hono<AppEnv>()
    .route('/', authRoutes.hono)
    .route('/', meRoutes.hono)
    .route('/', catalogRoutes.hono)
    .route('/', accountRoutes.hono)
    .route('/', packRoutes.hono)
    .route('/', orderRoutes.hono)
    .route('/', autoTopupRoutes.hono)
    .route('/', budgetRoutes.hono)
    .route('/', timelineRoutes.hono)
    .route('/', refundRoutes.hono)
    .route('/', certificateRoutes.hono)
    .route('/', staffRefundRoutes.hono)
    .route('/', billRoutes.hono)
    .route('/', resourceRoutes.hono)
    .route('/', serviceKeyRoutes.hono)
    .route('/', usageRoutes.hono)
    .route('/', impersonationRoutes.hono)
    .route('/', auditRoutes.hono)
    .route('/', notificationRoutes.hono)
    .route('/', demoRoutes.hono)
    .route('/', memberRoutes.hono)
    .route('/', invitationRoutes.hono)
    .route('/', plannerRoutes.hono)
    .route('/', forecastRoutes.hono)
    .route('/', explainRoutes.hono)
    .route('/', openapiRoutes(buildOpenApi()).hono);

  const app = new Hono<AppEnv>();

  const limits = createLimits();
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('limits', limits);
    c.set('requestId', requestIdFrom(c.req.header('x-request-id')));
    await next();
  });
  // One JSON log line and the HTTP metrics per request; X-Request-Id echoed (docs/production.md).
  app.use('*', observeRequests(logger));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  );
  // Probes for the load balancer (docs/production.md): no session, nothing about any account.
  app.route('/', healthRoutes(deps.lifecycle ?? { draining: false }));
  // Prometheus metrics: loopback, or a Bearer METRICS_TOKEN; 404 for everyone else.
  app.route(
    '/',
    metricsRoutes(() => problem(404, 'NOT_FOUND', 'Not found.')),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 2 * 1024 * 1024,
      onTooLarge: () => problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.'),
    }),
  );
  // A mutation from a foreign Origin is refused (api.md conventions).
  app.use('/api/*', async (c, next) => {
    if (MUTATING.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) {
        return problem(403, 'FOREIGN_ORIGIN', 'Requests from another site are refused.');
      }
    }
    await next();
  });
  // Signed-in answers (balances, packs, …) are never kept by a browser or a shared cache.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  // Issue 14: unstorable text in the path, query, cookie or headers is 400 before anything reads it.
  app.use('/api/*', inputGuard);
  const snapshots = options.sessionSnapshots;
  // Any write through the API (whatever its outcome) drops this instance's session snapshots and
  // kept pack pages and tells the other instances, once it has ended (committed or not):
  // read-your-writes on this instance, ~ms on the others, one TTL at worst (docs/decisions/0019,
  // 0020; pack pages also hear of every pack row change from a trigger, jobs included). The account
  // data writes (usage, orders, refunds) change nothing a snapshot answers (who asks, their roles, an
  // impersonation, the account's name, clock and violation flag), so they drop only that account's
  // pack pages and leave the snapshots: the writes of the mixed load no longer empty them.
  app.use('/api/*', async (c, next) => {
    if (!MUTATING.has(c.req.method)) return next();
    try {
      await next();
    } finally {
      const account = c.get('auth')?.accountId ?? c.get('serviceAccountId');
      const dataOnly = c.req.method === 'POST' && ACCOUNT_DATA_WRITES.has(c.req.path) && account !== undefined;
      deps.packPages?.invalidate(dataOnly ? account : undefined);
      if (!dataOnly) snapshots?.written((err) => logger.warn({ err }, 'session snapshot notification failed'));
    }
  });
  app.use('/api/*', sessionMiddleware(snapshots));
  app.use('/api/*', auditImpersonation);
  app.route('/api/v1', api);
  app.all('/api/*', () => problem(404, 'NOT_FOUND', 'No such endpoint.'));

  const dist = deps.config.consoleDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
    // Source maps are written beside the scripts but linked from none (vite.config.ts, 'hidden'):
    // they are for reading stack traces, never served.
    app.use('*', async (c, next) =>
      c.req.path.endsWith('.map') ? problem(404, 'NOT_FOUND', 'No such file.') : next(),
    );
    // Hashed file names: a release never changes a file in place, so browsers may keep them for good.
    // The build writes .br/.gz beside each script and stylesheet (apps/console/vite.config.ts).
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200 || c.res.status === 206) {
        c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      }
    });
    app.use('/assets/*', serveStatic({ root: dist, precompressed: true }));
    // A missing asset is 404, never the SPA shell: a tab opened before a release that asks for an old
    // chunk must fail loudly (main.tsx then reloads the page once), not parse HTML as JavaScript.
    app.all('/assets/*', () => problem(404, 'NOT_FOUND', 'No such file.'));
    for (const [path, html] of landingShells(dist, indexHtml)) app.get(path, (c) => c.html(html));
    app.use('*', serveStatic({ root: dist }));
    // The SPA answers every other GET with its shell; react-router takes it from there.
    app.get('*', (c) => c.html(indexHtml));
  }

  app.onError((err, c) => {
    if (err instanceof AppError) {
      const res = problem(err.status, err.code, err.message, err.extra);
      if (err.status === 429 && typeof err.extra.retryAfter === 'number') {
        res.headers.set('retry-after', String(err.extra.retryAfter));
      }
      return res;
    }
    if (err instanceof DomainError) {
      const e = fromDomain(err);
      return problem(e.status, e.code, e.message, e.extra);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return problem(err.status, err.status === 400 ? 'INVALID_REQUEST' : 'ERROR', 'The request was refused.');
    }
    // Anything else (a database error included) is logged with the request id; the client gets only
    // that id: never the message, which for a failed query carries the SQL and its parameters.
    logger.error({ err, reqId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'unhandled error');
    return problem(500, 'INTERNAL', 'Something went wrong on our side. Try again later.', {
      requestId: c.get('requestId'),
    });
  });
  app.notFound(() => problem(404, 'NOT_FOUND', 'Not found.'));
  return app;
}

export type App = ReturnType<typeof createApp>;
