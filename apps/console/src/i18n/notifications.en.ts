import type { notificationsZhCN } from './notifications.zh-CN.ts';

/** notifications messages (English): exactly the keys of notifications.zh-CN.ts. */
export const notificationsEn: Record<keyof typeof notificationsZhCN, string> = {};
