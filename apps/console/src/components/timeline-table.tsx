import type { TimelineItem, TimelineKind } from '@idv/contracts';
import { formatDateTime } from '../lib/datetime.ts';
import { formatMoney } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Badge, type BadgeTone, Table, TBody, Td, THead, Th, Tr } from './ui/index.ts';

const TONE: Record<TimelineKind, BadgeTone> = {
  order: 'success',
  refund: 'info',
  settlement: 'neutral',
  notice: 'warning',
  signin: 'muted',
  staff: 'danger',
  action: 'neutral',
  resumption: 'success',
};
/** Every timeline kind, in the order the filters list them. */
export const TIMELINE_KINDS = Object.keys(TONE) as TimelineKind[];

/**
 * Issue 18: one page of an account timeline (newest first), shared by the customer's timeline page and the
 * staff console's account page: time (CST), kind, what happened (a notice's title in the reader's language,
 * an automatic order marked), amount.
 */
export function TimelineTable({
  items,
  caption,
  busy,
}: {
  items: readonly TimelineItem[];
  caption: string;
  busy?: boolean;
}) {
  const { t, locale } = useI18n();
  const text = (i: TimelineItem) => {
    const d = i.detail ?? {};
    if (i.kind === 'notice') return String((locale === 'en' ? d.titleEn : d.titleZh) ?? i.what);
    if (i.kind === 'order' && d.trigger === 'auto_topup') return `${i.what} · ${t('timeline.autoTopup')}`;
    return i.what;
  };
  return (
    <Table caption={caption} busy={busy}>
      <THead>
        <tr>
          <Th>
            {t('timeline.at')} <span className="font-normal text-slate-600">({t('common.cst')})</span>
          </Th>
          <Th>{t('timeline.kind')}</Th>
          <Th>{t('timeline.what')}</Th>
          <Th align="right">{t('timeline.amount')}</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((i) => (
          <Tr key={`${i.kind}:${i.id}`}>
            <Td className="tabular whitespace-nowrap">{formatDateTime(i.at)}</Td>
            <Td>
              <Badge tone={TONE[i.kind]}>{t(`timeline.kind.${i.kind}`)}</Badge>
            </Td>
            <Td className="break-all">{text(i)}</Td>
            <Td align="right">{i.amount ? formatMoney(i.amount) : '—'}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
