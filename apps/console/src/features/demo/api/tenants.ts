import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { getQueryOptions, mutationOptionsOf } from '../../../lib/api-client-queries.ts';

export const demoTenantsKey = ['demo', 'tenants'] as const;

/** GET /api/v1/demo/tenants (pm role). */
export const demoTenantsQueryOptions = () => getQueryOptions(demoTenantsKey, '/demo/tenants');

export interface CreateTenantInput {
  scenario: 'empty' | 'rich';
  startAt?: string;
  name?: string;
}

/** POST /api/v1/demo/tenants: 201 with the customer's sign-in (shown once) and the service key. Rich takes 30–90 s. */
export const createTenantMutationOptions = mutationOptionsOf(['demo', 'create'], (body: CreateTenantInput) =>
  api.post('/demo/tenants', body),
);

/** A mutation on one demo tenant, keyed `['demo', action, accountId]`. */
function tenantMutationOptions<R>(action: string, accountId: string, mutationFn: () => Promise<R>) {
  return mutationOptions({ mutationKey: ['demo', action, accountId], mutationFn });
}

/** POST /api/v1/demo/tenants/:id/reset: the same tenant rebuilt from its scenario at its start time. */
export const resetTenantMutationOptions = (accountId: string) =>
  tenantMutationOptions('reset', accountId, () =>
    api.post('/demo/tenants/:accountId/reset', undefined, { params: { accountId } }),
  );

/** DELETE /api/v1/demo/tenants/:id: 204, every row of the tenant is gone. */
export const deleteTenantMutationOptions = (accountId: string) =>
  tenantMutationOptions('delete', accountId, () => api.delete('/demo/tenants/:accountId', { params: { accountId } }));

export function demoTenantKey(accountId: string) {
  return ['demo', 'tenant', accountId] as const;
}

/** GET /api/v1/demo/tenants/:id (pm role): settlement mode, resources, clock, a move in progress; any PM browser. */
export const demoTenantQueryOptions = (accountId: string) =>
  getQueryOptions(demoTenantKey(accountId), '/demo/tenants/:accountId', { params: { accountId } });

/** POST /api/v1/demo/tenants/:id/password (pm): a new customer password, returned once; audited. */
export const resetPasswordMutationOptions = (accountId: string) =>
  tenantMutationOptions('password', accountId, () =>
    api.post('/demo/tenants/:accountId/password', undefined, { params: { accountId } }),
  );

/** POST /api/v1/demo/tenants/:id/customer-view (pm): this browser becomes the tenant's owner; audited. */
export const openCustomerViewMutationOptions = (accountId: string) =>
  tenantMutationOptions('customer-view', accountId, () =>
    api.post('/demo/tenants/:accountId/customer-view', undefined, { params: { accountId } }),
  );
