import type { billsZhCN } from './bills.zh-CN.ts';

/** bills messages (English): exactly the keys of bills.zh-CN.ts. */
export const billsEn: Record<keyof typeof billsZhCN, string> = {};
