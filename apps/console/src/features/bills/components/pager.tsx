import { Button } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';

/** Keyset paging: first / previous / next, as buttons that change the URL's cursor. */
export function Pager({
  label,
  shown,
  cursor,
  nextCursor,
  hasPrev,
  onFirst,
  onPrev,
  onNext,
}: {
  label: string;
  shown: string;
  cursor: string | undefined;
  nextCursor: string | null;
  hasPrev: boolean;
  onFirst: () => void;
  onPrev: () => void;
  onNext: (cursor: string) => void;
}) {
  const t = useT();
  if (!cursor && !nextCursor) return null;
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-5 py-3"
    >
      <span className="text-sm text-slate-600">{shown}</span>
      <div className="flex gap-2">
        {cursor ? (
          hasPrev ? (
            <Button size="sm" onClick={onPrev}>
              {t('bills.page.prev')}
            </Button>
          ) : (
            <Button size="sm" onClick={onFirst}>
              {t('bills.page.first')}
            </Button>
          )
        ) : null}
        <Button size="sm" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
          {t('bills.page.next')}
        </Button>
      </div>
    </nav>
  );
}
