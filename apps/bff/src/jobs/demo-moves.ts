import type { Deps } from '../http/context.ts';
import { interruptedMoves } from '../repositories/demo.ts';
import { resumeDemoClockMove } from '../use-cases/advance-demo-clock.ts';

/**
 * R9.3 Resumes the demo clock moves whose process died (their lease ran out), so that a move killed
 * mid-way completes even if nobody touches the tenant again; the next move of the tenant would resume
 * it too. Safe on every instance: claiming a move is a guarded update of the tenant's row.
 */
export async function resumeInterruptedDemoMoves(deps: Deps): Promise<number> {
  let resumed = 0;
  for (const id of await interruptedMoves(deps.db)) {
    try {
      const h = await resumeDemoClockMove(deps, id);
      if (h) {
        resumed++;
        console.log(`[demo] resumed the interrupted clock move of ${id} (${h.length} happenings)`);
      }
    } catch (err) {
      console.error(`[demo] resuming the clock move of ${id} failed:`, err);
    }
  }
  return resumed;
}

/** Checks every `intervalMs` (and once at start); returns stop(). */
export function startDemoMoveResumer(deps: Deps, intervalMs: number): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = resumeInterruptedDemoMoves(deps)
      .catch((err: unknown) => console.error('[demo] resumer failed:', err))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
