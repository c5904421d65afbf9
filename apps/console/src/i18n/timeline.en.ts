import type { timelineZhCN } from './timeline.zh-CN.ts';

/** Issue 18 account timeline (English): exactly the keys of timeline.zh-CN.ts. */
export const timelineEn: Record<keyof typeof timelineZhCN, string> = {
  'timeline.nav': 'Timeline',
  'timeline.title': 'Account timeline',
  'timeline.subtitle':
    'Everything that happened to the account, newest first: orders, refunds, settlements, notices, sign-ins, support access and account actions.',
  'timeline.filter': 'Filter by kind',
  'timeline.caption': 'Account timeline',
  'timeline.at': 'Time',
  'timeline.kind': 'Kind',
  'timeline.what': 'What',
  'timeline.amount': 'Amount',
  'timeline.paging': 'Timeline pages',
  'timeline.empty': 'Nothing here',
  'timeline.emptyBody': 'Nothing of the chosen kinds has happened yet.',
  'timeline.autoTopup': 'auto top-up',
  'timeline.kind.order': 'Order',
  'timeline.kind.refund': 'Refund',
  'timeline.kind.settlement': 'Settlement',
  'timeline.kind.notice': 'Notice',
  'timeline.kind.signin': 'Sign-in',
  'timeline.kind.staff': 'Support',
  'timeline.kind.action': 'Account action',
  'timeline.kind.resumption': 'Service resumed',
};
