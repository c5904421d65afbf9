import type { Pack } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { can, readOnlyKey } from '../../../lib/permissions.ts';
import { meQueryOptions } from '../api/me.ts';
import { staffRefusalReason } from '../refund-reason.ts';
import { RefundCountdown } from './refund-countdown.tsx';
import { RefundDialog } from './refund-dialog.tsx';

/** R8.2 Why a pack cannot be refunded, translated by reason code (with the staff reason for R8.5). */
export function RefundReason({ refund }: { refund: Pack['refund'] }) {
  const { t, tMaybe } = useI18n();
  if (!refund.reason) return <span className="text-slate-600">{t('common.dash')}</span>;
  const staff = staffRefusalReason(refund);
  if (staff) return <>{t('refund.reason.refusedWithReason', { reason: staff })}</>;
  return <>{tMaybe(`packs.refund.reason.${refund.reason}`, refund.reasonText ?? refund.reason)}</>;
}

/**
 * R3.5 / R8: what refund is open to a pack. Eligible: the amount, its split, the last moment (R8.1)
 * with a live countdown, and the Refund action (two-step confirmation, R8.4). Not eligible: why.
 */
export function RefundCell({ pack, compact = true }: { pack: Pack; compact?: boolean }) {
  const { t, locale } = useI18n();
  const me = useQuery(meQueryOptions()).data;
  // A snapshot of the pack as it was when the dialog opened: after the refund the refreshed pack is
  // no longer eligible, and the dialog must stay to show what was returned.
  const [dialogPack, setDialogPack] = useState<Pack | null>(null);
  // Always rendered second in a fragment, so it keeps its state when the cell's content changes.
  const dialog = dialogPack ? <RefundDialog pack={dialogPack} onClose={() => setDialogPack(null)} /> : null;
  const refund = pack.refund;
  const name = locale === 'zh-CN' ? pack.labelNameZh : pack.labelNameEn;
  if (refund.eligible) {
    const mayRefund = can(me, 'refund');
    return (
      <>
        <div className="flex flex-col items-start gap-1 md:min-w-44">
          <span className="font-medium text-slate-900 tabular">
            {t('packs.refund.eligible', { amount: formatMoney(refund.amount) })}
          </span>
          {refund.split && !compact ? (
            <span className="text-xs text-slate-600 tabular">
              {t('packs.detail.refundSplit', {
                cash: formatMoney(refund.split.cash),
                income: formatMoney(refund.split.income),
                gift: formatMoney(refund.split.gift),
              })}
            </span>
          ) : null}
          {refund.deadline ? (
            <>
              <span className="text-xs text-slate-600 tabular">
                {t('refund.deadlineCst', { deadline: formatDateTime(refund.deadline) })}
              </span>
              <RefundCountdown deadline={refund.deadline} />
            </>
          ) : null}
          {mayRefund ? (
            <Button size="sm" className="mt-1" onClick={() => setDialogPack(pack)}>
              {t('packs.refund.action')}
              <span className="sr-only"> {t('refund.packRef', { name, id: pack.id })}</span>
            </Button>
          ) : (
            <span className="text-xs text-slate-600">{t(readOnlyKey(me))}</span>
          )}
        </div>
        {dialog}
      </>
    );
  }
  return (
    <>
      <p
        className={
          compact ? 'text-xs leading-relaxed text-slate-600 md:min-w-44 md:max-w-56' : 'text-sm text-slate-700'
        }
      >
        <RefundReason refund={refund} />
      </p>
      {dialog}
    </>
  );
}
