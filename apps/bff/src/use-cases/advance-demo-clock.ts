import { formatCst, nextDailySettlementAt } from '@idv/billing';
import type { UsageEventInput, UsageInjection } from '@idv/contracts';
import { generateUsage } from '../demo/usage-generator.ts';
import { AppError, notFound } from '../errors.ts';
import type { Deps } from '../http/context.ts';
import type { Happening } from '../jobs/registry.ts';
import { runAccountJobs } from '../jobs/scheduler.ts';
import { appendTimeline, getDemoTenant, setSimulatedNow } from '../repositories/demo.ts';
import { ingestUsage } from './ingest-usage.ts';

const MAX_INJECTED = 500_000;

export type ClockMove = { advanceTo: string } | { advanceBy: string } | { to: 'next-settlement' };

/** ISO 8601 duration of days, hours and minutes (P1D, PT1H, P7DT12H) in milliseconds. */
export function durationMs(d: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(d);
  if (!m) throw new AppError('INVALID_REQUEST', 400, 'advanceBy must be an ISO 8601 duration like P1D or PT1H.');
  const [, days = '0', hours = '0', minutes = '0'] = m;
  return ((Number.parseInt(days, 10) * 24 + Number.parseInt(hours, 10)) * 60 + Number.parseInt(minutes, 10)) * 60_000;
}

export function targetOf(now: Date, move: ClockMove): Date {
  if ('advanceTo' in move) return new Date(move.advanceTo);
  if ('advanceBy' in move) return new Date(now.getTime() + durationMs(move.advanceBy));
  return nextDailySettlementAt(now);
}

/**
 * R9.3: moves a demo tenant's clock forward, running on the way every job that real time would run, in
 * time order: the clock stops at each 08:00 CST (settlement time) and at the target. Injected usage
 * is generated for each stretch and ingested through the real ingest before that stretch's jobs run,
 * so settlements, arrears, suspension, expiries, refund windows and notices happen exactly as in real
 * time. Only demo accounts have a clock (404 otherwise); it never goes backwards.
 */
export async function advanceDemoClock(
  deps: Deps,
  accountId: string,
  move: ClockMove,
  usage: readonly UsageInjection[] = [],
): Promise<{ now: string; happened: Happening[] }> {
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant?.account.simulatedNow) throw notFound('demo tenant');
  const start = tenant.account.simulatedNow;
  const target = targetOf(start, move);
  if (Number.isNaN(target.getTime())) throw new AppError('INVALID_REQUEST', 400, 'The target time is not valid.');
  if (target.getTime() < start.getTime()) {
    throw new AppError('CLOCK_BACKWARDS', 409, 'A demo clock never goes backwards.');
  }
  const days = (target.getTime() - start.getTime()) / 86_400_000;
  if (days > 800) throw new AppError('INVALID_REQUEST', 400, 'Advance at most 800 days at a time.');
  const perDay = usage.reduce((a, u) => a + u.callsPerDay, 0);
  if (perDay * days > MAX_INJECTED) {
    throw new AppError(
      'INVALID_REQUEST',
      400,
      `That would inject more than ${MAX_INJECTED} calls; lower the rate or the span.`,
    );
  }
  const happened: Happening[] = [];
  let cur = start;
  const stepTo = async (next: Date) => {
    await setSimulatedNow(deps.db, accountId, next);
    const events: UsageEventInput[] = usage.flatMap((u) =>
      generateUsage(u, cur, next, `demo${next.getTime().toString(36)}`),
    );
    events.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
    const tally = new Map<string, number>();
    for (let i = 0; i < events.length; i += 1000) {
      const r = await ingestUsage(deps, accountId, events.slice(i, i + 1000));
      for (const o of r.outcomes) tally.set(o.outcome, (tally.get(o.outcome) ?? 0) + 1);
    }
    if (events.length > 0) {
      happened.push({
        at: formatCst(next),
        kind: 'usage_injected',
        summary: `${events.length} calls injected: ${[...tally].map(([k, v]) => `${v} ${k}`).join(', ')}`,
      });
    }
    happened.push(...(await runAccountJobs(deps, accountId, next)));
    cur = next;
  };
  do {
    const settlement = nextDailySettlementAt(cur);
    await stepTo(settlement.getTime() < target.getTime() ? settlement : target);
  } while (cur.getTime() < target.getTime());
  happened.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  await appendTimeline(
    deps.db,
    accountId,
    happened.map((h) => ({ at: new Date(h.at), kind: h.kind, summary: h.summary })),
  );
  return { now: formatCst(target), happened };
}
