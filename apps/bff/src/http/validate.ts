import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Ctx } from './context.ts';

function invalid(issues: readonly z.core.$ZodIssue[]): AppError {
  const errors = issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  return new AppError('INVALID_REQUEST', 400, 'The request is not valid; see errors.', { errors });
}

export function parse<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw invalid(r.error.issues);
  return r.data;
}

/** Mutations are JSON only (api.md); bad JSON and wrong shapes are 400 problem+json. */
export async function jsonBody<T extends z.ZodType>(c: Ctx, schema: T): Promise<z.output<T>> {
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
  return parse(schema, data);
}

export function query<T extends z.ZodType>(c: Ctx, schema: T): z.output<T> {
  return parse(schema, c.req.query());
}

export function params<T extends z.ZodType>(c: Ctx, schema: T): z.output<T> {
  return parse(schema, c.req.param());
}
