import { clsx } from 'clsx';
import type { ReactNode } from 'react';

export function Spinner({
  size = 'md',
  label,
  decorative = false,
}: {
  size?: 'sm' | 'md' | 'lg';
  /** Announced to screen readers unless decorative. */
  label?: string;
  decorative?: boolean;
}) {
  const px = size === 'sm' ? 'size-4' : size === 'lg' ? 'size-8' : 'size-5';
  const svg = (
    <svg
      className={clsx(px, 'motion-safe:animate-spin text-current')}
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (decorative) return svg;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-slate-600">
      {svg}
      {label ? <span className="text-sm">{label}</span> : null}
    </span>
  );
}

/** A grey placeholder block; hidden from assistive tech (the surrounding region carries aria-busy). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={clsx('block motion-safe:animate-pulse rounded bg-slate-200', className ?? 'h-4 w-full')}
    />
  );
}

/** Wraps loading content: aria-busy plus a screen-reader-only label. */
export function Busy({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div aria-busy="true" className={className}>
      <span role="status" className="sr-only">
        {label}
      </span>
      {children}
    </div>
  );
}
