import { clsx } from 'clsx';
import type { ReactNode } from 'react';

export type BannerTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<BannerTone, string> = {
  info: 'border-brand-200 bg-brand-50 text-brand-800',
  success: 'border-green-300 bg-green-50 text-green-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  error: 'border-red-300 bg-red-50 text-red-900',
};

const icons: Record<BannerTone, string> = {
  info: 'M12 8h.01M11 12h1v4h1',
  success: 'M8 12l3 3 5-6',
  warning: 'M12 8v4m0 4h.01',
  error: 'M12 8v4m0 4h.01',
};

/**
 * An inline message. Errors use role="alert" (announced at once); the rest role="status".
 */
export function Banner({
  tone = 'info',
  title,
  children,
  action,
  className,
}: {
  tone?: BannerTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={clsx('flex items-start gap-3 rounded border px-4 py-3 text-sm', tones[tone], className)}
    >
      <svg
        viewBox="0 0 24 24"
        className="mt-0.5 size-4 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="10" />
        <path d={icons[tone]} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <div className="min-w-0 flex-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={clsx(title && 'mt-0.5')}>{children}</div> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
