import { getQueryOptions } from '../../../lib/api-client-queries.ts';

/** GET /api/v1/auto-topups (R10.2), to say on the advice pages what a label's rule will buy. Same key as packs'. */
export const autoTopupsQueryOptions = () => getQueryOptions(['auto-topups'], '/auto-topups');
