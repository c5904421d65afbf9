import { clsx } from 'clsx';
import type { ReactNode } from 'react';

/** A white console card with an optional heading row. */
export function Panel({
  title,
  description,
  actions,
  children,
  className,
  bodyClassName,
  headingId,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
  headingId?: string;
}) {
  return (
    <section
      aria-labelledby={title ? headingId : undefined}
      className={clsx('rounded-md border border-slate-200 bg-white shadow-xs', className)}
    >
      {title ? (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-3.5">
          <div>
            <h2 id={headingId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
          </div>
          {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className={clsx(bodyClassName ?? 'p-5')}>{children}</div>
    </section>
  );
}

/** The page title row: h1, description, actions. */
export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  back?: ReactNode;
}) {
  return (
    <div className="mb-5">
      {back ? <div className="mb-2">{back}</div> : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          {/* Long ids (an order number) wrap instead of widening a phone's page (issue 17). */}
          <h1 className="text-xl font-semibold [overflow-wrap:anywhere] text-slate-900">{title}</h1>
          {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}

/** Label/value pairs in a responsive grid. */
export function DescriptionList({
  items,
  columns = 3,
}: {
  items: { term: ReactNode; value: ReactNode; key: string }[];
  columns?: 2 | 3 | 4;
}) {
  const cols = { 2: 'sm:grid-cols-2', 3: 'sm:grid-cols-2 lg:grid-cols-3', 4: 'sm:grid-cols-2 lg:grid-cols-4' }[columns];
  return (
    <dl className={clsx('grid grid-cols-1 gap-x-6 gap-y-4', cols)}>
      {items.map((it) => (
        <div key={it.key} className="min-w-0">
          <dt className="text-xs text-slate-600">{it.term}</dt>
          <dd className="mt-1 text-sm text-slate-900 break-words">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
