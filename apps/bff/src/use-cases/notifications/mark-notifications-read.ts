import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { markRead, notificationExists } from '../../repositories/notifications.ts';

/** Marks one notification (or all, with id null) as read; another account's notification is 404. */
export async function markNotificationsRead(deps: Deps, accountId: string, id: bigint | null): Promise<void> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  if (id !== null && !(await notificationExists(deps.db, accountId, id))) throw notFound('notification');
  await markRead(deps.db, accountId, id, accountNow(deps.clock, account));
}
