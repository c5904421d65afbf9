/**
 * GET /demo/tenants does not return a tenant's resources (only the creation and reset answers do), so
 * the panel remembers them per tenant in this browser for the usage injector.
 */
export interface StoredResource {
  id: string;
  alias: string;
}

const key = (accountId: string) => `idv.demo.resources.${accountId}`;

export function saveTenantResources(accountId: string, resources: readonly StoredResource[]): void {
  try {
    localStorage.setItem(key(accountId), JSON.stringify(resources.map((r) => ({ id: r.id, alias: r.alias }))));
  } catch {
    // Storage unavailable: the PM can still type a resource id.
  }
}

export function loadTenantResources(accountId: string): StoredResource[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key(accountId)) ?? '[]');
    if (!Array.isArray(v)) return [];
    return v.filter((r): r is StoredResource => typeof r?.id === 'string' && typeof r?.alias === 'string');
  } catch {
    return [];
  }
}

export function forgetTenantResources(accountId: string): void {
  try {
    localStorage.removeItem(key(accountId));
  } catch {
    // nothing to do
  }
}
