import type { BillColumnId } from '@idv/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../components/query-error.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Banner, Button } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { billColumnsQueryKey, saveBillColumnsMutationOptions } from '../api/columns.ts';
import { type ColumnChoice, fromChoices, moveChoice, toChoices, toggleChoice } from '../columns.ts';
import { columnKey } from '../labels.ts';

/**
 * The column chooser (R5.5): show/hide and order the itemized bill's columns with checkboxes and
 * up/down buttons (keyboard and screen-reader friendly, no drag needed). Saved per user on the server.
 */
export function ColumnChooser({ columns }: { columns: readonly BillColumnId[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<ColumnChoice[]>(() => toChoices(columns));
  const [announce, setAnnounce] = useState('');
  const queryClient = useQueryClient();
  const save = useMutation({
    ...saveBillColumnsMutationOptions(),
    onSuccess: (saved) => {
      queryClient.setQueryData(billColumnsQueryKey, saved);
      setOpen(false);
    },
  });
  const listRef = useRef<HTMLOListElement>(null);

  function openDialog() {
    setChoices(toChoices(columns));
    save.reset();
    setAnnounce('');
    setOpen(true);
  }

  function move(index: number, delta: -1 | 1) {
    const next = moveChoice(choices, index, delta);
    setChoices(next);
    const moved = next[index + delta];
    if (moved) {
      setAnnounce(t('bills.columns.moved', { column: t(columnKey(moved.id)), position: index + delta + 1 }));
      // Keep focus on the same button of the moved row (or its other button at the ends).
      requestAnimationFrame(() => {
        const row = listRef.current?.querySelectorAll('li')[index + delta];
        const want = row?.querySelector<HTMLButtonElement>(`button[data-dir="${delta}"]:not([disabled])`);
        (want ?? row?.querySelector<HTMLButtonElement>('button:not([disabled])'))?.focus();
      });
    }
  }

  const visibleCount = choices.filter((c) => c.visible).length;

  return (
    <>
      <Button size="sm" onClick={openDialog}>
        {t('bills.columns.button')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('bills.columns.title')}
        description={t('bills.columns.description')}
        closeLabel={t('bills.columns.close')}
        dismissible={!save.isPending}
        footer={
          <>
            <Button variant="ghost" onClick={() => setChoices(toChoices([]))}>
              {t('bills.columns.reset')}
            </Button>
            <Button onClick={() => setOpen(false)} disabled={save.isPending}>
              {t('bills.columns.cancel')}
            </Button>
            <Button variant="primary" loading={save.isPending} onClick={() => save.mutate(fromChoices(choices))}>
              {t('bills.columns.save')}
            </Button>
          </>
        }
      >
        {save.isError ? (
          <Banner tone="error" className="mb-3">
            {errorMessage(save.error, t)}
          </Banner>
        ) : null}
        <p className="sr-only" aria-live="polite">
          {announce}
        </p>
        <ol ref={listRef} className="flex flex-col divide-y divide-slate-200 rounded border border-slate-200">
          {choices.map((c, i) => {
            const name = t(columnKey(c.id));
            const id = `bill-col-${c.id}`;
            return (
              <li key={c.id} className="flex items-center gap-2 px-3 py-1.5">
                <input
                  id={id}
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  checked={c.visible}
                  disabled={c.visible && visibleCount <= 1}
                  onChange={() => setChoices(toggleChoice(choices, c.id))}
                />
                <label htmlFor={id} className="flex-1 text-sm text-slate-800">
                  {name}
                </label>
                <Button
                  size="sm"
                  variant="ghost"
                  data-dir="-1"
                  disabled={i === 0}
                  aria-label={t('bills.columns.up', { column: name })}
                  onClick={() => move(i, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  data-dir="1"
                  disabled={i === choices.length - 1}
                  aria-label={t('bills.columns.down', { column: name })}
                  onClick={() => move(i, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </Button>
              </li>
            );
          })}
        </ol>
      </Dialog>
    </>
  );
}
