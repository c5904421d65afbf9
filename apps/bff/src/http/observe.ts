import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../observability/logger.ts';
import { metrics, registry } from '../observability/metrics.ts';
import { connectionsByState, outboxBacklog } from '../repositories/metrics.ts';
import type { AppEnv, Ctx } from './context.ts';

/** An incoming X-Request-Id is kept when it is short and plain (letters, digits, `._:-`); else a new one. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * New request ids (`req_` + 16 base64url characters, as newId makes) are cut from a pool of random
 * bytes refilled every 1,024 ids: one call into the random source per 1,024 requests, not per request
 * (issue 15). A request id is a correlation handle, not a secret.
 */
const ID_BYTES = 12;
let idPool = Buffer.alloc(0);
let idAt = 0;
function newRequestId(): string {
  if (idAt + ID_BYTES > idPool.length) {
    idPool = randomBytes(ID_BYTES * 1024);
    idAt = 0;
  }
  const id = idPool.toString('base64url', idAt, idAt + ID_BYTES);
  idAt += ID_BYTES;
  return `req_${id}`;
}

export function requestIdFrom(header: string | undefined): string {
  return header && SANE_REQUEST_ID.test(header) ? header : newRequestId();
}

type Labels = { route: string; method: string; status: string };
/** The metric children per (route, method, status): a few hundred at most (route patterns, not paths). */
const children = new Map<
  string,
  { requests: ReturnType<typeof metrics.httpRequests.labels>; duration: ReturnType<typeof metrics.httpDuration.labels> }
>();
function countRequest(labels: Labels, seconds: number): void {
  const key = `${labels.route} ${labels.method} ${labels.status}`;
  let c = children.get(key);
  if (!c) {
    c = { requests: metrics.httpRequests.labels(labels), duration: metrics.httpDuration.labels(labels) };
    children.set(key, c);
  }
  c.requests.inc();
  c.duration.observe(seconds);
}

/** Probes and scrapes come every few seconds: logged at debug, not info. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/** The route pattern that answered (`/api/v1/packs/:id`), never the raw path (ids, tokens in links). */
function routeOf(c: Ctx): string {
  try {
    return routePath(c) || '*';
  } catch {
    return '*';
  }
}

/**
 * One log line and the HTTP metrics per request: request id (echoed in `X-Request-Id`), method, route
 * pattern, status, duration, and the account when signed in. No headers, no query, no body are logged.
 */
export function observeRequests(logger: Logger): MiddlewareHandler<AppEnv> {
  // The request line is built here from fixed keys (ids, method, route pattern, status, duration) and
  // holds nothing to redact, so it skips the logger's redaction pass: that pass cost ~5 µs a line,
  // about 4% of the CPU of a signed-in GET (issue 15). Every other line is still redacted.
  const requestLog = logger.child({}, { redact: { paths: [] } });
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    const ms = performance.now() - t0;
    const route = routeOf(c);
    const status = c.res.status;
    const labels = { route, method: c.req.method, status: String(status) };
    countRequest(labels, ms / 1000);
    c.res.headers.set('x-request-id', c.get('requestId'));
    const auth = c.get('auth');
    const line = {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: route,
      status,
      ms: Math.round(ms * 10) / 10,
      ...(auth?.accountId ? { accountId: auth.accountId } : {}),
      ...(auth ? { userId: auth.user.id } : {}),
      ...(auth?.impersonation ? { impersonation: auth.impersonation.id } : {}),
    };
    if (status >= 500) requestLog.error(line, 'request failed');
    else if (QUIET.has(route)) requestLog.debug(line, 'request');
    else requestLog.info(line, 'request');
  };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * GET /metrics is for the operator's scraper, not the public: a loopback client (the socket's own
 * address, never X-Forwarded-For; a request that came through a proxy is not local even on a loopback
 * socket), or anyone with `Authorization: Bearer <METRICS_TOKEN>`. Everyone else gets 404.
 */
function mayScrape(c: Ctx): boolean {
  const token = c.get('deps').config.metricsToken;
  const auth = c.req.header('authorization');
  if (token && auth?.startsWith('Bearer ')) {
    const digest = (s: string) => createHash('sha256').update(s).digest();
    if (timingSafeEqual(digest(auth.slice(7)), digest(token))) return true;
  }
  const proxied = c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip');
  if (proxied) return false;
  try {
    return LOOPBACK.test(getConnInfo(c).remote.address ?? '');
  } catch {
    return false; // no socket (app.request() in tests): not local
  }
}

/** Gauges read from the database at scrape time (outbox backlog, connections). */
async function refreshDbGauges(c: Ctx): Promise<void> {
  const { db, clock, config } = c.get('deps');
  const now = clock.now();
  const backlog = await outboxBacklog(db, now);
  metrics.outboxBacklog.reset();
  for (const ch of ['email', 'sms'])
    for (const st of ['pending', 'failed']) metrics.outboxBacklog.set({ channel: ch, status: st }, 0);
  for (const r of backlog.counts) metrics.outboxBacklog.set({ channel: r.channel, status: r.status }, Number(r.n));
  metrics.outboxOldestPendingAge.set(
    backlog.oldestDueAt ? Math.max(0, (now.getTime() - backlog.oldestDueAt.getTime()) / 1000) : 0,
  );
  metrics.dbPoolMax.set(config.databaseUrl ? config.dbPoolSize : 1);
  if (config.databaseUrl) {
    metrics.dbConnections.reset();
    for (const r of await connectionsByState(db)) metrics.dbConnections.set({ state: r.state }, Number(r.n));
  }
}

export function metricsRoutes(notFound: () => Response) {
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    if (!mayScrape(c)) return notFound();
    try {
      await refreshDbGauges(c);
    } catch {
      // The database is down: the process metrics still answer (the gauges keep their last values).
    }
    return c.body(await registry.metrics(), 200, {
      'content-type': registry.contentType,
      'cache-control': 'no-store',
    });
  });
}
