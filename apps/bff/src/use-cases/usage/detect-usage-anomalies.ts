import { addDays, endOfCstDay, formatCst, judgeUsageDay } from '@idv/billing';
import type { Deps } from '../../deps.ts';
import type { Happening } from '../../jobs/job.ts';
import { getAccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { labelUsageHistory } from '../../repositories/forecast.ts';
import { notify } from '../../repositories/notifications.ts';
import { anomalyCheckedThrough, labelsBilledOn, setAnomalyCheckedThrough } from '../../repositories/usage-anomaly.ts';
import { settlementDue } from '../settlement/settle-period.ts';

/** A long gap (a demo clock jumping months) is judged for its last days only. */
const MAX_CATCH_UP_DAYS = 60;

/**
 * R10.3 After each daily settlement: every day settled since the last check (the first time: only
 * the last settled day) is judged per label with billable calls that day, against the same
 * weekday-aware history the advice pages use (labelUsageHistory: the 30 days before it, never before
 * activation). A day above the normal range (judgeUsageDay) gets one `usage_anomaly` notice for that
 * label and day (cause `anomaly:<label>:<day>`), dated at the day's settlement time. Monthly accounts
 * have no daily settlement and get none.
 */
export async function detectUsageAnomalies(deps: Deps, accountId: string): Promise<Happening[]> {
  const account = await getAccountRow(deps.db, accountId);
  if (account?.settlement !== 'daily' || account.settledThrough === null) return [];
  const settled = account.settledThrough;
  const checked = await anomalyCheckedThrough(deps.db, accountId);
  if (checked !== null && checked >= settled) return [];
  let from = checked === null ? settled : addDays(checked, 1);
  if (from < addDays(settled, -(MAX_CATCH_UP_DAYS - 1))) from = addDays(settled, -(MAX_CATCH_UP_DAYS - 1));
  const labels = await catalogMap(deps.db);
  const out: Happening[] = [];
  for (let day = from; day <= settled; day = addDays(day, 1)) {
    const at = settlementDue({ kind: 'daily', day });
    for (const code of await labelsBilledOn(deps.db, accountId, day)) {
      const usage = await labelUsageHistory(deps.db, account, code, endOfCstDay(day));
      const v = judgeUsageDay(day, usage.history, usage.todaySoFar);
      if (!v.anomalous) continue;
      const label = labels.get(code);
      const sent = await notify(deps.db, {
        accountId,
        kind: 'usage_anomaly',
        cause: `anomaly:${code}:${day}`,
        at,
        vars: {
          labelZh: label?.nameZh ?? code,
          labelEn: label?.nameEn ?? code,
          date: day,
          actual: usage.todaySoFar,
          expected: v.expected,
          upper: v.upper,
        },
      });
      if (sent) {
        out.push({
          at: formatCst(at),
          kind: 'usage_anomaly',
          summary: `${code} on ${day}: ${usage.todaySoFar} billable calls, about ${v.expected} expected`,
          detail: { label: code, day, actual: usage.todaySoFar, expected: v.expected, upper: v.upper },
        });
      }
    }
  }
  await setAnomalyCheckedThrough(deps.db, accountId, settled);
  return out;
}
