import { useQuery } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'react-router';
import { meQueryOptions } from './api/me.ts';
import { type BillSearch, cstMonthOf, parseBillSearch, toBillSearchParams } from './search-params.ts';

/** Cursors of the pages before this one, kept in history state so "Previous" can go back. */
function readPrev(state: unknown): string[] {
  const s = state as { prevCursors?: unknown } | null;
  return Array.isArray(s?.prevCursors) ? s.prevCursors.filter((c): c is string => typeof c === 'string') : [];
}

/**
 * The bills' URL state plus the month to show: the URL's, else the current CST month of the server
 * clock (which a demo tenant may have moved), else of this computer's clock.
 */
export function useBillSearch() {
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const search = parseBillSearch(params);
  const me = useQuery(meQueryOptions());
  const currentMonth =
    (me.data?.clock.now ? cstMonthOf(me.data.clock.now) : undefined) ?? cstMonthOf(new Date().toISOString()) ?? '';
  const month = search.month ?? currentMonth;
  const prevCursors = readPrev(location.state);

  /** A filter or month change starts again from the first page. */
  function update(patch: Partial<BillSearch>) {
    setParams(toBillSearchParams({ ...search, ...patch, cursor: undefined }));
  }
  function goNext(cursor: string) {
    setParams(toBillSearchParams({ ...search, cursor }), {
      state: { prevCursors: [...prevCursors, search.cursor ?? ''] },
    });
  }
  function goPrev() {
    const stack = [...prevCursors];
    const prev = stack.pop();
    setParams(toBillSearchParams({ ...search, cursor: prev || undefined }), { state: { prevCursors: stack } });
  }
  // Issue 17: a month still ahead has no charges; the pages show that instead of asking the API.
  const future = Boolean(month && currentMonth) && month > currentMonth;
  return { search, month, currentMonth, future, update, goNext, goPrev, hasPrev: prevCursors.length > 0 };
}
