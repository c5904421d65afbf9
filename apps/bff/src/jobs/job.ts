import type { Deps } from '../deps.ts';

/** Something a job did, reported to demo clocks and logs (R9.3 "what happened"). */
export interface Happening {
  at: string;
  kind: string;
  summary: string;
  detail?: Record<string, unknown>;
}

/**
 * A job asks "what is due for this account at `now`" and does it, recording what it did so that
 * running it again does nothing new (architecture.md). It must catch up on everything missed before
 * `now`, and date its effects at the time they were due (e.g. arrears + 24 h), not the time it ran,
 * so a demo clock stepping in large jumps produces the same history as real time.
 *
 * The types live here, not in registry.ts, so that the registry imports the jobs and no job imports
 * the registry (no import cycle).
 */
export interface AccountJob {
  name: string;
  run(deps: Deps, accountId: string, now: Date): Promise<Happening[]>;
}
