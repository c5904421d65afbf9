import { useQuery } from '@tanstack/react-query';
import { Banner } from '../../../components/ui/index.ts';
import { formatCount } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { autoTopupsQueryOptions } from '../api/auto-topups.ts';

/**
 * R10.2 on the forecast and planner pages: a label with an enabled auto top-up rule does not simply run
 * out; the projection shows the packs as they are, and this note says what the rule will buy and when.
 */
export function AutoTopupNote({ label }: { label: string }) {
  const { t } = useI18n();
  const rules = useQuery(autoTopupsQueryOptions());
  const rule = rules.data?.items.find((r) => r.label === label && r.enabled);
  if (!rule) return null;
  return (
    <Banner tone="info" title={t('planner.autoTopup.title')}>
      {t('planner.autoTopup.body', {
        below: formatCount(rule.belowCalls),
        quantity: String(rule.quantity),
        size: formatCount(rule.size),
        limit: String(rule.monthlyLimit),
        bought: String(rule.boughtThisMonth),
      })}
    </Banner>
  );
}
