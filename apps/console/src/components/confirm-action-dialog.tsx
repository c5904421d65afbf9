import { useT } from '../lib/i18n.tsx';
import { MutationError } from './mutation-error.tsx';
import { ConfirmDialog, type ConfirmDialogProps } from './ui/confirm-dialog.tsx';

/**
 * "Are you sure?" before a request: the shared ConfirmDialog with the console's Cancel/Close words,
 * busy (and not dismissible) while the request runs, and its failure (`error`) said under the body.
 */
export function ConfirmActionDialog({
  danger = true,
  error,
  children,
  ...dialog
}: Omit<ConfirmDialogProps, 'cancelLabel' | 'closeLabel' | 'busy'> & {
  busy: boolean;
  /** A failed request, shown as a MutationError (leave it out to show failures in `children`). */
  error?: unknown;
}) {
  const t = useT();
  return (
    <ConfirmDialog {...dialog} danger={danger} cancelLabel={t('dialog.cancel')} closeLabel={t('dialog.close')}>
      {children}
      {error ? <MutationError error={error} className={children ? 'mt-3' : undefined} /> : null}
    </ConfirmDialog>
  );
}
