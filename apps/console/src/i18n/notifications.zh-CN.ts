/** notifications messages (simplified Chinese). Keys are prefixed by their feature; en lives in notifications.en.ts. */
export const notificationsZhCN = {} as const;
