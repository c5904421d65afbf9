import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

/**
 * Issue 15: the JSON text of an answer object, made once per object. An answer kept in memory (a
 * GET /packs page from `deps.packPages`) is the same object on every hit, so its text is too; a fresh
 * object is serialised as `c.json` would, and its entry goes with it (a WeakMap). Kept objects are
 * never changed after they are stored, so the text cannot go stale.
 */
const texts = new WeakMap<object, string>();

export function jsonOnce<T extends object>(c: Context, value: T): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  // The same bytes and header `c.json` sends; typed as its answer, so the route's contract still checks.
  return c.body(text, 200, { 'content-type': 'application/json' }) as unknown as Response &
    TypedResponse<JSONParsed<T>, 200, 'json'>;
}
