/** Resource-pack messages (Simplified Chinese, the source of keys): the burn-down projection on the pack list. */
export const packsZhCN = {
  'packs.projection.runsOut': '预计：{date} 用完',
  'packs.projection.expiresUnused': '预计：约 {calls} 次将于 {date} 到期作废',
  'packs.projection.usedBy': '预计：截至 {date} 累计使用 {used} 次（共 {total} 次）',
};
