import {
  type ApiParsedBody,
  type ApiParsedParams,
  type ApiParsedQuery,
  type ApiPath,
  type ApiReply,
  type Endpoint,
  endpoints,
  type HttpMethod,
} from '@idv/contracts';
import { Hono, type TypedResponse } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { AppEnv, Ctx } from './context.ts';
import { jsonBody, parse } from './validate.ts';

/**
 * What a handler of `M P` may answer: with a declared response schema, only `c.json(x)` where `x` fits
 * the schema (a renamed or missing field fails the typecheck); without one (204, CSV), any Response.
 */
export type Reply<M extends HttpMethod, P extends string> = [ApiReply<M, P>] extends [never]
  ? Response
  : Response & TypedResponse<ApiReply<M, P>, StatusCode, 'json'>;

/**
 * The request's input, parsed with the declared schemas of `M P`: only what the endpoint declares is
 * there (`params()` only with `params`, …), typed as the schema's output. Each is parsed when the handler
 * asks, so a handler checks who asks first and answers 401/403 before 400, as it always did; a bad value
 * is 400 INVALID_REQUEST with `errors[]` (http/validate.ts, unstorable text included).
 */
export type DeclaredInput<M extends HttpMethod, P extends string> = ([ApiParsedParams<M, P>] extends [never]
  ? unknown
  : { params(): ApiParsedParams<M, P> }) &
  ([ApiParsedQuery<M, P>] extends [never] ? unknown : { query(): ApiParsedQuery<M, P> }) &
  ([ApiParsedBody<M, P>] extends [never] ? unknown : { body(): Promise<ApiParsedBody<M, P>> });

export type DeclaredHandler<M extends HttpMethod, P extends string> = (
  c: Ctx,
  input: DeclaredInput<M, P>,
) => Reply<M, P> | Promise<Reply<M, P>>;

interface AnyInput {
  params(): unknown;
  query(): unknown;
  body(): Promise<unknown>;
}

function declaration(method: HttpMethod, path: string): Endpoint {
  const e = (endpoints as readonly Endpoint[]).find((d) => d.method === method && d.path === `/api/v1${path}`);
  if (!e) throw new Error(`declared-routes: ${method.toUpperCase()} /api/v1${path} is not declared`);
  return e;
}

/** The parsers of one request, from the declaration (the parts it does not declare are absent). */
function inputOf(c: Ctx, e: Endpoint): Partial<AnyInput> {
  const input: Partial<AnyInput> = {};
  const { params, query, body, batch } = e;
  if (params) input.params = () => parse(params, c.req.param());
  if (query) input.query = () => parse(query, c.req.query());
  if (batch) input.body = () => jsonBody(c, batch.envelope, { perItem: batch.field });
  else if (body) input.body = () => jsonBody(c, body);
  return input;
}

/**
 * The only way a route file registers a route (docs/decisions/0017): the path must be one declared in
 * `@idv/contracts`' endpoints for that method, the handler gets the request's params, query and body
 * parsed with the declared schemas, and its answer must fit the declared response schema.
 * `hono` is the router app.ts mounts under /api/v1; test/declared-routes.test.ts checks that the routes
 * the app registers are exactly the declared ones.
 */
export class DeclaredRoutes {
  readonly hono = new Hono<AppEnv>();

  private add<M extends HttpMethod, P extends string>(method: M, path: P, handler: DeclaredHandler<M, P>): this {
    const e = declaration(method, path);
    const run = handler as (c: Ctx, input: Partial<AnyInput>) => Response | Promise<Response>;
    this.hono.on(method.toUpperCase(), path, (c) => run(c, inputOf(c, e)));
    return this;
  }

  get<P extends ApiPath<'get'>>(path: P, handler: DeclaredHandler<'get', P>): this {
    return this.add('get', path, handler);
  }

  post<P extends ApiPath<'post'>>(path: P, handler: DeclaredHandler<'post', P>): this {
    return this.add('post', path, handler);
  }

  put<P extends ApiPath<'put'>>(path: P, handler: DeclaredHandler<'put', P>): this {
    return this.add('put', path, handler);
  }

  patch<P extends ApiPath<'patch'>>(path: P, handler: DeclaredHandler<'patch', P>): this {
    return this.add('patch', path, handler);
  }

  delete<P extends ApiPath<'delete'>>(path: P, handler: DeclaredHandler<'delete', P>): this {
    return this.add('delete', path, handler);
  }
}

export function declaredRoutes(): DeclaredRoutes {
  return new DeclaredRoutes();
}
