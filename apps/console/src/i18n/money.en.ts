import type { moneyZhCN } from './money.zh-CN.ts';

/** money messages (English): exactly the keys of money.zh-CN.ts. */
export const moneyEn: Record<keyof typeof moneyZhCN, string> = {};
