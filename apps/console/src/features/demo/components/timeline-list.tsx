import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Happening } from '../api/types.ts';
import { eventText } from '../event-text.ts';

/** What the clock passed (settlements, notices, expiries...), in the order given (newest first), in the reader's language. */
export function TimelineList({ items, compact = false }: { items: readonly Happening[]; compact?: boolean }) {
  const i18n = useI18n();
  return (
    <ol className="flex flex-col divide-y divide-slate-100">
      {items.map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: happenings have no id; the list is re-rendered whole
        <li key={`${h.at}-${h.kind}-${i}`} className={compact ? 'py-1.5' : 'py-2'}>
          <div className="flex flex-wrap items-baseline gap-x-2">
            <time dateTime={h.at} className="font-mono text-xs text-slate-600 tabular">
              {formatDateTime(h.at)}
            </time>
            <span className="text-xs font-medium text-brand-800">{i18n.tMaybe(`demo.kind.${h.kind}`, h.kind)}</span>
          </div>
          <p className={compact ? 'text-xs break-words text-slate-800' : 'text-sm break-words text-slate-800'}>
            {eventText(h, i18n)}
          </p>
        </li>
      ))}
    </ol>
  );
}
