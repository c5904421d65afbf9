import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip as gzipCompress, constants as zlib } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `.br` and `.gz` beside every emitted script, stylesheet and SVG, once, at build time: the BFF
 * serves them with `precompressed` (Content-Encoding by the request's Accept-Encoding), so the first
 * visit downloads ~150 KB of JavaScript (gzip; less in Brotli) instead of ~485 KB, without the server
 * compressing per request.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzip = promisify(gzipCompress);
  let files: string[] = [];
  return {
    name: 'idv:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      files = Object.keys(bundle)
        .filter((fileName) => /\.(js|css|svg)$/.test(fileName))
        .map((fileName) => join(dir, fileName));
    },
    // After the bundle is written; zlib's async calls run on the thread pool, so files go in parallel.
    async closeBundle() {
      await Promise.all(
        files.map(async (file) => {
          const raw = await readFile(file);
          if (raw.length < 1024) return;
          // Brotli 10: within 2% of 11's size for half its time.
          const params = { [zlib.BROTLI_PARAM_QUALITY]: 10, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length };
          await Promise.all([
            gzip(raw, { level: 9 }).then((b) => writeFile(`${file}.gz`, b)),
            brotli(raw, { params }).then((b) => writeFile(`${file}.br`, b)),
          ]);
        }),
      );
    },
  };
}

/**
 * Landing pages whose route chunk the HTML may announce, by path (as in src/app/router.tsx). A first
 * visit to one of them would otherwise fetch the page's chunk only once the entry has run and the
 * router has asked for it: one more round trip before the page shows.
 */
const LANDING_ROUTES: Record<string, string> = {
  '/login': 'src/features/auth/routes/sign-in-route.tsx',
  '/': 'src/features/packs/routes/pack-list-route.tsx', // a customer's `/` goes to /packs
  '/packs': 'src/features/packs/routes/pack-list-route.tsx',
  '/bills': 'src/features/bills/routes/bills-overview-route.tsx',
  '/bills/items': 'src/features/bills/routes/bill-items-route.tsx',
  '/bills/resources': 'src/features/bills/routes/bill-resources-route.tsx',
};

type GenerateBundle = Extract<Plugin['generateBundle'], (...args: never[]) => unknown>;
type Bundle = Parameters<GenerateBundle>[1];

/**
 * The built chunks. The initial ones are the entry and what it imports (what index.html loads):
 * `initialModules` lists their modules; `extra(module)` gives, for a lazy module (a route, a language),
 * the URLs of the chunks it needs beyond those, or null if it is not a lazy chunk.
 */
function chunkGraph(bundle: Bundle, root: string, base: string) {
  const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (fileName: string, into: Set<string>) => {
    if (into.has(fileName)) return into;
    into.add(fileName);
    for (const i of byFile.get(fileName)?.imports ?? []) closure(i, into);
    return into;
  };
  const initial = new Set<string>();
  for (const c of chunks) if (c.isEntry) closure(c.fileName, initial);
  const extra = (module: string): string[] | null => {
    const chunk = chunks.find((c) => c.facadeModuleId === resolve(root, module));
    if (!chunk || initial.has(chunk.fileName)) return null;
    return [...closure(chunk.fileName, new Set())].filter((f) => !initial.has(f)).map((f) => `${base}${f}`);
  };
  const initialModules = chunks.filter((c) => initial.has(c.fileName)).flatMap((c) => c.moduleIds);
  return { extra, initialModules };
}

/** A build-only plugin that works on the finished chunks (generateBundle), knowing the config's root and base. */
function onChunks(
  plugin: Pick<Plugin, 'name' | 'enforce'>,
  generate: (
    this: ThisParameterType<GenerateBundle>,
    graph: ReturnType<typeof chunkGraph>,
    bundle: Bundle,
    base: string,
  ) => void,
): Plugin {
  let root = '';
  let base = '/';
  return {
    ...plugin,
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_options, bundle) {
      generate.call(this, chunkGraph(bundle, root, base), bundle, base);
    },
  };
}

/** Libraries a first visit must never download (issue 15): only pages that validate input need zod. */
const NOT_INITIAL = /[\\/]node_modules[\\/](\.pnpm[\\/])?zod[@\\/]/;

/**
 * Emits `route-preloads.json`: for each landing path, the route chunk and the chunks it imports that
 * index.html does not already modulepreload. The BFF adds them as `<link rel="modulepreload">` to the
 * shell it serves for that path (apps/bff/src/app.ts). A module that is not a chunk fails the build,
 * and so does zod in the initial chunks.
 */
function routePreloads(): Plugin {
  return onChunks({ name: 'idv:route-preloads' }, function ({ extra, initialModules }) {
    const heavy = initialModules.find((id) => NOT_INITIAL.test(id));
    if (heavy) this.error(`route-preloads: ${heavy} is in the initial chunks`);
    const out: Record<string, string[]> = {};
    for (const [path, module] of Object.entries(LANDING_ROUTES)) {
      const files = extra(module);
      if (!files) this.error(`route-preloads: ${module} (for ${path}) is not a lazy chunk of this build`);
      out[path] = files;
    }
    this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: `${JSON.stringify(out, null, 2)}\n` });
  });
}

/** Each language's messages module (src/lib/i18n.tsx loads the one shown), and the default language. */
const LOCALE_MODULES: Record<string, string> = { 'zh-CN': 'src/i18n/zh-CN.ts', en: 'src/i18n/en.ts' };
const DEFAULT_LOCALE = 'zh-CN';
const LOCALE_STORAGE_KEY = 'idv.locale';

/**
 * The messages of one language are a chunk of their own, loaded by the entry before its first render.
 * So that this load does not wait for the entry to have run, index.html gets a small async script that
 * `modulepreload`s the stored (else default) language's chunks with the other scripts: a separate file,
 * as the BFF's Content-Security-Policy allows no inline script. Emits `locale-chunks.json` (language →
 * its chunks) for bench/bundle.ts. A messages module that is not a lazy chunk fails the build.
 */
function localePreload(): Plugin {
  // After vite:build-html, which writes index.html into the bundle.
  return onChunks({ name: 'idv:locale-preload', enforce: 'post' }, function ({ extra }, bundle, base) {
    const files: Record<string, string[]> = {};
    for (const [locale, module] of Object.entries(LOCALE_MODULES)) {
      const chunks = extra(module);
      if (!chunks) this.error(`locale-preload: ${module} (${locale}) is not a lazy chunk of this build`);
      files[locale] = chunks;
    }
    this.emitFile({ type: 'asset', fileName: 'locale-chunks.json', source: `${JSON.stringify(files, null, 2)}\n` });
    const script =
      `(()=>{const m=${JSON.stringify(files)};let l;try{l=localStorage.getItem(${JSON.stringify(LOCALE_STORAGE_KEY)})}catch{}` +
      `for(const f of m[l]||m[${JSON.stringify(DEFAULT_LOCALE)}]){const k=document.createElement("link");` +
      'k.rel="modulepreload";k.crossOrigin="";k.href=f;document.head.append(k)}})();\n';
    const fileName = `assets/locale-preload-${createHash('sha256').update(script).digest('base64url').slice(0, 8)}.js`;
    this.emitFile({ type: 'asset', fileName, source: script });
    const html = bundle['index.html'];
    if (html?.type !== 'asset' || typeof html.source !== 'string') return this.error('locale-preload: no index.html');
    const tag = `<script async src="${base}${fileName}"></script>\n    `;
    html.source = html.source.replace(/<script type="module"/, (m) => `${tag}${m}`);
    if (!html.source.includes(fileName)) this.error('locale-preload: index.html has no module script');
  });
}

// The BFF serves /api/v1/* (port 3000 in development) and, in production, this app's dist/.
export default defineConfig({
  plugins: [react(), tailwindcss(), precompress(), routePreloads(), localePreload()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: { port: 4174 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps are written (for reading production stack traces) but not linked from the scripts,
    // and the BFF never serves a .map (issue 19).
    sourcemap: 'hidden',
    // Routes are split with router `lazy`; the entry holds only the shell. Libraries go to their own
    // long-cached chunks so an app release does not invalidate them.
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      // The precompression above takes a second or two of thread-pool time on purpose; not a warning.
      checks: { bundlerTimings: false },
      // The UI primitives only declare components (no top-level effects): a module that imports the
      // barrel (components/ui/index.ts) then takes only what it uses, and Dialog, Table... stay out of
      // the initial chunk when only pages use them. Keep them free of top-level effects.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]src[\\/]components[\\/]ui[\\/][^\\/]+\.tsx?$/.test(id),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
