import { z } from 'zod';
import { Account, CreateResourceBody, PatchAccountBody, RechargeBody, Resource } from './account.ts';
import { LoginBody, LoginResponse, Me } from './auth.ts';
import { Catalog } from './catalog.ts';
import { listOf, Problem } from './common.ts';
import { DailyUsage, Pack, PackIdParam, PacksQuery, UsageQuery } from './packs.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Endpoint {
  method: HttpMethod;
  /** Hono-style path, `:id` for parameters. */
  path: string;
  summary: string;
  /** public: no sign-in; session: cookie; service: usage service key. */
  auth: 'public' | 'session' | 'service';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
}

/**
 * Every endpoint of the API, in one list: the OpenAPI document is generated from it, and the
 * security tests walk it, so an endpoint missing here fails them.
 */
export const endpoints: Endpoint[] = [
  {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in',
    auth: 'public',
    body: LoginBody,
    response: LoginResponse,
  },
  { method: 'post', path: '/api/v1/auth/logout', summary: 'Sign out', auth: 'public', status: 204 },
  { method: 'get', path: '/api/v1/me', summary: 'Who is asking', auth: 'session', response: Me },
  {
    method: 'get',
    path: '/api/v1/catalog',
    summary: 'Billing labels with prices and tiers (R1)',
    auth: 'session',
    response: Catalog,
  },
  {
    method: 'get',
    path: '/api/v1/account',
    summary: 'The account with balances and vouchers (R2)',
    auth: 'session',
    response: Account,
  },
  {
    method: 'patch',
    path: '/api/v1/account',
    summary: 'Switch postpaid on or off (R4.4)',
    auth: 'session',
    body: PatchAccountBody,
    response: Account,
  },
  {
    method: 'post',
    path: '/api/v1/account/recharge',
    summary: 'Recharge cash (R2.1)',
    auth: 'session',
    body: RechargeBody,
    response: Account,
  },
  {
    method: 'get',
    path: '/api/v1/resources',
    summary: "The account's applications",
    auth: 'session',
    response: listOf(Resource),
  },
  {
    method: 'post',
    path: '/api/v1/resources',
    summary: 'Register an application',
    auth: 'session',
    body: CreateResourceBody,
    response: Resource,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/packs',
    summary: 'Resource packs (R3.5)',
    auth: 'session',
    query: PacksQuery,
    response: listOf(Pack),
  },
  {
    method: 'get',
    path: '/api/v1/packs/:id',
    summary: 'One resource pack',
    auth: 'session',
    params: PackIdParam,
    response: Pack,
  },
  {
    method: 'get',
    path: '/api/v1/packs/:id/usage',
    summary: 'Calls per day on a pack (R3.6)',
    auth: 'session',
    params: PackIdParam,
    query: UsageQuery,
    response: DailyUsage,
  },
];

function toSchema(t: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(t, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

/** OpenAPI 3.1 document of the whole API (api.md). */
export function buildOpenApi(list: readonly Endpoint[] = endpoints): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = { 'application/problem+json': { schema: toSchema(Problem, 'output') } };
  for (const e of list) {
    const oaPath = e.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', e.params],
      ['query', e.query],
    ] as const) {
      if (!schema) continue;
      const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    const status = String(e.status ?? (e.method === 'post' ? 201 : 200));
    const op: Record<string, unknown> = {
      summary: e.summary,
      operationId: `${e.method}${e.path.replace(/[^a-zA-Z0-9]+/g, '_')}`,
      parameters,
      responses: {
        [status]: e.response
          ? { description: 'OK', content: { 'application/json': { schema: toSchema(e.response, 'output') } } }
          : { description: 'OK' },
        default: { description: 'Error', content: problem },
      },
      security: e.auth === 'public' ? [] : e.auth === 'service' ? [{ serviceKey: [] }] : [{ session: [] }],
      'x-auth': e.auth,
    };
    if (e.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(e.body, 'input') } } };
    }
    paths[oaPath] ??= {};
    (paths[oaPath] as Record<string, unknown>)[e.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Identity verification billing console API', version: '1.0.0' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sid' },
        serviceKey: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
