import type { NotificationSettings } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { type ChannelPrefs, getSettings, saveSettings } from '../../repositories/notifications.ts';

export async function getNotificationSettings(deps: Deps, accountId: string): Promise<NotificationSettings> {
  const s = await getSettings(deps.db, accountId);
  return { kinds: s.kinds as NotificationSettings['kinds'], dailyReport: s.dailyReport };
}

/** R7: channels per kind (in-console is always on); R3.6 daily report subscription. */
export async function updateNotificationSettings(
  deps: Deps,
  accountId: string,
  input: { kinds: Partial<ChannelPrefs>; dailyReport: boolean },
): Promise<NotificationSettings> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const current = await getSettings(deps.db, accountId);
  const kinds: ChannelPrefs = { ...current.kinds };
  for (const [k, v] of Object.entries(input.kinds)) if (v) kinds[k] = v;
  // Reports start with the first settlement after subscribing; re-subscribing starts afresh.
  const since = input.dailyReport
    ? current.dailyReport
      ? current.dailyReportSince
      : accountNow(deps.clock, account)
    : null;
  await saveSettings(deps.db, accountId, { kinds, dailyReport: input.dailyReport, dailyReportSince: since });
  return getNotificationSettings(deps, accountId);
}
