import { formatAmount, formatCst, parseMoney } from '@idv/billing';
import type { Deps } from '../../deps.ts';
import type { Happening } from '../../jobs/job.ts';
import { displayMoney } from '../../notifications/templates.ts';
import { getSettings, notify } from '../../repositories/notifications.ts';
import { dayCallsByLabel, remainingByLabel, unreportedSettlements } from '../../repositories/reports.ts';

/**
 * R3.6/R7 daily usage report for subscribers, after each daily settlement: yesterday's calls per label
 * (from packs, postpaid, free), the packs' remaining calls, and the postpaid amount. One per day.
 */
export async function sendDailyReports(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
  const settings = await getSettings(deps.db, accountId);
  if (!settings.dailyReport || !settings.dailyReportSince) return [];
  const due = await unreportedSettlements(deps.db, accountId, settings.dailyReportSince, now);
  const happened: Happening[] = [];
  for (const s of due) {
    const at = new Date(s.settledAt);
    const calls = await dayCallsByLabel(deps.db, accountId, s.period);
    const remaining = await remainingByLabel(deps.db, accountId);
    // Labels called that day, and labels with packs still holding calls (their remaining matters too).
    const labels = [...new Set([...calls.map((c) => c.label), ...remaining.keys()])].sort();
    const count = (label: string, outcome: string) =>
      calls.find((c) => c.label === label && c.outcome === outcome)?.calls ?? 0;
    const amount = formatAmount(parseMoney(s.amount));
    const linesZh = labels.map(
      (l) =>
        `${l}：资源包 ${count(l, 'pack')} 次，后付费 ${count(l, 'postpaid')} 次，免费 ${count(l, 'free')} 次，资源包剩余 ${remaining.get(l) ?? 0} 次`,
    );
    const linesEn = labels.map(
      (l) =>
        `${l}: ${count(l, 'pack')} from packs, ${count(l, 'postpaid')} postpaid, ${count(l, 'free')} free; ${remaining.get(l) ?? 0} left in packs`,
    );
    const summaryZh = [...(linesZh.length ? linesZh : ['当日无调用。']), `后付费金额：${displayMoney(amount)}`].join(
      '\n',
    );
    const summaryEn = [
      ...(linesEn.length ? linesEn : ['No calls that day.']),
      `Postpaid amount: ${displayMoney(amount)}`,
    ].join('\n');
    const sent = await notify(deps.db, {
      accountId,
      kind: 'daily_report',
      cause: `report:${s.period}`,
      vars: { date: s.period, summaryZh, summaryEn },
      at,
    });
    if (sent) happened.push({ at: formatCst(at), kind: 'daily_report', summary: `Daily usage report for ${s.period}` });
  }
  return happened;
}
