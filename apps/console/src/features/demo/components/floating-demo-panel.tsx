import type { Me } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useId, useState } from 'react';
import { InlineError } from '../../../components/inline-error.tsx';
import { Button, focusRing } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { timelineQueryOptions } from '../api/clock.ts';
import { customerViewQueryOptions, exitCustomerViewMutationOptions } from '../api/customer-view.ts';
import type { Happening } from '../api/types.ts';
import { ClockControls } from './clock-controls.tsx';
import { TimelineList } from './timeline-list.tsx';

const OPEN_KEY = 'idv.demo.floatingOpen';
/** Below Tailwind's `sm`: a phone. The panel starts collapsed there so it never covers the page's actions. */
const SMALL_SCREEN = '(max-width: 639px)';

function isSmallScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(SMALL_SCREEN).matches
    : false;
}

function readOpen(): boolean {
  if (isSmallScreen()) return false;
  try {
    return localStorage.getItem(OPEN_KEY) !== '0';
  } catch {
    return true;
  }
}

/** Messages sent (email, SMS) only echo what happened; a clock move's own events come first. */
const MESSAGE_KINDS = new Set(['email_sent', 'sms_sent']);

/**
 * The five happenings of a clock move (given oldest first) worth showing in the small panel, newest
 * first: the latest money and state changes, then the latest messages if there is room.
 */
export function highlights(happened: readonly Happening[]): Happening[] {
  const events = happened.filter((h) => !MESSAGE_KINDS.has(h.kind));
  const messages = happened.filter((h) => MESSAGE_KINDS.has(h.kind));
  const room = 5 - Math.min(events.length, 5);
  return [...events.slice(-5).reverse(), ...(room > 0 ? messages.slice(-room).reverse() : [])];
}

/**
 * R9.3 the tenant's own customer view on a demo clock: a small collapsible panel (bottom-right) with
 * the simulated time, the clock buttons and the newest happenings. Collapsed on a phone (a small pill,
 * with room reserved below the page) so it never covers the page's own buttons. After an advance
 * every query is refreshed, so the page shows the new state (bills, packs, notifications...). When a
 * PM opened this view, it offers the way back to the PM console.
 */
export function FloatingDemoPanel({ me }: { me: Me }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpenState] = useState(readOpen);
  const [last, setLast] = useState<Happening[] | null>(null);
  const bodyId = useId();
  const headingId = useId();
  const accountId = me.account?.id ?? '';
  const timeline = useQuery({ ...timelineQueryOptions(accountId, 5), enabled: open && Boolean(accountId) });
  const view = useQuery(customerViewQueryOptions());
  const exit = useMutation({
    ...exitCustomerViewMutationOptions(),
    onSuccess: (r) => {
      // A full load: every cached answer belonged to the customer.
      window.location.assign(`/demo/${encodeURIComponent(r.accountId)}`);
    },
  });

  function setOpen(v: boolean) {
    setOpenState(v);
    if (isSmallScreen()) return;
    try {
      localStorage.setItem(OPEN_KEY, v ? '1' : '0');
    } catch {
      // the choice lasts for this page only
    }
  }

  const recent = last ? highlights(last) : (timeline.data?.items ?? []);
  return (
    <>
      {/* Room below the page on a phone, so its last buttons can scroll clear of the collapsed panel. */}
      <div aria-hidden="true" className="h-20 sm:hidden" />
      <section
        aria-labelledby={headingId}
        data-testid="floating-demo-panel"
        className={clsx(
          'fixed right-4 bottom-4 z-40 rounded-md border border-brand-200 bg-white text-slate-900 shadow-xl',
          open ? 'w-[min(22rem,calc(100vw-2rem))]' : 'w-auto',
        )}
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
        <div id={bodyId} hidden={!open} className="flex max-h-[70vh] flex-col gap-3 overflow-y-auto p-3">
          {view.data ? (
            <div className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-2">
              <p className="text-xs text-amber-900">{t('demo.floating.viewAs', { pm: view.data.pmEmail })}</p>
              <Button size="sm" loading={exit.isPending} onClick={() => exit.mutate()}>
                {t('demo.floating.back')}
              </Button>
              <InlineError error={exit.error} className="" small />
            </div>
          ) : null}
          <p className="text-xs text-slate-600">{t('demo.floating.hint')}</p>
          <ClockControls
            accountId={accountId}
            now={me.clock.now}
            compact
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
    </>
  );
}
