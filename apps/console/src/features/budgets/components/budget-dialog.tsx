import type { Budget, CatalogItem, CreateBudgetBody } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { SelectFilter, useLabelName } from '../../../components/select-filter.tsx';
import { InputField } from '../../../components/ui/field.tsx';
import { AmountInput, Field, Select } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { createBudgetMutationOptions, patchBudgetMutationOptions } from '../api/budgets.ts';
import { catalogQueryOptions } from '../api/catalog.ts';

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** The form's checks, the API's rules (CreateBudgetBody) with messages of our own. */
export function validateBudget(v: { name: string; amount: string; thresholds: string }) {
  const errors: { name?: true; amount?: true; thresholds?: true } = {};
  if (v.name.trim() === '') errors.name = true;
  if (!AMOUNT.test(v.amount.trim()) || /^0+(\.0*)?$/.test(v.amount.trim())) errors.amount = true;
  const list = v.thresholds.split(/[,，\s]+/).filter(Boolean);
  const nums = list.map((s) => (/^\d{1,4}$/.test(s) ? Number(s) : Number.NaN));
  if (
    nums.length === 0 ||
    nums.length > 10 ||
    nums.some((n) => !Number.isInteger(n) || n < 1 || n > 1000) ||
    new Set(nums).size !== nums.length
  )
    errors.thresholds = true;
  return { errors, thresholds: nums };
}

type Scope = 'account' | 'product' | 'label';

/** Create (budget undefined) or edit a budget (R10.1). The scope is chosen at creation only. */
export function BudgetDialog({ open, onClose, budget }: { open: boolean; onClose: () => void; budget?: Budget }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const catalog = useQuery({ ...catalogQueryOptions(), enabled: open && !budget });
  const [name, setName] = useState(budget?.name ?? '');
  const [amount, setAmount] = useState(budget?.amount ?? '');
  const [thresholds, setThresholds] = useState((budget?.thresholds ?? [50, 80, 100]).join(', '));
  const [scope, setScope] = useState<Scope>('account');
  const [product, setProduct] = useState('');
  const [label, setLabel] = useState('');
  const [touched, setTouched] = useState(false);
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['budgets'] });
    void qc.invalidateQueries({ queryKey: ['notifications'] });
    // Not close(): inside onSuccess the mutation still counts as pending.
    setTouched(false);
    onClose();
  };
  const create = useMutation({ ...createBudgetMutationOptions(), onSuccess: done });
  const patch = useMutation({ ...patchBudgetMutationOptions(), onSuccess: done });
  const pending = create.isPending || patch.isPending;
  const { errors, thresholds: nums } = validateBudget({ name, amount, thresholds });
  const items: CatalogItem[] = catalog.data?.items ?? [];
  const products = [...new Set(items.map((i) => i.product))].sort();
  const labelName = useLabelName(true);
  const labelNames = new Map(items.map((x) => [x.code, labelName(x)]));

  function close() {
    if (pending) return;
    create.reset();
    patch.reset();
    setTouched(false);
    onClose();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    if (budget) {
      patch.mutate({ id: budget.id, body: { name: name.trim(), amount: amount.trim(), thresholds: nums } });
      return;
    }
    const body: CreateBudgetBody = { name: name.trim(), amount: amount.trim(), thresholds: nums };
    if (scope === 'product' && product) body.scope = { product };
    if (scope === 'label' && label) body.scope = { label };
    create.mutate(body);
  }

  const formId = budget ? `budget-form-${budget.id}` : 'budget-form-new';
  return (
    <FormDialog
      open={open}
      onClose={close}
      title={budget ? t('budgets.form.editTitle') : t('budgets.form.createTitle')}
      description={t('budgets.form.description')}
      formId={formId}
      onSubmit={submit}
      submitLabel={t('budgets.form.save')}
      pending={pending}
      error={create.error ?? patch.error}
    >
      <InputField
        label={t('budgets.form.name')}
        error={touched && errors.name ? t('budgets.form.error.name') : undefined}
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        label={t('budgets.form.amount')}
        error={touched && errors.amount ? t('budgets.form.error.amount') : undefined}
      >
        {(p) => <AmountInput {...p} value={amount} onValueChange={setAmount} />}
      </Field>
      {budget ? (
        <p className="text-sm text-slate-600">{t('budgets.form.scopeFixed')}</p>
      ) : (
        <>
          <Field label={t('budgets.form.scope')}>
            {(p) => (
              <Select {...p} value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
                <option value="account">{t('budgets.form.scopeAccount')}</option>
                <option value="product">{t('budgets.form.scopeProduct')}</option>
                <option value="label">{t('budgets.form.scopeLabel')}</option>
              </Select>
            )}
          </Field>
          {scope === 'product' ? (
            <SelectFilter
              label={t('budgets.form.product')}
              all="—"
              value={product}
              options={products}
              onChange={(v) => setProduct(v ?? '')}
            />
          ) : null}
          {scope === 'label' ? (
            <SelectFilter
              label={t('budgets.form.label')}
              all="—"
              value={label}
              options={items.map((x) => x.code)}
              optionLabel={(code) => labelNames.get(code) ?? code}
              onChange={(v) => setLabel(v ?? '')}
            />
          ) : null}
        </>
      )}
      <InputField
        label={t('budgets.form.thresholds')}
        hint={t('budgets.form.thresholdsHint')}
        error={touched && errors.thresholds ? t('budgets.form.error.thresholds') : undefined}
        value={thresholds}
        onChange={(e) => setThresholds(e.target.value)}
      />
    </FormDialog>
  );
}
