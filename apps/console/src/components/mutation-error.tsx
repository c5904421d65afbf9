import { ApiError } from '../lib/api-client.ts';
import { type MessageKey, useI18n } from '../lib/i18n.tsx';
import { errorMessage } from './query-error.tsx';
import { Banner } from './ui/index.ts';

/** A failed mutation, in words: known codes translated, a 403 explained, else the server's detail. */
export function MutationError({ error, className }: { error: unknown; className?: string }) {
  const { t, tMaybe } = useI18n();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiError && error.code === 'READ_ONLY_IMPERSONATION') text = t('money.error.readOnly');
  else if (error instanceof ApiError && error.status === 403) text = t('money.error.forbidden');
  // Field-level 400s are said field by field (issue 17), not by the code's one sentence.
  else if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.errors.length === 0)
    text = tMaybe(`money.error.${error.code}` as MessageKey, errorMessage(error, t));
  else text = errorMessage(error, t);
  return (
    <Banner tone="error" title={t('money.error.title')} className={className}>
      {text}
    </Banner>
  );
}
