import { clsx } from 'clsx';

export type ProgressTone = 'brand' | 'warning' | 'danger' | 'muted';

const fills: Record<ProgressTone, string> = {
  brand: 'bg-brand-600',
  warning: 'bg-amber-500',
  danger: 'bg-red-600',
  muted: 'bg-slate-400',
};

/**
 * A horizontal bar with role="progressbar". `value` is 0..100 (clamped); `valueText` is what a
 * screen reader says (e.g. "64.20% used").
 */
export function ProgressBar({
  value,
  label,
  valueText,
  tone = 'brand',
  className,
}: {
  value: number;
  label: string;
  valueText?: string;
  tone?: ProgressTone;
  className?: string;
}) {
  const v = Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v}
      aria-valuetext={valueText}
      className={clsx('h-1.5 w-full overflow-hidden rounded-full bg-slate-200', className)}
    >
      <div className={clsx('h-full rounded-full', fills[tone])} style={{ width: `${v}%` }} />
    </div>
  );
}
