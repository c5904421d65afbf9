/** staff messages (simplified Chinese). Keys are prefixed by their feature; en lives in staff.en.ts. */
export const staffZhCN = {} as const;
