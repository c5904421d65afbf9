import type { staffZhCN } from './staff.zh-CN.ts';

/** staff messages (English): exactly the keys of staff.zh-CN.ts. */
export const staffEn: Record<keyof typeof staffZhCN, string> = {};
