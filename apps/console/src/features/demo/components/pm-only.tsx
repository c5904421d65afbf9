import type { ReactNode } from 'react';
import { RoleGate } from '../../../components/role-gate.tsx';
import { useT } from '../../../lib/i18n.tsx';

export function isPm(me: { user: { kind: string; roles: string[] } } | undefined): boolean {
  return me?.user.kind === 'staff' && me.user.roles.includes('pm');
}

/** Demo tenants are for product managers (R9.3); anyone else sees why. */
export function PmOnly({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <RoleGate allow={isPm} title={t('demo.forbidden.title')} body={t('demo.forbidden.body')}>
      {children}
    </RoleGate>
  );
}
