import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { meQueryOptions } from './me-query.ts';

/**
 * "Now" on the server's clock (a demo tenant's clock is simulated), ticking every `intervalMs`:
 * the browser's clock plus the offset seen when /me last answered.
 */
export function useServerNow(intervalMs = 1000): number {
  const me = useQuery(meQueryOptions());
  const serverAt = me.data ? Date.parse(me.data.clock.now) : Number.NaN;
  const offset = Number.isNaN(serverAt) ? 0 : serverAt - me.dataUpdatedAt;
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setTick(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return tick + offset;
}
