import type { NotificationSettings } from '@idv/contracts';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const notificationSettingsKey = ['notification-settings'] as const;

/** GET /api/v1/notification-settings: email/SMS per kind and the daily usage report subscription (R7, R3.6). */
export function notificationSettingsQueryOptions() {
  return queryOptions({
    queryKey: notificationSettingsKey,
    queryFn: ({ signal }) => api.get('/notification-settings', { signal }),
  });
}

/** PUT /api/v1/notification-settings (owners only; 403 otherwise). */
export function saveNotificationSettingsMutationOptions() {
  return mutationOptions({
    mutationFn: (body: NotificationSettings) => api.put('/notification-settings', body),
  });
}
