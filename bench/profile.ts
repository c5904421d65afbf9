/**
 * CPU profile of the compiled BFF under load (issue 15): the recipe, as a script.
 *
 *   cd apps/bff && node build.mjs                      # the bundle dist/server.js (pnpm build does it too)
 *   cd bench && npx tsx profile.ts /api/v1/packs       # or /api/v1/me, /healthz, …; PROFILE_SECONDS=10
 *
 * It makes its own PostgreSQL database (DATABASE_URL, default the local server; dropped afterwards),
 * starts `node --cpu-prof dist/server.js` as in production (NODE_ENV=production, demo data, scheduler
 * off), signs in as the demo owner, drives each path with autocannon (10 connections, 2 s warm-up) and
 * stops the server with SIGTERM so that Node writes the profile. It prints, per path, req/s and p50/p99,
 * then for the measured runs (start-up and the first warm-up left out) the self time by package (hono, drizzle-orm, postgres, pino, node internals,
 * the BFF's own code …) and the 25 heaviest functions. The .cpuprofile file is kept in
 * bench/.out/profiles/ (open it in Chrome DevTools › Performance, or speedscope, for the call tree).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchDatabase, signIn, startBff } from './http.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '.out/profiles');

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: an npm package, the BFF/workspace bundle, or Node itself. */
function bucket(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/dist/server.js')) return 'bff bundle (src + @idv/*)';
  return url.replace(/^file:\/\//, '');
}

/** Self time per function and package, counting only the samples from `fromMs` after the profile began. */
export function summarise(file: string, fromMs = 0, top = 25): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let t = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < fromMs * 1000) continue;
    const id = p.samples[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byBucket = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const b = bucket(url, functionName);
    byBucket.set(b, (byBucket.get(b) ?? 0) + us);
    const key = `${functionName || '(anonymous)'}  ${b}${url ? `:${lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`self time ${(total / 1e6).toFixed(1)} s, by package:`];
  for (const [b, us] of [...byBucket].sort((x, y) => y[1] - x[1]).slice(0, 15)) lines.push(`  ${pct(us)}  ${b}`);
  lines.push(`heaviest functions (self):`);
  for (const [f, us] of [...byFn].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${f}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
  if (paths.length === 0) paths.push('/api/v1/packs');
  const seconds = Number.parseInt(process.env.PROFILE_SECONDS ?? '10', 10);
  mkdirSync(outDir, { recursive: true });
  const before = new Set(readdirSync(outDir));
  const db = await benchDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  // A first start migrates and seeds the database; the profiled start then finds nothing to do.
  await (await startBff(db.url)).stop();
  const spawned = performance.now();
  const bff = await startBff(db.url, undefined, ['--cpu-prof', `--cpu-prof-dir=${outDir}`]);
  /** Start-up (module loading, the migration check) and the warm-up are left out of the summary. */
  let measuredFrom = 0;
  try {
    const cookie = await signIn(bff.base);
    for (const [i, path] of paths.entries()) {
      const run = (duration: number) =>
        autocannon({
          url: `${bff.base}${path}`,
          headers: { cookie },
          connections: 10,
          duration,
        }) as unknown as Promise<autocannon.Result>;
      await run(2);
      if (i === 0) measuredFrom = performance.now() - spawned;
      const r = await run(seconds);
      console.log(
        `${path}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
      );
    }
  } finally {
    await bff.stop();
    await db.drop();
  }
  const written = readdirSync(outDir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  for (const f of written) {
    console.log(`\n${resolve(outDir, f)}`);
    console.log(summarise(resolve(outDir, f), measuredFrom));
  }
}
