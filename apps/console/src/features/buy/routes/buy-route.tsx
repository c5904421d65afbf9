import type { Order, PlaceOrderBody } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MutationError } from '../../../components/mutation-error.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import {
  Banner,
  Busy,
  Button,
  buttonClasses,
  Field,
  Input,
  PageHeader,
  Panel,
  Select,
  Skeleton,
} from '../../../components/ui/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { groupByProduct } from '../../../lib/group-by-product.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { can } from '../../../lib/permissions.ts';
import { useServerNow } from '../../../lib/use-server-now.ts';
import { accountQueryOptions } from '../api/account.ts';
import { catalogQueryOptions } from '../api/catalog.ts';
import { meQueryOptions } from '../api/me.ts';
import { placeOrderMutationOptions } from '../api/place-order.ts';
import { ConfirmPaymentDialog } from '../components/confirm-payment-dialog.tsx';
import { OrderSuccess } from '../components/order-success.tsx';
import { OrderSummary } from '../components/order-summary.tsx';
import { TierPicker } from '../components/tier-picker.tsx';
import { confirmSummary } from '../confirm-lines.ts';
import { previewPayment } from '../payment-preview.ts';
import { type BuySearch, MAX_QUANTITY, parseBuySearch, toBuySearchParams } from '../search-params.ts';
import { type VoucherVerdict, voucherVerdict } from '../vouchers.ts';

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`buy-step-${n}`} className="flex flex-col gap-3">
      <h2 id={`buy-step-${n}`} className="flex items-center gap-2 text-base font-semibold text-slate-900">
        <span
          aria-hidden="true"
          className="grid size-6 place-items-center rounded-full bg-brand-600 text-xs text-white"
        >
          {n}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** R3.3 Buy packs: label → tier → quantity → voucher → summary with the R2.3 split → confirm. */
export function BuyRoute() {
  const { t, tMaybe, locale } = useI18n();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const search = parseBuySearch(params);
  const catalog = useQuery(catalogQueryOptions());
  const account = useQuery(accountQueryOptions());
  const me = useQuery(meQueryOptions()).data;
  const now = useServerNow(30_000);
  const mayBuy = can(me, 'buy');

  const [quantityText, setQuantityText] = useState(String(search.quantity));
  const [order, setOrder] = useState<Order | null>(null);
  /** Issue 17: paying is a second step, after the customer has seen what each balance gives. */
  const [reviewing, setReviewing] = useState(false);
  /** One Idempotency-Key per confirmation attempt; a retry of the same order reuses it. */
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const mutation = useMutation({
    ...placeOrderMutationOptions(),
    onSuccess: (o) => {
      attempt.current = null;
      setReviewing(false);
      setOrder(o);
      void queryClient.invalidateQueries({ queryKey: ['account'] });
      void queryClient.invalidateQueries({ queryKey: ['packs'] });
      void queryClient.invalidateQueries({ queryKey: ['bills'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: (e) => {
      setReviewing(false);
      // The answer may be stale balances: refresh them so the preview shows the real shortfall.
      if (isApiError(e, 'INSUFFICIENT_BALANCE') || isApiError(e, 'VOUCHER_NOT_USABLE')) {
        attempt.current = null;
        void queryClient.invalidateQueries({ queryKey: ['account'] });
      }
    },
  });

  const items = catalog.data?.items ?? [];
  const groups = useMemo(() => groupByProduct(catalog.data?.items ?? []), [catalog.data]);
  const item = items.find((i) => i.code === search.label && i.tiers.length > 0);
  const tier = item?.tiers.find((x) => x.size === search.size);
  const quantityValid =
    /^\d{1,3}$/.test(quantityText.trim()) && Number(quantityText) >= 1 && Number(quantityText) <= MAX_QUANTITY;
  const quantity = quantityValid ? Number.parseInt(quantityText, 10) : search.quantity;

  const vouchers = account.data?.vouchers ?? [];
  const verdicts = vouchers.map((v) => ({ v, verdict: voucherVerdict(v, item?.product, now) }));
  const chosen = verdicts.find((x) => x.v.id === search.voucher && x.verdict === 'usable')?.v;
  const droppedVoucher = search.voucher && !chosen ? search.voucher : null;

  const preview =
    tier && account.data
      ? previewPayment({
          tierPrice: tier.price,
          quantity,
          balances: account.data.balances,
          voucherFaceValue: chosen?.faceValue ?? null,
        })
      : null;

  const summary = preview && account.data ? confirmSummary(preview, account.data.balances) : null;

  /**
   * Issue 17: recharge from the buy page comes back to this very order: the account page's recharge
   * dialog gets the order's URL (all of the selection lives in it) and offers the way back.
   */
  function rechargeHref(amount: string): string {
    const back = `/buy?${toBuySearchParams({ ...search, quantity }).toString()}`;
    return `/account?${new URLSearchParams({ recharge: amount, back }).toString()}`;
  }

  function update(patch: Partial<BuySearch>) {
    mutation.reset();
    setParams(toBuySearchParams({ ...search, ...patch }), { replace: true });
  }

  function confirm() {
    if (!item || !tier || !quantityValid || !preview) return;
    const body: PlaceOrderBody = {
      label: item.code,
      size: tier.size,
      quantity,
      ...(chosen ? { voucherId: chosen.id } : {}),
    };
    const json = JSON.stringify(body);
    if (!attempt.current || attempt.current.body !== json) attempt.current = { key: newIdempotencyKey(), body: json };
    mutation.mutate({ body, idempotencyKey: attempt.current.key });
  }

  function buyMore() {
    setOrder(null);
    mutation.reset();
    setQuantityText('1');
    setParams(toBuySearchParams({ label: search.label, size: search.size, quantity: 1 }), { replace: true });
  }

  const header = <PageHeader title={t('buy.title')} description={t('buy.subtitle')} />;

  if (order) {
    return (
      <>
        {header}
        <OrderSuccess order={order} onBuyMore={buyMore} />
      </>
    );
  }

  if (catalog.isPending || account.isPending) {
    return (
      <>
        {header}
        <Busy label={t('common.loading')} className="grid gap-5 lg:grid-cols-[1fr_22rem]">
          <Skeleton className="h-96 w-full" />
          <Skeleton className="h-64 w-full" />
        </Busy>
      </>
    );
  }
  if (catalog.isError || account.isError) {
    return (
      <>
        {header}
        <QueryError
          error={catalog.error ?? account.error}
          onRetry={() => {
            void catalog.refetch();
            void account.refetch();
          }}
        />
      </>
    );
  }

  const verdictText = (verdict: VoucherVerdict) => t(`buy.voucher.why.${verdict}`);
  const scopeText = (groupsOf: string[] | null) =>
    groupsOf && groupsOf.length > 0
      ? groupsOf.map((g) => tMaybe(`product.${g}`, g)).join('、')
      : t('account.voucher.scopeAll');
  const insufficient = isApiError(mutation.error, 'INSUFFICIENT_BALANCE');

  return (
    <>
      {header}
      {!mayBuy ? (
        <Banner tone="info" className="mb-5">
          {t('buy.readOnly')}
        </Banner>
      ) : null}
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Panel bodyClassName="flex flex-col gap-8 p-5">
          <Step n={1} title={t('buy.step.label')}>
            <Field label={t('buy.label.field')} hint={t('buy.label.hint')}>
              {(p) => (
                <Select
                  {...p}
                  value={item?.code ?? ''}
                  onChange={(e) => update({ label: e.target.value || undefined, size: undefined, voucher: undefined })}
                  className="max-w-xl"
                >
                  <option value="">{t('buy.label.placeholder')}</option>
                  {groups.map((g) => (
                    <optgroup key={g.product} label={tMaybe(`product.${g.product}`, g.product)}>
                      {g.items.map((i) => (
                        <option key={i.code} value={i.code} disabled={i.tiers.length === 0}>
                          {locale === 'zh-CN' ? i.nameZh : i.nameEn}
                          {i.tiers.length === 0 ? ` — ${t('buy.label.postpaidOnly')}` : ''}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              )}
            </Field>
            {search.label && !item ? (
              <Banner tone="warning">{t('buy.label.unknown', { label: search.label })}</Banner>
            ) : null}
          </Step>

          <Step n={2} title={t('buy.step.tier')}>
            {item ? (
              <TierPicker item={item} size={tier?.size} onChange={(size) => update({ size })} />
            ) : (
              <p className="text-sm text-slate-600">{t('buy.tier.pickLabelFirst')}</p>
            )}
            {item && search.size && !tier ? (
              <Banner tone="warning">{t('buy.tier.unknown', { size: search.size })}</Banner>
            ) : null}
          </Step>

          <Step n={3} title={t('buy.step.quantity')}>
            <Field
              label={t('buy.quantity.field')}
              hint={t('buy.quantity.hint', { max: MAX_QUANTITY })}
              error={quantityValid ? undefined : t('buy.quantity.error', { max: MAX_QUANTITY })}
            >
              {(p) => (
                <Input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_QUANTITY}
                  step={1}
                  value={quantityText}
                  onChange={(e) => {
                    const v = e.target.value;
                    setQuantityText(v);
                    mutation.reset();
                    if (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_QUANTITY) {
                      setParams(toBuySearchParams({ ...search, quantity: Number.parseInt(v, 10) }), { replace: true });
                    }
                  }}
                  className="max-w-32 tabular"
                />
              )}
            </Field>
          </Step>

          <Step n={4} title={t('buy.step.voucher')}>
            <fieldset>
              <legend className="sr-only">{t('buy.step.voucher')}</legend>
              <p className="mb-2 text-xs text-slate-600">{t('buy.voucher.rule')}</p>
              <div className="flex flex-col gap-2">
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="voucher"
                    checked={!chosen}
                    onChange={() => update({ voucher: undefined })}
                    className="size-4 accent-brand-600"
                  />
                  {t('buy.voucher.none')}
                </label>
                {verdicts.map(({ v, verdict }) => {
                  const usable = verdict === 'usable';
                  return (
                    <label
                      key={v.id}
                      className={clsx('flex items-start gap-2 text-sm', usable ? 'cursor-pointer' : 'text-slate-600')}
                    >
                      <input
                        type="radio"
                        name="voucher"
                        value={v.id}
                        disabled={!usable || !item}
                        checked={chosen?.id === v.id}
                        onChange={() => update({ voucher: v.id })}
                        aria-describedby={`voucher-${v.id}-why`}
                        className="mt-0.5 size-4 accent-brand-600"
                      />
                      <span className="flex flex-col">
                        <span className={clsx('tabular', usable && 'font-medium text-slate-900')}>
                          {t('buy.voucher.option', {
                            value: formatMoney(v.faceValue),
                            scope: scopeText(v.productGroups),
                            expires: formatDateTime(v.expiresAt),
                          })}
                        </span>
                        <span id={`voucher-${v.id}-why`} className="text-xs text-slate-600">
                          {usable
                            ? item
                              ? t('buy.voucher.why.usable')
                              : t('buy.voucher.pickLabel')
                            : verdictText(verdict)}
                        </span>
                      </span>
                    </label>
                  );
                })}
                {vouchers.length === 0 ? <p className="text-sm text-slate-600">{t('buy.voucher.empty')}</p> : null}
              </div>
              {droppedVoucher && item ? (
                <p className="mt-2 text-xs text-amber-800">{t('buy.voucher.dropped')}</p>
              ) : null}
            </fieldset>
          </Step>
        </Panel>

        <Panel title={t('buy.summary.title')} headingId="buy-summary" className="lg:sticky lg:top-20">
          {item && tier && preview ? (
            <div className="flex flex-col gap-4">
              <OrderSummary
                order={{ item, size: tier.size, quantity }}
                preview={preview}
                rechargeHref={rechargeHref(preview.shortfall)}
              />
              <div aria-live="polite">
                {insufficient ? (
                  <Banner tone="error" title={t('buy.error.insufficientTitle')}>
                    <p>{t('buy.error.insufficientBody')}</p>
                    <Link
                      to={rechargeHref(preview.covered ? '' : preview.shortfall)}
                      className={buttonClasses('secondary', 'sm', 'mt-2')}
                    >
                      {t('buy.error.rechargeLink')}
                    </Link>
                  </Banner>
                ) : (
                  <MutationError error={mutation.error} />
                )}
              </div>
              <Button
                variant="primary"
                onClick={() => setReviewing(true)}
                loading={mutation.isPending}
                disabled={!mayBuy || !quantityValid || !preview.covered || !summary}
                data-testid="confirm-order"
              >
                {mutation.isError && !insufficient
                  ? t('buy.confirm.retry')
                  : t('buy.review.open', { amount: formatMoney(summary?.payable ?? preview.amount) })}
              </Button>
              {summary ? (
                <ConfirmPaymentDialog
                  open={reviewing}
                  order={{ item, size: tier.size, quantity }}
                  summary={summary}
                  voucherUnused={preview.voucherUnused}
                  busy={mutation.isPending}
                  onConfirm={confirm}
                  onCancel={() => setReviewing(false)}
                />
              ) : null}
              <p className="text-xs text-slate-600">{t('buy.confirm.note')}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t('buy.summary.incomplete')}</p>
          )}
        </Panel>
      </div>
    </>
  );
}
