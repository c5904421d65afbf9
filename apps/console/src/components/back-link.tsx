import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { focusRing } from './ui/focus.ts';

/** The way back from a page to its list, above the page title (the arrow is decorative). */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      className={`inline-flex items-center gap-1 rounded text-sm text-brand-700 underline-offset-2 hover:underline ${focusRing}`}
    >
      <span aria-hidden="true">←</span> {children}
    </Link>
  );
}
