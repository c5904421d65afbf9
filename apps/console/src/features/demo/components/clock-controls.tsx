import { useMutation } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../components/query-error.tsx';
import { Button, Input } from '../../../components/ui/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n.tsx';
import { advanceClockMutationOptions } from '../api/clock.ts';
import type { AdvanceClockBody, ClockAdvanced, UsageInjection } from '../api/types.ts';
import { cstInputToIso, isoToCstInput } from '../cst.ts';

type Move = { advanceBy: 'P1D' | 'P7D' | 'PT1H' } | { to: 'next-settlement' } | { advanceTo: string };

/**
 * R9.3 clock buttons: +1 hour, +1 day, to the next 08:00 settlement, +7 days and (optionally) to a date.
 * `usage` is applied to the next advance and then handed back through onAdvanced.
 */
export function ClockControls({
  accountId,
  now,
  usage = [],
  showToDate = true,
  compact = false,
  onAdvanced,
}: {
  accountId: string;
  now: string;
  usage?: readonly UsageInjection[];
  showToDate?: boolean;
  compact?: boolean;
  onAdvanced: (r: ClockAdvanced) => void | Promise<void>;
}) {
  const t = useT();
  const dateId = useId();
  const [to, setTo] = useState('');
  const [toError, setToError] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const advance = useMutation({
    ...advanceClockMutationOptions(accountId),
    onSuccess: async (r) => {
      await onAdvanced(r);
    },
  });

  function run(move: Move, label: string) {
    setLast(label);
    const body = (usage.length > 0 ? { ...move, usage: [...usage] } : move) as AdvanceClockBody;
    advance.mutate(body);
  }

  function onToDate(e: FormEvent) {
    e.preventDefault();
    const iso = cstInputToIso(to);
    if (!iso) {
      setToError(t('demo.clock.toDateInvalid'));
      return;
    }
    if (Date.parse(iso) <= Date.parse(now)) {
      setToError(t('demo.clock.toDatePast'));
      return;
    }
    setToError(null);
    run({ advanceTo: iso }, t('demo.clock.toDate'));
  }

  const busy = advance.isPending;
  const size = compact ? 'sm' : 'md';
  return (
    <div className="flex flex-col gap-3" aria-busy={busy || undefined}>
      <div className={clsx('flex flex-wrap gap-2', compact && 'gap-1.5')}>
        <Button size={size} disabled={busy} onClick={() => run({ advanceBy: 'PT1H' }, t('demo.clock.plus1h'))}>
          {t('demo.clock.plus1h')}
        </Button>
        <Button size={size} disabled={busy} onClick={() => run({ advanceBy: 'P1D' }, t('demo.clock.plus1d'))}>
          {t('demo.clock.plus1d')}
        </Button>
        <Button
          size={size}
          variant="primary"
          disabled={busy}
          onClick={() => run({ to: 'next-settlement' }, t('demo.clock.nextSettlement'))}
        >
          {t('demo.clock.nextSettlement')}
        </Button>
        <Button size={size} disabled={busy} onClick={() => run({ advanceBy: 'P7D' }, t('demo.clock.plus7d'))}>
          {t('demo.clock.plus7d')}
        </Button>
      </div>
      {showToDate ? (
        <form onSubmit={onToDate} noValidate className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={dateId} className="text-sm font-medium text-slate-700">
              {t('demo.clock.toDateLabel')}
            </label>
            <Input
              id={dateId}
              type="datetime-local"
              value={to}
              min={isoToCstInput(now)}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={toError ? true : undefined}
              aria-describedby={toError ? `${dateId}-err` : undefined}
              className={compact ? 'w-full max-w-56' : 'w-56'}
            />
          </div>
          <Button type="submit" disabled={busy}>
            {t('demo.clock.toDate')}
          </Button>
          {toError ? (
            <p id={`${dateId}-err`} className="basis-full text-xs text-red-700">
              {toError}
            </p>
          ) : null}
        </form>
      ) : null}
      <div aria-live="polite" className="text-xs text-slate-600">
        {busy ? t('demo.clock.running', { action: last ?? '' }) : null}
      </div>
      {advance.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {isApiError(advance.error, 'CLOCK_BACKWARDS')
            ? t('demo.clock.backwards')
            : isApiError(advance.error, 'DEMO_CLOCK_BUSY')
              ? t('demo.clock.busy')
              : errorMessage(advance.error, t)}
        </p>
      ) : null}
    </div>
  );
}
