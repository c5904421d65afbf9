import type { BillColumnId } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import {
  Busy,
  buttonClasses,
  EmptyState,
  Skeleton,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../../components/ui/index.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { billColumnsQueryOptions } from '../api/columns.ts';
import { billItemsCsvUrl, billItemsQueryOptions } from '../api/items.ts';
import { normalizeColumns } from '../columns.ts';
import { BillItemExplainLink, billItemCell, NUMERIC_COLUMNS } from '../components/bill-item-cells.tsx';
import { BillPageFrame } from '../components/bill-page-frame.tsx';
import { ColumnChooser } from '../components/column-chooser.tsx';
import { Pager } from '../components/pager.tsx';
import { columnKey } from '../labels.ts';
import { hasBillFilters } from '../search-params.ts';
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
  const data = query.data;
  const columnLabel = (c: BillColumnId) =>
    c === 'occurredAt' ? `${t(columnKey(c))} (${t('common.cst')})` : t(columnKey(c));

  let body: ReactNode;
  if (query.isPending || prefs.isPending) {
    body = (
      <Busy label={t('common.loading')} className="flex flex-col gap-3 p-5">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-8" />
        ))}
      </Busy>
    );
  } else if (query.isError && !data) {
    body = (
      <div className="p-5">
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  } else if (data && data.items.length === 0) {
    body = hasBillFilters(search) ? (
      <EmptyState icon="search" title={t('bills.empty.filteredTitle')}>
        {t('bills.empty.filteredBody')}
      </EmptyState>
    ) : (
      <EmptyState title={t('bills.empty.noneTitle')}>{t('bills.empty.noneBody', { month })}</EmptyState>
    );
  } else if (data) {
    body = (
      <Table caption={t('bills.items.caption', { month })} busy={query.isPlaceholderData} stack stickyFirst>
        <THead>
          <tr>
            {columns.map((c) => (
              <Th key={c} align={NUMERIC_COLUMNS.has(c) ? 'right' : 'left'} className="whitespace-nowrap" data-col={c}>
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
    );
  }

  return (
    <BillPageFrame
      state={state}
      summary={
        data ? (
          <span data-testid="bill-summary" data-count={data.summary.count}>
            {t('bills.items.summary', {
              count: formatCount(data.summary.count),
              total: formatMoney(data.summary.total),
            })}
          </span>
        ) : (
          t('common.loading')
        )
      }
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
    >
      {query.isError && data ? (
        <div className="px-5 pt-4">
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : null}
      {prefs.isError ? (
        <div className="px-5 pt-4">
          <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} />
        </div>
      ) : null}
      {body}
      {data ? (
        <Pager
          label={t('bills.pagination')}
          shown={t('bills.page.shown', { count: formatCount(data.items.length) })}
          cursor={search.cursor}
          nextCursor={data.nextCursor}
          hasPrev={state.hasPrev}
          onFirst={() => state.update({})}
          onPrev={state.goPrev}
          onNext={state.goNext}
        />
      ) : null}
    </BillPageFrame>
  );
}
