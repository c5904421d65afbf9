import { z } from 'zod';
import { ListQuery, Timestamp } from './common.ts';

export const NotificationKind = z.enum([
  'arrears',
  'suspended',
  'service_resumed',
  'released',
  'pack_delivered',
  'pack_low',
  'pack_exhausted',
  'pack_expiring',
  'pack_expired',
  'daily_report',
  'refund_completed',
  'budget_threshold',
  'budget_forecast',
  'auto_topup_failed',
  'usage_anomaly',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
  channels: z.array(z.string()),
  /**
   * Issue 17 (additive): what `title` and `body` were made from, so a client can say them in its
   * reader's language and format the values its own way. Money is a decimal string (R1.2) under the
   * names in NOTIFICATION_MONEY_PARAMS, times are `formatCst` strings under NOTIFICATION_TIME_PARAMS,
   * and texts already in both languages come in pairs (`labelZh`/`labelEn`, `nextZh`/`nextEn`, ...).
   * Null for notices recorded before the params were kept: then show `title` and `body`.
   */
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .nullable()
    .optional(),
});
export type Notification = z.infer<typeof Notification>;

/** Notification params that are money (decimal strings, R1.2). */
export const NOTIFICATION_MONEY_PARAMS = [
  'balance',
  'debt',
  'amount',
  'cash',
  'income',
  'gift',
  'spent',
  'forecast',
  'shortfall',
] as const;
/** Notification params that are instants (`formatCst`: ISO 8601 with +08:00). */
export const NOTIFICATION_TIME_PARAMS = ['suspendsAt', 'releasesAt', 'resumedAt', 'expiresAt'] as const;

export const NotificationsQuery = ListQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
  lang: z.enum(['zh-CN', 'en']).optional(),
});
export const NotificationList = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export const NotificationIdParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'must be a notification id') });

const ChannelChoice = z.object({ email: z.boolean(), sms: z.boolean() }).strict();
export const NotificationSettings = z.object({
  kinds: z.record(NotificationKind, ChannelChoice),
  dailyReport: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const PutNotificationSettingsBody = z
  .object({ kinds: z.partialRecord(NotificationKind, ChannelChoice), dailyReport: z.boolean() })
  .strict();

export const OutboxMessage = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.string(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  provider: z.string().nullable(),
  sentAt: Timestamp.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
