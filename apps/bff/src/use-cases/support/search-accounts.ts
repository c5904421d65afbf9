import type { List, StaffAccount } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { searchAccounts } from '../../repositories/staff.ts';

/** R9.2: support agents find an account by id, name or a member's email. */
export async function searchAccountsUseCase(
  deps: Deps,
  q: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<List<StaffAccount>> {
  const after = q.cursor ? decodeCursor(q.cursor, 1)[0] : undefined;
  const found = await searchAccounts(deps.db, q.q, q.limit + 1, after);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ account: a, users }) => ({
      id: a.id,
      name: a.name,
      status: a.status,
      settlement: a.settlement,
      isDemo: a.isDemo,
      violation: a.violation,
      users: users.map((u) => ({ email: u.email, roles: u.roles })),
    })),
    nextCursor: found.length > q.limit && last ? encodeCursor([last.account.id]) : null,
  };
}
