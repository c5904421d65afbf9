import type { Me } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import type { MessageKey } from '../lib/i18n.tsx';
import { useT } from '../lib/i18n.tsx';
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
  title: MessageKey;
  body: MessageKey;
  children: ReactNode;
}) {
  const t = useT();
  const me = useQuery(meQueryOptions()).data;
  if (me && !allow(me)) {
    return (
      <EmptyState icon="alert" title={t(title)}>
        {t(body)}
      </EmptyState>
    );
  }
  return children;
}

/** A route's page behind a RoleGate: `export const XRoute = gated(XPage, { allow, title, body })`. */
export function gated(
  Page: ComponentType,
  gate: { allow: (me: Me) => boolean; title: MessageKey; body: MessageKey },
): ComponentType {
  return function GatedPage() {
    return (
      <RoleGate {...gate}>
        <Page />
      </RoleGate>
    );
  };
}
