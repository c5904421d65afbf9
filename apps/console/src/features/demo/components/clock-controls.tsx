import { useMutation } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../components/query-error.tsx';
import { Button, Field, Input } from '../../../components/ui/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { type MessageKey, useT } from '../../../lib/i18n.tsx';
import { advanceClockMutationOptions } from '../api/clock.ts';
import type { AdvanceClockBody, ClockAdvanced, UsageInjection } from '../api/types.ts';
import { cstInputToIso, isoToCstInput } from '../cst.ts';

type Move = { advanceBy: 'P1D' | 'P7D' | 'PT1H' } | { to: 'next-settlement' } | { advanceTo: string };

/** The one-click moves, in the order of the buttons; the next settlement is the main one. */
const QUICK_MOVES: readonly { move: Move; label: MessageKey; primary?: true }[] = [
  { move: { advanceBy: 'PT1H' }, label: 'demo.clock.plus1h' },
  { move: { advanceBy: 'P1D' }, label: 'demo.clock.plus1d' },
  { move: { to: 'next-settlement' }, label: 'demo.clock.nextSettlement', primary: true },
  { move: { advanceBy: 'P7D' }, label: 'demo.clock.plus7d' },
];

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
        {QUICK_MOVES.map(({ move, label, primary }) => (
          <Button
            key={label}
            size={size}
            variant={primary ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => run(move, t(label))}
          >
            {t(label)}
          </Button>
        ))}
      </div>
      {showToDate ? (
        <form onSubmit={onToDate} noValidate className="flex flex-wrap items-end gap-2">
          <Field label={t('demo.clock.toDateLabel')} error={toError}>
            {(p) => (
              <Input
                {...p}
                type="datetime-local"
                value={to}
                min={isoToCstInput(now)}
                onChange={(e) => setTo(e.target.value)}
                className={compact ? 'w-full max-w-56' : 'w-56'}
              />
            )}
          </Field>
          <Button type="submit" disabled={busy}>
            {t('demo.clock.toDate')}
          </Button>
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
