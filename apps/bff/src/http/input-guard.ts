import { endpoints, MAX_INPUT_TEXT, textProblem } from '@idv/contracts';
import type { MiddlewareHandler } from 'hono';
import { problemBody } from '../errors.ts';
import type { AppEnv } from './context.ts';
import { SESSION_COOKIE } from './session.ts';

/**
 * Issue 14 edge guard (docs/decisions/0009), before the session is loaded or anything is audited:
 * the path segments, the query string, the session cookie and the header values of every /api request
 * must be text PostgreSQL can hold (no NUL, no lone surrogate, no absurd length) and, where
 * percent-encoded, valid UTF-8. Otherwise 400 INVALID_REQUEST with errors[] and nothing else runs.
 * JSON bodies are checked by jsonBody (validate.ts), the only reader of request bodies.
 */

interface Issue {
  path: string;
  message: string;
}

const NOT_UTF8 = 'must be valid percent-encoded UTF-8';
const READ_HEADERS = new Set([
  'authorization',
  'idempotency-key',
  'x-request-id',
  'accept-language',
  'origin',
  'content-type',
  'x-forwarded-for',
]);

/** The declared routes' segments, to name a bad path segment after its parameter (`id`, `accountId`). */
const ROUTES = endpoints.map((e) => e.path.split('/'));

function paramName(segments: readonly string[], index: number): string {
  for (const r of ROUTES) {
    if (r.length !== segments.length) continue;
    const name = r[index];
    if (!name?.startsWith(':')) continue;
    if (r.every((part, i) => part.startsWith(':') || part === segments[i])) return name.slice(1);
  }
  return '(path)';
}

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function checkPath(pathname: string, issues: Issue[]): void {
  const segments = pathname.split('/');
  for (const [i, raw] of segments.entries()) {
    const value = decode(raw);
    const problem = value === null ? NOT_UTF8 : textProblem(value);
    if (problem) issues.push({ path: paramName(segments, i), message: problem });
  }
}

function checkQuery(search: string, issues: Issue[]): void {
  if (search.length <= 1) return;
  for (const pair of search.slice(1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey.replaceAll('+', ' '));
    const keyProblem = key === null ? NOT_UTF8 : textProblem(key, 256);
    if (keyProblem || key === null) {
      issues.push({ path: '(query parameter name)', message: keyProblem ?? NOT_UTF8 });
      continue;
    }
    const value = decode(rawValue.replaceAll('+', ' '));
    const problem = value === null ? NOT_UTF8 : textProblem(value);
    if (problem) issues.push({ path: key, message: problem });
  }
}

function checkHeaders(headers: Headers, issues: Issue[]): void {
  for (const [name, value] of headers) {
    // Header values are byte strings (HTTP already refuses NUL); the length is bounded only for the
    // headers the API reads: a browser's long Cookie or Referer must not break a request.
    const max = READ_HEADERS.has(name) ? MAX_INPUT_TEXT : Number.POSITIVE_INFINITY;
    const problem = textProblem(value, max);
    if (problem) issues.push({ path: `header.${name}`, message: problem });
  }
  // The session cookie is percent-decoded by the cookie parser: `sid=%00` would be a NUL.
  const cookie = headers.get('cookie');
  if (!cookie) return;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    let raw = part.slice(eq + 1).trim();
    if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) raw = raw.slice(1, -1);
    const value = decode(raw);
    const problem = value === null ? NOT_UTF8 : textProblem(value, 256);
    if (problem) issues.push({ path: `cookie.${SESSION_COOKIE}`, message: problem });
  }
}

export const inputGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  const issues: Issue[] = [];
  checkPath(url.pathname, issues);
  checkQuery(url.search, issues);
  checkHeaders(c.req.raw.headers, issues);
  if (issues.length === 0) return next();
  const headers = new Headers({ 'content-type': 'application/problem+json' });
  // A session cookie we can never have issued is dropped, so the next request (a sign-in) works.
  if (issues.some((i) => i.path.startsWith('cookie.'))) {
    headers.set('set-cookie', `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`);
  }
  const body = problemBody(400, 'INVALID_REQUEST', 'The request is not valid; see errors.', {
    errors: issues.slice(0, 20),
  });
  return new Response(JSON.stringify(body), { status: 400, headers });
};
