import type { Pack } from '@idv/contracts';
import { useId } from 'react';
import { Button } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/**
 * R3.5 / R8: what refund is open to a pack. Eligible: the amount and the last moment (R8.1), and the
 * action (not wired yet). Not eligible: why, translated by the reason code, falling back to the
 * server's text for a code this console does not know yet.
 */
export function RefundCell({ refund, compact = true }: { refund: Pack['refund']; compact?: boolean }) {
  const { t, tMaybe } = useI18n();
  const noteId = useId();
  if (refund.eligible) {
    return (
      <div className="flex min-w-44 flex-col items-start gap-1">
        <span className="font-medium text-slate-900 tabular">
          {t('packs.refund.eligible', { amount: formatMoney(refund.amount) })}
        </span>
        {refund.deadline ? (
          <span className="text-xs text-slate-600 tabular">
            {t('packs.refund.deadline', { deadline: formatDateTime(refund.deadline) })}
          </span>
        ) : null}
        <Button
          size="sm"
          aria-disabled="true"
          aria-describedby={noteId}
          className="mt-1 cursor-not-allowed opacity-70"
          onClick={(e) => e.preventDefault()}
        >
          {t('packs.refund.action')}
        </Button>
        <span id={noteId} className="text-xs text-slate-600">
          {t('packs.refund.comingSoon')}
        </span>
      </div>
    );
  }
  if (!refund.reason) return <span className="text-slate-600">{t('common.dash')}</span>;
  const text = tMaybe(`packs.refund.reason.${refund.reason}`, refund.reasonText ?? refund.reason);
  return (
    <p className={compact ? 'min-w-44 max-w-56 text-xs leading-relaxed text-slate-600' : 'text-sm text-slate-700'}>
      {text}
    </p>
  );
}
