import { useQuery } from '@tanstack/react-query';
import { QueryView } from '../../../components/query-view.tsx';
import { PageHeader } from '../../../components/ui/index.ts';
import { groupByProduct } from '../../../lib/group-by-product.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import { LabelPricing } from '../components/label-pricing.tsx';

export function PricingRoute() {
  const { t, tMaybe } = useI18n();
  const catalog = useQuery(catalogQueryOptions());

  return (
    <>
      <PageHeader title={t('pricing.title')} description={t('pricing.subtitle')} />
      <QueryView
        query={catalog}
        skeleton="h-56 w-full"
        rows={4}
        loadingClassName="grid gap-4 lg:grid-cols-2"
        padded={false}
      >
        {(data) => (
          <div className="flex flex-col gap-8">
            <nav aria-label={t('pricing.products')} className="flex flex-wrap gap-2">
              {groupByProduct(data.items).map((g) => (
                <a
                  key={g.product}
                  href={`#product-${g.product}`}
                  className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:border-brand-600 hover:text-brand-700"
                >
                  {tMaybe(`product.${g.product}`, g.product)}
                </a>
              ))}
            </nav>
            {groupByProduct(data.items).map((g) => (
              <section key={g.product} aria-labelledby={`product-${g.product}`} className="scroll-mt-20">
                <h2 id={`product-${g.product}`} className="mb-3 scroll-mt-20 text-base font-semibold text-slate-900">
                  {tMaybe(`product.${g.product}`, g.product)}
                </h2>
                <div className="grid gap-4 lg:grid-cols-2">
                  {g.items.map((item) => (
                    <LabelPricing key={item.code} item={item} />
                  ))}
                </div>
              </section>
            ))}
          </div>
        )}
      </QueryView>
    </>
  );
}
