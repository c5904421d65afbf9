/**
 * `pnpm sim:ci`: the short CI run. A few fixed seeds (SIM_CI_SEEDS, default 11,22) of SIM_EVENTS
 * (default 2,500) events each, everything generated (SIM_SKIP restricts, as for `pnpm sim`), then the
 * first seed again: its digest of the final state must be the same (determinism). Exit 1 on any
 * violation or a different digest.
 */
import { runSim, type SimResult } from './sim.ts';

const env = process.env;
const seeds = (env.SIM_CI_SEEDS ?? '11,22').split(',').filter(Boolean);
const events = Number.parseInt(env.SIM_EVENTS ?? '2500', 10);
const skip = new Set((env.SIM_SKIP ?? '').split(',').filter(Boolean));
const line = (r: SimResult) =>
  `sim: ${r.events} events, ${r.operations} operations, ${r.crashes} crashes, ${r.violations.length} violations, seed ${r.seed}`;

let failed = false;
const results: SimResult[] = [];
for (const seed of seeds) {
  const r = await runSim({ seed, events, skip });
  console.log(`sim: digest ${r.digest}, ${r.seconds.toFixed(1)} s`);
  console.log(line(r));
  results.push(r);
  if (r.violations.length > 0) failed = true;
}
const first = results[0];
if (first) {
  const again = await runSim({ seed: first.seed, events, skip });
  const same = again.digest === first.digest && again.events === first.events && again.operations === first.operations;
  console.log(
    `sim: determinism, seed ${first.seed} twice: digest ${first.digest} then ${again.digest}: ${same ? 'same' : 'DIFFERENT'}`,
  );
  if (!same || again.violations.length > 0) failed = true;
}
const total = results.reduce(
  (a, r) => ({
    events: a.events + r.events,
    operations: a.operations + r.operations,
    crashes: a.crashes + r.crashes,
    violations: a.violations + r.violations.length,
  }),
  { events: 0, operations: 0, crashes: 0, violations: 0 },
);
console.log(
  `sim: ${total.events} events, ${total.operations} operations, ${total.crashes} crashes, ${total.violations} violations, seed ${seeds.join(',')}`,
);
process.exit(failed ? 1 : 0);
