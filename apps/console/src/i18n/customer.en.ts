import type { customerZhCN } from './customer.zh-CN.ts';

/** Customer money moments and phone layouts (issue 17), English: exactly the keys of customer.zh-CN.ts. */
export const customerEn: Record<keyof typeof customerZhCN, string> = {
  'bills.future.title': '{month} has not started yet',
  'bills.future.body': 'This month is still ahead, so nothing has been charged for it.',
  'bills.future.current': 'Show this month ({month})',
  'buy.review.open': 'Review and pay {amount}',
  'buy.review.title': 'Confirm payment',
  'buy.review.description': 'Check what will be taken. Nothing is charged until you press “Pay now”.',
  'buy.review.price': 'Order price',
  'buy.review.fromTitle': 'Taken from your balances',
  'buy.review.col.source': 'From',
  'buy.review.col.taken': 'Taken now',
  'buy.review.col.after': 'Balance after',
  'buy.review.voucherUsed': 'Used up whole',
  'buy.review.payable': 'You pay after the voucher',
  'buy.review.back': 'Back to the order',
  'buy.review.pay': 'Pay now {amount}',
  'recharge.back.link': 'Back to your order',
  'recharge.back.hint': 'After the recharge you can go back to your order; your choices are kept.',
  'recharge.owed.title': 'You owe {amount}',
  'recharge.owed.arrears':
    'Your available balance is {available}. Recharge at least {amount} to clear the debt, or service stops at {suspendsAt}.',
  'recharge.owed.suspended':
    'Your available balance is {available} and service is stopped. Recharge at least {amount} and it resumes by itself.',
  'recharge.owed.released':
    'Your available balance is {available} and the postpaid configuration was released. Recharge at least {amount} to clear the debt.',
  'recharge.partial.arrears':
    'After recharging {amount}, {missing} is still missing: the account stays in arrears and service stops at {suspendsAt} unless the rest is paid.',
  'recharge.partial.suspended':
    'After recharging {amount}, {missing} is still missing: service stays stopped until the available balance is 0 or more.',
  'recharge.partial.released':
    'After recharging {amount}, {missing} is still missing: the debt is not cleared and service stays stopped.',
  'recharge.short.title.arrears': 'Still in arrears',
  'recharge.short.title.suspended': 'Service is still stopped',
  'recharge.short.title.released': 'The debt is not cleared yet',
  'recharge.short.body':
    'This recharge did not clear the debt: {shortfall} is still missing. Service resumes only once the available balance is 0 or more.',
  'recharge.short.more': 'Recharge {shortfall} more',
  'packs.sort.activeFirst': 'In use first, then by expiry',
};
