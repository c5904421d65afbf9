import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { errorMessage } from '../../../components/query-error.tsx';
import { Banner, Busy, Button, buttonClasses, Field, Input, Skeleton } from '../../../components/ui/index.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n.tsx';
import { acceptInvitationMutationOptions, invitationPreviewQueryOptions } from '../api/invitation-link.ts';

const LINK_CODES = ['NOT_FOUND', 'INVITATION_USED', 'INVITATION_EXPIRED', 'INVITATION_REVOKED', 'EMAIL_IN_USE'];

/** The link's token lives in the fragment (`#token=…`): browsers never send it to a server or in a Referer. */
function tokenFrom(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

function LinkProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  const code = error instanceof ApiError && LINK_CODES.includes(error.code) ? error.code : null;
  return (
    <div className="flex flex-col gap-4" data-testid="invitation-problem">
      <Banner tone="error">{code ? t(`invite.error.${code}` as MessageKey) : errorMessage(error, t)}</Banner>
      {code === 'INVITATION_USED' || code === 'EMAIL_IN_USE' ? (
        <Link to="/login" className={buttonClasses('primary', 'md', 'w-full')}>
          {t('invite.signIn')}
        </Link>
      ) : null}
    </div>
  );
}

/** R9.1: the invitee opens the emailed link, sets a name and password, and lands signed in. Public. */
export function AcceptInviteRoute() {
  const { t } = useI18n();
  const location = useLocation();
  const [token] = useState(() => tokenFrom(location.hash));
  const preview = useQuery({ ...invitationPreviewQueryOptions(token), enabled: token.length > 0 });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const accept = useMutation({
    ...acceptInvitationMutationOptions(),
    onSuccess: () => {
      // A new session: a full load of the console, so nothing cached from before this page may show
      // (and the used link's preview is not asked again).
      window.location.replace('/');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setProblem('invite.error.name');
    if (password.length < 10) return setProblem('invite.error.short');
    if (password !== confirm) return setProblem('invite.error.mismatch');
    setProblem(null);
    accept.mutate({ token, name: name.trim(), password });
  }

  let body: ReactNode;
  if (!token) body = <Banner tone="error">{t('invite.error.missing')}</Banner>;
  else if (preview.isPending) {
    body = (
      <Busy label={t('invite.loading')}>
        <Skeleton className="h-32 w-full" />
      </Busy>
    );
  } else if (preview.isError) body = <LinkProblem error={preview.error} />;
  else if (accept.isError && accept.error instanceof ApiError && LINK_CODES.includes(accept.error.code)) {
    body = <LinkProblem error={accept.error} />;
  } else {
    const inv = preview.data;
    body = (
      <>
        <p className="text-sm text-slate-700">
          {t('invite.summary', { account: inv.accountName, role: t(`members.role.${inv.role}` as MessageKey) })}
        </p>
        <p className="mt-1 text-xs text-slate-600">{t('invite.expiresAt', { at: formatDateTime(inv.expiresAt) })}</p>
        <form className="mt-5 flex flex-col gap-4" onSubmit={submit} noValidate>
          {problem ? <Banner tone="error">{t(problem)}</Banner> : null}
          {accept.isError ? <Banner tone="error">{errorMessage(accept.error, t)}</Banner> : null}
          <Field label={t('invite.email')}>
            {(p) => <Input {...p} name="email" type="email" autoComplete="username" readOnly value={inv.email} />}
          </Field>
          <Field label={t('invite.name')}>
            {(p) => (
              <Input
                {...p}
                name="name"
                autoComplete="name"
                maxLength={100}
                autoFocus
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={problem === 'invite.error.name' ? true : undefined}
              />
            )}
          </Field>
          <Field label={t('invite.password')} hint={t('invite.passwordHint')}>
            {(p) => (
              <Input
                {...p}
                name="password"
                type="password"
                autoComplete="new-password"
                maxLength={200}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={problem === 'invite.error.short' ? true : undefined}
              />
            )}
          </Field>
          <Field label={t('invite.confirm')}>
            {(p) => (
              <Input
                {...p}
                name="confirm"
                type="password"
                autoComplete="new-password"
                maxLength={200}
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                aria-invalid={problem === 'invite.error.mismatch' ? true : undefined}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" className="mt-2 w-full" loading={accept.isPending}>
            {accept.isPending ? t('invite.submitting') : t('invite.submit')}
          </Button>
        </form>
      </>
    );
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
        <div className="w-full max-w-md rounded-md border border-slate-200 bg-white p-7 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold text-slate-900">{t('invite.title')}</h1>
          {body}
        </div>
      </main>
    </div>
  );
}
