import type { MessageKey } from '../lib/i18n.tsx';

export type NavIcon = 'packs' | 'buy' | 'bills' | 'account' | 'notifications' | 'pricing';

export interface NavItem {
  to: string;
  label: MessageKey;
  icon: NavIcon;
  /** Not built yet: the route shows a "coming soon" state. */
  soon?: boolean;
}

/** The console's sections, in menu order. Add a feature here and in router.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/packs', label: 'nav.packs', icon: 'packs' },
  { to: '/buy', label: 'nav.buy', icon: 'buy', soon: true },
  { to: '/bills', label: 'nav.bills', icon: 'bills', soon: true },
  { to: '/account', label: 'nav.account', icon: 'account' },
  { to: '/notifications', label: 'nav.notifications', icon: 'notifications', soon: true },
  { to: '/pricing', label: 'nav.pricing', icon: 'pricing' },
];
