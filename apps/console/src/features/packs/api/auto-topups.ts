import type { PutAutoTopupBody } from '@idv/contracts';
import { api } from '../../../lib/api-client.ts';
import { getQueryOptions, mutationOptionsOf } from '../../../lib/api-client-queries.ts';

/** GET /api/v1/auto-topups (R10.2): the account's rules, one per label. */
export const autoTopupsQueryOptions = () => getQueryOptions(['auto-topups'], '/auto-topups');

/** PUT /api/v1/auto-topups/:label */
export const putAutoTopupMutationOptions = mutationOptionsOf(
  ['auto-topups', 'put'],
  ({ label, body }: { label: string; body: PutAutoTopupBody }) =>
    api.put('/auto-topups/:label', body, { params: { label } }),
);

/** DELETE /api/v1/auto-topups/:label */
export const deleteAutoTopupMutationOptions = mutationOptionsOf(['auto-topups', 'delete'], (label: string) =>
  api.delete('/auto-topups/:label', { params: { label } }),
);
