import type { Me } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { meQueryOptions } from '../lib/me-query.ts';
import { EmptyState } from './ui/empty-state.tsx';

/**
 * A page for some roles only: once `/me` is known and `allow` says no, it shows why (`title`, `body`)
 * instead of the page. The server refuses the page's requests anyway; this only explains.
 */
export function RoleGate({
  allow,
  title,
  body,
  children,
}: {
  allow: (me: Me) => boolean;
  title: string;
  body: string;
  children: ReactNode;
}) {
  const me = useQuery(meQueryOptions()).data;
  if (me && !allow(me)) {
    return (
      <EmptyState icon="alert" title={title}>
        {body}
      </EmptyState>
    );
  }
  return children;
}
