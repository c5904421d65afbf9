import type { Plan, PlannerResponse } from '@idv/contracts';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/index.ts';
import { formatCount, formatMoney, formatPercent } from '../../../lib/format.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n.tsx';

type Row = { key: string; name: MessageKey; plan: Plan; highlight?: boolean };

function PackList({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  if (plan.packs.length === 0) return <span className="text-slate-600">{t('planner.packs.none')}</span>;
  return (
    <ul className="m-0 list-none p-0">
      {plan.packs.map((p) => (
        <li key={p.size} className="tabular">
          {t('planner.packs.line', { size: formatCount(p.size), quantity: p.quantity })}
        </li>
      ))}
    </ul>
  );
}

/** Best vs all postpaid vs the hand-made plans, each with its saving against all postpaid. */
export function PlanTable({ result }: { result: PlannerResponse }) {
  const { t } = useI18n();
  const rows: Row[] = [
    { key: 'best', name: 'planner.strategy.best', plan: result.best, highlight: true },
    { key: 'allPostpaid', name: 'planner.strategy.allPostpaid', plan: result.allPostpaid },
    ...result.alternatives.map(
      (a): Row => ({ key: a.strategy, name: `planner.strategy.${a.strategy}` as MessageKey, plan: a }),
    ),
  ];
  return (
    <Table caption={t('planner.result.caption')}>
      <THead>
        <tr>
          <Th>{t('planner.col.plan')}</Th>
          <Th>{t('planner.col.packs')}</Th>
          <Th align="right">{t('planner.col.postpaid')}</Th>
          <Th align="right">{t('planner.col.unused')}</Th>
          <Th align="right">{t('planner.col.total')}</Th>
          <Th align="right">{t('planner.col.saving')}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.key} className={r.highlight ? 'bg-brand-50/60' : undefined}>
            <th scope="row" className="px-3 py-3 text-left font-medium text-slate-900" data-strategy={r.key}>
              {t(r.name)}
            </th>
            <Td>
              <PackList plan={r.plan} />
            </Td>
            <Td align="right">{formatCount(r.plan.postpaidCalls)}</Td>
            <Td align="right">{formatCount(r.plan.unusedCalls)}</Td>
            <Td align="right" className={r.highlight ? 'font-semibold text-slate-900' : undefined}>
              {formatMoney(r.plan.total)}
            </Td>
            <Td align="right" className={r.plan.saving.startsWith('-') ? 'text-red-700' : undefined}>
              {formatMoney(r.plan.saving)}
              <span className="block text-xs text-slate-600">{formatPercent(r.plan.savingPercent)}</span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
