import type { ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';
import { MutationError } from './mutation-error.tsx';
import { ConfirmDialog } from './ui/confirm-dialog.tsx';

/**
 * "Are you sure?" before a request: the shared ConfirmDialog with the console's Cancel/Close words,
 * busy (and not dismissible) while the request runs, and its failure (`error`) said under the body.
 */
export function ConfirmActionDialog({
  open,
  title,
  description,
  confirmLabel,
  danger = true,
  busy,
  error,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  /** A failed request, shown as a MutationError (leave it out to show failures in `children`). */
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <ConfirmDialog
      open={open}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      cancelLabel={t('dialog.cancel')}
      closeLabel={t('dialog.close')}
      danger={danger}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {children}
      {error ? <MutationError error={error} className={children ? 'mt-3' : undefined} /> : null}
    </ConfirmDialog>
  );
}
