import { formatCst, nextDailySettlementAt } from '@idv/billing';
import { type UsageEventInput, UsageInjection } from '@idv/contracts';
import type { Db } from '@idv/db';
import { z } from 'zod';
import { generateUsage } from '../../demo/usage-generator.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { failpoint } from '../../failpoints.ts';
import type { Happening } from '../../jobs/job.ts';
import { runAccountJobs } from '../../jobs/scheduler.ts';
import { newId } from '../../lib/crypto.ts';
import {
  appendTimeline,
  claimClockMove,
  firstInjectedPackExpiry,
  lockDemoIngest,
  lockOwnMove,
  planClockMove,
  releaseClockMove,
  renewMoveLease,
  setSimulatedNow,
} from '../../repositories/demo.ts';
import { ingestUsage } from '../usage/ingest-usage.ts';

const MAX_INJECTED = 500_000;
/** How long a move stays its driver's without a new step; after that it counts as interrupted. */
export const DEFAULT_MOVE_LEASE_MS = 30_000;

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

const busy = (target: Date | null) =>
  new AppError(
    'DEMO_CLOCK_BUSY',
    409,
    `Another clock move of this demo tenant is in progress${
      target ? ` (to ${formatCst(target)})` : ''
    }; try again when it has finished. An interrupted move is resumed first.`,
    target ? { moveTarget: formatCst(target) } : {},
  );

const StoredPlan = z.array(UsageInjection);

/** Deadlocks and serialisation failures (another transaction won): the step is simply run again. */
function retryable(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

/**
 * R9.3 One step of a move, in ONE transaction: from the committed clock to the next 08:00 CST (a
 * settlement time) or the target, whichever comes first (or, when it injects usage, to the expiry of a
 * pack of an injected label that can still take calls). It sets the clock, ingests that stretch's
 * injected usage through the real ingest, runs every job due, appends the timeline and renews the
 * lease, all or nothing: a process killed mid-step leaves the previous step's state, and whoever
 * resumes the move redoes exactly this step (the stretch is computed from the committed clock and
 * the persisted target, so the same calls with the same ids are injected). Returns null when the
 * move is already at its target and `force` is off.
 */
async function runStep(
  deps: Deps,
  accountId: string,
  moveId: string,
  force: boolean,
): Promise<{ done: boolean; happened: Happening[] } | null> {
  const leaseMs = deps.config.demoMoveLeaseMs ?? DEFAULT_MOVE_LEASE_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction(async (tx) => {
        // Lock order as ingest: the account's ingest lock first, then rows (no deadlock with a
        // usage batch sent to the tenant's service key meanwhile).
        await lockDemoIngest(tx, accountId);
        const move = await lockOwnMove(tx, accountId, moveId);
        // Fencing: this driver stalled past its lease and someone else took the move over.
        if (!move) throw busy(null);
        if (!move.target) throw new Error('a clock move without a target');
        const cur = move.simulatedNow;
        const target = move.target;
        if (cur.getTime() >= target.getTime() && !force) return null;
        const settlement = nextDailySettlementAt(cur);
        let next = settlement.getTime() < target.getTime() ? settlement : target;
        const usage = StoredPlan.parse(move.usage ?? []);
        // Injected calls made before a pack expires reach it while it is active, as in real time.
        const expiry = await firstInjectedPackExpiry(tx, accountId, [...new Set(usage.map((u) => u.label))], cur, next);
        if (expiry) next = expiry;
        // The step's use cases run inside this transaction (theirs become savepoints).
        const stepDeps: Deps = { ...deps, db: tx as unknown as Db };
        const happened: Happening[] = [];
        await setSimulatedNow(tx, accountId, next);
        const events: UsageEventInput[] = usage.flatMap((u) =>
          generateUsage(u, cur, next, `demo${next.getTime().toString(36)}`),
        );
        events.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
        const tally = new Map<string, number>();
        for (let i = 0; i < events.length; i += 1000) {
          const r = await ingestUsage(stepDeps, accountId, events.slice(i, i + 1000));
          for (const o of r.outcomes) tally.set(o.outcome, (tally.get(o.outcome) ?? 0) + 1);
        }
        if (events.length > 0) {
          happened.push({
            at: formatCst(next),
            kind: 'usage_injected',
            summary: `${events.length} calls injected: ${[...tally].map(([k, v]) => `${v} ${k}`).join(', ')}`,
          });
        }
        happened.push(...(await runAccountJobs(stepDeps, accountId, next)));
        happened.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        failpoint('demo-step-before-commit');
        if (happened.some((h) => h.kind === 'monthly_settlement')) failpoint('demo-monthly-settlement-before-commit');
        await appendTimeline(
          tx,
          accountId,
          happened.map((h) => ({ at: new Date(h.at), kind: h.kind, summary: h.summary })),
        );
        await renewMoveLease(tx, accountId, moveId, leaseMs);
        return { done: next.getTime() >= target.getTime(), happened };
      });
    } catch (err) {
      if (attempt < 4 && retryable(err)) continue;
      throw err;
    }
  }
}

/** Steps until the persisted target is reached; a fresh move runs at least one step (jobs at now). */
async function runSteps(deps: Deps, accountId: string, moveId: string, fresh: boolean, out: Happening[]) {
  let force = fresh;
  for (;;) {
    const r = await runStep(deps, accountId, moveId, force);
    force = false;
    if (!r) return;
    out.push(...r.happened);
    if (r.done) return;
  }
}

/**
 * R9.3: moves a demo tenant's clock forward, running on the way every job that real time would run, in
 * time order: the clock stops at each 08:00 CST (settlement time) and at the target. Injected usage
 * is generated for each stretch and ingested through the real ingest before that stretch's jobs run,
 * so settlements, arrears, suspension, expiries, refund windows and notices happen exactly as in real
 * time. Only demo accounts have a clock (404 otherwise); it never goes backwards.
 *
 * Moves of one tenant never interleave, across processes (docs/decisions/0010): the move is claimed
 * on the tenant's row (a second move meanwhile gets 409 DEMO_CLOCK_BUSY) and persisted (target and
 * usage plan) before its first step; each step is one transaction. A move whose driver died (its
 * lease ran out) is resumed exactly by the next move of the tenant, or by the server's resumer.
 */
export async function advanceDemoClock(
  deps: Deps,
  accountId: string,
  move: ClockMove,
  usage: readonly UsageInjection[] = [],
): Promise<{ now: string; happened: Happening[] }> {
  const moveId = newId('mv');
  const claim = await claimClockMove(deps.db, accountId, moveId, deps.config.demoMoveLeaseMs ?? DEFAULT_MOVE_LEASE_MS);
  if (claim.kind === 'missing') throw notFound('demo tenant');
  if (claim.kind === 'busy') throw busy(claim.target);
  const happened: Happening[] = [];
  try {
    let start = claim.simulatedNow;
    if (claim.orphan) {
      happened.push(resumedNote(start, claim.orphan.target));
      await runSteps(deps, accountId, moveId, false, happened);
      start = claim.orphan.target.getTime() > start.getTime() ? claim.orphan.target : start;
    }
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
    // Persisted before the first step: a crash from here on is resumed to this target with this plan.
    if (!(await planClockMove(deps.db, accountId, moveId, { target, usage: [...usage], startedAt: deps.clock.now() })))
      throw busy(null);
    await runSteps(deps, accountId, moveId, true, happened);
    return { now: formatCst(target), happened };
  } finally {
    // Done, or failed in this process (the committed steps stand; the rest is given up, so that an
    // error cannot block the tenant forever). A killed process never gets here: its move is resumed.
    await releaseClockMove(deps.db, accountId, moveId);
  }
}

const resumedNote = (at: Date, target: Date): Happening => ({
  at: formatCst(at),
  kind: 'clock_move_resumed',
  summary: `An interrupted clock move to ${formatCst(target)} resumed where it stopped`,
});

/**
 * R9.3 Resumes a tenant's interrupted move, if any (its lease ran out: the process driving it died).
 * Returns what happened, or null when there was nothing to resume or another driver holds the tenant.
 */
export async function resumeDemoClockMove(deps: Deps, accountId: string): Promise<Happening[] | null> {
  const moveId = newId('mv');
  const claim = await claimClockMove(deps.db, accountId, moveId, deps.config.demoMoveLeaseMs ?? DEFAULT_MOVE_LEASE_MS);
  if (claim.kind !== 'claimed') return null;
  try {
    if (!claim.orphan) return null;
    const happened = [resumedNote(claim.simulatedNow, claim.orphan.target)];
    await runSteps(deps, accountId, moveId, false, happened);
    return happened;
  } finally {
    await releaseClockMove(deps.db, accountId, moveId);
  }
}
