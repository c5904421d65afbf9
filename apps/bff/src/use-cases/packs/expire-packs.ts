import { formatCst } from '@idv/billing';
import type { Deps } from '../../deps.ts';
import type { Happening } from '../../jobs/job.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { lockAccount } from '../../repositories/ledger.ts';
import { notify } from '../../repositories/notifications.ts';
import { expireDuePack, packsExpiringBy } from '../../repositories/packs.ts';

const WEEK_MS = 7 * 86_400_000;

/**
 * R7 pack expiry: "expiring" when 7 days are left (packs with calls left), then at expiry the pack
 * becomes `expired` and an "expired" notice is sent. Notices are unique per pack, dated at due time.
 */
export async function expirePacks(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
  const soon = new Date(now.getTime() + WEEK_MS);
  const candidates = await packsExpiringBy(deps.db, accountId, soon);
  if (candidates.length === 0) return [];
  const labels = await catalogMap(deps.db);
  const happened: Happening[] = [];
  await deps.db.transaction(async (tx) => {
    // Every writer of packs locks the account row first (ingest holds it FOR SHARE while deducting).
    await lockAccount(tx, accountId);
    for (const p of candidates) {
      const remaining = p.total - p.used;
      const label = labels.get(p.label);
      const vars = {
        packId: p.id.toString(),
        labelZh: label?.nameZh ?? p.label,
        labelEn: label?.nameEn ?? p.label,
        expiresAt: formatCst(p.expiresAt),
        remaining,
      };
      const expiringAt = new Date(p.expiresAt.getTime() - WEEK_MS);
      if (remaining > 0 && expiringAt.getTime() <= now.getTime()) {
        const sent = await notify(tx, {
          accountId,
          kind: 'pack_expiring',
          cause: `pack:${p.id}`,
          vars,
          at: expiringAt,
        });
        if (sent)
          happened.push({
            at: formatCst(expiringAt),
            kind: 'pack_expiring',
            summary: `Pack ${p.id} (${p.label}) expires in 7 days`,
          });
      }
      if (p.expiresAt.getTime() < now.getTime()) {
        const expiredAt = new Date(p.expiresAt.getTime() + 1);
        if (await expireDuePack(tx, p.id)) {
          if (remaining > 0)
            await notify(tx, { accountId, kind: 'pack_expired', cause: `pack:${p.id}`, vars, at: expiredAt });
          happened.push({
            at: formatCst(expiredAt),
            kind: 'pack_expired',
            summary: `Pack ${p.id} (${p.label}) expired with ${remaining} calls unused`,
          });
        }
      }
    }
  });
  return happened;
}
