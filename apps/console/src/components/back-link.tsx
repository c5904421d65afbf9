import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The "← back to the list" link above a detail page's title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="text-sm text-brand-700 underline-offset-2 hover:underline">
      ← {children}
    </Link>
  );
}
