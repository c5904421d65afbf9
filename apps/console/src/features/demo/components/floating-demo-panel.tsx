import type { Me } from '@idv/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useId, useState } from 'react';
import { focusRing } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useT } from '../../../lib/i18n.tsx';
import { timelineQueryOptions } from '../api/clock.ts';
import type { Happening } from '../api/types.ts';
import { ClockControls } from './clock-controls.tsx';
import { TimelineList } from './timeline-list.tsx';

const OPEN_KEY = 'idv.demo.floatingOpen';

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) !== '0';
  } catch {
    return true;
  }
}

/** Messages sent (email, SMS) only echo what happened; a clock move's own events come first. */
const MESSAGE_KINDS = new Set(['email_sent', 'sms_sent']);

/** The five happenings worth showing in the small panel: money and state changes before messages. */
export function highlights(happened: readonly Happening[]): Happening[] {
  const events = happened.filter((h) => !MESSAGE_KINDS.has(h.kind));
  const messages = happened.filter((h) => MESSAGE_KINDS.has(h.kind));
  const room = 5 - Math.min(events.length, 5);
  return [...events.slice(-5), ...(room > 0 ? messages.slice(-room) : [])];
}

/**
 * R9.3 the tenant's own customer view on a demo clock: a small collapsible panel (bottom-right) with
 * the simulated time, the clock buttons and the last happenings. After an advance every query is
 * refreshed, so the page shows the new state (bills, packs, notifications...).
 */
export function FloatingDemoPanel({ me }: { me: Me }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [open, setOpenState] = useState(readOpen);
  const [last, setLast] = useState<Happening[] | null>(null);
  const bodyId = useId();
  const headingId = useId();
  const accountId = me.account?.id ?? '';
  const timeline = useQuery({ ...timelineQueryOptions(accountId), enabled: open && Boolean(accountId) });

  function setOpen(v: boolean) {
    setOpenState(v);
    try {
      localStorage.setItem(OPEN_KEY, v ? '1' : '0');
    } catch {
      // the choice lasts for this page only
    }
  }

  const recent = last ? highlights(last) : (timeline.data?.items.slice(-5) ?? []);
  return (
    <section
      aria-labelledby={headingId}
      data-testid="floating-demo-panel"
      className="fixed right-4 bottom-4 z-40 w-[min(22rem,calc(100vw-2rem))] rounded-md border border-brand-200 bg-white text-slate-900 shadow-xl"
    >
      <h2 id={headingId} className="m-0">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
          className={clsx(
            'flex w-full items-center justify-between gap-2 rounded-t-md bg-brand-700 px-3 py-2 text-left text-sm text-white',
            !open && 'rounded-b-md',
            focusRing,
          )}
        >
          <span className="font-semibold">{t('demo.floating.title')}</span>
          <span className="font-mono text-xs tabular" data-testid="demo-simulated-now">
            {formatDateTime(me.clock.now)}
          </span>
          <svg viewBox="0 0 20 20" className={clsx('size-4', open && 'rotate-180')} aria-hidden="true">
            <path d="M5.5 12.5L10 8l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        </button>
      </h2>
      <div id={bodyId} hidden={!open} className="flex flex-col gap-3 p-3">
        <p className="text-xs text-slate-600">{t('demo.floating.hint')}</p>
        <ClockControls
          accountId={accountId}
          now={me.clock.now}
          compact
          showToDate={false}
          onAdvanced={async (r) => {
            setLast(r.happened);
            // Everything may have changed: balances, packs, bills, notifications, /me's clock.
            await queryClient.invalidateQueries();
          }}
        />
        <div>
          <h3 className="text-xs font-semibold text-slate-700">
            {last ? t('demo.floating.lastAdvance', { count: last.length }) : t('demo.floating.recent')}
          </h3>
          {recent.length > 0 ? (
            <div className="mt-1">
              <TimelineList items={recent} compact />
            </div>
          ) : (
            <p className="mt-1 text-xs text-slate-600">{t('demo.floating.nothing')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
