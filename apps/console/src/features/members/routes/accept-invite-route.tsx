import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { PublicPage } from '../../../components/public-page.tsx';
import { errorMessage } from '../../../components/query-error.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import { Banner, Busy, Button, buttonClasses, Skeleton } from '../../../components/ui/index.ts';
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

/** A new password (or its repetition): masked, and offered to the browser's password manager. */
function NewPasswordField({
  label,
  hint,
  name,
  value,
  onChange,
  invalid,
}: {
  label: string;
  hint?: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}) {
  return (
    <InputField
      label={label}
      hint={hint}
      name={name}
      type="password"
      autoComplete="new-password"
      maxLength={200}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid ? true : undefined}
    />
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
          <InputField
            label={t('invite.email')}
            name="email"
            type="email"
            autoComplete="username"
            readOnly
            value={inv.email}
          />
          <InputField
            label={t('invite.name')}
            name="name"
            autoComplete="name"
            maxLength={100}
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={problem === 'invite.error.name' ? true : undefined}
          />
          <NewPasswordField
            label={t('invite.password')}
            hint={t('invite.passwordHint')}
            name="password"
            value={password}
            onChange={setPassword}
            invalid={problem === 'invite.error.short'}
          />
          <NewPasswordField
            label={t('invite.confirm')}
            name="confirm"
            value={confirm}
            onChange={setConfirm}
            invalid={problem === 'invite.error.mismatch'}
          />
          <Button type="submit" variant="primary" className="mt-2 w-full" loading={accept.isPending}>
            {accept.isPending ? t('invite.submitting') : t('invite.submit')}
          </Button>
        </form>
      </>
    );
  }

  return (
    <PublicPage title={t('invite.title')} width="md">
      <div className="mt-4">{body}</div>
    </PublicPage>
  );
}
