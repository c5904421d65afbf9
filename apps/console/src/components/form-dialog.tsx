import type { FormEvent, ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';
import { MutationError } from './mutation-error.tsx';
import { Button } from './ui/button.tsx';
import { Dialog } from './ui/dialog.tsx';

/**
 * A dialog whose body is one form: Cancel and the submit button in the footer (the submit button is
 * tied to the form by `formId`), busy and not dismissible while `pending`, the request's failure under
 * the fields. Once `result` is given it replaces the form, with a single `doneLabel` button to close.
 */
export function FormDialog({
  open,
  onClose,
  title,
  description,
  size,
  formId,
  onSubmit,
  submitLabel,
  pending,
  error,
  result,
  doneLabel,
  className = 'flex flex-col gap-4',
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  formId: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  submitLabel: ReactNode;
  pending: boolean;
  error: unknown;
  /** What the dialog shows after success, instead of the form. */
  result?: ReactNode;
  doneLabel?: string;
  /** Classes of the form element. */
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      dismissible={!pending}
      closeLabel={t('dialog.close')}
      title={title}
      description={description}
      size={size}
      footer={
        result ? (
          <Button variant="primary" onClick={onClose}>
            {doneLabel ?? t('dialog.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={pending}>
              {t('dialog.cancel')}
            </Button>
            <Button variant="primary" type="submit" form={formId} loading={pending}>
              {submitLabel}
            </Button>
          </>
        )
      }
    >
      {result ?? (
        <form id={formId} noValidate onSubmit={onSubmit} className={className}>
          {children}
          <MutationError error={error} />
        </form>
      )}
    </Dialog>
  );
}
