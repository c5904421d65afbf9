import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { Link } from 'react-router';
import { buttonClasses } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { accountQueryOptions } from '../api/account.ts';
import { meQueryOptions } from '../api/me.ts';
import { debtToClear } from '../arrears.ts';
import { CountdownText } from './countdown-text.tsx';

/**
 * R6 / issue 7: shown on every page while the account is in arrears, suspended or released: what
 * happened, the countdown to suspension, and "recharge ¥X to resume" where X is the real debt
 * (−available, exact), linking to the recharge dialog on the account page.
 */
export function ArrearsBanner() {
  const { t } = useI18n();
  const me = useQuery(meQueryOptions());
  const account = useQuery({ ...accountQueryOptions(), enabled: Boolean(me.data?.account), refetchInterval: 60_000 });
  const a = account.data;
  if (!a || a.status === 'active') return null;
  const debt = debtToClear(a.balances.available);
  const suspended = a.status !== 'arrears';
  const to = debt ? `/account?recharge=${debt}` : '/account?recharge=';

  return (
    <section
      aria-labelledby="arrears-banner-title"
      data-testid="arrears-banner"
      className={clsx(
        'border-b px-4 py-3 text-sm sm:px-6',
        suspended ? 'border-red-300 bg-red-50 text-red-900' : 'border-amber-300 bg-amber-50 text-amber-950',
      )}
    >
      <div className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-6 gap-y-2">
        <div role="alert" aria-live="polite" className="min-w-0 flex-1">
          <h2 id="arrears-banner-title" className="font-semibold">
            {t(`arrears.title.${a.status}`)}
          </h2>
          <p className="mt-0.5">
            {t(`arrears.body.${a.status}`, {
              since: formatDateTime(a.arrearsSince),
              suspendsAt: formatDateTime(a.suspendsAt),
            })}{' '}
            {debt ? (
              <strong data-testid="arrears-debt">
                {t(suspended ? 'arrears.rechargeToResume' : 'arrears.rechargeToKeep', { amount: formatMoney(debt) })}
              </strong>
            ) : null}
          </p>
        </div>
        {a.status === 'arrears' && a.suspendsAt ? (
          <p className="tabular">
            {t('arrears.suspendsIn')} <CountdownText to={a.suspendsAt} className="font-semibold" />
          </p>
        ) : null}
        <Link to={to} className={buttonClasses(suspended ? 'danger' : 'primary', 'sm')}>
          {debt ? t('arrears.rechargeAction', { amount: formatMoney(debt) }) : t('arrears.rechargeActionPlain')}
        </Link>
      </div>
    </section>
  );
}
