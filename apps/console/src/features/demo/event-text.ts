import { formatDateTime } from '../../lib/datetime.ts';
import type { I18n, MessageKey } from '../../lib/i18n.tsx';
import type { Happening } from './api/types.ts';

type Params = NonNullable<Happening['params']>;

const OUTCOMES = ['pack', 'postpaid', 'free', 'rejected', 'duplicate'] as const;

function breakdown(p: Params, i18n: Pick<I18n, 't' | 'tMaybe'>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (!k.startsWith('outcome.')) continue;
    const name = k.slice('outcome.'.length);
    const known = (OUTCOMES as readonly string[]).includes(name);
    parts.push(
      i18n.t('demo.event.outcome', {
        count: v,
        outcome: known ? i18n.tMaybe(`demo.outcome.${name}`, name) : name,
      }),
    );
  }
  return parts.join(i18n.t('demo.event.listSep'));
}

/**
 * R9.3 A timeline event in the reader's language, from the code and params the server sends beside
 * its English summary (apps/bff/src/demo/event-codes.ts). An event without a known code is shown as
 * the server wrote it.
 */
export function eventText(h: Happening, i18n: Pick<I18n, 't' | 'tMaybe'>): string {
  const { t, tMaybe } = i18n;
  const p: Params = h.params ?? {};
  const s = (k: string) => String(p[k] ?? '');
  switch (h.code) {
    case 'tenant_created':
      return t('demo.event.tenant_created', { scenario: tMaybe(`demo.scenario.${s('scenario')}`, s('scenario')) });
    case 'usage_injected':
      return t('demo.event.usage_injected', { count: s('count'), breakdown: breakdown(p, i18n) });
    case 'settlement':
      return t('demo.event.settlement', { period: s('period'), amount: s('amount'), calls: s('calls') });
    case 'arrears':
      return t('demo.event.arrears', {
        available: s('available'),
        suspendsAt: formatDateTime(s('suspendsAt')),
        releasesAt: formatDateTime(s('releasesAt')),
      });
    case 'budget':
      return t(p.basis === 'forecast' ? 'demo.event.budget.forecast' : 'demo.event.budget.actual', {
        budgetId: s('budgetId'),
        threshold: s('threshold'),
      });
    case 'message_sent':
      return t(p.channel === 'sms' ? 'demo.event.sms_sent' : 'demo.event.email_sent', {
        recipient: s('recipient'),
        subject: s('subject'),
      });
    case 'clock_resumed':
      return t('demo.event.clock_resumed', { target: formatDateTime(s('target')) });
    case 'resumed':
    case 'suspended':
    case 'released':
    case 'daily_report':
    case 'trial_granted':
    case 'pack_expiring':
    case 'pack_expired':
    case 'usage_anomaly':
      return t(`demo.event.${h.code}` as MessageKey, p);
    default:
      return h.summary;
  }
}
