import { ApiError } from '../lib/api-client.ts';
import { apiErrorText } from '../lib/error-text.ts';
import { type Translate, useT } from '../lib/i18n.tsx';
import { Banner } from './ui/banner.tsx';
import { Button } from './ui/button.tsx';

/** A translated, user-facing sentence for a failed request (never a stack trace). */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.errorNetwork');
    if (error.status === 429) return t('common.errorRateLimited');
    // R9.2: a read-only support session is refused money-moving actions; say so, not "no permission".
    if (error.code === 'READ_ONLY_IMPERSONATION') return t('support.error.readOnly');
    if (error.status === 403) return t('common.errorForbidden');
    if (error.status >= 500) return t('common.errorServer');
    // Issue 17: the code (and its parameters) in the reader's language, never the English `detail`.
    return apiErrorText(error, t);
  }
  return t('common.errorServer');
}

/** The error state of a query: an alert with the reason and a retry button. */
export function QueryError({
  error,
  onRetry,
  className,
}: {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}) {
  const t = useT();
  return (
    <Banner
      tone="error"
      title={t('common.errorTitle')}
      className={className}
      action={
        onRetry ? (
          <Button size="sm" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      {errorMessage(error, t)}
    </Banner>
  );
}
