import { type Ctx, requireAccount, requireStaff } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { listNotificationsUseCase } from '../use-cases/notifications/list-notifications.ts';
import { listOutboxUseCase } from '../use-cases/notifications/list-outbox.ts';
import { markNotificationsRead } from '../use-cases/notifications/mark-notifications-read.ts';
import {
  getNotificationSettings,
  updateNotificationSettings,
} from '../use-cases/notifications/update-notification-settings.ts';

function lang(c: Ctx, explicit: 'zh-CN' | 'en' | undefined): 'zh-CN' | 'en' {
  if (explicit) return explicit;
  return /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'zh-CN';
}

export const notificationRoutes = declaredRoutes()
  .get('/notifications', async (c, input) => {
    const { accountId } = requireAccount(c, 'read');
    const q = input.query();
    return c.json(await listNotificationsUseCase(c.get('deps'), accountId, { ...q, lang: lang(c, q.lang) }));
  })
  // Marking read is open to every role, but a read-only agent must leave the customer's state untouched.
  .post('/notifications/read-all', async (c) => {
    const { accountId } = requireAccount(c, 'personal');
    await markNotificationsRead(c.get('deps'), accountId, null);
    return c.body(null, 204);
  })
  .post('/notifications/:id/read', async (c, input) => {
    const { accountId } = requireAccount(c, 'personal');
    const { id } = input.params();
    await markNotificationsRead(c.get('deps'), accountId, BigInt(id));
    return c.body(null, 204);
  })
  .get('/notification-settings', async (c) => {
    const { accountId } = requireAccount(c, 'read');
    return c.json(await getNotificationSettings(c.get('deps'), accountId));
  })
  .put('/notification-settings', async (c, input) => {
    const { accountId } = requireAccount(c, 'settings');
    const body = await input.body();
    return c.json(await updateNotificationSettings(c.get('deps'), accountId, body));
  })
  .get('/staff/outbox', async (c, input) => {
    requireStaff(c, 'support');
    return c.json(await listOutboxUseCase(c.get('deps'), input.query()));
  });
