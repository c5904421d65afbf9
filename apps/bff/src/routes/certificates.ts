import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { cancelCertificate } from '../use-cases/certificates/cancel-certificate.ts';
import { listCertificatesUseCase } from '../use-cases/certificates/list-certificates.ts';
import { refundCertificate } from '../use-cases/certificates/refund-certificate.ts';

/** R8.6 SSL certificate orders: list, Cancel Application, Refund. */
export const certificateRoutes = declaredRoutes()
  .get('/certificates', async (c, input) => {
    const { accountId } = requireAccount(c);
    return c.json(await listCertificatesUseCase(c.get('deps'), accountId, input.query()));
  })
  .post('/certificates/:id/cancel', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'refund');
    const { id } = input.params();
    return c.json(await cancelCertificate(c.get('deps'), { auth, accountId, id, requestId: c.get('requestId') }));
  })
  .post('/certificates/:id/refund', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'refund');
    const { id } = input.params();
    // R8.6 consent travels in the body; a request without one is answered after the 404/409 checks.
    // (Hono caches the body text, so jsonBody can read it again.)
    const body = (await c.req.text()).trim() === '' ? {} : await input.body();
    const policyAccepted = body.policyAccepted === true;
    const deps = c.get('deps');
    return c.json(
      await refundCertificate(deps, { auth, accountId, id, policyAccepted, requestId: c.get('requestId') }),
      201,
    );
  });
