/** Certificate refunds, refund records, the customer's access log and the support reason (simplified Chinese). */
export const accessZhCN = {
  'cert.refund.final': '退费完成后不能撤销或取消，该 SSL 证书订单将立即作废，证书不会再签发。',
  'cert.refund.policy.title': '退费政策',
  'cert.refund.policy.returned': '现金和赠送金额按原支付比例退回，权益点退回原权益包。',
  'cert.refund.policy.notReturned': '代金券和折扣不予退还。',
  'cert.refund.policy.void': '退费后该证书订单作废，不再提交审核或签发证书。',
  'cert.refund.policy.final': '已完成的退费申请不能撤销。',
  'cert.refund.policy.accept': '我已阅读并同意上述退费政策',
  'cert.refund.policy.hint': '勾选同意退费政策后才能继续。',
  'refund.list.subtitleAll': '已完成的资源包与 SSL 证书订单退费，以及各余额的退回金额。',
  'refund.list.kind': '类型',
  'refund.list.item': '退费对象',
  'refund.kind.pack': '资源包',
  'refund.kind.certificate': 'SSL 证书',
  'refund.list.certificate': '{domain} 的证书订单',
  'refund.list.points': '另退回 {count} 个权益点',
  'money.readOnlySession': '当前代访问会话为只读，不能执行此操作。',
  'support.start.reasonHintWeighted':
    '至少一句话（不少于 {min} 个字符，汉字按 2 个计，约 {minCjk} 个汉字），客户可以看到。当前 {count}。',
  'support.start.reasonTooShortWeighted':
    '请用至少一句话说明原因（不少于 {min} 个字符，汉字按 2 个计，约 {minCjk} 个汉字）。',
} as const;
