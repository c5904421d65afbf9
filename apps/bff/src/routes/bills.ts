import { requireAccount, requireAuth } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { csvLang } from '../use-cases/bills/bill-csv-words.ts';
import { exportBillItemsCsv } from '../use-cases/bills/export-bill-items-csv.ts';
import { getBillColumns } from '../use-cases/bills/get-bill-columns.ts';
import { getBillOverview } from '../use-cases/bills/get-bill-overview.ts';
import { listBillItemsUseCase } from '../use-cases/bills/list-bill-items.ts';
import { listBillResources } from '../use-cases/bills/list-bill-resources.ts';
import { setBillColumns } from '../use-cases/bills/set-bill-columns.ts';

/** R5.5 bills and the per-user column chooser. */
export const billRoutes = declaredRoutes()
  .get('/bills/overview', async (c, input) => {
    const { accountId } = requireAccount(c, 'read');
    return c.json(await getBillOverview(c.get('deps'), accountId, input.query()));
  })
  .get('/bills/resources', async (c, input) => {
    const { accountId } = requireAccount(c, 'read');
    return c.json(await listBillResources(c.get('deps'), accountId, input.query()));
  })
  .get('/bills/items', async (c, input) => {
    const { accountId } = requireAccount(c, 'read');
    return c.json(await listBillItemsUseCase(c.get('deps'), accountId, input.query()));
  })
  .get('/bills/items.csv', async (c, input) => {
    const { accountId } = requireAccount(c, 'read');
    // R5.5 the reader's language: lang=zh-CN|en, else Accept-Language (api.md).
    const { lang: asked, ...filters } = input.query();
    const lang = csvLang(asked, c.req.header('accept-language'));
    const csv = await exportBillItemsCsv(c.get('deps'), accountId, filters, lang);
    return new Response(csv.body, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csv.filename}"`,
        'cache-control': 'no-store',
        'x-bill-settled': String(csv.settled),
      },
    });
  })
  .get('/preferences/bill-columns', async (c) => {
    const auth = requireAuth(c);
    return c.json(await getBillColumns(c.get('deps'), auth.user.id));
  })
  .put('/preferences/bill-columns', async (c, input) => {
    const auth = requireAuth(c);
    return c.json(await setBillColumns(c.get('deps'), auth.user.id, await input.body()));
  });
