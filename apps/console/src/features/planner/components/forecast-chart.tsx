import type { PackForecast } from '@idv/contracts';
import { useId } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

const W = 960;
const H = 260;
const PAD = { top: 16, right: 16, bottom: 30, left: 64 };

/**
 * Remaining calls of a pack over time: the recorded past as a solid line, the projection as a dashed
 * line, the run-out day marked. The drawing is decorative (aria-hidden); the figure's caption says
 * what it shows in a sentence, and the same figures are in the table beside it.
 */
export function ForecastChart({ forecast }: { forecast: PackForecast }) {
  const { t } = useI18n();
  const titleId = useId();
  const descId = useId();
  const pts = forecast.points;
  if (pts.length === 0) return null;
  const max = Math.max(1, forecast.total, ...pts.map((p) => p.remaining));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (pts.length === 1 ? innerW / 2 : (innerW * i) / (pts.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const todayIndex = pts.findIndex((p) => !p.actual);
  const path = (from: number, to: number) =>
    pts
      .slice(from, to + 1)
      .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(from + k).toFixed(1)},${y(p.remaining).toFixed(1)}`)
      .join(' ');
  const lastActual = todayIndex > 0 ? todayIndex - 1 : todayIndex === 0 ? -1 : pts.length - 1;
  const runOutIndex = forecast.runOutDate ? pts.findIndex((p) => p.date === forecast.runOutDate) : -1;
  const first = pts[0];
  const last = pts[pts.length - 1];
  const labelEvery = Math.max(1, Math.ceil(pts.length / 8));

  return (
    <figure className="m-0" aria-labelledby={titleId} aria-describedby={descId}>
      <figcaption className="sr-only">
        <span id={titleId}>{t('forecast.chart.title')}</span>{' '}
        <span id={descId}>
          {t('forecast.chart.summary', {
            from: first?.date ?? '',
            to: last?.date ?? '',
            start: formatCount(first?.remaining ?? 0),
            end: formatCount(last?.remaining ?? 0),
          })}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" className="h-auto w-full" data-testid="forecast-chart">
        {[0, max / 2, max].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {formatCount(Math.round(v))}
            </text>
          </g>
        ))}
        {pts.map((p, i) =>
          i % labelEvery === 0 || i === pts.length - 1 ? (
            <text key={p.date} x={x(i)} y={H - 10} textAnchor="middle" fontSize="11" fill="#475569">
              {p.date.slice(5)}
            </text>
          ) : null,
        )}
        {lastActual >= 0 ? (
          <path d={path(0, lastActual)} fill="none" stroke="var(--color-brand-700)" strokeWidth="2.5" />
        ) : null}
        {todayIndex >= 0 ? (
          <path
            d={path(Math.max(0, todayIndex - 1), pts.length - 1)}
            fill="none"
            stroke="var(--color-brand-500)"
            strokeWidth="2"
            strokeDasharray="6 5"
          />
        ) : null}
        {todayIndex >= 0 ? (
          <line x1={x(todayIndex)} x2={x(todayIndex)} y1={PAD.top} y2={PAD.top + innerH} stroke="#94a3b8" />
        ) : null}
        {runOutIndex >= 0 ? (
          <g>
            <circle cx={x(runOutIndex)} cy={y(0)} r="5" fill="#b91c1c" />
            <text x={x(runOutIndex)} y={y(0) - 10} textAnchor="middle" fontSize="12" fill="#b91c1c">
              {t('forecast.chart.runOut')} {forecast.runOutDate?.slice(5)}
            </text>
          </g>
        ) : null}
      </svg>
      <ul className="m-0 mt-2 flex list-none gap-5 p-0 text-xs text-slate-700">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-0.5 w-6 bg-brand-700" />
          {t('forecast.chart.actual')}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block w-6 border-t-2 border-dashed border-brand-500" />
          {t('forecast.chart.projected')}
        </li>
      </ul>
    </figure>
  );
}
