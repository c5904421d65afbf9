import { cstDate, formatCst, settlementMode, startOfCstDay } from '@idv/billing';
import { accounts, resources, users } from '@idv/db';
import { buildRichHistory, type ScenarioContext } from '../../demo/scenarios.ts';
import type { Auth, Deps } from '../../deps.ts';
import { AppError, forbidden } from '../../errors.ts';
import { newId, randomToken } from '../../lib/crypto.ts';
import { appendTimeline, deleteTenantRows, insertDemoTenant } from '../../repositories/demo.ts';
import { hashPassword } from '../auth/sign-in.ts';
import { issueServiceKeyIn } from '../resources/create-service-key.ts';
import { advanceDemoClock } from './advance-demo-clock.ts';

/**
 * R9.3 A rich tenant is activated a year before its start: the same CST wall-clock time on the same
 * date a year earlier (29 Feb → 28 Feb).
 */
export function oneYearBefore(at: Date): Date {
  const day = cstDate(at);
  const msOfDay = at.getTime() - startOfCstDay(day).getTime();
  const [y = 0, m = 1, d = 1] = day.split('-').map((x) => Number.parseInt(x, 10));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const prev = `${pad(y - 1, 4)}-${pad(m)}-${pad(m === 2 && d === 29 ? 28 : d)}`;
  return new Date(startOfCstDay(prev).getTime() + msOfDay);
}

export function requirePm(auth: Auth): void {
  if (auth.user.kind !== 'staff' || !auth.user.roles.includes('pm')) {
    throw forbidden('Demo tenants are for product managers.');
  }
}

const RESOURCES = [
  { alias: 'KYC 小程序 / KYC mini-program', project: 'onboarding', region: 'ap-guangzhou' },
  { alias: '开户网页 / Sign-up web', project: 'onboarding', region: 'ap-shanghai' },
  { alias: '风控服务 / Risk service', project: 'risk', region: 'ap-beijing' },
];

/**
 * R9.3: a demo tenant from a scenario. `empty` is an account activated at startAt (the free trial
 * arrives after the grant delay as the clock moves); `rich` is a year of history produced by the real
 * engine on the tenant's own simulated clock, ending at startAt. Returns a customer sign-in, a usage
 * service key and the clock.
 */
export async function createDemoTenant(
  deps: Deps,
  auth: Auth,
  input: { scenario: 'empty' | 'rich'; startAt?: string | undefined; name?: string | undefined },
  reuse?: { accountId: string; users: (typeof users.$inferSelect)[] },
) {
  requirePm(auth);
  const startAt = input.startAt ? new Date(input.startAt) : deps.clock.now();
  if (Number.isNaN(startAt.getTime())) throw new AppError('INVALID_REQUEST', 400, 'startAt is not a valid time.');
  const accountId = reuse?.accountId ?? newId('demo');
  const activatedAt = input.scenario === 'rich' ? oneYearBefore(startAt) : startAt;
  const password = randomToken(9);
  const email = reuse?.users[0]?.email ?? `${accountId.replace(/_/g, '-').toLowerCase()}@demo.idv.example`;
  const ownerId = reuse?.users.find((u) => u.roles.includes('owner'))?.id ?? newId('usr');
  // R9.3 one transaction: on a reset the old tenant's rows go and the new base tenant (account, sign-in,
  // resources, service key) arrives together, so a failure leaves the old tenant as it was.
  const key = await deps.db.transaction(async (tx) => {
    if (reuse) await deleteTenantRows(tx, accountId);
    await tx.insert(accounts).values({
      id: accountId,
      name:
        input.name ??
        (input.scenario === 'rich' ? '演示租户（丰富历史）Demo tenant (rich)' : '演示租户（新开通）Demo tenant (new)'),
      // R9.3/R5.1/R5.2 the tenant's activation decides its settlement mode, as for any account:
      // activated before 2023-01-04 00:00 CST it is a legacy, monthly-settled account.
      settlement: settlementMode(activatedAt),
      activatedAt,
      isDemo: true,
      simulatedNow: activatedAt,
    });
    if (reuse && reuse.users.length > 0) {
      await tx.insert(users).values(reuse.users);
    } else {
      await tx.insert(users).values({
        id: ownerId,
        email,
        name: 'Demo Customer',
        passwordHash: await hashPassword(password),
        kind: 'customer',
        roles: ['owner'],
        accountId,
      });
    }
    await tx
      .insert(resources)
      .values(
        RESOURCES.map((r, i) => ({ id: `res-${accountId.slice(5, 13).toLowerCase()}-${i + 1}`, accountId, ...r })),
      );
    await insertDemoTenant(tx, {
      accountId,
      createdBy: auth.user.id,
      scenario: input.scenario,
      startAt,
      createdAt: deps.clock.now(),
    });
    return (await issueServiceKeyIn(tx, accountId, 'demo', activatedAt)).key;
  });
  const resourceRows = RESOURCES.map((r, i) => ({
    id: `res-${accountId.slice(5, 13).toLowerCase()}-${i + 1}`,
    alias: r.alias,
  }));
  try {
    if (input.scenario === 'rich') {
      const owner: Auth = {
        sessionId: 'demo-scenario',
        user: {
          id: ownerId,
          email,
          name: 'Demo Customer',
          kind: 'customer',
          roles: ['owner'],
          accountId,
        },
        accountId,
        impersonation: null,
      };
      const ctx: ScenarioContext = {
        deps,
        accountId,
        owner,
        resources: resourceRows.map((r) => r.id),
        activatedAt,
        startAt,
      };
      await buildRichHistory(ctx);
    } else {
      await advanceDemoClock(deps, accountId, { advanceTo: startAt.toISOString() });
    }
  } catch (err) {
    await deps.db.transaction((tx) => deleteTenantRows(tx, accountId));
    throw err;
  }
  await appendTimeline(deps.db, accountId, [
    { at: startAt, kind: 'tenant_created', summary: `Demo tenant created from the "${input.scenario}" scenario` },
  ]);
  return {
    accountId,
    customer: { email, password: reuse ? '(unchanged)' : password },
    serviceKey: key,
    resources: resourceRows,
    clock: { now: formatCst(startAt), simulated: true as const },
  };
}
