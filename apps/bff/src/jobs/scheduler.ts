import type { Deps } from '../http/context.ts';
import { realAccountIds } from '../repositories/settlement.ts';
import { accountJobs, type Happening } from './registry.ts';

/** Runs every registered job for one account at `now`, in registration order (jobs are idempotent). */
export async function runAccountJobs(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
  const out: Happening[] = [];
  for (const job of accountJobs) out.push(...(await job.run(deps, accountId, now)));
  return out;
}

/**
 * One pass over every real (non-demo) account at the system clock's now. A failing account is
 * logged and skipped so that it cannot hold the others' settlement back; the next tick retries it.
 */
export async function tick(deps: Deps): Promise<{ accounts: number; happened: Happening[]; failed: string[] }> {
  const now = deps.clock.now();
  const ids = await realAccountIds(deps.db);
  const happened: Happening[] = [];
  const failed: string[] = [];
  for (const id of ids) {
    try {
      happened.push(...(await runAccountJobs(deps, id, now)));
    } catch (err) {
      failed.push(id);
      console.error(`[scheduler] account ${id} failed:`, err);
    }
  }
  return { accounts: ids.length, happened, failed };
}

/**
 * R5.3 For server.ts: catches up at once (a restart after a missed 08:00 settles what was missed),
 * then ticks every `intervalMs`. Ticks never overlap and never crash the process. Returns stop().
 */
export function startScheduler(deps: Deps, intervalMs = 30_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await tick(deps);
      for (const h of r.happened) console.log(`[scheduler] ${h.at} ${h.kind}: ${h.summary}`);
    } catch (err) {
      console.error('[scheduler] tick failed:', err);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
