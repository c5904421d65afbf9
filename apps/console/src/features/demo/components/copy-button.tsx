import { Button } from '../../../components/ui/index.ts';
import { useCopy } from '../../../components/use-copy.ts';
import { useT } from '../../../lib/i18n.tsx';

/** Copies a value to the clipboard and says so (politely, to screen readers too). */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const t = useT();
  const [state, copy] = useCopy(2000);
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" onClick={() => void copy(value)} aria-label={t('demo.copy.aria', { what })}>
        {t('demo.copy')}
      </Button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {state === 'copied' ? t('demo.copy.done') : state === 'failed' ? t('demo.copy.failed') : ''}
      </span>
    </span>
  );
}
