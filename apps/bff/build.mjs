// Production build of the BFF (issue 19): one ESM bundle, dist/server.js, with its source map beside
// it (dist/server.js.map, for `node --enable-source-maps` stack traces; never served). Started by
// `pnpm start` as `node --enable-source-maps dist/server.js`: no TypeScript loader at run time.
//
// - The workspace packages (@idv/*, TypeScript sources) are bundled; every npm package stays
//   external and is loaded from node_modules as installed (native @node-rs/argon2, PGlite's
//   wasm/data files, pino, …), so nothing that reads its own files is moved away from them.
// - Files the workspace code reads relative to its own location (import.meta.url: the migrations
//   folder and catalog.tsv in packages/db, the console's dist from server.ts) keep resolving from
//   their source location: each such `import.meta.url` is rewritten to the URL of the original file.
//   The bundle therefore runs in place in this repository (beside its node_modules), as deployed.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, 'dist');
const outfile = resolve(outdir, 'server.js');

/** Bare imports of npm packages stay external; @idv/* workspace packages and relative files are bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@idv/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** `import.meta.url` in a bundled file → the URL of that source file, relative to the bundle. */
const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split('\\').join('/');
      const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      return { contents, loader: 'ts' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: [resolve(here, 'src/server.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: 'linked',
  sourcesContent: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [externalPackages, sourceLocation],
});

// Every external must be resolvable from the bundle's folder (pnpm only links a package's declared
// dependencies): fail the build now rather than at start-up in production.
const externals = new Set();
for (const out of Object.values(result.metafile.outputs))
  for (const imp of out.imports) if (imp.external && !imp.path.startsWith('node:')) externals.add(imp.path);
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const linked = (name) => {
  for (let dir = outdir; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
};
const missing = [...new Set([...externals].map(packageName))].filter((name) => !linked(name));
if (missing.length > 0) {
  console.error(`build: not resolvable from apps/bff/dist (add them to apps/bff dependencies): ${missing.join(', ')}`);
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
console.log(
  `build: dist/server.js and its source map (${Math.round(bytes / 1024)} KiB), ${externals.size} external packages`,
);
