import type { Me } from '@idv/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../components/query-error.tsx';
import { Button } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useT } from '../../../lib/i18n.tsx';
import { meQueryKey } from '../api/me.ts';
import { COUNTDOWN_WARNING_MS, formatCountdown, minutesLeft, msLeft } from '../countdown.ts';
import { useStopImpersonation } from './use-stop-impersonation.ts';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * R9.2: while support acts on an account, every page shows who, which account, the time left (live),
 * read-only or write, and a Stop button. When the time is up the server has ended the session: /me is
 * asked again and the banner goes away.
 */
export function ImpersonationBanner({ me }: { me: Me }) {
  const t = useT();
  const queryClient = useQueryClient();
  const stop = useStopImpersonation();
  const now = useNow(1000);
  const imp = me.impersonation;
  const left = imp ? msLeft(imp.expiresAt, now) : 0;
  const expired = imp !== null && left === 0;

  useEffect(() => {
    if (expired) void queryClient.invalidateQueries({ queryKey: meQueryKey });
  }, [expired, queryClient]);

  if (!imp) return null;
  const urgent = left <= COUNTDOWN_WARNING_MS;
  const agent = me.user.id === imp.agentId ? `${me.user.name} (${me.user.email})` : imp.agentId;
  const account = me.account ? `${me.account.name} · ${me.account.id}` : t('common.dash');
  return (
    <section
      aria-label={t('support.banner.region')}
      data-testid="impersonation-banner"
      className={clsx(
        'sticky top-14 z-20 border-b px-3 py-2 text-sm sm:px-4',
        imp.write ? 'border-red-300 bg-red-50 text-red-950' : 'border-amber-300 bg-amber-50 text-amber-950',
      )}
    >
      <div className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-5 gap-y-1.5">
        <p className="font-semibold">{t('support.banner.title')}</p>
        <p>
          <span className="text-xs opacity-80">{t('support.banner.agent')} </span>
          <span data-testid="impersonation-agent">{agent}</span>
        </p>
        <p>
          <span className="text-xs opacity-80">{t('support.banner.account')} </span>
          <span data-testid="impersonation-account">{account}</span>
        </p>
        <p>
          <span
            className={clsx(
              'rounded-sm px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset',
              imp.write ? 'bg-red-100 ring-red-400' : 'bg-white ring-amber-400',
            )}
            data-testid="impersonation-mode"
          >
            {imp.write ? t('support.banner.write') : t('support.banner.readOnly')}
          </span>
        </p>
        <p>
          <span className="text-xs opacity-80">{t('support.banner.timeLeft')} </span>
          <time
            dateTime={imp.expiresAt}
            title={t('support.banner.endsAt', { time: formatDateTime(imp.expiresAt) })}
            className={clsx('font-mono font-semibold tabular', urgent && 'text-red-800')}
            data-testid="impersonation-countdown"
            aria-hidden="true"
          >
            {formatCountdown(left)}
          </time>
          {/* Screen readers hear the minutes, once a minute, not every second. */}
          <span className="sr-only" aria-live="polite">
            {t('support.banner.minutesLeft', { minutes: minutesLeft(left) })}
          </span>
        </p>
        <p className="min-w-0 flex-1 truncate text-xs opacity-90" title={imp.reason}>
          {t('support.banner.reason', { reason: imp.reason })}
        </p>
        <Button size="sm" variant="danger" onClick={() => stop.mutate()} loading={stop.isPending}>
          {t('support.banner.stop')}
        </Button>
        {stop.isError ? (
          <p role="alert" className="basis-full text-xs text-red-800">
            {errorMessage(stop.error, t)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
