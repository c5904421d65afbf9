import type { customerZhCN } from './customer.zh-CN.ts';

/** Customer money moments and phone layouts (issue 17), English: exactly the keys of customer.zh-CN.ts. */
export const customerEn: Record<keyof typeof customerZhCN, string> = {
  'bills.future.title': '{month} has not started yet',
  'bills.future.body': 'This month is still ahead, so nothing has been charged for it.',
  'bills.future.current': 'Show this month ({month})',
};
