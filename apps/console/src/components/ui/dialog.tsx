import { clsx } from 'clsx';
import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { focusRing } from './focus.ts';

const FOCUSABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.hasAttribute('inert') && el.getAttribute('aria-hidden') !== 'true',
  );
}

export interface DialogProps {
  open: boolean;
  /** Called on Escape, on the close button and on a backdrop click (unless `dismissible` is false). */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** The action row (buttons), right-aligned under the body. */
  footer?: ReactNode;
  /** Accessible name of the × button (translated by the caller). */
  closeLabel: string;
  /** `alertdialog` for confirmations of irreversible actions. */
  role?: 'dialog' | 'alertdialog';
  /** The element to focus on open; defaults to the first focusable element of the body, else the panel. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** False while a request is in flight: Escape and the backdrop then do nothing. */
  dismissible?: boolean;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/**
 * An accessible modal dialog: rendered in a portal over a backdrop, `aria-modal`, labelled by its
 * title and described by its description; focus moves in on open, Tab/Shift+Tab cycle inside it
 * (focus trap), Escape closes it, and focus returns to the element that opened it. The page behind
 * is made `inert` while it is open.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  closeLabel,
  role = 'dialog',
  initialFocus,
  dismissible = true,
  size = 'md',
  className,
}: DialogProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = description ? `${id}-desc` : undefined;
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const dismissibleRef = useRef(dismissible);
  dismissibleRef.current = dismissible;

  // Focus in on open, back to the opener on close; the page behind becomes inert.
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    const portalRoot = panel?.closest('[data-dialog-root]');
    const inerted: HTMLElement[] = [];
    for (const el of Array.from(document.body.children)) {
      if (
        el instanceof HTMLElement &&
        el !== portalRoot &&
        !el.hasAttribute('inert') &&
        !el.hasAttribute('data-dialog-root')
      ) {
        el.setAttribute('inert', '');
        inerted.push(el);
      }
    }
    const target =
      initialFocus?.current ??
      (panel ? (focusables(panel).find((el) => !el.hasAttribute('data-dialog-close')) ?? panel) : null);
    target?.focus();
    return () => {
      for (const el of inerted) el.removeAttribute('inert');
      if (opener?.isConnected) opener.focus();
    };
  }, [open, initialFocus]);

  if (!open) return null;

  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (dismissibleRef.current) onCloseRef.current();
      return;
    }
    if (e.key !== 'Tab' || !panelRef.current) return;
    const items = focusables(panelRef.current);
    if (items.length === 0) {
      e.preventDefault();
      panelRef.current.focus();
      return;
    }
    const first = items[0] as HTMLElement;
    const last = items[items.length - 1] as HTMLElement;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === panelRef.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  const widths = { sm: 'max-w-md', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

  return createPortal(
    <div
      data-dialog-root=""
      className="fixed inset-0 z-[100] flex items-start justify-center overflow-y-auto p-4 sm:pt-[10vh]"
    >
      <div
        className="fixed inset-0 bg-slate-900/50"
        aria-hidden="true"
        onClick={() => {
          if (dismissibleRef.current) onCloseRef.current();
        }}
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the role is dialog or alertdialog (a prop), which biome cannot see */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-modal is valid on dialog/alertdialog */}
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        // Issue 17: the panel never grows past the window; its body scrolls and the title and the action
        // row (Save, Confirm…) stay on screen at any height (1440×900, 390×844).
        className={clsx(
          'relative flex max-h-[calc(100dvh-2rem)] w-full flex-col rounded-md bg-white shadow-xl focus:outline-none sm:max-h-[calc(90dvh-1rem)]',
          widths[size],
          className,
        )}
      >
        <div className="flex shrink-0 items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div className="min-w-0">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description ? (
              <p id={descId} className="mt-1 text-sm text-slate-600">
                {description}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            data-dialog-close=""
            className={clsx('rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900', focusRing)}
            onClick={() => {
              if (dismissibleRef.current) onCloseRef.current();
            }}
            aria-label={closeLabel}
            disabled={!dismissible}
          >
            <svg
              viewBox="0 0 24 24"
              className="size-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        {children ? (
          <div
            className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 py-4 text-sm text-slate-800"
            data-dialog-body=""
          >
            {children}
          </div>
        ) : null}
        {footer ? (
          <div className="flex shrink-0 flex-wrap justify-end gap-2 rounded-b-md border-t border-slate-200 bg-slate-50 px-5 py-3">
            {footer}
          </div>
        ) : null}
      </div>
    </div>,
    document.body,
  );
}
