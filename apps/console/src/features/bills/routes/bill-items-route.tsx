import type { BillColumnId } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { QueryError } from '../../../components/query-error.tsx';
import { buttonClasses, Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/index.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { billColumnsQueryOptions } from '../api/columns.ts';
import { billItemsCsvUrl, billItemsQueryOptions } from '../api/items.ts';
import { normalizeColumns } from '../columns.ts';
import { BillItemExplainLink, billItemCell, NUMERIC_COLUMNS } from '../components/bill-item-cells.tsx';
import { BillPageFrame } from '../components/bill-page-frame.tsx';
import { ColumnChooser } from '../components/column-chooser.tsx';
import { columnKey } from '../labels.ts';
import { useBillSearch } from '../use-bill-search.ts';

/**
 * R5.5 itemized bill: one row per charge (never aggregated), keyset-paginated, with the filter's
 * count and sum, a per-user column chooser and a CSV download of the month with the same filters.
 */
export function BillItemsRoute() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useBillSearch();
  const { search, month } = state;
  const query = useQuery({ ...billItemsQueryOptions(search, month), enabled: Boolean(month) && !state.future });
  const prefs = useQuery(billColumnsQueryOptions());
  const columns = normalizeColumns(prefs.data?.columns ?? []);
  const columnLabel = (c: BillColumnId) =>
    c === 'occurredAt' ? `${t(columnKey(c))} (${t('common.cst')})` : t(columnKey(c));

  return (
    <BillPageFrame
      state={state}
      query={query}
      pending={prefs.isPending}
      rows={5}
      summary={(data) => (
        <span data-testid="bill-summary" data-count={data.summary.count}>
          {t('bills.items.summary', {
            count: formatCount(data.summary.count),
            total: formatMoney(data.summary.total),
          })}
        </span>
      )}
      actions={
        <>
          {prefs.data ? <ColumnChooser columns={columns} /> : null}
          <a
            href={`${billItemsCsvUrl(search, month)}&lang=${encodeURIComponent(i18n.locale)}`}
            download
            className={buttonClasses('secondary', 'sm')}
          >
            {t('bills.csv')}
          </a>
        </>
      }
      notice={
        prefs.isError ? (
          <div className="px-5 pt-4">
            <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} />
          </div>
        ) : null
      }
    >
      {(data) => (
        <Table caption={t('bills.items.caption', { month })} busy={query.isPlaceholderData} stack stickyFirst>
          <THead>
            <tr>
              {columns.map((c) => (
                <Th
                  key={c}
                  align={NUMERIC_COLUMNS.has(c) ? 'right' : 'left'}
                  className="whitespace-nowrap"
                  data-col={c}
                >
                  {t(columnKey(c))}
                  {c === 'occurredAt' ? <span className="font-normal text-slate-600"> ({t('common.cst')})</span> : null}
                </Th>
              ))}
              {/* Not a chooser column: every line can always be traced to its rule (issue 9). */}
              <Th className="whitespace-nowrap">{t('bills.items.explainCol')}</Th>
            </tr>
          </THead>
          <TBody>
            {data.items.map((item) => (
              <Tr key={item.id} className={item.transactionType === 'pack_deduction' ? 'text-slate-600' : undefined}>
                {columns.map((c) => (
                  <Td
                    key={c}
                    align={NUMERIC_COLUMNS.has(c) ? 'right' : 'left'}
                    className="py-2.5 whitespace-nowrap"
                    label={columnLabel(c)}
                  >
                    {billItemCell(item, c, i18n)}
                  </Td>
                ))}
                <Td className="py-2.5 whitespace-nowrap" wide>
                  <BillItemExplainLink item={item} i18n={i18n} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </BillPageFrame>
  );
}
