import { Skeleton } from './ui/spinner.tsx';

const WIDTHS = ['w-2/3', 'w-1/2', 'w-3/5'];

/** Placeholder text lines of uneven width, for a list that is loading (put it inside a Busy). */
export function SkeletonLines({ count = 2, height = 'h-5' }: { count?: number; height?: string }) {
  return (
    <div className="flex flex-col gap-3">
      {WIDTHS.slice(0, count).map((w) => (
        <Skeleton key={w} className={`${height} ${w}`} />
      ))}
    </div>
  );
}
