import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type ExplainSubject = { packId: string } | { date: string; label?: string } | { chargeId: string };

/** GET /api/v1/explain: recorded deductions of a pack, a day or a bill line, grouped by rule (issue 9). */
export function explainQueryOptions(subject: ExplainSubject) {
  return queryOptions({
    queryKey: ['explain', subject] as const,
    queryFn: ({ signal }) => api.get('/explain', { query: { ...subject }, signal }),
  });
}
