import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

export interface BodyLimitOptions {
  maxSize: number;
  /** How much of an oversized body is still read (and thrown away) before the 413 is sent. */
  drainBytes?: number;
  /** How long at most that reading may take. */
  drainMs?: number;
  onTooLarge: () => Response;
}

/**
 * Request body limit that leaves the client able to go on (issue 19). The 413 is sent only after the
 * rest of the oversized body has been read and discarded (up to `drainBytes` / `drainMs`), and with
 * `Connection: close`: the client is not cut off while it is still uploading (which it sees as a reset
 * instead of the 413), and it does not reuse a connection this server is about to close, so its next
 * request goes out on a new connection and succeeds. Hono's own bodyLimit answered at once and let the
 * connection be torn down under a kept-alive client (`UND_ERR_SOCKET` / `ECONNRESET` on the next request).
 */
export function bodyLimit(o: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const drainBytes = o.drainBytes ?? 16 * 1024 * 1024;
  const drainMs = o.drainMs ?? 5_000;
  const tooLarge = () => {
    const res = o.onTooLarge();
    res.headers.set('connection', 'close');
    return res;
  };
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.has('transfer-encoding') ? null : raw.headers.get('content-length');
    if (declared !== null) {
      const n = Number(declared);
      if (Number.isSafeInteger(n) && n <= o.maxSize) return next();
      // Declared too large: do not read what will never be used beyond the drain allowance.
      if (!Number.isSafeInteger(n) || n > o.maxSize + drainBytes) return tooLarge();
    }
    const reader = raw.body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > o.maxSize) {
        await discardRest(reader, drainBytes, drainMs);
        return tooLarge();
      }
      parts.push(value);
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      body.set(p, at);
      at += p.length;
    }
    c.req.raw = new Request(raw, { body });
    return next();
  };
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, maxMs: number) {
  let read = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((ok) => {
    timer = setTimeout(() => ok('timeout'), maxMs);
  });
  try {
    while (read <= maxBytes) {
      const r = await Promise.race([reader.read(), deadline]);
      if (r === 'timeout' || r.done) return;
      read += r.value.length;
    }
  } catch {
    // The client went away: nothing left to answer.
  } finally {
    clearTimeout(timer);
  }
}
