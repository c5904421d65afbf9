import type { StaffAccount } from '@idv/contracts';
import { useI18n } from '../../../lib/i18n.tsx';

/** The members of an account as support sees them: email and roles. */
export function AccountUsers({ users, className }: { users: StaffAccount['users']; className: string }) {
  const { tMaybe } = useI18n();
  return (
    <ul className={className}>
      {users.map((u) => (
        <li key={u.email}>
          {u.email}{' '}
          <span className="text-xs text-slate-600">
            ({u.roles.map((r) => tMaybe(`support.role.${r}`, r)).join(', ')})
          </span>
        </li>
      ))}
    </ul>
  );
}
