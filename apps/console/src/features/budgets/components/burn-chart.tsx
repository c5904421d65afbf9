import type { Budget } from '@idv/contracts';
import { Chart } from '../../../components/ui/chart.tsx';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { burnSeries, fromCents, toCents } from '../burn.ts';

/** R10.1 per budget: cumulative spent by day, the forecast to month end (dashed), the thresholds (lines). */
export function BurnChart({ budget, today }: { budget: Budget; today: string }) {
  const { t } = useI18n();
  const series = burnSeries(budget.month, today, budget.daily, budget.spent, budget.forecast);
  const amount = toCents(budget.amount);
  const refs = budget.thresholds.map((th) => {
    const at = fromCents((amount * BigInt(th)) / 100n);
    return {
      value: Number(at),
      label: t('budgets.chart.threshold', { threshold: String(th), amount: formatMoney(at) }),
    };
  });
  return (
    <Chart
      variant="line"
      title={t('budgets.chart.title', { name: budget.name })}
      summary={t('budgets.chart.summary', {
        spent: formatMoney(budget.spent),
        forecast: formatMoney(budget.forecast),
        amount: formatMoney(budget.amount),
      })}
      data={series.map((p) => ({
        key: p.date,
        axisLabel: p.date.slice(8),
        value: Number(p.amount),
        display: p.projected ? t('budgets.chart.projected', { amount: formatMoney(p.amount) }) : formatMoney(p.amount),
        projected: p.projected,
      }))}
      referenceLines={refs}
      categoryLabel={t('budgets.chart.day')}
      valueLabel={t('budgets.chart.value')}
      tableToggleLabel={t('budgets.chart.table')}
      highlightKey={today}
      footer={
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          <span>{t('budgets.chart.legendSpent')}</span>
          <span>{t('budgets.chart.legendForecast')}</span>
          <span>{t('budgets.chart.legendThreshold')}</span>
        </p>
      }
    />
  );
}
