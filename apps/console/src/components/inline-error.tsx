import { clsx } from 'clsx';
import { useT } from '../lib/i18n.tsx';
import { errorMessage } from './query-error.tsx';

/**
 * A failed request said in one line under what caused it (role="alert"); nothing when there is none.
 * `small` for tight places (a floating panel).
 */
export function InlineError({
  error,
  className = 'mt-2',
  small = false,
}: {
  error: unknown;
  className?: string;
  small?: boolean;
}) {
  const t = useT();
  if (!error) return null;
  return (
    <p role="alert" className={clsx(className, small ? 'text-xs' : 'text-sm', 'text-red-700')}>
      {errorMessage(error, t)}
    </p>
  );
}
