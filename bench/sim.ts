/**
 * The simulator's long run (issue 14): `pnpm sim` at ≥ 1,000,000 events with ≥ 20 SIGKILLs, timed.
 * BENCH_SIM_EVENTS (default 1,005,000: the run stops when the drawn events reach it, and a few drawn batches are never sent), BENCH_SIM_CRASHES (default 30), BENCH_SIM_SEED (default random),
 * BENCH_SIM_TENANTS (default 64), BENCH_SIM_SQL_EVERY (default 5: the long mode, the aggregate SQL invariants on every
 * 5th check of a tenant, on its first check after any crash and at the end; the outside checks and every stored
 * outcome of the step on every step). Alone: `cd bench && npx tsx sim.ts` (writes results/sim.json).
 */
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  sqlEvery: number;
}

export async function benchSim(adminUrl?: string): Promise<SimBenchResult> {
  const env = process.env;
  const seed = env.BENCH_SIM_SEED || String(randomInt(1, 2 ** 31));
  const tenants = Number.parseInt(env.BENCH_SIM_TENANTS ?? '64', 10);
  const sqlEvery = Number.parseInt(env.BENCH_SIM_SQL_EVERY ?? '5', 10);
  const r = await runSim({
    seed,
    events: Number.parseInt(env.BENCH_SIM_EVENTS ?? '1005000', 10),
    crashes: Number.parseInt(env.BENCH_SIM_CRASHES ?? '30', 10),
    tenants,
    batchMax: 1000,
    sqlEvery,
    profile: true,
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
    sqlEvery,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchSim();
  const file = resolve(dirname(fileURLToPath(import.meta.url)), 'results/sim.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), result: r }, null, 2)}\n`);
  console.log(JSON.stringify(r, null, 2));
  process.exit(r.violations > 0 ? 1 : 0);
}
