import type { ComponentType } from 'react';
import { gated } from '../../../components/role-gate.tsx';
import { isSupport } from '../roles.ts';

/** The support pages are for support agents; anyone else sees why (the server refuses them anyway). */
export function supportOnly(Page: ComponentType): ComponentType {
  return gated(Page, { allow: isSupport, title: 'support.forbidden.title', body: 'support.forbidden.body' });
}
