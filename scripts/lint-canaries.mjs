#!/usr/bin/env node
// Proves that every layering rule in biome.json fires (architecture.md: "prove in CI that the rule fires").
//
// Each canary is a throwaway source file written for a moment at a path a zone covers, holding one import
// (or database call) per line: lines marked `deny` must get exactly the expected lint error, lines marked
// `allow` must get none (so a zone that forbids too much fails here as well). The files are linted by
// the same `biome lint` and the same biome.json as `pnpm lint`, then removed, whatever happens.
// Run: `node scripts/lint-canaries.mjs` (part of the root `lint` script, hence of `.ci/run`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT = 'lint/style/noRestrictedImports';
const PLUGIN = 'plugin';
const NAME = '__lint-canary__';

/** `newFolder`: the canary's folder does not exist today; it is made for the run and removed after. */
/** @type {{ rule: string, path: string, newFolder?: boolean, lines: { code: string, deny?: string }[] }[]} */
const canaries = [
  {
    rule: 'a console feature never imports another feature (file at the feature root)',
    path: `apps/console/src/features/packs/${NAME}.ts`,
    lines: [
      { code: "import '../orders/api/orders.ts';", deny: IMPORT },
      { code: "import '../../features/orders/api/orders.ts';", deny: IMPORT },
      { code: "import './search-params.ts';" },
      { code: "import '../../lib/i18n.tsx';" },
      { code: "import '../../components/ui/index.ts';" },
    ],
  },
  {
    rule: 'a console feature never imports another feature (file one folder down)',
    path: `apps/console/src/features/packs/components/${NAME}.tsx`,
    lines: [
      { code: "import '../../bills/components/bill-page-frame.tsx';", deny: IMPORT },
      { code: "import '../../../features/orders/api/orders.ts';", deny: IMPORT },
      { code: "import '../api/packs.ts';" },
      { code: "import '../../../lib/api-client.ts';" },
      { code: "import '../../../components/ui/index.ts';" },
    ],
  },
  {
    rule: 'a console feature never imports another feature (file two folders down)',
    path: `apps/console/src/features/packs/components/${NAME}/${NAME}.tsx`,
    newFolder: true,
    lines: [
      { code: "import '../../../orders/api/orders.ts';", deny: IMPORT },
      { code: "import '../../api/packs.ts';" },
      { code: "import '../../../../lib/i18n.tsx';" },
    ],
  },
  {
    rule: 'the console never imports the database or the BFF',
    path: `apps/console/src/app/${NAME}.ts`,
    lines: [
      { code: "import '@idv/db';", deny: IMPORT },
      { code: "import '@idv/db/schema';", deny: IMPORT },
      { code: "import '@idv/bff';", deny: IMPORT },
      { code: "import '../../../bff/src/app.ts';", deny: IMPORT },
      { code: "import 'drizzle-orm';", deny: IMPORT },
      { code: "import '@idv/contracts';" },
      { code: "import '../features/packs/routes/packs-page.tsx';" },
    ],
  },
  {
    rule: 'a console feature never imports the database or the BFF either',
    path: `apps/console/src/features/packs/api/${NAME}.ts`,
    lines: [
      { code: "import '@idv/db';", deny: IMPORT },
      { code: "import '@idv/bff/app';", deny: IMPORT },
      { code: "import '@idv/contracts';" },
    ],
  },
  {
    rule: 'BFF repositories never import use cases, routes or http/',
    path: `apps/bff/src/repositories/${NAME}.ts`,
    lines: [
      { code: "import '../use-cases/orders/place-order.ts';", deny: IMPORT },
      { code: "import '../http/context.ts';", deny: IMPORT },
      { code: "import '../routes/orders.ts';", deny: IMPORT },
      { code: "import 'hono';", deny: IMPORT },
      { code: "import '../deps.ts';" },
      { code: "import './ledger.ts';" },
      { code: "import 'drizzle-orm';" },
      { code: "import '@idv/db';" },
    ],
  },
  {
    rule: 'BFF routes never write SQL or reach the database: they go through use cases',
    path: `apps/bff/src/routes/${NAME}.ts`,
    lines: [
      { code: "import 'drizzle-orm';", deny: IMPORT },
      { code: "import '@idv/db';", deny: IMPORT },
      { code: "import '../repositories/orders.ts';", deny: IMPORT },
      { code: "import '../use-cases/orders/place-order.ts';" },
      { code: "import '../http/context.ts';" },
      { code: "import 'hono';" },
      { code: 'export async function f(c: { var: { deps: { db: { execute(q: string): Promise<void> } } } }) {' },
      { code: "  await c.var.deps.db.execute('select 1');", deny: PLUGIN },
      { code: '}' },
    ],
  },
  {
    rule: 'BFF use cases never import routes, http/ or Hono',
    path: `apps/bff/src/use-cases/${NAME}.ts`,
    lines: [
      { code: "import '../routes/orders.ts';", deny: IMPORT },
      { code: "import 'hono';", deny: IMPORT },
      { code: "import '../http/context.ts';", deny: IMPORT },
      { code: "import '../http/rate-limit.ts';", deny: IMPORT },
      { code: "import '../repositories/orders.ts';" },
      { code: "import '../deps.ts';" },
      { code: "import '../lib/crypto.ts';" },
      { code: "import '../lib/cursor.ts';" },
    ],
  },
  {
    rule: 'BFF use cases never import http/ either, from an area folder',
    path: `apps/bff/src/use-cases/${NAME}/${NAME}.ts`,
    newFolder: true,
    lines: [
      { code: "import '../../http/context.ts';", deny: IMPORT },
      { code: "import '../../routes/orders.ts';", deny: IMPORT },
      { code: "import '../../repositories/orders.ts';" },
      { code: "import '../../lib/cursor.ts';" },
    ],
  },
  {
    rule: 'BFF src/lib is neutral: it imports no layer, no database, no Hono',
    path: `apps/bff/src/lib/${NAME}.ts`,
    lines: [
      { code: "import '../http/context.ts';", deny: IMPORT },
      { code: "import '../use-cases/orders/place-order.ts';", deny: IMPORT },
      { code: "import '../repositories/orders.ts';", deny: IMPORT },
      { code: "import 'drizzle-orm';", deny: IMPORT },
      { code: "import 'hono';", deny: IMPORT },
      { code: "import '../errors.ts';" },
      { code: "import '../deps.ts';" },
      { code: "import './crypto.ts';" },
    ],
  },
  {
    rule: 'BFF jobs only schedule: no SQL, no routes, no http/',
    path: `apps/bff/src/jobs/${NAME}.ts`,
    lines: [
      { code: "import 'drizzle-orm';", deny: IMPORT },
      { code: "import '@idv/db';", deny: IMPORT },
      { code: "import '../routes/orders.ts';", deny: IMPORT },
      { code: "import '../http/context.ts';", deny: IMPORT },
      { code: "import '../use-cases/settlement/advance-arrears.ts';" },
      { code: "import './job.ts';" },
    ],
  },
  {
    rule: 'packages/billing is pure: it imports nothing outside itself',
    path: `packages/billing/src/${NAME}.ts`,
    lines: [
      { code: "import '@idv/db';", deny: IMPORT },
      { code: "import 'node:fs';", deny: IMPORT },
      { code: "import 'drizzle-orm';", deny: IMPORT },
      { code: "import './money.ts';" },
    ],
  },
];

const written = [];
const folders = [];
function cleanup() {
  for (const file of written.splice(0)) rmSync(file, { force: true });
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

let failures = 0;
try {
  for (const canary of canaries) {
    const file = join(root, canary.path);
    if (canary.newFolder && !existsSync(dirname(file))) {
      mkdirSync(dirname(file));
      folders.push(dirname(file));
    }
    if (!existsSync(dirname(file))) {
      // A zone over a folder that no longer exists proves nothing: fail so the canary is moved with it.
      console.error(`✗ ${canary.rule}: folder ${relative(root, dirname(file))} is gone; move the canary`);
      failures++;
      continue;
    }
    writeFileSync(file, `${canary.lines.map((l) => l.code).join('\n')}\n`);
    written.push(file);
  }
  const biome = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'biome.cmd' : 'biome');
  const run = spawnSync(biome, ['lint', '--reporter=json', '--max-diagnostics=none', ...written], {
    cwd: root,
    encoding: 'utf8',
  });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error(`biome did not answer with a report:\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  for (const canary of canaries) {
    const found = report.diagnostics.filter((d) => d.location?.path === canary.path);
    const problems = [];
    canary.lines.forEach((line, i) => {
      const onLine = found.filter((d) => d.location.start.line === i + 1);
      const expected = onLine.filter((d) => d.category === line.deny && d.severity === 'error');
      if (line.deny && expected.length === 0) problems.push(`line ${i + 1} should fail ${line.deny}: ${line.code}`);
      const restricting = onLine.filter((d) => d.category === IMPORT || d.category === PLUGIN);
      if (!line.deny && restricting.length > 0) problems.push(`line ${i + 1} should pass: ${line.code}`);
    });
    if (problems.length === 0) {
      console.log(`✓ ${canary.rule}`);
    } else {
      failures++;
      console.error(`✗ ${canary.rule} (${canary.path})\n    ${problems.join('\n    ')}`);
    }
  }
} finally {
  cleanup();
}
if (failures > 0) {
  console.error(`\n${failures} layering rule(s) in biome.json do not fire as architecture.md says.`);
  process.exit(1);
}
console.log('All layering canaries fail lint as they should.');
