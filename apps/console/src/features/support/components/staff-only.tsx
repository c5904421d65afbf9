import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { meQueryOptions } from '../api/me.ts';
import { isSupport } from '../roles.ts';

/** The support pages are for support agents; anyone else sees why (the server refuses them anyway). */
export function SupportOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useQuery(meQueryOptions()).data;
  if (me && !isSupport(me)) {
    return (
      <EmptyState icon="alert" title={t('support.forbidden.title')}>
        {t('support.forbidden.body')}
      </EmptyState>
    );
  }
  return children;
}
