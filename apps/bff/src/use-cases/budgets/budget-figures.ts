import {
  addDays,
  type BillingLabel,
  cstDate,
  cstMonth,
  formatAmount,
  type Money,
  monthRange,
  parseMoney,
  priceLine,
} from '@idv/billing';
import type { Budget } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { iso } from '../../presenters.ts';
import type { AccountRow } from '../../repositories/accounts.ts';
import {
  type BudgetAlertRow,
  type BudgetRow,
  type BudgetScope,
  labelsUsedSince,
  postpaidCallsBetween,
  scopedSpent,
  scopedSpentByDay,
} from '../../repositories/budgets.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { presentMoney } from '../bills/bills-shared.ts';
import { forecastAccountLabel } from '../packs/label-forecast.ts';

export const DEFAULT_THRESHOLDS = [50, 80, 100];

const scopeOf = (b: BudgetRow): BudgetScope => ({ product: b.scopeProduct, label: b.scopeLabel });
const inScope = (l: BillingLabel, s: BudgetScope) =>
  s.label !== null ? l.code === s.label : s.product !== null ? l.product === s.product : true;

/**
 * R10.1 The expected charges of the rest of `month` in a scope, at the account's `now`: for each label
 * of the scope used in the last 30 days, the calls still to be charged this month that no pack will
 * take, priced at the label's unit price as one line (R5.1 half-up to the cent):
 *  - postpaid calls already made this month and not settled yet (after settled_through, through today);
 *  - plus the shared usage forecast (label-forecast.ts: weekday-aware, trend, flowed through the
 *    label's active packs in R4.2 order) from the rest of today through the month's last day;
 *  - plus the purchases the label's enabled auto top-up rule is projected to make this month (R10.2).
 * Decision 0014: usage is counted in the month it happens (a daily account's last day settles on the
 * 1st, a monthly account's month on the next 1st); monthly volume tiers (R5.2) are not applied.
 */
export async function expectedRestOfMonth(
  deps: Deps,
  account: AccountRow,
  scope: BudgetScope,
  month: string,
  now: Date,
): Promise<Money> {
  const today = cstDate(now);
  if (cstMonth(now) !== month) return 0n;
  const { start } = monthRange(month);
  const monthFirst = cstDate(start);
  const lastDay = addDays(cstDate(monthRange(month).end), -1);
  const labels = await catalogMap(deps.db);
  const used = await labelsUsedSince(deps.db, account.id, addDays(today, -30));
  let total = 0n;
  for (const code of used) {
    const label = labels.get(code);
    if (!label || !inScope(label, scope)) continue;
    const unsettledFrom = [monthFirst, account.settledThrough ? addDays(account.settledThrough, 1) : monthFirst]
      .sort()
      .at(-1) as string;
    const made = await postpaidCallsBetween(deps.db, account.id, code, unsettledFrom, today);
    const { forecast, autoTopup } = await forecastAccountLabel(deps, account, label, now, () => lastDay);
    total += priceLine(label.unitPrice, made + forecast.postpaidCalls);
    // R10.2 the auto top-up rule's projected purchases of this month are charges of the month too.
    for (const p of autoTopup?.purchases ?? []) if (p.date <= lastDay) total += p.amount;
  }
  return total;
}

export interface BudgetFigures {
  spent: Money;
  forecast: Money;
  daily: { date: string; spent: string }[];
}

/** R10.1 spent (the bill overview's counting for the scope), forecast, and the cumulative spent per day. */
export async function budgetFigures(
  deps: Deps,
  account: AccountRow,
  b: BudgetRow,
  month: string,
  now: Date,
): Promise<BudgetFigures> {
  const scope = scopeOf(b);
  const [spentText, byDay] = await Promise.all([
    scopedSpent(deps.db, account.id, month, scope),
    scopedSpentByDay(deps.db, account.id, month, scope),
  ]);
  const spent = parseMoney(spentText);
  const forecast = spent + (await expectedRestOfMonth(deps, account, scope, month, now));
  let running = 0n;
  const daily = byDay.map((d) => {
    running += parseMoney(d.total);
    return { date: d.day, spent: presentMoney(running) };
  });
  return { spent, forecast, daily };
}

export function presentBudget(b: BudgetRow, month: string, f: BudgetFigures, alerts: BudgetAlertRow[]): Budget {
  const scope: Budget['scope'] = {};
  if (b.scopeProduct) scope.product = b.scopeProduct;
  if (b.scopeLabel) scope.label = b.scopeLabel;
  return {
    id: b.id,
    name: b.name,
    amount: formatAmount(parseMoney(b.amount)),
    scope,
    thresholds: [...b.thresholds].sort((x, y) => x - y),
    month,
    spent: presentMoney(f.spent),
    forecast: presentMoney(f.forecast),
    alerts: alerts
      .filter((a) => a.budgetId === b.id)
      .map((a) => ({ threshold: a.threshold, kind: a.kind, at: iso(a.at) })),
    daily: f.daily,
  };
}
