/**
 * The simulator's long run (issue 14): `pnpm sim` at ≥ 1,000,000 events with ≥ 20 SIGKILLs, timed.
 * BENCH_SIM_EVENTS (default 1,000,000), BENCH_SIM_CRASHES (default 25), BENCH_SIM_SEED (default random),
 * BENCH_SIM_TENANTS (default 64). Alone: `cd bench && npx tsx -e "await (await import('./sim.ts')).benchSim()"`.
 */
import { randomInt } from 'node:crypto';
import { runSim } from '../sim/src/sim.ts';

export interface SimBenchResult {
  seed: string;
  events: number;
  operations: number;
  crashes: number;
  violations: number;
  firstViolations: string[];
  seconds: number;
  eventsPerSecond: number;
  requests: number;
  digest: string;
  tenants: number;
}

export async function benchSim(adminUrl?: string): Promise<SimBenchResult> {
  const env = process.env;
  const seed = env.BENCH_SIM_SEED || String(randomInt(1, 2 ** 31));
  const tenants = Number.parseInt(env.BENCH_SIM_TENANTS ?? '64', 10);
  const r = await runSim({
    seed,
    events: Number.parseInt(env.BENCH_SIM_EVENTS ?? '1000000', 10),
    crashes: Number.parseInt(env.BENCH_SIM_CRASHES ?? '25', 10),
    tenants,
    batchMax: 1000,
    ...(adminUrl ? { adminUrl } : {}),
    log: (l) => {
      if (!l.startsWith('    ')) console.log(`[sim] ${l}`);
    },
  });
  return {
    seed: r.seed,
    events: r.events,
    operations: r.operations,
    crashes: r.crashes,
    violations: r.violations.length,
    firstViolations: r.violations.slice(0, 20).map((v) => `step ${v.step} t${v.tenant} ${v.op}: ${v.what}`),
    seconds: r.seconds,
    eventsPerSecond: r.events / r.seconds,
    requests: r.requests,
    digest: r.digest,
    tenants,
  };
}
