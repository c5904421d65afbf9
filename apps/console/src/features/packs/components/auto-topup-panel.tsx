import type { AutoTopupRule, CatalogItem } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MutationError } from '../../../components/mutation-error.tsx';
import { Badge, Button, Dialog, Field, Input, Select } from '../../../components/ui/index.ts';
import { formatCount } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { meQueryOptions } from '../../../lib/me-query.ts';
import { can } from '../../../lib/permissions.ts';
import {
  autoTopupsQueryOptions,
  deleteAutoTopupMutationOptions,
  putAutoTopupMutationOptions,
} from '../api/auto-topups.ts';

/**
 * R10.2 The auto top-up rules on the pack list: each rule in one line; with a label filter, that
 * label's rule can be set or changed (owner and finance).
 */
export function AutoTopupPanel({ label, labels }: { label: string | undefined; labels: CatalogItem[] | undefined }) {
  const { t, locale } = useI18n();
  const me = useQuery(meQueryOptions());
  const rules = useQuery(autoTopupsQueryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const editable = can(me.data, 'buy');
  const items = rules.data?.items ?? [];
  const shown = label ? items.filter((r) => r.label === label) : items;
  const labelOf = (code: string) => {
    const c = labels?.find((l) => l.code === code);
    return c ? (locale === 'en' ? c.nameEn : c.nameZh) : code;
  };
  const sellable = label ? labels?.find((l) => l.code === label && l.tiers.length > 0) : undefined;
  if (!rules.data || (shown.length === 0 && !(sellable && editable))) return null;
  return (
    <section aria-labelledby="auto-topup-heading" className="border-b border-slate-200 px-5 py-3">
      <h2 id="auto-topup-heading" className="text-sm font-semibold text-slate-900">
        {t('autoTopup.title')}
      </h2>
      <ul className="mt-1 flex flex-col gap-1 text-sm">
        {shown.map((r) => (
          <li key={r.label} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{labelOf(r.label)}</span>
            <span className="text-slate-700">
              {t('autoTopup.summary', {
                below: formatCount(r.belowCalls),
                quantity: String(r.quantity),
                size: formatCount(r.size),
                limit: String(r.monthlyLimit),
                bought: String(r.boughtThisMonth),
              })}
            </span>
            {!r.enabled ? <Badge tone="muted">{t('autoTopup.disabled')}</Badge> : null}
            {editable ? (
              <Button size="sm" onClick={() => setEditing(r.label)}>
                {t('autoTopup.edit')}
              </Button>
            ) : null}
          </li>
        ))}
        {label && sellable && editable && shown.length === 0 ? (
          <li className="flex items-center gap-2">
            <span className="text-slate-600">{t('autoTopup.none')}</span>
            <Button size="sm" onClick={() => setEditing(label)}>
              {t('autoTopup.edit')}
            </Button>
          </li>
        ) : null}
      </ul>
      {editing ? (
        <AutoTopupDialog
          label={editing}
          name={labelOf(editing)}
          sizes={labels?.find((l) => l.code === editing)?.tiers.map((x) => x.size) ?? []}
          rule={items.find((r) => r.label === editing)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

const POSITIVE = /^[1-9]\d{0,8}$/;

function AutoTopupDialog({
  label,
  name,
  sizes,
  rule,
  onClose,
}: {
  label: string;
  name: string;
  sizes: number[];
  rule: AutoTopupRule | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [below, setBelow] = useState(String(rule?.belowCalls ?? 1000));
  const [size, setSize] = useState(String(rule?.size ?? sizes[0] ?? ''));
  const [quantity, setQuantity] = useState(String(rule?.quantity ?? 1));
  const [limit, setLimit] = useState(String(rule?.monthlyLimit ?? 2));
  const [touched, setTouched] = useState(false);
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['auto-topups'] });
    onClose();
  };
  const put = useMutation({ ...putAutoTopupMutationOptions(), onSuccess: done });
  const del = useMutation({ ...deleteAutoTopupMutationOptions(), onSuccess: done });
  const small = (s: string) => POSITIVE.test(s) && Number(s) <= 100;
  const invalid = !POSITIVE.test(below) || !small(quantity) || !small(limit) || !POSITIVE.test(size);
  const pending = put.isPending || del.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    put.mutate({
      label,
      body: {
        enabled,
        belowCalls: Number(below),
        size: Number(size),
        quantity: Number(quantity),
        monthlyLimit: Number(limit),
      },
    });
  }
  const num =
    (value: string, set: (v: string) => void) => (p: Parameters<Parameters<typeof Field>[0]['children']>[0]) => (
      <Input
        {...p}
        inputMode="numeric"
        value={value}
        onChange={(e) => set(e.target.value)}
        className="max-w-40 tabular"
      />
    );

  return (
    <Dialog
      open
      onClose={() => !pending && onClose()}
      dismissible={!pending}
      closeLabel={t('dialog.close')}
      title={t('autoTopup.dialogTitle', { label: name })}
      description={t('autoTopup.dialogDescription')}
      footer={
        <>
          {rule ? (
            <Button onClick={() => del.mutate(label)} disabled={pending}>
              {t('autoTopup.remove')}
            </Button>
          ) : null}
          <Button onClick={onClose} disabled={pending}>
            {t('dialog.cancel')}
          </Button>
          <Button variant="primary" type="submit" form="auto-topup-form" loading={put.isPending}>
            {t('budgets.form.save')}
          </Button>
        </>
      }
    >
      <form id="auto-topup-form" noValidate onSubmit={submit} className="flex flex-col gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('autoTopup.enabled')}
        </label>
        <Field label={t('autoTopup.below')}>{num(below, setBelow)}</Field>
        <Field label={t('autoTopup.size')}>
          {(p) => (
            <Select {...p} value={size} onChange={(e) => setSize(e.target.value)}>
              {sizes.map((s) => (
                <option key={s} value={String(s)}>
                  {formatCount(s)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('autoTopup.quantity')}>{num(quantity, setQuantity)}</Field>
        <Field label={t('autoTopup.limit')} error={touched && invalid ? t('autoTopup.error') : undefined}>
          {num(limit, setLimit)}
        </Field>
        <MutationError error={put.error ?? del.error} />
      </form>
    </Dialog>
  );
}
