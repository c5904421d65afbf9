import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { meQueryOptions } from '../api/me.ts';

export function isPm(me: { user: { kind: string; roles: string[] } } | undefined): boolean {
  return me?.user.kind === 'staff' && me.user.roles.includes('pm');
}

/** Demo tenants are for product managers (R9.3); anyone else sees why. */
export function PmOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useQuery(meQueryOptions()).data;
  if (me && !isPm(me)) {
    return (
      <EmptyState icon="alert" title={t('demo.forbidden.title')}>
        {t('demo.forbidden.body')}
      </EmptyState>
    );
  }
  return children;
}
