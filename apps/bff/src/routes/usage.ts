import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { requireServiceAccount } from '../http/service-auth.ts';
import { mergeOutcomes, triageEvents } from '../http/usage-batch.ts';
import { metrics } from '../observability/metrics.ts';
import { getDailyUsage } from '../use-cases/usage/get-daily-usage.ts';
import { ingestUsage } from '../use-cases/usage/ingest-usage.ts';

export const usageRoutes = declaredRoutes()
  // R4.1 service key only (401 otherwise); a malformed batch is refused whole (400, nothing stored).
  // Issue 14: an event whose text cannot be stored is rejected alone (INVALID_EVENT); the rest goes on.
  .post('/usage/events', async (c, input) => {
    const accountId = await requireServiceAccount(c);
    const body = await input.body();
    const { events, refused } = triageEvents(body.events);
    const ingested = events.length > 0 ? (await ingestUsage(c.get('deps'), accountId, events)).outcomes : [];
    const outcomes = mergeOutcomes(body.events.length, refused, ingested);
    const byOutcome = new Map<string, number>();
    for (const o of outcomes) byOutcome.set(o.outcome, (byOutcome.get(o.outcome) ?? 0) + 1);
    for (const [outcome, n] of byOutcome) metrics.eventsIngested.inc({ outcome }, n);
    return c.json({ outcomes }, 200);
  })
  .get('/usage/daily', async (c, input) => {
    const { accountId } = requireAccount(c);
    return c.json(await getDailyUsage(c.get('deps'), accountId, input.query()));
  });
