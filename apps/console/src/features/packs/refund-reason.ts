import type { Pack } from '@idv/contracts';

const REFUSED_PREFIX = 'Support refused the refund: ';

/** R8.5 The staff's reason for a refused refund, carried inside the server's reasonText. */
export function staffRefusalReason(refund: Pack['refund']): string | null {
  if (refund.reason !== 'REFUND_REFUSED' || !refund.reasonText) return null;
  return refund.reasonText.startsWith(REFUSED_PREFIX) ? refund.reasonText.slice(REFUSED_PREFIX.length) : null;
}
