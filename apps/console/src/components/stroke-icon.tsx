/** What every outline icon shares: a 24-unit box, no fill, the text colour. */
const outline = { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor' } as const;

/**
 * A decorative outline icon of one path (`d` in a 24×24 box), drawn in the text colour with round
 * ends and joins. The size comes from `className` (`size-5`...).
 */
export function StrokeIcon({ d, className, strokeWidth = 2 }: { d: string; className: string; strokeWidth?: number }) {
  return (
    <svg {...outline} className={className} strokeWidth={strokeWidth} aria-hidden="true">
      <path d={d} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
