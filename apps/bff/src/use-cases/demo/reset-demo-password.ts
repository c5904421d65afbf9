import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { randomToken } from '../../lib/crypto.ts';
import { audit } from '../../repositories/audit.ts';
import { demoTenantOwner, getDemoTenant, setDemoCustomerPassword } from '../../repositories/demo.ts';
import { hashPassword } from '../auth/sign-in.ts';
import { requirePm } from './create-demo-tenant.ts';

/**
 * R9.3 The PM gets the demo customer's password from any browser: only its hash is stored, so it
 * cannot be read back; instead a new one is set and returned (once, to this PM). Only PMs (403),
 * only demo tenants (a real account, or none: 404). The customer's open sessions end with the old
 * password, and the reset is audited on the tenant's account (never the password itself).
 */
export async function resetDemoPassword(deps: Deps, auth: Auth, accountId: string, requestId?: string) {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant) throw notFound('demo tenant');
  const owner = await demoTenantOwner(deps.db, accountId);
  if (!owner) throw notFound('demo tenant');
  const password = randomToken(9);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    await setDemoCustomerPassword(tx, owner.id, passwordHash);
    await audit(tx, {
      auth,
      accountId,
      action: 'demo.password_reset',
      outcome: 'ok',
      at: deps.clock.now(),
      requestId,
      detail: { customer: owner.email },
    });
  });
  return { email: owner.email, password };
}
