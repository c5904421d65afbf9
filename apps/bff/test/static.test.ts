import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createTestApp, type TestApp } from './harness.ts';

/**
 * Issue 10: how the BFF serves the built console (apps/console/vite.config.ts writes the files): the
 * per-landing-path shell with its page's modulepreloads, precompressed immutable assets, and a 404
 * (not the SPA shell) for an asset that does not exist.
 */
describe('serving the built console', () => {
  let t: TestApp;
  let dist: string;
  let app: ReturnType<typeof createApp>;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    dist = mkdtempSync(join(tmpdir(), 'idv-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script>\n  </head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(dist, 'assets/index-abc.js'), script);
    writeFileSync(join(dist, 'assets/index-abc.js.br'), brotliCompressSync(script));
    writeFileSync(join(dist, 'assets/index-abc.js.gz'), gzipSync(script));
    writeFileSync(join(dist, 'assets/packs-route-def.js'), 'export {};\n');
    writeFileSync(
      join(dist, 'route-preloads.json'),
      JSON.stringify({
        '/packs': ['/assets/packs-route-def.js'],
        // Not served: not a literal path, not a script of this build.
        '/evil/:id': ['/assets/packs-route-def.js'],
        '/bills': ['https://elsewhere.example/x.js', '/assets/"><script>.js'],
      }),
    );
    app = createApp({ ...t.deps, config: { ...t.deps.config, consoleDist: dist } });
  });
  afterAll(async () => {
    rmSync(dist, { recursive: true, force: true });
    await t.close();
  });

  it('a landing path gets the shell with its page chunk preloaded; other paths the plain shell', async () => {
    const packs = await (await app.request('/packs')).text();
    expect(packs).toContain('<link rel="modulepreload" crossorigin href="/assets/packs-route-def.js">');
    expect(packs.indexOf('modulepreload')).toBeLessThan(packs.indexOf('</head>'));
    const other = await app.request('/account');
    expect(other.status).toBe(200);
    expect(await other.text()).not.toContain('modulepreload');
    // Listed paths that are not literal, or chunks that are not this build's scripts, are ignored.
    expect(await (await app.request('/bills')).text()).not.toContain('modulepreload');
    expect((await app.request('/evil/:id')).status).toBe(200);
    expect(await (await app.request('/evil/:id')).text()).not.toContain('modulepreload');
  });

  it('assets are served precompressed by Accept-Encoding and cached for good (hashed names)', async () => {
    const br = await app.request('/assets/index-abc.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gz = await app.request('/assets/index-abc.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/assets/index-abc.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('a missing asset is 404, not the SPA shell', async () => {
    const res = await app.request('/assets/index-old.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    // The SPA fallback still answers client-side routes.
    const route = await app.request('/packs/123');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
  });
});
