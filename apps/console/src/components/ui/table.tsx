import { clsx } from 'clsx';
import { createContext, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes, useContext } from 'react';

/**
 * How a table lays out: `stack` turns each row into a card below the `md` breakpoint (phones: every
 * cell shows its own label, nothing scrolls sideways); `stickyFirst` keeps the first column in view
 * while a wide table scrolls horizontally on larger screens (issue 17).
 */
interface TableLayout {
  stack: boolean;
}
const LayoutContext = createContext<TableLayout>({ stack: false });

/**
 * A data table in a horizontally scrollable, keyboard-focusable region. With `stack`, below 768 px
 * the same table (one DOM, so screen readers and tests see one table) is shown as a list of cards:
 * the header row is kept for assistive technology only and each cell shows its `label` (see Td).
 */
export function Table({
  caption,
  captionHidden = true,
  children,
  className,
  busy,
  stack = false,
  stickyFirst = false,
}: {
  caption: string;
  captionHidden?: boolean;
  children: ReactNode;
  className?: string;
  busy?: boolean;
  /** Cards below `md` (768 px): each row a card, each cell labelled. */
  stack?: boolean;
  /** From `md` up, the first column stays in place while the table scrolls sideways. */
  stickyFirst?: boolean;
}) {
  return (
    <LayoutContext.Provider value={{ stack }}>
      <section
        aria-label={caption}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        data-table-layout={stack ? 'stack' : 'table'}
        // `relative`: absolutely positioned descendants (sr-only texts) are then clipped by this region
        // instead of widening the whole page, which made phones scroll sideways into blank space.
        className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <table
          className={clsx(
            'w-full border-collapse text-left text-sm',
            stack && 'max-md:block',
            stickyFirst && [
              'md:[&_tr>*:first-child]:sticky md:[&_tr>*:first-child]:left-0 md:[&_tr>*:first-child]:z-[1]',
              'md:[&_tr>*:first-child]:shadow-[inset_-1px_0_0_var(--color-slate-200)]',
              'md:[&_td:first-child]:bg-white md:[&_th:first-child]:bg-slate-50',
            ],
            className,
          )}
          aria-busy={busy || undefined}
        >
          <caption
            className={clsx(
              captionHidden ? 'sr-only' : 'pb-2 text-left text-sm font-semibold',
              stack && !captionHidden && 'max-md:block',
            )}
          >
            {caption}
          </caption>
          {children}
        </table>
      </section>
    </LayoutContext.Provider>
  );
}

export function THead({ children }: { children: ReactNode }) {
  const { stack } = useContext(LayoutContext);
  // Stacked: the header row stays for screen readers; the cards carry visible labels instead.
  return (
    <thead className={clsx('bg-slate-50 text-xs font-medium text-slate-700', stack && 'max-md:sr-only')}>
      {children}
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  const { stack } = useContext(LayoutContext);
  return <tbody className={clsx('divide-y divide-slate-200', stack && 'max-md:block')}>{children}</tbody>;
}

export function Tr({ children, className }: { children: ReactNode; className?: string }) {
  const { stack } = useContext(LayoutContext);
  return (
    <tr
      className={clsx(
        'align-top hover:bg-slate-50/70',
        stack && 'max-md:grid max-md:grid-cols-2 max-md:gap-x-4 max-md:gap-y-3 max-md:px-4 max-md:py-4',
        className,
      )}
    >
      {children}
    </tr>
  );
}

export function Th({
  className,
  align,
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' }) {
  return (
    <th
      scope="col"
      className={clsx(
        'border-b border-slate-200 px-3 py-2.5 font-medium',
        align === 'right' && 'text-right',
        className,
      )}
      {...rest}
    />
  );
}

export function Td({
  className,
  align,
  label,
  wide = false,
  stackHidden = false,
  ...rest
}: TdHTMLAttributes<HTMLTableCellElement> & {
  align?: 'left' | 'right';
  /**
   * In a stacked table, the visible label of this cell on phones (usually the column header). It is
   * drawn by CSS from `data-label`, so the cell's text stays its value (screen readers also get the
   * column header from the table itself).
   */
  label?: string;
  /** In a stacked table, the cell spans the card's full width on phones. */
  wide?: boolean;
  /** In a stacked table, the cell is not shown on phones (its content is shown elsewhere in the card). */
  stackHidden?: boolean;
}) {
  const { stack } = useContext(LayoutContext);
  return (
    <td
      data-label={stack && label ? label : undefined}
      className={clsx(
        'px-3 py-3',
        align === 'right' && 'text-right tabular',
        className,
        stack && (stackHidden ? 'max-md:hidden' : 'max-md:block'),
        stack && 'max-md:min-w-0 max-md:max-w-none max-md:p-0 max-md:text-left max-md:whitespace-normal',
        stack &&
          label &&
          'max-md:before:mb-0.5 max-md:before:block max-md:before:text-xs max-md:before:font-normal max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]',
        stack && wide && 'max-md:col-span-2',
      )}
      {...rest}
    />
  );
}

/** One column of a `DataTable`: its header, how a row fills its cell, and the cell's layout. */
export interface Column<R> {
  key: string;
  head: ReactNode;
  cell: (row: R) => ReactNode;
  align?: 'left' | 'right';
  /** Classes of the header cell. */
  headClassName?: string;
  /** Classes of the body cell (or, per row, a function of it). */
  className?: string | ((row: R) => string | undefined);
  /** In a stacked table, the cell's label on phones (see Td); by default a text `head`, '' for none. */
  label?: string;
  /** In a stacked table, the cell spans the card's width on phones. */
  wide?: boolean;
}

/** Each row's React key: optional for rows with an `id` (the default key), required otherwise. */
type RowKey<R> = R extends { id: string | number }
  ? { rowKey?: (row: R) => string | number }
  : { rowKey: (row: R) => string | number };

const byId = (row: unknown): string | number => (row as { id: string | number }).id;

/**
 * A table drawn from its columns: one header row, then one row per item (`rowKey` its React key),
 * then `footer` rows if any. For tables whose cells are all plain `Td`s (a row header needs Tr/Td).
 *
 *   <DataTable caption={…} rows={items} rowKey={(r) => r.id}
 *     columns={[{ key: 'amount', head: t('…'), align: 'right', cell: (r) => formatMoney(r.amount) }]} />
 */
export function DataTable<R>({
  columns: dataColumns,
  actions,
  rows,
  rowKey = byId,
  rowClassName,
  footer,
  ...table
}: {
  columns: readonly Column<R>[];
  /** A last column of row actions (buttons, links): its header is for screen readers only (`label`), its cells align right. */
  actions?: { label: string; cell: (row: R) => ReactNode; className?: string };
  rows: readonly R[];
  rowClassName?: (row: R) => string | undefined;
  footer?: ReactNode;
  caption: string;
  busy?: boolean;
  stack?: boolean;
  stickyFirst?: boolean;
} & RowKey<R>) {
  const columns: readonly Column<R>[] = actions
    ? [
        ...dataColumns,
        {
          key: 'actions',
          head: <span className="sr-only">{actions.label}</span>,
          label: '',
          align: 'right',
          cell: actions.cell,
          className: actions.className,
        },
      ]
    : dataColumns;
  return (
    <Table {...table}>
      <THead>
        <tr>
          {columns.map((c) => (
            <Th key={c.key} align={c.align} className={c.headClassName}>
              {c.head}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={rowKey(r)} className={rowClassName?.(r)}>
            {columns.map((c) => (
              <Td
                key={c.key}
                align={c.align}
                className={typeof c.className === 'function' ? c.className(r) : c.className}
                label={c.label ?? (typeof c.head === 'string' ? c.head : undefined)}
                wide={c.wide}
              >
                {c.cell(r)}
              </Td>
            ))}
          </Tr>
        ))}
        {footer}
      </TBody>
    </Table>
  );
}
