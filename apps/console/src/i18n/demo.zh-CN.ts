/** demo messages (simplified Chinese). Keys are prefixed by their feature; en lives in demo.en.ts. */
export const demoZhCN = {} as const;
