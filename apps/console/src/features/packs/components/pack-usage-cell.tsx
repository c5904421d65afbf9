import type { Pack, PackProjectionItem } from '@idv/contracts';
import { useId } from 'react';
import { ProgressBar, type ProgressTone } from '../../../components/ui/index.ts';
import { formatCount, percentValue } from '../../../lib/format.ts';
import { type Translate, useI18n } from '../../../lib/i18n.tsx';

/** R7: the usage warning starts when remaining drops below 20% of total, i.e. above 80% used. */
export function usageTone(pack: Pick<Pack, 'status' | 'usedPercent'>): ProgressTone {
  if (pack.status === 'expired' || pack.status === 'refunded') return 'muted';
  const p = percentValue(pack.usedPercent);
  if (p >= 100) return 'danger';
  if (p > 80) return 'warning';
  return 'brand';
}

export type ProjectionSummary = Pick<
  PackProjectionItem,
  'status' | 'total' | 'runOutDate' | 'expiringUnused' | 'projectedUsedAtExpiry' | 'horizon' | 'expiresOn'
>;

/** What the projection marker means, in words (issue 9); null when there is nothing ahead (not active). */
export function projectionText(p: ProjectionSummary, t: Translate): string | null {
  if (p.status !== 'active') return null;
  if (p.runOutDate) return t('packs.projection.runsOut', { date: p.runOutDate });
  if (p.expiringUnused > 0) {
    return t('packs.projection.expiresUnused', { calls: formatCount(p.expiringUnused), date: p.expiresOn });
  }
  return t('packs.projection.usedBy', {
    used: formatCount(p.projectedUsedAtExpiry),
    total: formatCount(p.total),
    // The earlier of the two 'YYYY-MM-DD' dates.
    date: [p.expiresOn, p.horizon].sort()[0] ?? p.expiresOn,
  });
}

/** Percent of the pack projected to be used at its expiry (or at the horizon), 0..100. */
export function projectedPercent(p: ProjectionSummary): number {
  if (p.total <= 0) return 0;
  return Math.min(100, Math.max(0, (p.projectedUsedAtExpiry * 100) / p.total));
}

/**
 * "6,420 calls (64.20%)" over a bar: the used count, the API's percent, and a progressbar. With a
 * projection (loaded after the list, issue 9), a hatched segment runs from the used share to the share
 * projected to be used at expiry, and the bar is described by the projection in words. The segment sits
 * inside the bar, so the row does not move when it arrives.
 */
export function PackUsageCell({
  pack,
  projection,
}: {
  pack: Pick<Pack, 'used' | 'usedPercent' | 'status' | 'labelNameZh' | 'labelNameEn'>;
  projection?: ProjectionSummary | undefined;
}) {
  const { t, locale } = useI18n();
  const descriptionId = useId();
  const name = locale === 'zh-CN' ? pack.labelNameZh : pack.labelNameEn;
  const text = t('packs.used', { used: formatCount(pack.used), percent: pack.usedPercent });
  const projected = projection && pack.status === 'active' ? projectionText(projection, t) : null;
  return (
    <div className="flex flex-col gap-1.5 md:min-w-36" title={projected ?? undefined}>
      <span className="tabular whitespace-nowrap">{text}</span>
      <ProgressBar
        value={percentValue(pack.usedPercent)}
        label={t('packs.usageBar', { label: name, percent: pack.usedPercent })}
        valueText={`${pack.usedPercent}%`}
        tone={usageTone(pack)}
        projected={projected && projection ? projectedPercent(projection) : undefined}
        aria-describedby={projected ? descriptionId : undefined}
      />
      {projected ? (
        <span id={descriptionId} className="sr-only" data-testid="pack-projection">
          {projected}
        </span>
      ) : null}
    </div>
  );
}
