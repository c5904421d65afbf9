import { clsx } from 'clsx';
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/** A data table in a horizontally scrollable, keyboard-focusable region. */
export function Table({
  caption,
  captionHidden = true,
  children,
  className,
  busy,
}: {
  caption: string;
  captionHidden?: boolean;
  children: ReactNode;
  className?: string;
  busy?: boolean;
}) {
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className={clsx('w-full border-collapse text-left text-sm', className)} aria-busy={busy || undefined}>
        <caption className={clsx(captionHidden ? 'sr-only' : 'pb-2 text-left text-sm font-semibold')}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-slate-50 text-xs font-medium text-slate-700">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-200">{children}</tbody>;
}

export function Tr({ children, className }: { children: ReactNode; className?: string }) {
  return <tr className={clsx('align-top hover:bg-slate-50/70', className)}>{children}</tr>;
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
  ...rest
}: TdHTMLAttributes<HTMLTableCellElement> & { align?: 'left' | 'right' }) {
  return <td className={clsx('px-3 py-3', align === 'right' && 'text-right tabular', className)} {...rest} />;
}
