import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { buttonClasses, EmptyState, PageHeader, Panel } from './ui/index.ts';

export interface StatusPageProps {
  /** The state's heading (an h2 under the page's h1). */
  title: ReactNode;
  /** What happened and what to do, under the heading. */
  children?: ReactNode;
  /** Default `search` (nothing found); `tools` for a section being built, `alert` for a failure. */
  icon?: 'box' | 'search' | 'tools' | 'alert';
  /**
   * The page's own h1 (PageHeader), with its `back` link: a detail page says which object it
   * looked for. Without it, the page's h1 repeats `title` for screen readers only.
   */
  page?: { title: ReactNode; back?: ReactNode };
  /** A way out: a link shown as a button (secondary unless `primary`). */
  link?: { to: string; label: ReactNode; primary?: boolean };
}

/** The panel of a single state: an icon, the heading, the explanation and a way out. */
export function StatusPanel({
  title,
  children,
  icon = 'search',
  link,
  srHeading = false,
}: Omit<StatusPageProps, 'page'> & { srHeading?: boolean }) {
  return (
    <Panel>
      {/* Every page has a level-one heading (axe page-has-heading-one), this one too. */}
      {srHeading ? <h1 className="sr-only">{title}</h1> : null}
      <EmptyState
        icon={icon}
        title={title}
        action={
          link ? (
            <Link to={link.to} className={buttonClasses(link.primary ? 'primary' : 'secondary')}>
              {link.label}
            </Link>
          ) : undefined
        }
      >
        {children}
      </EmptyState>
    </Panel>
  );
}

/**
 * A whole page that is a single state instead of content: not found (an unknown path, an object that
 * does not exist or is not this account's), or a section not built yet. One layout for all of them:
 * the page's h1, then a panel with an icon, the heading, the explanation and a way out.
 */
export function StatusPage({ title, children, icon = 'search', page, link }: StatusPageProps) {
  return (
    <>
      {page ? <PageHeader title={page.title} back={page.back} /> : null}
      <StatusPanel title={title} icon={icon} link={link} srHeading={!page}>
        {children}
      </StatusPanel>
    </>
  );
}
