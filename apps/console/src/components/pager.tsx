import { clsx } from 'clsx';
import { useLocation, useSearchParams } from 'react-router';
import { type MessageKey, useT } from '../lib/i18n.tsx';
import { Button } from './ui/button.tsx';

/** The texts of a pager's buttons (a page may keep its own wording). */
export interface PagerKeys {
  first: MessageKey;
  /** Only for a pager with `onPrev`. */
  prev?: MessageKey;
  next: MessageKey;
}

const PACKS_PAGE = { first: 'packs.page.first', prev: 'packs.page.prev', next: 'packs.page.next' } as const;

/**
 * Keyset paging: first / previous / next buttons under a list, in a labelled navigation region.
 * "Previous" shows when `onPrev` is given and `hasPrev`, else "First page" once past the first page;
 * nothing renders while there is a single page.
 *
 *   <Pager label={t('refund.list.paging')} cursor={cursor} nextCursor={data.nextCursor}
 *     onFirst={first} onNext={next} />
 */
export function Pager({
  label,
  shown,
  cursor,
  nextCursor,
  hasPrev = false,
  onFirst,
  onPrev,
  onNext,
  keys = PACKS_PAGE,
  className = 'border-t border-slate-200 px-5 py-3',
}: PagerProps) {
  const t = useT();
  if (!cursor && !nextCursor) return null;
  return (
    <nav
      aria-label={label}
      className={clsx('flex flex-wrap items-center gap-3', shown ? 'justify-between' : 'justify-end', className)}
    >
      {shown ? <span className="text-sm text-slate-600">{shown}</span> : null}
      <div className="flex gap-2">
        {cursor ? (
          onPrev && hasPrev ? (
            <Button size="sm" onClick={onPrev}>
              {t(keys.prev ?? PACKS_PAGE.prev)}
            </Button>
          ) : (
            <Button size="sm" onClick={onFirst}>
              {t(keys.first)}
            </Button>
          )
        ) : null}
        <Button size="sm" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
          {t(keys.next)}
        </Button>
      </div>
    </nav>
  );
}

export interface PagerProps {
  label: string;
  /** What this page holds ("20 rows on this page"), at the start of the bar. */
  shown?: string;
  cursor: string | undefined;
  nextCursor: string | null | undefined;
  hasPrev?: boolean;
  onFirst: () => void;
  onPrev?: () => void;
  onNext: (cursor: string) => void;
  keys?: PagerKeys;
  /** Spacing of the bar (default: a panel's bottom row with a top rule). */
  className?: string;
}

/**
 * A list's page cursor in the URL (`?cursor=`), beside its other parameters (filters), which paging keeps:
 * `first()` drops the cursor, `next(c)` sets it.
 */
export function useUrlCursor() {
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  function go(next: string | undefined) {
    const p = new URLSearchParams(params);
    if (next) p.set('cursor', next);
    else p.delete('cursor');
    setParams(p);
  }
  return { cursor, first: () => go(undefined), next: (c: string) => go(c) };
}

/** Cursors of the pages before this one, kept in history state so "Previous" can go back. */
function readPrev(state: unknown): string[] {
  const s = state as { prevCursors?: unknown } | null;
  return Array.isArray(s?.prevCursors) ? s.prevCursors.filter((c): c is string => typeof c === 'string') : [];
}

/**
 * A filtered, keyset-paged list whose whole state is in the URL (`search`, written back by `write`):
 * `update` changes filters and starts again from the first page; `goNext`/`goPrev` move by cursor,
 * remembering earlier cursors in history state so "Previous" works (and Back too).
 */
export function useCursorSearch<S extends { cursor?: string | undefined }>(
  search: S,
  write: (s: S) => URLSearchParams,
) {
  const location = useLocation();
  const [, setParams] = useSearchParams();
  const prevCursors = readPrev(location.state);
  return {
    /** A filter or sort change starts again from the first page. */
    update(patch: Partial<S>) {
      setParams(write({ ...search, ...patch, cursor: undefined }));
    },
    goNext(cursor: string) {
      setParams(write({ ...search, cursor }), { state: { prevCursors: [...prevCursors, search.cursor ?? ''] } });
    },
    goPrev() {
      const stack = [...prevCursors];
      const prev = stack.pop();
      setParams(write({ ...search, cursor: prev || undefined }), { state: { prevCursors: stack } });
    },
    hasPrev: prevCursors.length > 0,
  };
}
