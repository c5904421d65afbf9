import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useCursorSearch } from '../../components/pager.tsx';
import { meQueryOptions } from './api/me.ts';
import { cstMonthOf, parseBillSearch, toBillSearchParams } from './search-params.ts';

/**
 * The bills' URL state plus the month to show: the URL's, else the current CST month of the server
 * clock (which a demo tenant may have moved), else of this computer's clock.
 */
export function useBillSearch() {
  const [params] = useSearchParams();
  const search = parseBillSearch(params);
  const paging = useCursorSearch(search, toBillSearchParams);
  const me = useQuery(meQueryOptions());
  const currentMonth =
    (me.data?.clock.now ? cstMonthOf(me.data.clock.now) : undefined) ?? cstMonthOf(new Date().toISOString()) ?? '';
  const month = search.month ?? currentMonth;
  // Issue 17: a month still ahead has no charges; the pages show that instead of asking the API.
  const future = Boolean(month && currentMonth) && month > currentMonth;
  return { search, month, currentMonth, future, ...paging };
}
