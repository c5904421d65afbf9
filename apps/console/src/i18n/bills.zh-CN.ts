/** bills messages (simplified Chinese). Keys are prefixed by their feature; en lives in bills.en.ts. */
export const billsZhCN = {} as const;
