import type { ApiBody, ApiPath, ApiQuery, ApiResponse, HttpMethod, PathParamNames, Problem } from '@idv/contracts';
import { reportUnauthorized } from './session-expiry.ts';

/** Base path of the BFF's API (api.md). Same origin: the dev server proxies it, production serves it. */
export const API_BASE = '/api/v1';

export type FieldError = NonNullable<Problem['errors']>[number];

/**
 * The one error type the console sees from the API. It carries the problem+json fields; `code` is
 * the stable machine code (BAD_CREDENTIALS, NOT_FOUND, ...) that UI decisions should switch on.
 * Network failures have status 0 and code NETWORK_ERROR.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly title: string;
  readonly errors: FieldError[];
  /** Every member of the problem document, extensions included (e.g. `shortfall` on a 402). */
  readonly extensions: Record<string, unknown>;

  constructor(problem: {
    status: number;
    code: string;
    detail: string;
    title?: string;
    errors?: FieldError[];
    extensions?: Record<string, unknown>;
  }) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.title = problem.title ?? '';
    this.errors = problem.errors ?? [];
    this.extensions = problem.extensions ?? {};
  }

  /** 4xx answers will not change by asking again (except 408/429), so they are not retried. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Builds `/api/v1/<path>?<query>`, leaving out empty values so URLs stay canonical. */
export function buildUrl(path: string, query?: QueryParams): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function isProblem(v: unknown): v is Problem {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.status === 'number' && typeof o.code === 'string';
}

async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...opts.headers };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: 'The server could not be reached.' });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    // Issue 17: an ended session is handled centrally (lib/session-expiry.ts, app/session-expired.ts).
    if (res.status === 401) reportUnauthorized({ path, code: isProblem(payload) ? payload.code : 'HTTP_ERROR' });
    if (isProblem(payload)) {
      throw new ApiError({
        status: res.status,
        code: payload.code,
        detail: payload.detail ?? '',
        title: payload.title,
        errors: payload.errors,
        extensions: payload as unknown as Record<string, unknown>,
      });
    }
    throw new ApiError({ status: res.status, code: 'HTTP_ERROR', detail: res.statusText || `HTTP ${res.status}` });
  }
  return payload as T;
}

/** `:name` segments of a declared path, filled from `params` (each value URI-encoded). */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`api-client: no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

type Nothing = Record<never, never>;
/** `params` is required exactly when the declared path has `:parameters`. */
type ParamsPart<P extends string> = [PathParamNames<P>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParamNames<P>, string> };
/**
 * `query` is typed from the declared query schema (names, value types, which are required): required when
 * any parameter is, absent when the endpoint declares no query.
 */
type QueryPart<M extends HttpMethod, P extends string> = [ApiQuery<M, P>] extends [undefined]
  ? { query?: undefined }
  : Nothing extends ApiQuery<M, P>
    ? { query?: ApiQuery<M, P> }
    : { query: ApiQuery<M, P> };
/** Options of a call to `M P`. */
export type CallOptions<M extends HttpMethod, P extends string> = Omit<RequestOptions, 'body' | 'query'> &
  ParamsPart<P> &
  QueryPart<M, P>;
export type OptionsArg<M extends HttpMethod, P extends string> =
  Nothing extends CallOptions<M, P> ? [opts?: CallOptions<M, P>] : [opts: CallOptions<M, P>];
/** Body then options; the body may be left out when the endpoint takes none and no option is required. */
type BodyArgs<M extends HttpMethod, P extends string> = [ApiBody<M, P>] extends [undefined]
  ? Nothing extends CallOptions<M, P>
    ? [body?: undefined, opts?: CallOptions<M, P>]
    : [body: undefined, opts: CallOptions<M, P>]
  : [body: ApiBody<M, P>, ...OptionsArg<M, P>];

function call<M extends HttpMethod, P extends string>(
  method: M,
  path: P,
  body: unknown,
  opts: (Omit<RequestOptions, 'body' | 'query'> & { params?: Record<string, string>; query?: object }) | undefined,
): Promise<ApiResponse<M, P>> {
  const { params, query, ...rest } = opts ?? {};
  return request<ApiResponse<M, P>>(method.toUpperCase() as Method, fillPath(path, params), {
    ...rest,
    query: query as QueryParams | undefined,
    body,
  });
}

/**
 * The console's only way to reach the BFF. Paths are the ones declared in `@idv/contracts`' endpoints
 * (relative to /api/v1, `:name` for parameters given in `params`); the query parameters, the request body
 * and the answer's type come from the declaration, so a field renamed in a schema breaks the console's
 * typecheck (src/lib/api-client.type-test.ts). Type-only imports: no zod in the bundle.
 */
export const api = {
  get: <P extends ApiPath<'get'>>(path: P, ...[opts]: OptionsArg<'get', P>) => call('get', path, undefined, opts),
  post: <P extends ApiPath<'post'>>(path: P, ...[body, opts]: BodyArgs<'post', P>) => call('post', path, body, opts),
  put: <P extends ApiPath<'put'>>(path: P, ...[body, opts]: BodyArgs<'put', P>) => call('put', path, body, opts),
  patch: <P extends ApiPath<'patch'>>(path: P, ...[body, opts]: BodyArgs<'patch', P>) =>
    call('patch', path, body, opts),
  delete: <P extends ApiPath<'delete'>>(path: P, ...[opts]: OptionsArg<'delete', P>) =>
    call('delete', path, undefined, opts),
};
