import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PublicPage } from '../../../components/public-page.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import { Banner, Button } from '../../../components/ui/index.ts';
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
    <PublicPage title={t('auth.title')} subtitle={t('auth.subtitle')}>
      <form className="mt-6 flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        {problem ? (
          <Banner tone="error">{t(problem)}</Banner>
        ) : expired ? (
          <Banner tone="info">{t('auth.expired')}</Banner>
        ) : null}
        <InputField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={problem ? true : undefined}
        />
        <InputField
          label={t('auth.password')}
          ref={passwordRef}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={problem ? true : undefined}
        />
        <Button type="submit" variant="primary" className="mt-2 w-full" loading={login.isPending}>
          {login.isPending ? t('auth.submitting') : t('auth.submit')}
        </Button>
      </form>
      <p className="mt-6 text-xs text-slate-600">{t('auth.footer')}</p>
    </PublicPage>
  );
}
