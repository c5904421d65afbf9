import type { Pack } from '@idv/contracts';
import { ProgressBar, type ProgressTone } from '../../../components/ui/index.ts';
import { formatCount, percentValue } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** R7: the usage warning starts when remaining drops below 20% of total, i.e. above 80% used. */
export function usageTone(pack: Pick<Pack, 'status' | 'usedPercent'>): ProgressTone {
  if (pack.status === 'expired' || pack.status === 'refunded') return 'muted';
  const p = percentValue(pack.usedPercent);
  if (p >= 100) return 'danger';
  if (p > 80) return 'warning';
  return 'brand';
}

/** "6,420 calls (64.20%)" over a bar: the used count, the API's percent, and a progressbar. */
export function PackUsageCell({
  pack,
}: {
  pack: Pick<Pack, 'used' | 'usedPercent' | 'status' | 'labelNameZh' | 'labelNameEn'>;
}) {
  const { t, locale } = useI18n();
  const name = locale === 'zh-CN' ? pack.labelNameZh : pack.labelNameEn;
  const text = t('packs.used', { used: formatCount(pack.used), percent: pack.usedPercent });
  return (
    <div className="flex min-w-36 flex-col gap-1.5">
      <span className="tabular whitespace-nowrap">{text}</span>
      <ProgressBar
        value={percentValue(pack.usedPercent)}
        label={t('packs.usageBar', { label: name, percent: pack.usedPercent })}
        valueText={`${pack.usedPercent}%`}
        tone={usageTone(pack)}
      />
    </div>
  );
}
