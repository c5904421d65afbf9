/** GET /api/v1/catalog: the one builder in lib (key ['catalog'], one cached answer for every feature). */
export { catalogQueryOptions } from '../../../lib/api-client-queries.ts';
