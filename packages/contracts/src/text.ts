import { z } from 'zod';

/**
 * Poison-proof input (issue 14, docs/decisions/0009). PostgreSQL `text` (UTF-8) cannot hold U+0000,
 * and a lone UTF-16 surrogate has no UTF-8 form at all (drivers silently turn it into U+FFFD, jsonb
 * refuses its escape). Such a string must never reach the database: the BFF checks EVERY string of a
 * request (JSON body values and keys, query, path, the session cookie, header values) with this one
 * predicate before any schema or use case sees it, so a new endpoint is safe by default.
 */

/** No string of any request may be longer (UTF-16 code units); schemas set tighter limits per field. */
export const MAX_INPUT_TEXT = 4096;
/** JSON bodies nested deeper than this are refused (no request of the API nests beyond 4). */
export const MAX_INPUT_DEPTH = 32;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Any surrogate: a string without one (nearly every string) needs no look at its neighbours (issue 15).
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

export const TEXT_MESSAGES = {
  nul: 'must not contain the NUL character (U+0000)',
  surrogate: 'must not contain a lone UTF-16 surrogate (not valid Unicode text)',
  tooLong: (max: number) => `must be at most ${max} characters`,
} as const;

/** Why `s` cannot be stored as text, or null when it can. */
export function textProblem(s: string, max: number = MAX_INPUT_TEXT): string | null {
  if (s.length > max) return TEXT_MESSAGES.tooLong(max);
  if (s.includes('\u0000')) return TEXT_MESSAGES.nul;
  if (ANY_SURROGATE.test(s) && LONE_SURROGATE.test(s)) return TEXT_MESSAGES.surrogate;
  return null;
}

export interface TextIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Every string (object keys included) inside a parsed JSON value that cannot be stored, with its path.
 * Iterative (a 2 MiB body of `[[[[…` cannot overflow the stack); stops after `limit` issues.
 */
export function unstorableText(value: unknown, opts: { limit?: number; maxDepth?: number } = {}): TextIssue[] {
  const limit = opts.limit ?? 20;
  const maxDepth = opts.maxDepth ?? MAX_INPUT_DEPTH;
  const issues: TextIssue[] = [];
  // Issue 15: a node knows its parent and its key; its path is built only for an issue (a 1,000-event
  // usage batch made a new path array for each of its 6,000 values).
  interface Node {
    v: unknown;
    key: string | number;
    parent: Node | null;
    depth: number;
  }
  const pathOf = (n: Node, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let cur: Node | null = n; cur?.parent; cur = cur.parent) path.push(cur.key);
    return path.reverse();
  };
  const stack: Node[] = [{ v: value, key: '', parent: null, depth: 0 }];
  while (stack.length > 0 && issues.length < limit) {
    const node = stack.pop() as Node;
    const v = node.v;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) issues.push({ path: pathOf(node), message: p });
    } else if (v !== null && typeof v === 'object') {
      if (node.depth >= maxDepth) {
        issues.push({ path: pathOf(node), message: `must not nest deeper than ${maxDepth} levels` });
        continue;
      }
      const depth = node.depth + 1;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const child = v[i] as unknown;
          // Numbers, booleans and null hold no text: not pushed at all.
          if (typeof child === 'string' || (child !== null && typeof child === 'object'))
            stack.push({ v: child, key: i, parent: node, depth });
        }
      } else {
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i] as string;
          const kp = textProblem(k, 256);
          // The name itself is not echoed: it is the poison.
          if (kp) issues.push({ path: pathOf(node, '(field name)'), message: `a field name ${kp}` });
          else {
            const child = o[k];
            if (typeof child === 'string' || (child !== null && typeof child === 'object'))
              stack.push({ v: child, key: k, parent: node, depth });
          }
        }
      }
    }
  }
  return issues.slice(0, limit);
}

/**
 * A text field that can be stored: no NUL, no lone surrogate, at most `max` characters. Use it for
 * every text field of a request schema; the BFF's edge guard applies the same predicate anyway.
 */
export function storableText(max: number = MAX_INPUT_TEXT) {
  return z.string().superRefine((s, ctx) => {
    const p = textProblem(s, max);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });
}
