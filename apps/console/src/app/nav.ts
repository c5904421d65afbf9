import type { Me } from '@idv/contracts';
import type { MessageKey } from '../lib/i18n.tsx';

export type NavIcon =
  | 'packs'
  | 'buy'
  | 'bills'
  | 'account'
  | 'notifications'
  | 'pricing'
  | 'support'
  | 'outbox'
  | 'demo';

export interface NavItem {
  to: string;
  label: MessageKey;
  icon: NavIcon;
  /** Not built yet: the route shows a "coming soon" state. */
  soon?: boolean;
  /** Staff sections: shown to staff holding this role (R9.2 support, R9.3 pm). */
  role?: string;
  /** Active only on this exact path (not on its children). */
  end?: boolean;
}

/**
 * The console's sections, in menu order. Add a feature here and in router.tsx. Sections without an
 * icon of their own borrow one (layout/nav-icon.tsx): planner and budgets (R10.1) the bills icon,
 * certificates the tag icon, the access log, members and the account timeline (issue 18) the account icon.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/packs', label: 'nav.packs', icon: 'packs' },
  { to: '/buy', label: 'nav.buy', icon: 'buy' },
  { to: '/planner', label: 'planner.nav', icon: 'bills' },
  { to: '/bills', label: 'nav.bills', icon: 'bills' },
  { to: '/budgets', label: 'budgets.nav', icon: 'bills' },
  { to: '/account', label: 'nav.account', icon: 'account' },
  { to: '/certificates', label: 'nav.certificates', icon: 'pricing' },
  { to: '/notifications', label: 'nav.notifications', icon: 'notifications' },
  { to: '/audit', label: 'audit.nav', icon: 'account' },
  { to: '/members', label: 'members.nav', icon: 'account' },
  { to: '/timeline', label: 'timeline.nav', icon: 'account' },
  { to: '/pricing', label: 'nav.pricing', icon: 'pricing' },
];

/** The staff console's sections (R9.2 support, R9.3 demo tenants), each for one staff role. */
export const STAFF_NAV_ITEMS: readonly NavItem[] = [
  { to: '/support', label: 'support.nav.accounts', icon: 'support', role: 'support', end: true },
  { to: '/support/outbox', label: 'support.nav.outbox', icon: 'outbox', role: 'support' },
  { to: '/demo', label: 'demo.nav.tenants', icon: 'demo', role: 'pm' },
];

/**
 * What the menu shows: the customer sections when the session acts on an account (a customer, or an
 * agent while impersonating), then the staff sections of the staff member's roles. Customers never
 * see staff sections.
 */
export function navItemsFor(me: Pick<Me, 'user' | 'account'> | undefined): readonly NavItem[] {
  if (!me) return NAV_ITEMS;
  if (me.user.kind !== 'staff') return NAV_ITEMS;
  const staff = STAFF_NAV_ITEMS.filter((i) => i.role && me.user.roles.includes(i.role));
  return me.account ? [...NAV_ITEMS, ...staff] : staff;
}

/** Where a staff member without an account lands: their first staff section (null for customers). */
export function staffHome(me: Pick<Me, 'user' | 'account'>): string | null {
  if (me.user.kind !== 'staff' || me.account) return null;
  return STAFF_NAV_ITEMS.find((i) => i.role && me.user.roles.includes(i.role))?.to ?? null;
}
