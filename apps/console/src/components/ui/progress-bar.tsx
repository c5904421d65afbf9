import { clsx } from 'clsx';

export type ProgressTone = 'brand' | 'warning' | 'danger' | 'muted';

const fills: Record<ProgressTone, string> = {
  brand: 'bg-brand-600',
  warning: 'bg-amber-500',
  danger: 'bg-red-600',
  muted: 'bg-slate-400',
};

/** The projected segment: the fill's colour as hatching (currentColor) on a light tone of it. */
const projections: Record<ProgressTone, string> = {
  brand: 'bg-brand-100 text-brand-600',
  warning: 'bg-amber-100 text-amber-600',
  danger: 'bg-red-100 text-red-600',
  muted: 'bg-slate-200 text-slate-400',
};

const clamp = (n: number) => (Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0);

/**
 * A horizontal bar with role="progressbar". `value` is 0..100 (clamped); `valueText` is what a
 * screen reader says (e.g. "64.20% used"). `projected` (optional, 0..100) draws a hatched segment from
 * `value` to it, ending in a thin marker; say what it means in text through `aria-describedby`.
 */
export function ProgressBar({
  value,
  label,
  valueText,
  tone = 'brand',
  className,
  projected,
  'aria-describedby': describedBy,
}: {
  value: number;
  label: string;
  valueText?: string;
  tone?: ProgressTone;
  className?: string;
  projected?: number | undefined;
  'aria-describedby'?: string | undefined;
}) {
  const v = clamp(value);
  const p = projected === undefined ? undefined : clamp(projected);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v}
      aria-valuetext={valueText}
      aria-describedby={describedBy}
      className={clsx('relative h-1.5 w-full overflow-hidden rounded-full bg-slate-200', className)}
    >
      <div className={clsx('h-full rounded-full', fills[tone])} style={{ width: `${v}%` }} />
      {p !== undefined && p > v ? (
        <div
          data-testid="progress-projected"
          className={clsx('absolute inset-y-0 border-r-2 border-current', projections[tone])}
          style={{
            left: `${v}%`,
            width: `${p - v}%`,
            backgroundImage: 'repeating-linear-gradient(135deg, currentColor 0 1.5px, transparent 1.5px 4px)',
          }}
        />
      ) : null}
    </div>
  );
}
