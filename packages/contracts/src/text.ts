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

export const TEXT_MESSAGES = {
  nul: 'must not contain the NUL character (U+0000)',
  surrogate: 'must not contain a lone UTF-16 surrogate (not valid Unicode text)',
  tooLong: (max: number) => `must be at most ${max} characters`,
} as const;

/** Why `s` cannot be stored as text, or null when it can. */
export function textProblem(s: string, max: number = MAX_INPUT_TEXT): string | null {
  if (s.length > max) return TEXT_MESSAGES.tooLong(max);
  if (s.includes('\u0000')) return TEXT_MESSAGES.nul;
  if (LONE_SURROGATE.test(s)) return TEXT_MESSAGES.surrogate;
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
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0 && issues.length < limit) {
    const { v, path } = stack.pop() as { v: unknown; path: (string | number)[] };
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) issues.push({ path, message: p });
    } else if (v !== null && typeof v === 'object') {
      if (path.length >= maxDepth) {
        issues.push({ path, message: `must not nest deeper than ${maxDepth} levels` });
        continue;
      }
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      } else {
        const entries = Object.entries(v as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i--) {
          const [k, child] = entries[i] as [string, unknown];
          const kp = textProblem(k, 256);
          // The name itself is not echoed: it is the poison.
          if (kp) issues.push({ path: [...path, '(field name)'], message: `a field name ${kp}` });
          else stack.push({ v: child, path: [...path, k] });
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
