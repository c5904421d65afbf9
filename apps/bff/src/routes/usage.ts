import { DailyLabelUsageQuery, IngestBody } from '@idv/contracts';
import { Hono } from 'hono';
import { type AppEnv, requireAccount } from '../http/context.ts';
import { requireServiceAccount } from '../http/service-auth.ts';
import { jsonBody, query } from '../http/validate.ts';
import { metrics } from '../observability/metrics.ts';
import { getDailyUsage } from '../use-cases/get-daily-usage.ts';
import { ingestUsage } from '../use-cases/ingest-usage.ts';

export const usageRoutes = new Hono<AppEnv>()
  // R4.1 service key only (401 otherwise); a malformed batch is refused whole (400, nothing stored).
  .post('/usage/events', async (c) => {
    const accountId = await requireServiceAccount(c);
    const body = await jsonBody(c, IngestBody);
    const result = await ingestUsage(c.get('deps'), accountId, body.events);
    const byOutcome = new Map<string, number>();
    for (const o of result.outcomes) byOutcome.set(o.outcome, (byOutcome.get(o.outcome) ?? 0) + 1);
    for (const [outcome, n] of byOutcome) metrics.eventsIngested.inc({ outcome }, n);
    return c.json(result, 200);
  })
  .get('/usage/daily', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await getDailyUsage(c.get('deps'), accountId, query(c, DailyLabelUsageQuery)));
  });
