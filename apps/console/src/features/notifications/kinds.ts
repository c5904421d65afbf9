import type { NotificationKind } from '@idv/contracts';
import type { BadgeTone } from '../../components/ui/index.ts';
import type { MessageKey } from '../../lib/i18n.tsx';

/** The kinds of api.md (R7, R10), in the order the settings page lists them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'pack_delivered',
  'pack_low',
  'pack_exhausted',
  'pack_expiring',
  'pack_expired',
  'refund_completed',
  'daily_report',
  'arrears',
  'suspended',
  'service_resumed',
  'released',
  'budget_threshold',
  'budget_forecast',
  'auto_topup_failed',
  'usage_anomaly',
];

export const kindKey = (k: NotificationKind): MessageKey => `notif.kind.${k}`;
export const kindHintKey = (k: NotificationKind): MessageKey => `notif.kindHint.${k}`;

export const kindTone: Record<NotificationKind, BadgeTone> = {
  pack_delivered: 'success',
  pack_low: 'warning',
  pack_exhausted: 'danger',
  pack_expiring: 'warning',
  pack_expired: 'muted',
  refund_completed: 'info',
  daily_report: 'neutral',
  arrears: 'danger',
  suspended: 'danger',
  service_resumed: 'success',
  released: 'danger',
  budget_threshold: 'warning',
  budget_forecast: 'info',
  auto_topup_failed: 'danger',
  usage_anomaly: 'warning',
};

/** SVG path of each kind's icon (24×24, stroked). */
export const kindIcon: Record<NotificationKind, string> = {
  pack_delivered: 'M4 8l8-4 8 4v8l-8 4-8-4V8zm4 4l3 3 5-6',
  pack_low: 'M12 4l9 16H3L12 4zm0 6v4m0 3h.01',
  pack_exhausted: 'M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18zM6 6l12 12',
  pack_expiring: 'M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18zm0-13v4l3 2',
  pack_expired: 'M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18zm0-13v4l3 2M4 4l16 16',
  refund_completed: 'M4 10h12a4 4 0 0 1 0 8H9M4 10l4-4M4 10l4 4',
  daily_report: 'M5 20V10m5 10V4m5 16v-7m5 7V8',
  arrears: 'M12 3v18m4-14H10a3 3 0 0 0 0 6h4a3 3 0 0 1 0 6H7',
  suspended: 'M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18zm-2-12v6m4-6v6',
  service_resumed: 'M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18zm-2-13l6 4-6 4V8z',
  released: 'M5 7h14M9 7V4h6v3m-8 0l1 13h8l1-13',
  budget_threshold: 'M4 20h16M6 16l4-5 3 3 5-7',
  budget_forecast: 'M4 20h16M6 16l4-5 3 3 5-7M14 7h4v4',
  auto_topup_failed: 'M12 5v14M5 12h14M4 4l16 16',
  usage_anomaly: 'M3 12h4l3-8 4 16 3-8h4',
};
