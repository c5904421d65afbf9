#!/usr/bin/env node
// CI's dependency advisory check (issue 19): `pnpm audit --prod` when the registry's audit endpoint
// answers (moderate or worse fails); when it does not (this workplace's registry answers 405), an
// offline check of every installed production package against security/advisories.json, said loudly.
// Exit code 1 when an installed production package is affected.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The pnpm running this script (`pnpm audit:deps` sets npm_execpath), else the one on PATH.
const execpath = process.env.npm_execpath;
const pnpm = (args) =>
  execpath && /\.c?js$/.test(execpath)
    ? spawnSync(process.execPath, [execpath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync('pnpm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const FAIL_AT = new Set(['moderate', 'high', 'critical']);

function online() {
  const r = pnpm(['audit', '--prod', '--json']);
  const text = `${r.stdout ?? ''}`.trim();
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { reachable: false, why: `${r.stderr || text}`.trim().split('\n')[0] };
  }
  if (report.error || !report.metadata) return { reachable: false, why: report.error?.message ?? 'no report' };
  const v = report.metadata.vulnerabilities ?? {};
  const found = Object.values(report.advisories ?? {}).map(
    (a) => `${a.module_name} ${a.vulnerable_versions} ${a.severity}: ${a.title} (${a.github_advisory_id ?? a.url})`,
  );
  const failing = Object.values(report.advisories ?? {}).filter((a) => FAIL_AT.has(a.severity));
  return { reachable: true, summary: v, found, failing: failing.length };
}

// --- offline: ranges like "<9.1.0", "<=9.0.0", ">=6.9.16 <9.1.0" over plain x.y.z versions ---
const parse = (v) => v.replace(/^v/, '').split(/[-+]/)[0].split('.').map(Number);
const cmp = (a, b) => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};
const satisfies = (version, range) =>
  range
    .trim()
    .split(/\s+/)
    .every((part) => {
      const m = /^(<=|>=|<|>|=)?(.+)$/.exec(part);
      if (!m) return false;
      const c = cmp(version, m[2]);
      return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '=': c === 0 }[m[1] ?? '='];
    });

function installedProduction() {
  const r = pnpm(['list', '--prod', '-r', '--depth', 'Infinity', '--json']);
  if (r.status !== 0) throw new Error(`pnpm list failed: ${r.error?.message ?? r.stderr}`);
  const seen = new Map();
  const walk = (deps) => {
    for (const [name, d] of Object.entries(deps ?? {})) {
      if (!d.version || d.version.startsWith('link:')) continue;
      const versions = seen.get(name) ?? new Set();
      if (versions.has(d.version)) continue;
      versions.add(d.version);
      seen.set(name, versions);
      walk(d.dependencies);
    }
  };
  for (const project of JSON.parse(r.stdout)) walk(project.dependencies);
  return seen;
}

const result = online();
if (result.reachable) {
  console.log(`audit (registry): ${JSON.stringify(result.summary)}`);
  for (const line of result.found) console.log(`  ${line}`);
  process.exit(result.failing > 0 ? 1 : 0);
}

console.log(`audit: the registry's audit endpoint is not reachable (${result.why})`);
console.log('audit: OFFLINE fallback, checking installed production packages against security/advisories.json');
const db = JSON.parse(readFileSync(resolve(root, 'security/advisories.json'), 'utf8'));
const installed = installedProduction();
const hits = [];
for (const a of db.advisories)
  for (const v of installed.get(a.package) ?? [])
    if (satisfies(v, a.range)) hits.push(`${a.package}@${v} ${a.id} (${a.range}): ${a.title}`);
const count = [...installed.values()].reduce((s, v) => s + v.size, 0);
console.log(
  `audit: ${installed.size} packages (${count} versions) checked against ${db.advisories.length} advisories (list of ${db.checked}): ${hits.length} affected`,
);
for (const h of hits) console.log(`  ${h}`);
process.exit(hits.length > 0 ? 1 : 0);
