import type { Me } from '@idv/contracts';

export function isSupport(me: Me | undefined): boolean {
  return me?.user.kind === 'staff' && me.user.roles.includes('support');
}

export function canWrite(me: Me | undefined): boolean {
  return isSupport(me) && (me?.user.roles.includes('support_write') ?? false);
}
