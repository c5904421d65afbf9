import { type DbOrTx, notifications } from '@idv/db';
import { type NotificationKind, render } from '../notifications/templates.ts';

/**
 * Records a notification once per cause (R7): (account, kind, cause) is unique in the database, so
 * concurrent or repeated triggers insert one row. Returns true when this call created it.
 * Email/SMS delivery is fanned out from here by the outbox (notification settings decide channels).
 */
export async function notify(
  db: DbOrTx,
  n: {
    accountId: string;
    kind: NotificationKind;
    /** What makes this notice unique, e.g. `pack:42` or `arrears:2026-11-21T08:00`. */
    cause: string;
    vars: Record<string, string | number>;
    at: Date;
  },
): Promise<boolean> {
  const text = render(n.kind, n.vars);
  const inserted = await db
    .insert(notifications)
    .values({
      accountId: n.accountId,
      kind: n.kind,
      cause: n.cause,
      ...text,
      channels: ['console'],
      createdAt: n.at,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length > 0;
}
