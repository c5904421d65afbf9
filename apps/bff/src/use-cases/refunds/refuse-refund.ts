import { DomainError } from '@idv/billing';
import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { iso } from '../../presenters.ts';
import { audit } from '../../repositories/audit.ts';
import { lockPack, packAccountId } from '../../repositories/packs.ts';
import { setRefundRefusal } from '../../repositories/refunds.ts';
import { lockAccountNow } from '../account/lock-account-now.ts';

/**
 * R8.5 A support agent (role support_write) refuses a pack's refund for suspected abuse. The reason is
 * what the customer sees on the pack (refund.reasonText). Lock order as for a refund (account, then
 * pack), so a refusal and a refund of the same pack serialise: whichever commits first wins.
 * Refusing an already refunded pack is 409 ALREADY_REFUNDED (a completed refund is final, R8.4);
 * a gift pack is 409 NOT_REFUNDABLE_GIFT (there is nothing to refuse).
 */
export async function refuseRefund(
  deps: Deps,
  input: { auth: Auth; packId: bigint; reason: string; requestId?: string | undefined },
): Promise<{ packId: string; accountId: string; reason: string; refusedAt: string }> {
  const accountId = await packAccountId(deps.db, input.packId);
  if (!accountId) throw notFound('pack');
  return deps.db.transaction(async (tx) => {
    const { now } = await lockAccountNow(deps, tx, accountId);
    const pack = await lockPack(tx, accountId, input.packId);
    if (!pack) throw notFound('pack');
    if (pack.status === 'refunded') throw new DomainError('ALREADY_REFUNDED', 'This pack has already been refunded.');
    if (pack.source !== 'purchase') {
      throw new DomainError('NOT_REFUNDABLE_GIFT', 'Gift packs are never refundable; there is nothing to refuse.');
    }
    await setRefundRefusal(tx, input.packId, input.reason);
    await audit(tx, {
      auth: input.auth,
      accountId,
      action: 'staff.refund_refused',
      outcome: 'ok',
      at: now,
      requestId: input.requestId,
      reason: input.reason,
      detail: { packId: input.packId.toString(), previousReason: pack.refundRefusedReason },
    });
    return { packId: input.packId.toString(), accountId, reason: input.reason, refusedAt: iso(now) };
  });
}
