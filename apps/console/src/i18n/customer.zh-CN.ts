/** Customer money moments and phone layouts (issue 17), Simplified Chinese (the source of keys). */
export const customerZhCN = {
  'bills.future.title': '{month} 尚未开始',
  'bills.future.body': '这个月还没有到来，因此没有任何费用。',
  'bills.future.current': '查看本月（{month}）',
};
