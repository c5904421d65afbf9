import { clsx } from 'clsx';
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { focusRing } from './focus.ts';
import { Table, TBody, Td, THead, Th, Tr } from './table.tsx';

export interface ChartPoint {
  /** Stable key and the category shown on the x axis (e.g. `2026-11`). */
  key: string;
  /** Short axis label; defaults to `key`. */
  axisLabel?: string;
  /**
   * The value as a number, used ONLY for bar heights / point positions. Money stays a string: pass
   * the formatted figure in `display`, which is what tooltips, labels and the table show.
   */
  value: number;
  display: string;
  /** A forecast rather than a recorded value: drawn dashed (line) or lighter (bar). */
  projected?: boolean;
}

export interface ChartProps {
  /** The chart's accessible name (also the table's caption). */
  title: string;
  /** One sentence summarising the data for screen readers (e.g. range and maximum). */
  summary?: string;
  data: readonly ChartPoint[];
  variant?: 'bar' | 'line';
  /** Column headers of the table fallback. */
  categoryLabel: string;
  valueLabel: string;
  /** Label of the disclosure that shows the table. */
  tableToggleLabel: string;
  /** Formats an axis tick (a number) for display; ticks are approximate by nature. */
  formatTick?: (n: number) => string;
  /** Marks one category (e.g. the selected month). */
  highlightKey?: string;
  /** Extra content under the chart (legend...). */
  footer?: ReactNode;
  /** Horizontal reference lines (e.g. budget thresholds), labelled at the right; part of the domain. */
  referenceLines?: readonly { value: number; label: string }[];
  className?: string;
}

const W = 960;
const H = 280;
const PAD = { top: 16, right: 12, bottom: 30, left: 64 };

/** A round axis bound (1, 2, 2.5, 5 × 10^n) at or above |v|. */
export function niceBound(v: number): number {
  const a = Math.abs(v);
  if (a <= 0 || !Number.isFinite(a)) return 0;
  const exp = 10 ** Math.floor(Math.log10(a));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= a) return m * exp;
  return 10 * exp;
}

/** The value domain: always includes 0; never empty. */
export function chartDomain(values: readonly number[]): { lo: number; hi: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  const max = Math.max(0, ...finite);
  const min = Math.min(0, ...finite);
  const hi = niceBound(max);
  const lo = -niceBound(min);
  return hi === lo ? { lo: 0, hi: 1 } : { lo, hi };
}

const defaultTick = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);

/**
 * An accessible SVG bar or line chart, without a chart library.
 * - The SVG is a labelled group; each bar/point is one keyboard stop (roving tabindex: Tab enters,
 *   ←/→/Home/End move), named by its category and formatted value.
 * - A tooltip shows the same text on hover and on focus.
 * - The same data is available as a real table behind a disclosure (the fallback for anyone who
 *   cannot use the graphic).
 */
export function Chart({
  title,
  summary,
  data,
  variant = 'bar',
  categoryLabel,
  valueLabel,
  tableToggleLabel,
  formatTick = defaultTick,
  highlightKey,
  footer,
  referenceLines = [],
  className,
}: ChartProps) {
  const titleId = useId();
  const descId = useId();
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(() => Math.max(0, data.length - 1));
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const { lo, hi } = chartDomain([...data.map((d) => d.value), ...referenceLines.map((r) => r.value)]);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * innerH;
  const slot = data.length > 0 ? innerW / data.length : innerW;
  const barW = Math.max(2, Math.min(40, slot * 0.62));
  const cx = (i: number) => PAD.left + slot * i + slot / 2;
  const ticks = lo < 0 ? [lo, 0, hi] : [0, hi / 2, hi];
  const labelEvery = Math.max(1, Math.ceil(data.length / 12));
  const current = Math.min(focusIndex, Math.max(0, data.length - 1));

  function move(e: KeyboardEvent, i: number) {
    let next = i;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(data.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = data.length - 1;
    else if (e.key === 'Escape') {
      setActive(null);
      return;
    } else return;
    e.preventDefault();
    setFocusIndex(next);
    setActive(next);
    refs.current[next]?.focus();
  }

  const tip = active !== null ? data[active] : undefined;
  const tipLeftPct = active !== null ? (cx(active) / W) * 100 : 0;
  const tipTopPct = tip ? (Math.min(y(tip.value), y(0)) / H) * 100 : 0;

  const pathOf = (idx: number[]) =>
    idx.map((i, k) => `${k === 0 ? 'M' : 'L'}${cx(i)},${y(data[i]?.value ?? 0)}`).join(' ');
  const recorded = data.flatMap((d, i) => (d.projected ? [] : [i]));
  const lastRecorded = recorded.at(-1);
  const linePath = pathOf(recorded);
  // The forecast continues from the last recorded point.
  const projectedPath = pathOf([
    ...(lastRecorded !== undefined ? [lastRecorded] : []),
    ...data.flatMap((d, i) => (d.projected ? [i] : [])),
  ]);

  return (
    <figure
      className={clsx('m-0 min-w-0', className)}
      aria-labelledby={titleId}
      aria-describedby={summary ? descId : undefined}
    >
      <figcaption className="sr-only">
        <span id={titleId}>{title}</span>
        {summary ? <span id={descId}> {summary}</span> : null}
      </figcaption>
      <div className="relative">
        {/* The drawing is decorative: the same data is in the buttons below and in the table. */}
        <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" className="h-auto w-full" preserveAspectRatio="xMidYMid meet">
          {ticks.map((v) => (
            <g key={v}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(v)}
                y2={y(v)}
                stroke={v === 0 ? '#94a3b8' : '#e2e8f0'}
                strokeWidth="1"
              />
              <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#475569">
                {formatTick(v)}
              </text>
            </g>
          ))}
          {data.map((d, i) =>
            i % labelEvery === 0 || i === data.length - 1 ? (
              <text
                key={d.key}
                x={cx(i)}
                y={H - 10}
                textAnchor="middle"
                fontSize="11"
                fill={d.key === highlightKey ? '#1e293b' : '#475569'}
                fontWeight={d.key === highlightKey ? 600 : 400}
              >
                {d.axisLabel ?? d.key}
              </text>
            ) : null,
          )}
          {referenceLines.map((r) => (
            <g key={`ref-${r.label}`}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(r.value)}
                y2={y(r.value)}
                stroke="#b45309"
                strokeWidth="1"
                strokeDasharray="2 3"
              />
              <text x={W - PAD.right - 4} y={y(r.value) - 4} textAnchor="end" fontSize="11" fill="#92400e">
                {r.label}
              </text>
            </g>
          ))}
          {variant === 'line' && recorded.length > 1 ? (
            <path d={linePath} fill="none" stroke="var(--color-brand-600)" strokeWidth="2" />
          ) : null}
          {variant === 'line' && data.some((d) => d.projected) ? (
            <path d={projectedPath} fill="none" stroke="var(--color-brand-600)" strokeWidth="2" strokeDasharray="6 4" />
          ) : null}
          {data.map((d, i) => {
            const top = Math.min(y(d.value), y(0));
            const height = Math.max(d.value === 0 ? 0 : 1, Math.abs(y(d.value) - y(0)));
            const highlighted = d.key === highlightKey;
            const on = active === i;
            return variant === 'bar' ? (
              <rect
                key={d.key}
                x={cx(i) - barW / 2}
                y={top}
                width={barW}
                height={height}
                rx="2"
                className={
                  highlighted
                    ? 'fill-brand-800'
                    : on
                      ? 'fill-brand-700'
                      : d.projected
                        ? 'fill-brand-200'
                        : 'fill-brand-500'
                }
              />
            ) : (
              <circle
                key={d.key}
                cx={cx(i)}
                cy={y(d.value)}
                r={on || highlighted ? 5 : d.projected ? 2.5 : 3.5}
                className={highlighted ? 'fill-brand-800' : d.projected ? 'fill-brand-300' : 'fill-brand-600'}
              />
            );
          })}
        </svg>
        {/* One keyboard stop per data point (roving tabindex), laid over its slot of the drawing. */}
        <ul className="absolute inset-0 m-0 list-none p-0">
          {data.map((d, i) => (
            <li
              key={d.key}
              className="absolute"
              style={{
                left: `${((PAD.left + slot * i) / W) * 100}%`,
                width: `${(slot / W) * 100}%`,
                top: `${(PAD.top / H) * 100}%`,
                height: `${(innerH / H) * 100}%`,
              }}
            >
              <button
                type="button"
                ref={(el) => {
                  refs.current[i] = el;
                }}
                tabIndex={i === current ? 0 : -1}
                aria-label={`${d.key}: ${d.display}`}
                aria-current={d.key === highlightKey ? true : undefined}
                data-key={d.key}
                className="block size-full cursor-default rounded-sm focus-visible:outline-2 focus-visible:outline-brand-600"
                onMouseEnter={() => setActive(i)}
                onMouseLeave={() =>
                  setActive((a) => (a === i && document.activeElement !== refs.current[i] ? null : a))
                }
                onFocus={() => {
                  setFocusIndex(i);
                  setActive(i);
                }}
                onBlur={() => setActive((a) => (a === i ? null : a))}
                onClick={() => setActive(i)}
                onKeyDown={(e) => move(e, i)}
              />
            </li>
          ))}
        </ul>
        {tip ? (
          <div
            aria-hidden="true"
            data-testid="chart-tooltip"
            className="pointer-events-none absolute z-10 -translate-x-1/2 -translate-y-full rounded bg-slate-900 px-2.5 py-1.5 text-xs whitespace-nowrap text-white shadow-lg"
            style={{ left: `${tipLeftPct}%`, top: `calc(${tipTopPct}% - 6px)` }}
          >
            <span className="block text-slate-300">{tip.key}</span>
            <span className="block font-semibold tabular">{tip.display}</span>
          </div>
        ) : null}
      </div>
      {footer}
      <details className="group mt-3">
        <summary
          className={clsx(
            'inline-flex cursor-pointer items-center gap-1 rounded text-sm text-brand-700 hover:underline',
            focusRing,
          )}
        >
          <svg
            viewBox="0 0 20 20"
            className="size-4 transition-transform group-open:rotate-90"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            aria-hidden="true"
          >
            <path d="M8 5l5 5-5 5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {tableToggleLabel}
        </summary>
        <div className="mt-2 rounded border border-slate-200">
          <Table caption={title}>
            <THead>
              <tr>
                <Th>{categoryLabel}</Th>
                <Th align="right">{valueLabel}</Th>
              </tr>
            </THead>
            <TBody>
              {data.map((d) => (
                <Tr key={d.key}>
                  <Th scope="row" className="border-b-0 font-normal">
                    {d.key}
                  </Th>
                  <Td align="right">{d.display}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
