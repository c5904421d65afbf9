import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useState } from 'react';
import { InlineError } from '../../../components/inline-error.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import { Badge, Button, Panel } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { advanceClock } from '../api/clock.ts';
import { demoTenantQueryOptions } from '../api/tenants.ts';
import type { ClockAdvanced } from '../api/types.ts';
import {
  checkTourStep,
  TOUR_STEPS,
  type TourOutcome,
  type TourStep,
  type TourUsage,
  tourRequest,
  tourSignals,
} from '../tour.ts';

/**
 * The scripted tour, one step at a time: what to do, what to look at, and for clock steps a button
 * that sends the step's clock move (with usage) to the API. Buying and recharging are done by the PM
 * in the customer's view (signed in with the tenant's credentials in another window).
 */
export function TourPanel({
  accountId,
  resourceId,
  onAdvanced,
}: {
  accountId: string;
  resourceId: string | undefined;
  onAdvanced: (r: ClockAdvanced) => Promise<void>;
}) {
  const t = useT();
  const [index, setIndex] = useState(0);
  const [outcomes, setOutcomes] = useState<Partial<Record<string, TourOutcome>>>({});
  const step = TOUR_STEPS[index] as TourStep;
  return (
    <Panel title={t('demo.tour.title')} description={t('demo.tour.description')} headingId="tour-heading">
      <div className="flex flex-col gap-4 lg:flex-row">
        <ol className="flex shrink-0 flex-col gap-1 lg:w-64" aria-label={t('demo.tour.steps')}>
          {TOUR_STEPS.map((s, i) => {
            const o = outcomes[s.id];
            return (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={i === index ? 'step' : undefined}
                  onClick={() => setIndex(i)}
                  className={clsx(
                    'flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-brand-600',
                    i === index ? 'bg-brand-50 font-medium text-brand-800' : 'text-slate-700 hover:bg-slate-100',
                  )}
                >
                  <span
                    aria-hidden="true"
                    className={clsx(
                      'grid size-5 shrink-0 place-items-center rounded-full text-[11px]',
                      o?.ok ? 'bg-green-700 text-white' : o ? 'bg-red-700 text-white' : 'bg-slate-200 text-slate-800',
                    )}
                  >
                    {o?.ok ? '✓' : o ? '✗' : i + 1}
                  </span>
                  <span className="flex-1">{t(`demo.tour.${s.id}.title`)}</span>
                  {o ? <span className="sr-only">{o.ok ? t('demo.tour.doneSr') : t('demo.tour.failedSr')}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
        <TourStepView
          key={step.id}
          step={step}
          number={index + 1}
          accountId={accountId}
          resourceId={resourceId}
          outcome={outcomes[step.id]}
          onDone={async (o, r) => {
            setOutcomes((d) => ({ ...d, [step.id]: o }));
            if (r) await onAdvanced(r);
          }}
          onNext={index < TOUR_STEPS.length - 1 ? () => setIndex(index + 1) : undefined}
          onPrev={index > 0 ? () => setIndex(index - 1) : undefined}
        />
      </div>
    </Panel>
  );
}

function TourStepView({
  step,
  number,
  accountId,
  resourceId,
  outcome,
  onDone,
  onNext,
  onPrev,
}: {
  step: TourStep;
  number: number;
  accountId: string;
  resourceId: string | undefined;
  outcome: TourOutcome | undefined;
  onDone: (o: TourOutcome, r: ClockAdvanced | null) => Promise<void>;
  onNext?: () => void;
  onPrev?: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [usage, setUsage] = useState<TourUsage | undefined>(step.usage);
  const [result, setResult] = useState<ClockAdvanced | null>(null);
  // The tenant as the server reports it, read fresh (what the step is checked against).
  const signals = async () =>
    tourSignals(await queryClient.fetchQuery({ ...demoTenantQueryOptions(accountId), staleTime: 0 }));
  /**
   * A step does its thing, then is checked through the API: a panel step reads the tenant, moves the
   * clock (with its usage), reads the tenant again; a customer step reads it after the PM did it in
   * the customer view. A usage step without a resource fails before moving anything.
   */
  const run = useMutation({
    mutationKey: ['demo', 'tour', accountId, step.id],
    mutationFn: async (): Promise<{ outcome: TourOutcome; moved: ClockAdvanced | null }> => {
      if (step.actor === 'panel' && step.usage && !resourceId) {
        return { outcome: { ok: false, reason: 'noResource' }, moved: null };
      }
      const request = tourRequest(step, resourceId, usage);
      const before = request ? await signals() : null;
      const moved = request ? await advanceClock(accountId, request) : null;
      const after = await signals();
      return { outcome: checkTourStep(step, before, after, moved), moved };
    },
    onSuccess: async ({ outcome: o, moved }) => {
      setResult(moved);
      await queryClient.invalidateQueries({ queryKey: ['demo'] });
      await onDone(o, moved);
    },
  });
  const callsValid =
    !usage || (Number.isInteger(usage.callsPerDay) && usage.callsPerDay >= 1 && usage.callsPerDay <= 20_000);
  return (
    <section aria-labelledby={`tour-step-${step.id}`} className="min-w-0 flex-1 rounded border border-slate-200 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`tour-step-${step.id}`} className="text-base font-semibold text-slate-900">
          {t('demo.tour.stepTitle', { n: number, title: t(`demo.tour.${step.id}.title`) })}
        </h3>
        <Badge tone={step.actor === 'customer' ? 'warning' : 'info'}>
          {step.actor === 'customer' ? t('demo.tour.actor.customer') : t('demo.tour.actor.panel')}
        </Badge>
      </div>
      <p className="mt-3 text-sm text-slate-800">
        <span className="font-medium">{t('demo.tour.doLabel')} </span>
        {t(`demo.tour.${step.id}.do`)}
      </p>
      <p className="mt-2 text-sm text-slate-800">
        <span className="font-medium">{t('demo.tour.lookLabel')} </span>
        {t(`demo.tour.${step.id}.look`)}
      </p>
      {step.actor === 'panel' && usage ? (
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          <InputField
            label={t('demo.usage.label')}
            value={usage.label}
            onChange={(e) => setUsage({ ...usage, label: e.target.value.trim() })}
          />
          <InputField
            label={t('demo.usage.callsPerDay')}
            inputMode="numeric"
            value={String(usage.callsPerDay)}
            aria-invalid={callsValid ? undefined : true}
            onChange={(e) => setUsage({ ...usage, callsPerDay: Number(e.target.value.replace(/\D/g, '') || '0') })}
          />
          {!resourceId ? <p className="text-xs text-amber-800 sm:col-span-2">{t('demo.tour.noResource')}</p> : null}
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-2">
        {onPrev ? <Button onClick={onPrev}>{t('demo.tour.prev')}</Button> : null}
        <Button variant="primary" loading={run.isPending} disabled={!callsValid} onClick={() => run.mutate()}>
          {t(`demo.tour.${step.id}.action`)}
        </Button>
        {onNext ? <Button onClick={onNext}>{t('demo.tour.next')}</Button> : null}
      </div>
      <div aria-live="polite" className="mt-3 text-sm" data-testid="tour-step-outcome">
        {run.isPending ? <p className="text-slate-700">{t('demo.tour.checking')}</p> : null}
        {!run.isPending && outcome?.ok ? (
          <p className="text-green-800">
            {t('demo.tour.ok', { what: t(`demo.tour.${step.id}.title`) })}
            {result
              ? ` ${t('demo.tour.result', { count: result.happened.length, now: result.now.slice(0, 16).replace('T', ' ') })}`
              : null}
          </p>
        ) : null}
      </div>
      {!run.isPending && outcome && !outcome.ok ? (
        <div role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <span className="font-medium">{t('demo.tour.failed')}</span>
          {t(`demo.tour.fail.${outcome.reason}`)}
        </div>
      ) : null}
      <InlineError error={run.error} />
    </section>
  );
}
