import { NOTIFICATION_MONEY_PARAMS, NotificationKind as NotificationKindSchema } from '@idv/contracts';

/** R7 notification kinds: the one list is the contract's (api.md); their texts in both languages are here. */
export const NOTIFICATION_KINDS = NotificationKindSchema.options;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type Vars = Record<string, string | number>;
type Texts = { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string };
type Template = Texts & { unlabelled?: Pick<Texts, 'bodyZh' | 'bodyEn'> };

const MONEY = new Set<string>(NOTIFICATION_MONEY_PARAMS);

/** Times passed as ISO strings (`2027-11-23T23:59:59+08:00`) read as CST wall time in messages. */
const readable = (x: string | number) =>
  typeof x === 'string' ? x.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?\+08:00$/, '$1 $2') : String(x);
/**
 * Issue 17: money reads as in the console (`¥1,083.34`, `-¥13,333.00`), not as the wire's decimal
 * string (`-13333.00`). The sign goes before the currency sign; the digits are grouped by three.
 */
export function displayMoney(amount: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) return amount;
  const [, sign, int = '0', frac = ''] = m;
  return `${sign}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}
const show = (k: string, x: string | number) => (MONEY.has(k) && typeof x === 'string' ? displayMoney(x) : readable(x));
const fill = (s: string, v: Vars) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => (v[k] === undefined ? `{${k}}` : show(k, v[k] as string | number)));

const templates: Record<NotificationKind, Template> = {
  arrears: {
    titleZh: '账户已欠费',
    titleEn: 'Your account is in arrears',
    bodyZh:
      '结算后可用余额为 {balance}。请在 {suspendsAt}（北京时间）前充值至少 {debt}，否则服务将于该时间暂停；暂停后仍未充值的，后付费服务配置将于 {releasesAt}（北京时间，暂停 {days} 天后）释放。',
    bodyEn:
      'After settlement your available balance is {balance}. Recharge at least {debt} before {suspendsAt} (CST) or service will be suspended then; if it stays suspended, its postpaid configuration will be released at {releasesAt} (CST, {days} days later).',
  },
  suspended: {
    titleZh: '服务已暂停',
    titleEn: 'Service suspended',
    bodyZh:
      '账户欠费已超过 24 小时，服务已暂停，资源包暂停抵扣。充值 {debt} 即可自动恢复服务。如在 {releasesAt}（北京时间）前仍未恢复，后付费服务配置将被释放（资源包保留至各自到期）。',
    bodyEn:
      'The account has been in arrears for 24 hours: service is suspended and packs are not deducted. Recharge {debt} to resume automatically. If service has not resumed by {releasesAt} (CST), its postpaid configuration will be released (packs are kept until they expire).',
  },
  service_resumed: {
    titleZh: '服务已恢复',
    titleEn: 'Service resumed',
    bodyZh: '充值后可用余额为 {balance}，服务已于 {resumedAt}（北京时间）恢复，资源包恢复抵扣。',
    bodyEn:
      'After your recharge the available balance is {balance}: service resumed at {resumedAt} (CST) and packs are deducted again.',
  },
  released: {
    titleZh: '后付费配置已释放',
    titleEn: 'Postpaid configuration released',
    bodyZh: '账户暂停已满 {days} 天，后付费服务配置已释放。资源包保留至各自到期。',
    bodyEn:
      'The account has been suspended for {days} days: its postpaid service configuration has been released. Packs are kept until they expire.',
  },
  pack_delivered: {
    titleZh: '资源包已到账',
    titleEn: 'Resource packs delivered',
    bodyZh: '{quantity} 个「{labelZh}」{size} 次资源包已到账，有效期至 {expiresAt}。',
    bodyEn: '{quantity} × {size}-call pack(s) of "{labelEn}" delivered, valid until {expiresAt}.',
  },
  pack_low: {
    titleZh: '资源包余量不足 20%',
    titleEn: 'Resource pack below 20%',
    bodyZh: '「{labelZh}」资源包剩余 {remaining}/{total} 次。',
    bodyEn: 'The "{labelEn}" pack has {remaining} of {total} calls left.',
  },
  pack_exhausted: {
    titleZh: '资源包已用尽',
    titleEn: 'Resource pack used up',
    bodyZh: '「{labelZh}」资源包已用尽。{nextZh}',
    bodyEn: 'The "{labelEn}" pack is used up. {nextEn}',
  },
  pack_expiring: {
    titleZh: '资源包 7 天后到期',
    titleEn: 'Resource pack expires in 7 days',
    bodyZh: '「{labelZh}」资源包将于 {expiresAt} 到期，剩余 {remaining} 次。',
    bodyEn: 'The "{labelEn}" pack expires at {expiresAt} with {remaining} calls left.',
  },
  pack_expired: {
    titleZh: '资源包已到期',
    titleEn: 'Resource pack expired',
    bodyZh: '「{labelZh}」资源包已于 {expiresAt} 到期，未使用 {remaining} 次。',
    bodyEn: 'The "{labelEn}" pack expired at {expiresAt} with {remaining} calls unused.',
  },
  daily_report: {
    titleZh: '{date} 用量日报',
    titleEn: 'Usage report for {date}',
    bodyZh: '{summaryZh}',
    bodyEn: '{summaryEn}',
  },
  refund_completed: {
    titleZh: '退款已完成',
    titleEn: 'Refund completed',
    bodyZh: '「{labelZh}」资源包已退款 {amount}：现金 {cash}，收益转入 {income}，赠送 {gift}。',
    bodyEn: 'The "{labelEn}" pack was refunded {amount}: cash {cash}, income transfer {income}, gift {gift}.',
    // A refund notice whose sender names no label (e.g. an older caller) still reads well.
    unlabelled: {
      bodyZh: '资源包已退款 {amount}：现金 {cash}，收益转入 {income}，赠送 {gift}。',
      bodyEn: 'A pack was refunded {amount}: cash {cash}, income transfer {income}, gift {gift}.',
    },
  },
  budget_threshold: {
    titleZh: '预算「{name}」已达 {threshold}%',
    titleEn: 'Budget "{name}" reached {threshold}%',
    bodyZh: '{month} 已支出 {spent}，达到预算 {amount} 的 {threshold}%。',
    bodyEn: 'Spent {spent} in {month}: {threshold}% of the {amount} budget.',
  },
  budget_forecast: {
    titleZh: '预算「{name}」预计将达 {threshold}%',
    titleEn: 'Budget "{name}" forecast to reach {threshold}%',
    bodyZh: '按当前用量，{month} 预计支出 {forecast}（已支出 {spent}），将达到预算 {amount} 的 {threshold}%。',
    bodyEn:
      'At the current usage, {month} is forecast at {forecast} ({spent} spent so far): {threshold}% of the {amount} budget.',
  },
  auto_topup_failed: {
    titleZh: '「{labelZh}」自动续购未成功',
    titleEn: 'Auto top-up of "{labelEn}" did not buy',
    bodyZh: '剩余 {remaining} 次，低于 {belowCalls} 次，但未能购买 {quantity} 个 {size} 次资源包：{reasonZh}',
    bodyEn:
      '{remaining} calls left, below {belowCalls}, but {quantity} × {size}-call pack(s) could not be bought: {reasonEn}',
  },
  usage_anomaly: {
    titleZh: '「{labelZh}」{date} 用量异常',
    titleEn: 'Unusual usage of "{labelEn}" on {date}',
    bodyZh: '{date} 计费调用 {actual} 次，按近期用量预计约 {expected} 次（正常上限 {upper} 次）。',
    bodyEn: '{actual} billable calls on {date}; recent usage predicts about {expected} (normal up to {upper}).',
  },
};

/**
 * Variants of a kind's text, chosen by `vars.variant` (the kind, and so the customer's notification
 * settings, stay the same). R8.6: a certificate refund is a `refund_completed` notice about a
 * certificate order, not a resource pack.
 */
const variants: Record<string, Template> = {
  'refund_completed:certificate': {
    titleZh: 'SSL 证书订单退费已完成',
    titleEn: 'Certificate refund completed',
    bodyZh:
      '{domain} 的 SSL 证书订单（{certificateId}）已退费 {amount}：现金 {cash}，赠送 {gift}，权益点 {benefitPoints} 个退回权益包。该证书订单已作废。',
    bodyEn:
      'The SSL certificate order for {domain} ({certificateId}) was refunded {amount}: cash {cash}, gift {gift}, {benefitPoints} benefit point(s) back to their package. The certificate order is void.',
  },
};

export function render(kind: NotificationKind, vars: Vars): Texts {
  const variant = typeof vars.variant === 'string' ? variants[`${kind}:${vars.variant}`] : undefined;
  const { unlabelled, ...labelled } = variant ?? templates[kind];
  const t = unlabelled && vars.labelZh === undefined ? { ...labelled, ...unlabelled } : labelled;
  return {
    titleZh: fill(t.titleZh, vars),
    titleEn: fill(t.titleEn, vars),
    bodyZh: fill(t.bodyZh, vars),
    bodyEn: fill(t.bodyEn, vars),
  };
}
