import type { CatalogItem } from '@idv/contracts';
import { formatCount } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** What is bought: the label and "size × quantity", as dt/dd pairs inside the caller's <dl>. */
export function OrderLines({ item, size, quantity }: { item: CatalogItem; size: number; quantity: number }) {
  const { t, locale } = useI18n();
  return (
    <>
      <dt className="text-slate-600">{t('buy.summary.label')}</dt>
      <dd className="text-right text-slate-900">{locale === 'zh-CN' ? item.nameZh : item.nameEn}</dd>
      <dt className="text-slate-600">{t('buy.summary.pack')}</dt>
      <dd className="text-right text-slate-900 tabular">
        {t('buy.summary.packValue', { count: formatCount(size), quantity })}
      </dd>
    </>
  );
}
