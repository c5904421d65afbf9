import type { Deps } from '../deps.ts';
import { interruptedMoves } from '../repositories/demo.ts';
import { resumeDemoClockMove } from '../use-cases/demo/advance-demo-clock.ts';

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
        deps.logger?.info({ accountId: id, happenings: h.length }, 'demo: resumed an interrupted clock move');
      }
    } catch (err) {
      deps.logger?.error({ err, accountId: id }, 'demo: resuming a clock move failed');
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
      .catch((err: unknown) => deps.logger?.error({ err }, 'demo: the move resumer failed'))
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
