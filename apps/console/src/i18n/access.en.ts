import type { accessZhCN } from './access.zh-CN.ts';

/** Certificate refunds, refund records, the customer's access log and the support reason (English). */
export const accessEn: Record<keyof typeof accessZhCN, string> = {
  'cert.refund.final':
    'A completed refund cannot be undone or cancelled; the SSL certificate order becomes void at once and no certificate will be issued.',
  'cert.refund.policy.title': 'Refund policy',
  'cert.refund.policy.returned':
    'Cash and gift go back in the proportion they paid; benefit points go back to their benefit package.',
  'cert.refund.policy.notReturned': 'Vouchers and discounts are not returned.',
  'cert.refund.policy.void':
    'After the refund the certificate order is void: it is not submitted for review and no certificate is issued.',
  'cert.refund.policy.final': 'A completed refund request cannot be cancelled.',
  'cert.refund.policy.accept': 'I have read and accept the refund policy above',
  'cert.refund.policy.hint': 'Accept the refund policy to continue.',
  'refund.list.subtitleAll':
    'Completed refunds of resource packs and SSL certificate orders, and what went back to each balance.',
  'refund.list.kind': 'Type',
  'refund.list.item': 'Refunded',
  'refund.kind.pack': 'Resource pack',
  'refund.kind.certificate': 'SSL certificate',
  'refund.list.certificate': 'Certificate order for {domain}',
  'refund.list.points': 'plus {count} benefit point(s) returned',
  'money.readOnlySession': 'This support session is read-only: you cannot do this.',
  'support.start.reasonHintWeighted':
    'At least a sentence ({min} characters or more; a Chinese character counts as 2, so about {minCjk} Chinese characters); the customer can see it. Now: {count}.',
  'support.start.reasonTooShortWeighted':
    'Give a reason of at least a sentence ({min} characters or more; a Chinese character counts as 2).',
};
