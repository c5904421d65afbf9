/**
 * `pnpm sim`: SIM_SEED (default random, printed), SIM_EVENTS (default 20,000), SIM_TENANTS, SIM_CRASHES,
 * SIM_SKIP=late,poison,race,crash,long,rich,legacy,inject,r10 (restrict what is generated), SIM_KEEP=1 (keep the database),
 * SIM_ONLY_TENANT / SIM_STOP_AT (a reproduction), SIM_BATCH_MAX (largest usage batch, default 240), SIM_SQL_EVERY
 * (long mode: the aggregate SQL invariants every k-th check of a tenant, default 1), SIM_PROFILE=1. Last line:
 * `sim: <events> events, <operations> operations, <crashes> crashes, <violations> violations, seed <seed>`.
 */
import { randomInt } from 'node:crypto';
import { runSim } from './sim.ts';

const env = process.env;
const int = (v: string | undefined) => (v ? Number.parseInt(v, 10) : undefined);
const seed = env.SIM_SEED || String(randomInt(1, 2 ** 31));
const r = await runSim({
  seed,
  events: int(env.SIM_EVENTS) ?? 20_000,
  tenants: int(env.SIM_TENANTS),
  crashes: int(env.SIM_CRASHES),
  keep: env.SIM_KEEP === '1',
  skip: new Set((env.SIM_SKIP ?? '').split(',').filter(Boolean)),
  onlyTenant: int(env.SIM_ONLY_TENANT),
  stopAt: int(env.SIM_STOP_AT),
  batchMax: int(env.SIM_BATCH_MAX),
  sqlEvery: int(env.SIM_SQL_EVERY),
  profile: env.SIM_PROFILE === '1',
});
console.log(
  `sim: digest ${r.digest}, ${r.seconds.toFixed(1)} s, ${Math.round(r.events / r.seconds)} events/s, ${r.requests} requests`,
);
console.log(
  `sim: ${r.events} events, ${r.operations} operations, ${r.crashes} crashes, ${r.violations.length} violations, seed ${r.seed}`,
);
process.exit(r.violations.length > 0 ? 1 : 0);
