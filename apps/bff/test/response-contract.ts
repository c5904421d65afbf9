import { type Endpoint, endpoints, Problem } from '@idv/contracts';

/**
 * Issue 16: every JSON answer a BFF test receives is checked against the schema declared for it
 * (packages/contracts/src/endpoints.ts): a success against the endpoint's response schema and status,
 * an error against problem+json. A mismatch throws, failing the test that made the request.
 */
const routes = endpoints.map((e: Endpoint) => ({
  e,
  re: new RegExp(`^${e.path.replace(/\./g, '\\.').replace(/:\w+/g, '[^/]+')}$`),
  params: (e.path.match(/:/g) ?? []).length,
}));

/** The declared endpoint a request reaches; a literal segment wins over a parameter (/packs/projections). */
export function declaredEndpoint(method: string, path: string): Endpoint | undefined {
  const m = method.toLowerCase();
  return routes.filter((r) => r.e.method === m && r.re.test(path)).sort((a, b) => a.params - b.params)[0]?.e;
}

export function successStatus(e: Endpoint): number {
  return e.status ?? (e.method === 'post' ? 201 : 200);
}

function mismatch(what: string, method: string, url: string, status: number, detail: unknown): Error {
  return new Error(
    `response contract: ${method} ${url} → ${status}: ${what}\n${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}`,
  );
}

export async function checkResponse(method: string, url: string, res: Response): Promise<void> {
  const path = new URL(url, 'http://localhost').pathname;
  const e = declaredEndpoint(method, path);
  if (!e) return; // not an API endpoint (static files, probes, 404 tests of unknown paths)
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 400) {
    // Errors are problem+json, whatever the endpoint (api.md conventions).
    if (!type.startsWith('application/problem+json')) {
      throw mismatch('an error must be application/problem+json', method, url, res.status, type);
    }
    const r = Problem.safeParse(await res.clone().json());
    if (!r.success) throw mismatch('not a problem document', method, url, res.status, r.error.issues);
    return;
  }
  if (res.status !== successStatus(e)) {
    throw mismatch(`declared success status is ${successStatus(e)}`, method, url, res.status, e.path);
  }
  if (!e.response) {
    if (type.includes('json') && e.path !== '/api/v1/openapi.json') {
      throw mismatch('a JSON body on an endpoint that declares none', method, url, res.status, type);
    }
    return;
  }
  if (!type.startsWith('application/json')) throw mismatch('expected application/json', method, url, res.status, type);
  const r = e.response.safeParse(await res.clone().json());
  if (!r.success) throw mismatch('body does not fit the response schema', method, url, res.status, r.error.issues);
}
