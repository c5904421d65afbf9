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

/** POST /api/v1/demo/tenants/:id/reset: the same tenant rebuilt from its scenario at its start time. */
export function resetTenantMutationOptions(accountId: string) {
  return mutationOptions({
    mutationKey: ['demo', 'reset', accountId],
    mutationFn: () => api.post('/demo/tenants/:accountId/reset', undefined, { params: { accountId } }),
  });
}

/** DELETE /api/v1/demo/tenants/:id: 204, every row of the tenant is gone. */
export function deleteTenantMutationOptions(accountId: string) {
  return mutationOptions({
    mutationKey: ['demo', 'delete', accountId],
    mutationFn: () => api.delete('/demo/tenants/:accountId', { params: { accountId } }),
  });
}

export function demoTenantKey(accountId: string) {
  return ['demo', 'tenant', accountId] as const;
}

/** GET /api/v1/demo/tenants/:id (pm role): settlement mode, resources, clock, a move in progress; any PM browser. */
export const demoTenantQueryOptions = (accountId: string) =>
  getQueryOptions(demoTenantKey(accountId), '/demo/tenants/:accountId', { params: { accountId } });

/** POST /api/v1/demo/tenants/:id/password (pm): a new customer password, returned once; audited. */
export function resetPasswordMutationOptions(accountId: string) {
  return mutationOptions({
    mutationKey: ['demo', 'password', accountId],
    mutationFn: () => api.post('/demo/tenants/:accountId/password', undefined, { params: { accountId } }),
  });
}

/** POST /api/v1/demo/tenants/:id/customer-view (pm): this browser becomes the tenant's owner; audited. */
export function openCustomerViewMutationOptions(accountId: string) {
  return mutationOptions({
    mutationKey: ['demo', 'customer-view', accountId],
    mutationFn: () => api.post('/demo/tenants/:accountId/customer-view', undefined, { params: { accountId } }),
  });
}
