import type { Me } from '@idv/contracts';
import { clsx } from 'clsx';
import { useEffect, useId, useRef, useState } from 'react';
import { focusRing } from '../../components/ui/focus.ts';
import { useSignOut } from '../../features/auth/components/use-sign-out.ts';
import { useT } from '../../lib/i18n.tsx';

/** A disclosure with who is signed in and "Sign out". Escape or a click outside closes it. */
export function UserMenu({ user }: { user: Me['user'] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { signOut, pending } = useSignOut();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onDown(e: MouseEvent) {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const initial = (user.name || user.email).slice(0, 1).toUpperCase();
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className={clsx(
          'flex items-center gap-2 rounded px-2 py-1 text-sm text-slate-100 hover:bg-slate-800',
          focusRing,
        )}
      >
        <span
          aria-hidden="true"
          className="grid size-7 place-items-center rounded-full bg-brand-600 text-xs font-semibold text-white"
        >
          {initial}
        </span>
        <span className="hidden max-w-40 truncate md:inline">{user.name}</span>
        <span className="sr-only">{t('topbar.userMenu')}</span>
        <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden="true">
          <path d="M5.5 7.5L10 12l4.5-4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-30 mt-2 w-64 rounded-md border border-slate-200 bg-white py-2 text-slate-900 shadow-lg"
      >
        <div className="border-b border-slate-200 px-4 pb-3">
          <p className="text-xs text-slate-600">{t('topbar.signedInAs')}</p>
          <p className="mt-0.5 truncate text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs text-slate-600">{user.email}</p>
        </div>
        <button
          type="button"
          onClick={signOut}
          disabled={pending}
          className={clsx('mt-1 flex w-full items-center px-4 py-2 text-left text-sm hover:bg-slate-100', focusRing)}
        >
          {pending ? t('topbar.signingOut') : t('topbar.signOut')}
        </button>
      </div>
    </div>
  );
}
