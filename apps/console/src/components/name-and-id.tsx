import type { ReactNode } from 'react';

/** A thing's name over its id (small, monospace): how a list names an account, a tenant or a pack. */
export function NameAndId({ name, id }: { name: ReactNode; id: ReactNode }) {
  return (
    <>
      <p className="font-medium text-slate-900">{name}</p>
      <p className="font-mono text-xs text-slate-600">{id}</p>
    </>
  );
}
