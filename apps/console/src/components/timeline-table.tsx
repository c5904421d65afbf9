import type { TimelineItem, TimelineKind } from '@idv/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/datetime.ts';
import { formatMoney } from '../lib/format.ts';
import { useI18n, useT } from '../lib/i18n.tsx';
import { Pager, type PagerProps } from './pager.tsx';
import { QueryView } from './query-view.tsx';
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

/** One page of a timeline as the API returns it. */
export interface TimelinePage {
  items: readonly TimelineItem[];
  nextCursor: string | null;
}

/**
 * Issue 18: a timeline query as a page shows it: loading, error, `empty`, else the table and its pager
 * (`paging`: the pager's label, current cursor and moves; the next cursor comes from the page).
 *
 *   <TimelineView query={timeline} caption={t('timeline.caption')} empty={<EmptyState … />}
 *     paging={{ label: t('timeline.paging'), cursor, onFirst: first, onNext: next }} />
 */
export function TimelineView({
  query,
  caption,
  empty,
  paging,
  padded = true,
}: {
  query: UseQueryResult<TimelinePage>;
  caption: string;
  empty: ReactNode;
  paging: Omit<PagerProps, 'nextCursor'>;
  /** Pad the loading and error states (a panel body without padding). */
  padded?: boolean;
}) {
  return (
    <QueryView query={query} padded={padded} isEmpty={(d) => d.items.length === 0} empty={empty}>
      {(data) => (
        <>
          <TimelineTable items={data.items} caption={caption} busy={query.isPlaceholderData} />
          <Pager {...paging} nextCursor={data.nextCursor} />
        </>
      )}
    </QueryView>
  );
}

/** Issue 18: checkboxes choosing which kinds a timeline shows (none ticked: all). */
export function TimelineKindFilter({
  chosen,
  onToggle,
}: {
  chosen: readonly TimelineKind[];
  onToggle: (kind: TimelineKind) => void;
}) {
  const t = useT();
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-2 border-b border-slate-200 px-5 py-3 text-sm">
      <legend className="sr-only">{t('timeline.filter')}</legend>
      {TIMELINE_KINDS.map((k) => (
        <label key={k} className="inline-flex items-center gap-1.5">
          <input type="checkbox" checked={chosen.includes(k)} onChange={() => onToggle(k)} />
          {t(`timeline.kind.${k}`)}
        </label>
      ))}
    </fieldset>
  );
}
