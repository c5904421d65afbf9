import { unstorableText } from '@idv/contracts';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Ctx } from './context.ts';

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

/** Issue 17: the issue's code and numeric limits ride along (additive) so a console can say it in Chinese. */
type Limits = { code?: string; origin?: string; minimum?: number; maximum?: number };
function limits(i: Issue): Limits {
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined);
  const out: Limits = {};
  if (i.code) out.code = i.code;
  if (typeof i.origin === 'string') out.origin = i.origin;
  const min = num(i.minimum);
  const max = num(i.maximum);
  if (min !== undefined) out.minimum = min;
  if (max !== undefined) out.maximum = max;
  return out;
}

function invalid(issues: readonly Issue[], at: readonly PropertyKey[] = []): AppError {
  const errors = issues.map((i) => ({
    path: [...at, ...i.path].map(String).join('.') || '(root)',
    message: i.message,
    ...limits(i),
  }));
  return new AppError('INVALID_REQUEST', 400, 'The request is not valid; see errors.', { errors });
}

/**
 * Issue 14: every string of the input is checked (NUL, lone surrogate, absurd length, nesting) before
 * the schema, whatever the schema says, so no endpoint can forget it (docs/decisions/0009).
 */
export function refuseUnstorable(data: unknown, at: readonly PropertyKey[] = []): void {
  const issues = unstorableText(data);
  if (issues.length > 0) throw invalid(issues, at);
}

/** `at`: where `data` sits in the request, prefixed to the errors' paths. */
export function parse<T extends z.ZodType>(schema: T, data: unknown, at: readonly PropertyKey[] = []): z.output<T> {
  refuseUnstorable(data, at);
  const r = schema.safeParse(data);
  if (!r.success) throw invalid(r.error.issues, at);
  return r.data;
}

/**
 * Mutations are JSON only (api.md); bad JSON and wrong shapes are 400 problem+json. `perItem: 'events'`
 * leaves the unstorable-text check of that array's items to the caller (the usage ingest judges each
 * event on its own, issue 14); the rest of the body is checked as always.
 */
export async function jsonBody<T extends z.ZodType>(
  c: Ctx,
  schema: T,
  opts: { perItem?: string } = {},
): Promise<z.output<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send the body as application/json.');
  }
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('INVALID_REQUEST', 400, 'The body is not valid JSON.', {
      errors: [{ path: '(root)', message: 'invalid JSON' }],
    });
  }
  if (opts.perItem && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const { [opts.perItem]: items, ...rest } = data as Record<string, unknown>;
    refuseUnstorable(rest);
    if (!Array.isArray(items)) refuseUnstorable(items, [opts.perItem]);
    const r = schema.safeParse(data);
    if (!r.success) throw invalid(r.error.issues);
    return r.data;
  }
  return parse(schema, data);
}
