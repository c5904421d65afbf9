import { useId } from 'react';
import { Button, Input } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { addMonths, isMonth } from '../search-params.ts';

/** The billing month (CST calendar month): previous / next buttons around a native month input. */
export function MonthPicker({
  month,
  max,
  onChange,
}: {
  month: string;
  max: string;
  onChange: (month: string) => void;
}) {
  const t = useT();
  const id = useId();
  const next = addMonths(month, 1);
  return (
    <div className="flex items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {t('bills.month')}
        </label>
        <div className="flex items-center gap-1">
          <Button
            size="sm"
            className="h-9"
            onClick={() => onChange(addMonths(month, -1))}
            aria-label={t('bills.monthPrev')}
          >
            <span aria-hidden="true">‹</span>
          </Button>
          <Input
            id={id}
            type="month"
            name="month"
            className="w-40"
            value={month}
            max={max || undefined}
            onChange={(e) => {
              if (isMonth(e.target.value)) onChange(e.target.value);
            }}
          />
          <Button
            size="sm"
            className="h-9"
            disabled={Boolean(max) && next > max}
            onClick={() => onChange(next)}
            aria-label={t('bills.monthNext')}
          >
            <span aria-hidden="true">›</span>
          </Button>
        </div>
      </div>
    </div>
  );
}
