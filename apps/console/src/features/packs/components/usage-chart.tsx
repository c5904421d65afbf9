import { useId } from 'react';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/index.ts';
import { formatMonthDay } from '../../../lib/datetime.ts';
import { formatCount } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n.tsx';

export interface UsagePoint {
  date: string;
  calls: number;
}

const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 48 };

/** A round axis maximum (1, 2, 5 × 10^n) at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}

/**
 * Calls per day as an SVG bar chart (role="img" with a summary) plus the same data as a table
 * behind a disclosure, so the numbers are reachable without seeing the chart.
 */
export function UsageChart({ items }: { items: UsagePoint[] }) {
  const t = useT();
  const titleId = useId();
  const total = items.reduce((s, i) => s + i.calls, 0);
  const max = items.reduce((m, i) => Math.max(m, i.calls), 0);
  const top = niceMax(max);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = items.length > 0 ? innerW / items.length : innerW;
  const barW = Math.max(1, Math.min(28, slot * 0.7));
  const labelEvery = Math.max(1, Math.ceil(items.length / 8));
  const first = items[0]?.date ?? '';
  const last = items[items.length - 1]?.date ?? '';
  const summary = t('packs.usage.chart', { from: first, to: last, total: formatCount(total), max: formatCount(max) });
  const ticks = [0, top / 2, top];

  return (
    <div>
      <p className="mb-3 text-sm text-slate-700">{t('packs.usage.total', { total: formatCount(total) })}</p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        className="h-auto w-full"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{summary}</title>
        {ticks.map((v) => {
          const y = PAD.top + innerH - (v / top) * innerH;
          return (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="#e2e8f0" strokeWidth="1" />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#475569">
                {formatCount(v)}
              </text>
            </g>
          );
        })}
        {items.map((it, i) => {
          const h = (it.calls / top) * innerH;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={it.date}>
              <rect x={x} y={PAD.top + innerH - h} width={barW} height={Math.max(0, h)} rx="1.5" fill="#0052d9">
                <title>{t('packs.usage.dayTitle', { date: it.date, calls: formatCount(it.calls) })}</title>
              </rect>
              {i % labelEvery === 0 ? (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" fontSize="11" fill="#475569">
                  {formatMonthDay(it.date)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700 underline-offset-2 hover:underline">
          {t('packs.usage.showTable')}
        </summary>
        <div className="mt-2 max-h-80 overflow-y-auto rounded border border-slate-200">
          <Table caption={t('packs.usage.title')}>
            <THead>
              <tr>
                <Th>{t('packs.usage.date')}</Th>
                <Th align="right">{t('packs.usage.calls')}</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((it) => (
                <Tr key={it.date}>
                  <Td className="py-1.5 tabular">{it.date}</Td>
                  <Td align="right" className="py-1.5">
                    {formatCount(it.calls)}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      </details>
    </div>
  );
}
