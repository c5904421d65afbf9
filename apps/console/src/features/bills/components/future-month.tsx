import { Button, EmptyState } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';

/**
 * A month after the current CST month (issue 17): nothing can have been charged yet, so the bills say
 * so plainly instead of showing a "not final, charges still accruing" bill of ¥0.00.
 */
export function FutureMonth({
  month,
  currentMonth,
  onCurrent,
  headingLevel = 2,
}: {
  month: string;
  currentMonth: string;
  onCurrent: () => void;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  return (
    <EmptyState
      headingLevel={headingLevel}
      title={t('bills.future.title', { month })}
      action={
        <Button onClick={onCurrent} data-testid="bills-current-month">
          {t('bills.future.current', { month: currentMonth })}
        </Button>
      }
    >
      {t('bills.future.body')}
    </EmptyState>
  );
}
