import { clsx } from 'clsx';
import type { ReactNode } from 'react';

export function EmptyState({
  title,
  children,
  action,
  icon = 'box',
  className,
  headingLevel = 2,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  icon?: 'box' | 'search' | 'tools' | 'alert';
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const paths: Record<typeof icon, string> = {
    box: 'M4 8l8-4 8 4v8l-8 4-8-4V8zm0 0l8 4 8-4M12 12v8',
    search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14zm5-2l4 4',
    tools: 'M14 7l3-3 3 3-3 3M4 20l9-9M9 4H5v4l11 11 4-4L9 4z',
    alert: 'M12 4l9 16H3L12 4zm0 6v4m0 3h.01',
  };
  return (
    <div className={clsx('flex flex-col items-center px-6 py-12 text-center', className)}>
      <svg
        viewBox="0 0 24 24"
        className="size-12 text-slate-400"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        aria-hidden="true"
      >
        <path d={paths[icon]} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <H className="mt-4 text-base font-semibold text-slate-900">{title}</H>
      {children ? <div className="mt-1 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
