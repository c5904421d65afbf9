import { clsx } from 'clsx';
import { NavLink } from 'react-router';
import { focusRing } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { type BillSearch, toBillSearchParams } from '../search-params.ts';

/** Overview / resource-ID bill / itemized bill; the month and filters travel with the user (no cursor). */
export function BillTabs({ search, month }: { search: BillSearch; month: string }) {
  const t = useT();
  const withFilters = toBillSearchParams({ ...search, month, cursor: undefined }).toString();
  const monthOnly = toBillSearchParams({ month }).toString();
  const tabs = [
    { to: `/bills?${monthOnly}`, label: t('bills.tab.overview'), end: true },
    { to: `/bills/resources?${withFilters}`, label: t('bills.tab.resources'), end: true },
    { to: `/bills/items?${withFilters}`, label: t('bills.tab.items'), end: true },
  ];
  return (
    <nav aria-label={t('bills.tabs')} className="mb-4 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                clsx(
                  'inline-block rounded-t border-b-2 px-4 py-2 text-sm whitespace-nowrap',
                  focusRing,
                  isActive
                    ? 'border-brand-600 font-medium text-brand-700'
                    : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900',
                )
              }
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
