import type { notificationTextsZhCN } from './notification-texts.zh-CN.ts';

/** English notification texts: same keys and placeholders as notification-texts.zh-CN.ts. */
export const notificationTextsEn: Record<keyof typeof notificationTextsZhCN, string> = {
  'notif.text.arrears.title': 'Your account is in arrears',
  'notif.text.arrears.body':
    'After settlement your available balance is {balance}. Recharge at least {debt} before {suspendsAt} (CST) or service will be suspended then; if it stays suspended, its postpaid configuration will be released at {releasesAt} (CST, {days} days later).',
  'notif.text.suspended.title': 'Service suspended',
  'notif.text.suspended.body':
    'The account has been in arrears for 24 hours: service is suspended and packs are not deducted. Recharge {debt} to resume automatically. If service has not resumed by {releasesAt} (CST), its postpaid configuration will be released (packs are kept until they expire).',
  'notif.text.service_resumed.title': 'Service resumed',
  'notif.text.service_resumed.body':
    'After your recharge the available balance is {balance}: service resumed at {resumedAt} (CST) and packs are deducted again.',
  'notif.text.released.title': 'Postpaid configuration released',
  'notif.text.released.body':
    'The account has been suspended for {days} days: its postpaid service configuration has been released. Packs are kept until they expire.',
  'notif.text.pack_delivered.title': 'Resource packs delivered',
  'notif.text.pack_delivered.body': '{quantity} × {size}-call pack(s) of "{label}" delivered, valid until {expiresAt}.',
  'notif.text.pack_low.title': 'Resource pack below 20%',
  'notif.text.pack_low.body': 'The "{label}" pack has {remaining} of {total} calls left.',
  'notif.text.pack_exhausted.title': 'Resource pack used up',
  'notif.text.pack_exhausted.body': 'The "{label}" pack is used up. {next}',
  'notif.text.pack_expiring.title': 'Resource pack expires in 7 days',
  'notif.text.pack_expiring.body': 'The "{label}" pack expires at {expiresAt} with {remaining} calls left.',
  'notif.text.pack_expired.title': 'Resource pack expired',
  'notif.text.pack_expired.body': 'The "{label}" pack expired at {expiresAt} with {remaining} calls unused.',
  'notif.text.daily_report.title': 'Usage report for {date}',
  'notif.text.daily_report.body': '{summary}',
  'notif.text.refund_completed.certificate.title': 'Certificate refund completed',
  'notif.text.refund_completed.certificate.body':
    'The SSL certificate order for {domain} ({certificateId}) was refunded {amount}: cash {cash}, gift {gift}, {benefitPoints} benefit point(s) back to their package. The certificate order is void.',
  'notif.text.refund_completed.title': 'Refund completed',
  'notif.text.refund_completed.body':
    'The "{label}" pack was refunded {amount}: cash {cash}, income transfer {income}, gift {gift}.',
  'notif.text.refund_completed.unlabelled':
    'A pack was refunded {amount}: cash {cash}, income transfer {income}, gift {gift}.',
  'notif.text.budget_threshold.title': 'Budget "{name}" reached {threshold}%',
  'notif.text.budget_threshold.body': 'Spent {spent} in {month}: {threshold}% of the {amount} budget.',
  'notif.text.budget_forecast.title': 'Budget "{name}" forecast to reach {threshold}%',
  'notif.text.budget_forecast.body':
    'At the current usage, {month} is forecast at {forecast} ({spent} spent so far): {threshold}% of the {amount} budget.',
  'notif.text.auto_topup_failed.title': 'Auto top-up of "{label}" did not buy',
  'notif.text.auto_topup_failed.body':
    '{remaining} calls left, below {belowCalls}, but {quantity} × {size}-call pack(s) could not be bought: {reason}',
  'notif.text.usage_anomaly.title': 'Unusual usage of "{label}" on {date}',
  'notif.text.usage_anomaly.body':
    '{actual} billable calls on {date}; recent usage predicts about {expected} (normal up to {upper}).',
};
