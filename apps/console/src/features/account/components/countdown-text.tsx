import { useI18n } from '../../../lib/i18n.tsx';
import { useServerNow } from '../../../lib/use-server-now.ts';
import { countdown } from '../arrears.ts';

/** A live countdown ("1 d 02:03:04") to an instant; role=timer so it is not announced every second. */
export function CountdownText({ to, className }: { to: string; className?: string }) {
  const { t } = useI18n();
  const now = useServerNow(1000);
  const c = countdown(to, now);
  if (!c) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    <span role="timer" className={className}>
      {c.passed
        ? t('money.countdown.passed')
        : t('money.countdown', { days: c.days, hms: `${pad(c.hours)}:${pad(c.minutes)}:${pad(c.seconds)}` })}
    </span>
  );
}
