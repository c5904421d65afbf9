import type { ReactNode } from 'react';
import { Button, Panel } from '../../../components/ui/index.ts';

/**
 * A panel of the account page holding a list that runs edge to edge (a table), with a "create" button
 * in its header for those allowed to (`onCreate` absent: no button).
 */
export function ListPanel({
  title,
  description,
  headingId,
  createLabel,
  onCreate,
  primary = false,
  children,
}: {
  title: string;
  description: string;
  headingId: string;
  createLabel: string;
  onCreate: (() => void) | undefined;
  /** The create button is the panel's primary action. */
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <Panel
      title={title}
      description={description}
      headingId={headingId}
      bodyClassName="p-0"
      actions={
        onCreate ? (
          <Button size="sm" variant={primary ? 'primary' : undefined} onClick={onCreate}>
            {createLabel}
          </Button>
        ) : undefined
      }
    >
      {children}
    </Panel>
  );
}
