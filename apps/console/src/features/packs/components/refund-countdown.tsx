import { useI18n } from '../../../lib/i18n.tsx';
import { useServerNow } from '../../../lib/use-server-now.ts';

/** R8.1 Time left in the refund window (D+7 23:59:59 CST), live; role=timer is not announced each second. */
export function RefundCountdown({ deadline }: { deadline: string }) {
  const { t } = useI18n();
  const now = useServerNow(1000);
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) return null;
  const left = Math.max(0, end - now);
  if (left === 0) return <span className="text-xs text-slate-600">{t('refund.countdown.closed')}</span>;
  const s = Math.floor(left / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    <span role="timer" className="text-xs text-slate-600 tabular">
      {t('refund.countdown.left', {
        days: Math.floor(s / 86400),
        hms: `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`,
      })}
    </span>
  );
}
