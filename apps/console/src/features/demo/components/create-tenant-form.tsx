import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../components/query-error.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import { Banner, Button } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { createTenantMutationOptions, demoTenantsKey } from '../api/tenants.ts';
import { cstInputToIso } from '../cst.ts';
import { saveTenantResources } from '../resources-store.ts';

function useElapsedSeconds(running: boolean): number {
  const [s, setS] = useState(0);
  useEffect(() => {
    if (!running) return;
    setS(0);
    const started = Date.now();
    const id = window.setInterval(() => setS(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(id);
  }, [running]);
  return s;
}

/** R9.3 create a tenant from a scenario; a rich one takes 30–90 s, so progress is shown meanwhile. */
export function CreateTenantForm() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scenarioName = useId();
  const [scenario, setScenario] = useState<'empty' | 'rich'>('rich');
  const [startAt, setStartAt] = useState('');
  const [name, setName] = useState('');
  const [startError, setStartError] = useState(false);
  const create = useMutation({
    ...createTenantMutationOptions(),
    onSuccess: async (created) => {
      saveTenantResources(created.accountId, created.resources);
      await queryClient.invalidateQueries({ queryKey: demoTenantsKey });
      // The password is shown once: it travels in the navigation state, never in the URL.
      await navigate(`/demo/${encodeURIComponent(created.accountId)}`, { state: { created } });
    },
  });
  const elapsed = useElapsedSeconds(create.isPending);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const iso = startAt ? cstInputToIso(startAt) : undefined;
    if (iso === null) {
      setStartError(true);
      return;
    }
    setStartError(false);
    create.mutate({ scenario, startAt: iso, name: name.trim() || undefined });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-busy={create.isPending || undefined}>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('demo.create.scenario')}</legend>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {(['rich', 'empty'] as const).map((s) => (
            <label
              key={s}
              className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 p-3 has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input
                type="radio"
                name={scenarioName}
                value={s}
                checked={scenario === s}
                onChange={() => setScenario(s)}
                className="mt-0.5 size-4 accent-brand-600"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{t(`demo.scenario.${s}`)}</span>
                <span className="block text-xs text-slate-600">{t(`demo.scenario.${s}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <InputField
          label={t('demo.create.startAt')}
          hint={t('demo.create.startAtHint')}
          error={startError ? t('demo.clock.toDateInvalid') : undefined}
          type="datetime-local"
          value={startAt}
          onChange={(e) => setStartAt(e.target.value)}
        />
        <InputField
          label={t('demo.create.name')}
          hint={t('demo.create.nameHint')}
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {create.isPending ? (
        <div role="status" className="rounded border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900">
          <p className="font-medium">
            {scenario === 'rich' ? t('demo.create.progressRich') : t('demo.create.progressEmpty')}
          </p>
          <p className="mt-1 text-xs">{t('demo.create.elapsed', { seconds: elapsed })}</p>
          <div
            className="mt-2 h-1.5 overflow-hidden rounded bg-brand-100"
            role="progressbar"
            aria-label={t('demo.create.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={90}
            aria-valuenow={Math.min(elapsed, 90)}
            aria-valuetext={t('demo.create.elapsed', { seconds: elapsed })}
          >
            <div
              className="h-full bg-brand-600 transition-[width] duration-1000"
              style={{ width: `${Math.min(100, (elapsed / (scenario === 'rich' ? 90 : 5)) * 100)}%` }}
            />
          </div>
        </div>
      ) : null}
      {create.isError ? (
        <Banner tone="error" title={t('demo.create.failed')}>
          {errorMessage(create.error, t)}
        </Banner>
      ) : null}
      <div>
        <Button type="submit" variant="primary" loading={create.isPending}>
          {create.isPending ? t('demo.create.creating') : t('demo.create.submit')}
        </Button>
      </div>
    </form>
  );
}
