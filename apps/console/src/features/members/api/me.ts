/** GET /api/v1/me: the one builder in lib (key ['me'], one cached answer for every feature). */
export { meQueryOptions } from '../../../lib/me-query.ts';
