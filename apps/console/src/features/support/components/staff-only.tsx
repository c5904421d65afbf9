import type { ReactNode } from 'react';
import { RoleGate } from '../../../components/role-gate.tsx';
import { useT } from '../../../lib/i18n.tsx';
import { isSupport } from '../roles.ts';

/** The support pages are for support agents; anyone else sees why (the server refuses them anyway). */
export function SupportOnly({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <RoleGate allow={isSupport} title={t('support.forbidden.title')} body={t('support.forbidden.body')}>
      {children}
    </RoleGate>
  );
}
