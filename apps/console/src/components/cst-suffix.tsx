import type { ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';

/** "(CST)" after a column heading or label of times: every time in the console is China Standard Time. */
export function CstSuffix() {
  const t = useT();
  return <span className="font-normal text-slate-600">({t('common.cst')})</span>;
}

/** A column heading of times: its text, then "(CST)". */
export function CstHead({ children }: { children: ReactNode }) {
  return (
    <>
      {children} <CstSuffix />
    </>
  );
}
