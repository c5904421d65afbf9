import type { demoZhCN } from './demo.zh-CN.ts';

/** demo messages (English): exactly the keys of demo.zh-CN.ts. */
export const demoEn: Record<keyof typeof demoZhCN, string> = {};
