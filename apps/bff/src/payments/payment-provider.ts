import { randomBytes } from 'node:crypto';
import type { Money } from '@idv/billing';
import { DomainError, formatAmount } from '@idv/billing';

/**
 * The payment step of a recharge (R2.1: recharge adds to cash). A real provider (Alipay, WeChat Pay,
 * bank transfer) would be asynchronous: create a payment, credit cash when its webhook confirms. The
 * interface is the synchronous core both need: take `amount` from the payer or refuse.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Collects the money; `reference` dedupes on the provider's side (the Idempotency-Key when sent). */
  collect(p: { accountId: string; amount: Money; reference: string }): Promise<{ providerRef: string }>;
}

/** Default in development, tests and demos: always succeeds, no money moves anywhere real. */
export const sandboxPaymentProvider: PaymentProvider = {
  name: 'sandbox',
  async collect({ amount }) {
    if (amount <= 0n) {
      throw new DomainError('INVALID_AMOUNT', 'A recharge must be a positive amount.', {
        amount: formatAmount(amount),
      });
    }
    return { providerRef: `sbx_${randomBytes(9).toString('base64url')}` };
  },
};
