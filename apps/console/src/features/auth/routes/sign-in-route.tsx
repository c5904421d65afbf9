import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { Banner, Button, Field, Input } from '../../../components/ui/index.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { type MessageKey, useT } from '../../../lib/i18n.tsx';
import { loginMutationOptions } from '../api/login.ts';
import { meQueryOptions } from '../api/me.ts';
import { safeNext } from '../safe-next.ts';

function errorKey(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.code === 'BAD_CREDENTIALS') return 'auth.badCredentials';
    if (error.code === 'INVALID_REQUEST') return 'auth.invalid';
    if (error.status === 429) return 'auth.rateLimited';
    if (error.status === 0) return 'common.errorNetwork';
  }
  return 'auth.failed';
}

export function SignInRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Issue 17: sent here because the session ended mid-work (app/session-expired.ts).
  const expired = params.get('reason') === 'expired';

  const login = useMutation({
    ...loginMutationOptions(),
    onSuccess: async () => {
      // A new session: nothing cached from a previous user may show.
      queryClient.clear();
      await queryClient.fetchQuery(meQueryOptions());
      await navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      setProblem(errorKey(error));
      setPassword('');
      passwordRef.current?.focus();
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setProblem('auth.invalid');
      return;
    }
    setProblem(null);
    login.mutate({ email: email.trim(), password });
  }

  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="flex h-14 items-center justify-between bg-slate-900 px-4 text-white sm:px-6">
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded bg-brand-600 text-sm font-bold">
            ID
          </span>
          <span className="text-sm font-semibold">{t('app.name')}</span>
        </div>
        <LanguageSwitch tone="dark" />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:items-center">
        <div className="w-full max-w-sm rounded-md border border-slate-200 bg-white p-7 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{t('auth.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('auth.subtitle')}</p>
          <form className="mt-6 flex flex-col gap-4" onSubmit={onSubmit} noValidate>
            {problem ? (
              <Banner tone="error">{t(problem)}</Banner>
            ) : expired ? (
              <Banner tone="info">{t('auth.expired')}</Banner>
            ) : null}
            <Field label={t('auth.email')}>
              {(p) => (
                <Input
                  {...p}
                  name="email"
                  type="email"
                  autoComplete="username"
                  inputMode="email"
                  autoFocus
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  aria-invalid={problem ? true : undefined}
                />
              )}
            </Field>
            <Field label={t('auth.password')}>
              {(p) => (
                <Input
                  {...p}
                  ref={passwordRef}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  aria-invalid={problem ? true : undefined}
                />
              )}
            </Field>
            <Button type="submit" variant="primary" className="mt-2 w-full" loading={login.isPending}>
              {login.isPending ? t('auth.submitting') : t('auth.submit')}
            </Button>
          </form>
          <p className="mt-6 text-xs text-slate-600">{t('auth.footer')}</p>
        </div>
      </main>
    </div>
  );
}
