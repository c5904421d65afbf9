import type { Pack } from '@idv/contracts';
import { Link } from 'react-router';
import { Skeleton, Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/index.ts';
import { toCstParts } from '../../../lib/datetime.ts';
import { formatCount } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { PackStatusBadge } from './pack-status-badge.tsx';
import { PackUsageCell, type ProjectionSummary } from './pack-usage-cell.tsx';
import { RefundCell } from './refund-cell.tsx';

function DateTimeCell({ iso }: { iso: string }) {
  const p = toCstParts(iso);
  if (!p) return <span>{iso}</span>;
  return (
    <span className="flex flex-col tabular whitespace-nowrap">
      <span>{p.date}</span>
      {p.time ? <span className="text-xs text-slate-600">{p.time}</span> : null}
    </span>
  );
}

function Header() {
  const { t } = useI18n();
  const cst = t('common.cst');
  return (
    <THead>
      <tr>
        <Th className="whitespace-nowrap">{t('packs.col.label')}</Th>
        <Th className="whitespace-nowrap">{t('packs.col.source')}</Th>
        <Th align="right" className="min-w-16">
          {t('packs.col.total')}
        </Th>
        <Th align="right" className="min-w-20">
          {t('packs.col.remaining')}
        </Th>
        <Th className="whitespace-nowrap">{t('packs.col.used')}</Th>
        <Th>
          {t('packs.col.acquiredAt')} <span className="font-normal text-slate-600">({cst})</span>
        </Th>
        <Th>
          {t('packs.col.expiresAt')} <span className="font-normal text-slate-600">({cst})</span>
        </Th>
        <Th className="whitespace-nowrap">{t('packs.col.status')}</Th>
        <Th className="min-w-48">{t('packs.col.refund')}</Th>
      </tr>
    </THead>
  );
}

export function PackRow({ pack, projection }: { pack: Pack; projection?: ProjectionSummary | undefined }) {
  const { t, locale } = useI18n();
  const name = locale === 'zh-CN' ? pack.labelNameZh : pack.labelNameEn;
  const cst = t('common.cst');
  // Issue 17: on phones the row is a card (Table `stack`): name and status on top, then remaining,
  // total, usage, dates, and the refund amount and action across the full width.
  return (
    <Tr>
      <Td className="min-w-44 max-w-64" wide>
        <div className="flex items-start justify-between gap-2">
          <Link to={`/packs/${pack.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {name}
          </Link>
          <span className="shrink-0 md:hidden">
            <PackStatusBadge status={pack.status} />
          </span>
        </div>
        <div className="mt-0.5 font-mono text-xs break-all text-slate-600">
          {pack.label} · #{pack.id}
        </div>
      </Td>
      <Td className="whitespace-nowrap" label={t('packs.col.source')}>
        {t(`packs.source.${pack.source}`)}
      </Td>
      <Td align="right" label={t('packs.col.total')}>
        {formatCount(pack.total)}
      </Td>
      <Td align="right" label={t('packs.col.remaining')} className="max-md:font-semibold max-md:text-slate-900">
        <span data-testid="pack-remaining">{formatCount(pack.remaining)}</span>
      </Td>
      <Td label={t('packs.col.used')}>
        <PackUsageCell pack={pack} projection={projection} />
      </Td>
      <Td label={`${t('packs.col.acquiredAt')} (${cst})`}>
        <DateTimeCell iso={pack.acquiredAt} />
      </Td>
      <Td label={`${t('packs.col.expiresAt')} (${cst})`}>
        <DateTimeCell iso={pack.expiresAt} />
      </Td>
      <Td stackHidden>
        <PackStatusBadge status={pack.status} />
      </Td>
      <Td label={t('packs.col.refund')} wide>
        <RefundCell pack={pack} />
      </Td>
    </Tr>
  );
}

/** `projections` (by pack id) arrive after the rows; until then, and if they fail, the bars have no marker. */
export function PackTable({
  packs,
  busy,
  projections,
}: {
  packs: Pack[];
  busy?: boolean;
  projections?: Readonly<Record<string, ProjectionSummary>> | undefined;
}) {
  const { t } = useI18n();
  return (
    <Table
      caption={t('packs.table.caption')}
      stack
      busy={busy}
      className={busy ? 'opacity-60 transition-opacity' : undefined}
    >
      <Header />
      <TBody>
        {packs.map((p) => (
          <PackRow key={p.id} pack={p} projection={projections?.[p.id]} />
        ))}
      </TBody>
    </Table>
  );
}

export function PackTableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <Table caption={t('packs.table.caption')} stack busy>
      <Header />
      <TBody>
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
          <tr key={i}>
            {Array.from({ length: 9 }, (_, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cells have no identity
              <td key={j} className="px-4 py-4">
                <Skeleton className={j === 0 ? 'h-4 w-40' : 'h-4 w-16'} />
              </td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
