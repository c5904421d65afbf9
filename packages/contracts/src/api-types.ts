import type { z } from 'zod';
import type { endpoints, HttpMethod } from './endpoints.ts';

/**
 * Types computed from the endpoint declarations (endpoints.ts): the BFF registers its routes through
 * them and the console's client takes its request and response types from them, so both follow the one
 * declaration (docs/decisions/0017). Type-only: importing them brings no zod into a bundle.
 */
export type DeclaredEndpoint = (typeof endpoints)[number];

/** Every declared path relative to `/api/v1` (`:name` for parameters) for a method. */
export type ApiPath<M extends HttpMethod> = Extract<DeclaredEndpoint, { method: M }>['path'] extends infer P
  ? P extends `/api/v1${infer R}`
    ? R
    : never
  : never;

/** The declaration of `M P` (P relative to `/api/v1`). */
export type EndpointAt<M extends HttpMethod, P extends string> = Extract<
  DeclaredEndpoint,
  { method: M; path: `/api/v1${P}` }
>;

/** The success body as the client reads it (the response schema's output); `undefined` when there is none. */
export type ApiResponse<M extends HttpMethod, P extends string> =
  EndpointAt<M, P> extends { response: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The success body as the server must send it (the response schema's input); `never` when there is none. */
export type ApiReply<M extends HttpMethod, P extends string> =
  EndpointAt<M, P> extends { response: infer S extends z.ZodType } ? z.input<S> : never;

/** The JSON body the endpoint takes; `undefined` when it takes none. */
export type ApiBody<M extends HttpMethod, P extends string> =
  EndpointAt<M, P> extends { body: infer S extends z.ZodType } ? z.input<S> : undefined;

/**
 * One query parameter as a client sends it: the schema's input type, or, where the schema coerces (its
 * input is `unknown`, e.g. `limit: z.coerce.number()`), its output type: the client writes the value into
 * the URL as text, and the server parses that text back with the same schema.
 */
type QueryField<I, O> = unknown extends I ? O : I;
type QueryOf<I, O> = { [K in keyof I]: QueryField<I[K], K extends keyof O ? O[K] : never> };

/**
 * The query parameters the endpoint takes (names, types, which are required), from its declared query
 * schema; `undefined` when it declares none.
 */
export type ApiQuery<M extends HttpMethod, P extends string> =
  EndpointAt<M, P> extends { query: infer S extends z.ZodType } ? QueryOf<z.input<S>, z.output<S>> : undefined;

/** What a server handler reads after validating with the declared schemas (their outputs). */
export type ApiParsedParams<M extends HttpMethod, P extends string> =
  EndpointAt<M, P> extends { params: infer S extends z.ZodType } ? z.output<S> : never;
export type ApiParsedQuery<M extends HttpMethod, P extends string> =
  EndpointAt<M, P> extends { query: infer S extends z.ZodType } ? z.output<S> : never;
/** The parsed body; for a batch endpoint (`batch`), its envelope: the items are judged one by one. */
export type ApiParsedBody<M extends HttpMethod, P extends string> =
  EndpointAt<M, P> extends { batch: { envelope: infer S extends z.ZodType } }
    ? z.output<S>
    : EndpointAt<M, P> extends { body: infer S extends z.ZodType }
      ? z.output<S>
      : never;

/** The names of a path's `:parameters`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
