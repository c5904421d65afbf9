/**
 * Console bundle sizes (issue 10): builds apps/console into a temporary folder with its own Vite
 * config and measures the **initial JavaScript** a first visit downloads: the entry script, every
 * `modulepreload` of the built index.html, the small script that preloads the language's messages,
 * and the messages of the default language (zh-CN; each language is a chunk of its own, listed by the
 * build in locale-chunks.json, and the first render waits for it), gzipped (level 9, as a CDN or
 * `compression` would serve it). `byLocale` gives the total for a visitor whose stored language is
 * another one. Route chunks loaded later (router `lazy`) are reported as the rest. Budget: 170 KB
 * gzipped (issue 15), for every language.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const consoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '../apps/console');

const DEFAULT_LOCALE = 'zh-CN';

export interface BundleResult {
  outDir: string;
  buildSeconds: number;
  initial: { file: string; raw: number; gzip: number }[];
  /** Initial JavaScript, gzipped, when the stored language is this one (the default's is `initialGzip`). */
  byLocale: Record<string, number>;
  initialGzip: number;
  initialRaw: number;
  cssGzip: number;
  otherJsGzip: number;
  jsFiles: number;
  largestLazy: { file: string; gzip: number } | null;
}

/** `vite build` of the console into a fresh temporary folder (the repo's dist/ is left alone). */
export function buildConsole(outDir = mkdtempSync(join(tmpdir(), 'idv-console-'))): {
  outDir: string;
  seconds: number;
} {
  const t0 = performance.now();
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: consoleDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
  return { outDir, seconds: (performance.now() - t0) / 1000 };
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function bundleSizes(outDir: string, buildSeconds = 0): BundleResult {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) if (m[1]) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) if (m[1]) refs.add(m[1]);
  // Classic scripts (the language preloader), counted like the module scripts.
  for (const m of html.matchAll(/<script(?![^>]*type="module")[^>]*src="([^"]+)"/g)) if (m[1]) refs.add(m[1]);
  const localeChunks = JSON.parse(readFileSync(join(outDir, 'locale-chunks.json'), 'utf8')) as Record<string, string[]>;
  const shared = [...refs];
  for (const ref of localeChunks[DEFAULT_LOCALE] ?? []) refs.add(ref);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '');
  const file = (ref: string) => join(outDir, ref.replace(/^\//, ''));
  const initial = [...refs].map((ref) => {
    const b = readFileSync(file(ref));
    return { file: ref, raw: b.length, gzip: gz(b) };
  });
  const gzipOf = (refs: Iterable<string>) => [...refs].reduce((sum, ref) => sum + gz(readFileSync(file(ref))), 0);
  const byLocale = Object.fromEntries(
    Object.entries(localeChunks).map(([locale, chunks]) => [locale, gzipOf(new Set([...shared, ...chunks]))]),
  );
  const initialSet = new Set([...refs].map(file));
  const lazy = walk(outDir)
    .filter((p) => p.endsWith('.js') && !initialSet.has(p))
    .map((p) => ({ file: p.slice(outDir.length), gzip: gz(readFileSync(p)) }));
  return {
    outDir,
    buildSeconds,
    initial,
    byLocale,
    initialGzip: initial.reduce((s, f) => s + f.gzip, 0),
    initialRaw: initial.reduce((s, f) => s + f.raw, 0),
    cssGzip: css.reduce((s, ref) => s + gz(readFileSync(file(ref))), 0),
    otherJsGzip: lazy.reduce((s, f) => s + f.gzip, 0),
    jsFiles: initial.length + lazy.length,
    largestLazy: lazy.sort((a, b) => b.gzip - a.gzip)[0] ?? null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { outDir, seconds } = buildConsole();
  console.log(bundleSizes(outDir, seconds));
}
