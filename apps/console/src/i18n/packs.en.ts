import type { packsZhCN } from './packs.zh-CN.ts';

/** Resource-pack messages (English): exactly the keys of packs.zh-CN.ts. */
export const packsEn: Record<keyof typeof packsZhCN, string> = {
  'packs.projection.runsOut': 'Projected: runs out on {date}',
  'packs.projection.expiresUnused': 'Projected: about {calls} calls expire unused on {date}',
  'packs.projection.usedBy': 'Projected: {used} of {total} calls used by {date}',
};
