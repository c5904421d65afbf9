import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from './harness.ts';
import { type BffProcess, emptyDatabase, projectNode, signIn, startBff } from './proc/bff-process.ts';

/**
 * Issue 19: the production build (build.mjs → dist/server.js + its source map) starts with
 * `node --enable-source-maps` on the project's Node LTS, without tsx, on PGlite (no DATABASE_URL)
 * or on PostgreSQL (when the suite runs with DATABASE_URL): migrations and catalog.tsv are found,
 * the native argon2 and PGlite's wasm load, sign-in works, logs are JSON, /metrics answers locally.
 */
const bffDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const procs: BffProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  execFileSync(projectNode, ['build.mjs'], { cwd: bffDir, stdio: 'pipe' });
}, 120_000);
afterAll(async () => {
  for (const p of procs) await p.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

describe(`the built server (dist/server.js) on ${onPostgres ? 'PostgreSQL' : 'PGlite'} (issue 19)`, () => {
  it('the bundle has its source map on disk and no TypeScript loader in it', () => {
    const js = readFileSync(join(bffDir, 'dist/server.js'), 'utf8');
    expect(js).toMatch(/\/\/# sourceMappingURL=server\.js\.map\s*$/);
    const map = JSON.parse(readFileSync(join(bffDir, 'dist/server.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('src/server.ts'))).toBe(true);
    expect(js).not.toMatch(/from "tsx/);
  });

  it('starts, migrates, seeds the catalog, signs in (argon2) and serves the API, JSON logs, /metrics', async () => {
    let env: Record<string, string>;
    if (onPostgres) {
      const db = await emptyDatabase();
      cleanups.push(() => db.drop());
      env = { DATABASE_URL: db.url, SEED_DEMO: '1' };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'idv-built-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir, SEED_DEMO: '1' };
    }
    const p = await startBff('built', env, { built: true, timeoutMs: 120_000 });
    procs.push(p);
    const start = p
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => String(l.msg).startsWith('Billing console on'));
    expect(start).toMatchObject({ level: 'info', db: onPostgres ? 'postgres' : 'pglite' });
    // On the project's Node LTS (22 or 24) when its `node` package is installed.
    if (projectNode !== process.execPath) expect(String(start?.node)).toMatch(/^v(22|24)\./);

    expect((await fetch(`${p.base}/readyz`)).status).toBe(200);
    const cookie = await signIn(p.base, 'demo@example.com', 'demo-pass-2026');
    const packs = await fetch(`${p.base}/api/v1/packs`, { headers: { cookie } });
    expect(packs.status).toBe(200);
    expect(packs.headers.get('cache-control')).toBe('no-store');
    const catalog = await fetch(`${p.base}/api/v1/catalog`, { headers: { cookie } });
    expect(catalog.status).toBe(200);
    expect(JSON.stringify(await catalog.json())).toContain('identity.basic');
    const metrics = await fetch(`${p.base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/idv_http_requests_total\{[^}]*route="\/api\/v1\/packs"/);
    await p.waitFor(/"path":"\/api\/v1\/packs","status":200/);
  });

  it('a bad setting stops it before it listens, with the variable named (exit code 2)', async () => {
    const p = await startBff('bad', { PORT: 'eighty', DATA_DIR: 'memory://' }, { built: true, wait: false });
    procs.push(p);
    await p.waitFor(/PORT must be a TCP port number \(got "eighty"\)/, 30_000).catch(() => undefined);
    for (let i = 0; i < 100 && !p.exited(); i++) await new Promise((ok) => setTimeout(ok, 100));
    expect(p.output()).toContain('PORT must be a TCP port number (got "eighty")');
    expect(p.exitCode()).toBe(2);
  });
});
