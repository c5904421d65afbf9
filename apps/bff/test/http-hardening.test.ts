import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createTestApp, type TestApp } from './harness.ts';

/** Issue 19, HTTP hardening: no-store on signed-in answers; a 413 leaves the client able to go on. */

let t: TestApp;
let server: ServerType;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((ok) => server.once('listening', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await t?.close();
});

describe('Cache-Control on the API (issue 19)', () => {
  it('signed-in answers (/me, /account, /packs) are Cache-Control: no-store', async () => {
    const owner = await t.login('demo@example.com');
    for (const path of ['/api/v1/me', '/api/v1/account', '/api/v1/packs']) {
      const res = await owner.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    // An error answer of the API too.
    expect((await t.anon.get('/api/v1/account')).headers.get('cache-control')).toBe('no-store');
  });
});

/** A POST over a keep-alive agent (one socket), the body written in `chunks` parts `delayMs` apart. */
function post(agent: http.Agent, body: Buffer, o: { chunks?: number; delayMs?: number; chunked?: boolean } = {}) {
  const chunks = o.chunks ?? 1;
  return new Promise<{ status: number; connection: string | undefined; body: string } | { error: string }>((ok) => {
    const req = http.request(
      `${base}/api/v1/auth/login`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          ...(o.chunked ? {} : { 'content-length': String(body.length) }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
        res.on('error', (e) => ok({ error: e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => ok({ error: e.code ?? e.message }));
    const size = Math.ceil(body.length / chunks);
    let i = 0;
    const next = () => {
      if (i >= chunks) return void req.end();
      req.write(body.subarray(i * size, (i + 1) * size));
      i++;
      setTimeout(next, o.delayMs ?? 0);
    };
    next();
  });
}

describe('413 for an oversized body (issue 19)', () => {
  const big = Buffer.alloc(3 * 1024 * 1024, 'x');
  const small = Buffer.from(JSON.stringify({ email: 'demo@example.com', password: 'demo-pass-2026' }));

  it('on a kept-alive connection: the 413 arrives (Connection: close) and the next request succeeds', async () => {
    const shapes = [
      { chunks: 1 }, // Content-Length, all at once
      { chunks: 20, delayMs: 30 }, // Content-Length, a slow upload (longer than the old 500 ms drain)
      { chunks: 3, chunked: true }, // chunked: the limit is found while reading
      { chunks: 20, delayMs: 30, chunked: true },
    ];
    for (const shape of shapes) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const first = await post(agent, big, shape);
        expect(first, JSON.stringify(shape)).toMatchObject({ status: 413, connection: 'close' });
        expect('body' in first && JSON.parse(first.body).code).toBe('PAYLOAD_TOO_LARGE');
        const next = await post(agent, small);
        expect(next, JSON.stringify(shape)).toMatchObject({ status: 200 });
      } finally {
        agent.destroy();
      }
    }
  });

  it('with fetch (undici keep-alive pool): oversized then normal requests, several times, all answered', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect(a.status).toBe(413);
      await a.text();
      const b = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: small,
      });
      expect(b.status).toBe(200);
    }
  });

  it('a body within the limit still reaches the handler whole (chunked too)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await post(agent, small, { chunks: 4, chunked: true })).toMatchObject({ status: 200 });
      expect(await post(agent, small, { chunks: 4, delayMs: 10 })).toMatchObject({ status: 200 });
    } finally {
      agent.destroy();
    }
  });
});

describe('no public source maps (issue 19)', () => {
  it('a .map file in the console build is 404, never served (also precompressed or at the root)', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'idv-dist-'));
    try {
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head></head><body>SPA</body></html>');
      writeFileSync(join(dist, 'assets/index-abc.js'), 'export {};\n');
      for (const f of [
        'assets/index-abc.js.map',
        'assets/index-abc.js.map.br',
        'assets/index-abc.js.map.gz',
        'x.js.map',
      ])
        writeFileSync(join(dist, f), '{"version":3,"sources":["src/secret.ts"]}');
      const app = createApp({ ...t.deps, config: { ...t.deps.config, consoleDist: dist } });
      expect((await app.request('/assets/index-abc.js')).status).toBe(200);
      for (const path of ['/assets/index-abc.js.map', '/x.js.map', '/assets/missing.js.map']) {
        for (const enc of ['', 'gzip, br']) {
          const res = await app.request(path, { headers: enc ? { 'accept-encoding': enc } : {} });
          expect(res.status, path).toBe(404);
          const body = await res.text();
          expect(body).not.toContain('sources');
          expect(body).not.toContain('SPA');
        }
      }
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
