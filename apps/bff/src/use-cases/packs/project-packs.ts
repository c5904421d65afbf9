import { cstDate, type LabelForecast } from '@idv/billing';
import type { PackProjectionItem, PackProjections } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { packsByIds } from '../../repositories/packs.ts';
import { forecastAccountLabel, packFate } from './label-forecast.ts';

/**
 * GET /packs/projections?ids=… (issue 9): the burn-down projection of up to 100 packs for the pack
 * list's usage bars. One forecast per distinct label among the requested packs (not one per pack), so
 * packs of one label are flowed together in R4.2 order and each item says what GET /packs/:id/forecast
 * says for that pack. Ids that are not the account's packs are left out: the answer never shows
 * whether another account's pack exists, nor any of its data.
 */
export async function projectPacks(deps: Deps, accountId: string, ids: readonly string[]): Promise<PackProjections> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  const today = cstDate(now);

  const wanted = [...new Set(ids.map((id) => BigInt(id)))];
  const rows = await packsByIds(deps.db, accountId, wanted, now);
  const byId = new Map(rows.map((r) => [r.pack.id, r]));

  const catalog = await catalogMap(deps.db);
  const labels = [...new Set(rows.map((r) => r.pack.label))];
  const forecasts = new Map<string, LabelForecast>();
  for (const code of labels) {
    const label = catalog.get(code);
    if (label) forecasts.set(code, (await forecastAccountLabel(deps, account, label, now)).forecast);
  }

  const items: PackProjectionItem[] = [];
  for (const id of wanted) {
    const row = byId.get(id);
    if (!row) continue;
    const { pack } = row;
    const f = forecasts.get(pack.label);
    if (!f) continue;
    const status = row.status as PackProjectionItem['status'];
    const { index, projection, expiringUnused } = packFate(f, pack, status);
    const remainingNow = pack.total - pack.used;

    let projectedUsedAtExpiry = pack.used;
    if (projection) {
      if (projection.runOutDate !== null) projectedUsedAtExpiry = pack.total;
      else if (projection.expiringUnused !== null) projectedUsedAtExpiry = pack.total - projection.expiringUnused;
      else projectedUsedAtExpiry = pack.total - (f.points.at(-1)?.remaining[index] ?? remainingNow);
    }

    items.push({
      packId: pack.id.toString(),
      status,
      total: pack.total,
      runOutDate: projection?.runOutDate ?? null,
      expiringUnused,
      projectedUsedAtExpiry,
      horizon: f.horizon,
      expiresOn: cstDate(pack.expiresAt),
    });
  }
  return { today, items };
}
