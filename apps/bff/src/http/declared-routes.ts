import type { ApiPath, ApiReply, HttpMethod } from '@idv/contracts';
import { Hono, type TypedResponse } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { AppEnv, Ctx } from './context.ts';

/**
 * What a handler of `M P` may answer: with a declared response schema, only `c.json(x)` where `x` fits
 * the schema (a renamed or missing field fails the typecheck); without one (204, CSV), any Response.
 */
export type Reply<M extends HttpMethod, P extends string> = [ApiReply<M, P>] extends [never]
  ? Response
  : Response & TypedResponse<ApiReply<M, P>, StatusCode, 'json'>;

export type DeclaredHandler<M extends HttpMethod, P extends string> = (c: Ctx) => Reply<M, P> | Promise<Reply<M, P>>;

/**
 * The only way a route file registers a route (docs/decisions/0015): the path must be one declared in
 * `@idv/contracts`' endpoints for that method, and the handler's answer must fit its response schema.
 * `hono` is the router app.ts mounts under /api/v1; test/declared-routes.test.ts checks that the routes
 * the app registers are exactly the declared ones.
 */
export class DeclaredRoutes {
  readonly hono = new Hono<AppEnv>();

  private add(method: HttpMethod, path: string, handler: (c: Ctx) => Response | Promise<Response>): this {
    this.hono.on(method.toUpperCase(), path, handler);
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
