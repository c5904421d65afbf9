/**
 * Issue 17: each notification said by the console from its kind and params (GET /notifications'
 * `params`), so money reads as everywhere in the UI and packs are named by their label. Placeholders:
 * money (`{balance}`, `{amount}`, ...) comes formatted by formatMoney, times by formatDateTime, counts by
 * formatCount; `{label}`, `{next}`, `{reason}`, `{summary}` are the reader's half of the server's pairs.
 */
export const notificationTextsZhCN = {
  'notif.text.arrears.title': '账户已欠费',
  'notif.text.arrears.body':
    '结算后可用余额为 {balance}。请在 {suspendsAt}（北京时间）前充值至少 {debt}，否则服务将于该时间暂停；暂停后仍未充值的，后付费服务配置将于 {releasesAt}（北京时间，暂停 {days} 天后）释放。',
  'notif.text.suspended.title': '服务已暂停',
  'notif.text.suspended.body':
    '账户欠费已超过 24 小时，服务已暂停，资源包暂停抵扣。充值 {debt} 即可自动恢复服务。如在 {releasesAt}（北京时间）前仍未恢复，后付费服务配置将被释放（资源包保留至各自到期）。',
  'notif.text.service_resumed.title': '服务已恢复',
  'notif.text.service_resumed.body':
    '充值后可用余额为 {balance}，服务已于 {resumedAt}（北京时间）恢复，资源包恢复抵扣。',
  'notif.text.released.title': '后付费配置已释放',
  'notif.text.released.body': '账户暂停已满 {days} 天，后付费服务配置已释放。资源包保留至各自到期。',
  'notif.text.pack_delivered.title': '资源包已到账',
  'notif.text.pack_delivered.body': '{quantity} 个「{label}」{size} 次资源包已到账，有效期至 {expiresAt}。',
  'notif.text.pack_low.title': '资源包余量不足 20%',
  'notif.text.pack_low.body': '「{label}」资源包剩余 {remaining}/{total} 次。',
  'notif.text.pack_exhausted.title': '资源包已用尽',
  'notif.text.pack_exhausted.body': '「{label}」资源包已用尽。{next}',
  'notif.text.pack_expiring.title': '资源包 7 天后到期',
  'notif.text.pack_expiring.body': '「{label}」资源包将于 {expiresAt} 到期，剩余 {remaining} 次。',
  'notif.text.pack_expired.title': '资源包已到期',
  'notif.text.pack_expired.body': '「{label}」资源包已于 {expiresAt} 到期，未使用 {remaining} 次。',
  'notif.text.daily_report.title': '{date} 用量日报',
  'notif.text.daily_report.body': '{summary}',
  'notif.text.refund_completed.certificate.title': 'SSL 证书订单退费已完成',
  'notif.text.refund_completed.certificate.body':
    '{domain} 的 SSL 证书订单（{certificateId}）已退费 {amount}：现金 {cash}，赠送 {gift}，权益点 {benefitPoints} 个退回权益包。该证书订单已作废。',
  'notif.text.refund_completed.title': '退款已完成',
  'notif.text.refund_completed.body': '「{label}」资源包已退款 {amount}：现金 {cash}，收益转入 {income}，赠送 {gift}。',
  'notif.text.refund_completed.unlabelled': '资源包已退款 {amount}：现金 {cash}，收益转入 {income}，赠送 {gift}。',
  'notif.text.budget_threshold.title': '预算「{name}」已达 {threshold}%',
  'notif.text.budget_threshold.body': '{month} 已支出 {spent}，达到预算 {amount} 的 {threshold}%。',
  'notif.text.budget_forecast.title': '预算「{name}」预计将达 {threshold}%',
  'notif.text.budget_forecast.body':
    '按当前用量，{month} 预计支出 {forecast}（已支出 {spent}），将达到预算 {amount} 的 {threshold}%。',
  'notif.text.auto_topup_failed.title': '「{label}」自动续购未成功',
  'notif.text.auto_topup_failed.body':
    '剩余 {remaining} 次，低于 {belowCalls} 次，但未能购买 {quantity} 个 {size} 次资源包：{reason}',
  'notif.text.usage_anomaly.title': '「{label}」{date} 用量异常',
  'notif.text.usage_anomaly.body':
    '{date} 计费调用 {actual} 次，按近期用量预计约 {expected} 次（正常上限 {upper} 次）。',
} as const;
