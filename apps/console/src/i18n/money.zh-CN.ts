/** money messages (simplified Chinese). Keys are prefixed by their feature; en lives in money.en.ts. */
export const moneyZhCN = {} as const;
