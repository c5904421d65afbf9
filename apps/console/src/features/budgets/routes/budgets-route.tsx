import type { Budget } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmActionDialog } from '../../../components/confirm-action-dialog.tsx';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { Badge, Button, DescriptionList, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { type Translate, useI18n } from '../../../lib/i18n.tsx';
import { meQueryOptions } from '../../../lib/me-query.ts';
import { can } from '../../../lib/permissions.ts';
import { useServerNow } from '../../../lib/use-server-now.ts';
import { budgetsQueryOptions, deleteBudgetMutationOptions } from '../api/budgets.ts';
import { BudgetDialog } from '../components/budget-dialog.tsx';
import { BurnChart } from '../components/burn-chart.tsx';

/** The account's CST date of a server time in ms. */
const cstDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** R10.1 Budgets: per budget its spent, forecast, thresholds, alerts and burn chart; owner/finance edit. */
export function BudgetsRoute() {
  const { t } = useI18n();
  const me = useQuery(meQueryOptions());
  const budgets = useQuery(budgetsQueryOptions());
  const editable = can(me.data, 'buy');
  const today = cstDay(useServerNow(60_000));
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('budgets.title')}
        description={t('budgets.subtitle')}
        actions={
          editable ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('budgets.create')}
            </Button>
          ) : null
        }
      />
      <ItemsQueryView
        query={budgets}
        empty={
          <Panel>
            <EmptyState title={t('budgets.emptyTitle')}>
              {editable ? t('budgets.emptyBody') : t('budgets.emptyReadOnly')}
            </EmptyState>
          </Panel>
        }
      >
        {(data) => (
          <div className="flex flex-col gap-6">
            {data.items.map((b) => (
              <BudgetPanel key={b.id} budget={b} today={today} editable={editable} />
            ))}
          </div>
        )}
      </ItemsQueryView>
      {creating ? <BudgetDialog open onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function scopeText(b: Budget, t: Translate) {
  if (b.scope.label) return t('budgets.scope.label', { label: b.scope.label });
  if (b.scope.product) return t('budgets.scope.product', { product: b.scope.product });
  return t('budgets.scope.account');
}

function BudgetPanel({ budget, today, editable }: { budget: Budget; today: string; editable: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const del = useMutation({
    ...deleteBudgetMutationOptions(),
    onSuccess: () => {
      setDeleting(false);
      void qc.invalidateQueries({ queryKey: ['budgets'] });
    },
  });
  return (
    <Panel
      title={budget.name}
      description={`${scopeText(budget, t)} · ${t('budgets.month', { month: budget.month })}`}
      actions={
        editable ? (
          <div className="flex gap-2">
            <Button onClick={() => setEditing(true)} aria-label={`${t('budgets.edit')} ${budget.name}`}>
              {t('budgets.edit')}
            </Button>
            <Button onClick={() => setDeleting(true)} aria-label={`${t('budgets.delete')} ${budget.name}`}>
              {t('budgets.delete')}
            </Button>
          </div>
        ) : null
      }
    >
      <DescriptionList
        columns={4}
        items={[
          { key: 'amount', term: t('budgets.amount'), value: formatMoney(budget.amount) },
          { key: 'spent', term: t('budgets.spent'), value: formatMoney(budget.spent) },
          { key: 'forecast', term: t('budgets.forecast'), value: formatMoney(budget.forecast) },
          {
            key: 'thresholds',
            term: t('budgets.thresholds'),
            value: budget.thresholds.map((x) => `${x}%`).join(' · '),
          },
        ]}
      />
      <div className="mt-4">
        <BurnChart budget={budget} today={today} />
      </div>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('budgets.alerts')}</h3>
      {budget.alerts.length === 0 ? (
        <p className="text-sm text-slate-600">{t('budgets.noAlerts')}</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-2">
          {budget.alerts.map((a) => (
            <li key={`${a.kind}-${a.threshold}`}>
              <Badge tone={a.kind === 'actual' ? 'warning' : 'info'}>
                {t(a.kind === 'actual' ? 'budgets.alert.actual' : 'budgets.alert.forecast', {
                  threshold: String(a.threshold),
                })}{' '}
                · {formatDateTime(a.at)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {editing ? <BudgetDialog open budget={budget} onClose={() => setEditing(false)} /> : null}
      <ConfirmActionDialog
        open={deleting}
        title={t('budgets.delete.title', { name: budget.name })}
        confirmLabel={t('budgets.delete.confirm')}
        busy={del.isPending}
        error={del.error}
        onConfirm={() => del.mutate(budget.id)}
        onCancel={() => {
          del.reset();
          setDeleting(false);
        }}
      >
        <p>{t('budgets.delete.body')}</p>
      </ConfirmActionDialog>
    </Panel>
  );
}
