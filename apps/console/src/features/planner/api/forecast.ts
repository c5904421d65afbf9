import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/packs/:id/forecast: run-out date, calls expiring unused, daily points (issue 9). */
export function forecastQueryOptions(packId: string) {
  return queryOptions({
    queryKey: ['packs', 'forecast', packId] as const,
    queryFn: ({ signal }) => api.get('/packs/:id/forecast', { params: { id: packId }, signal }),
  });
}
