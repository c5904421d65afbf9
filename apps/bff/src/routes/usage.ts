import { DailyLabelUsageQuery, IngestBody } from '@idv/contracts';
import { Hono } from 'hono';
import { type AppEnv, requireAccount } from '../http/context.ts';
import { requireServiceAccount } from '../http/service-auth.ts';
import { jsonBody, query } from '../http/validate.ts';
import { getDailyUsage } from '../use-cases/get-daily-usage.ts';
import { ingestUsage } from '../use-cases/ingest-usage.ts';

export const usageRoutes = new Hono<AppEnv>()
  // R4.1 service key only (401 otherwise); a malformed batch is refused whole (400, nothing stored).
  .post('/usage/events', async (c) => {
    const accountId = await requireServiceAccount(c);
    const body = await jsonBody(c, IngestBody);
    return c.json(await ingestUsage(c.get('deps'), accountId, body.events), 200);
  })
  .get('/usage/daily', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await getDailyUsage(c.get('deps'), accountId, query(c, DailyLabelUsageQuery)));
  });
