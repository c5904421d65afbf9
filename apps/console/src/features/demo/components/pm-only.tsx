import type { ComponentType } from 'react';
import { gated } from '../../../components/role-gate.tsx';

export function isPm(me: { user: { kind: string; roles: string[] } } | undefined): boolean {
  return me?.user.kind === 'staff' && me.user.roles.includes('pm');
}

/** Demo tenants are for product managers (R9.3); anyone else sees why. */
export function pmOnly(Page: ComponentType): ComponentType {
  return gated(Page, { allow: isPm, title: 'demo.forbidden.title', body: 'demo.forbidden.body' });
}
