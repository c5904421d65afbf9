import type { ExplainSubject } from './api/explain.ts';

const ID = /^\d{1,18}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The explainer's URL state: `?packId=…`, `?date=…[&label=…]` or `?chargeId=…`; null when none is valid. */
export function parseExplainSearch(params: URLSearchParams): ExplainSubject | null {
  const packId = params.get('packId');
  if (packId !== null) return ID.test(packId) ? { packId } : null;
  const chargeId = params.get('chargeId');
  if (chargeId !== null) return ID.test(chargeId) ? { chargeId } : null;
  const date = params.get('date');
  if (date !== null && DATE.test(date)) {
    const label = params.get('label')?.trim();
    return label ? { date, label } : { date };
  }
  return null;
}
