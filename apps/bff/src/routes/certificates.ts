import { CertificateIdParam, CertificatesQuery } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { params, query } from '../http/validate.ts';
import { cancelCertificate } from '../use-cases/cancel-certificate.ts';
import { listCertificatesUseCase } from '../use-cases/list-certificates.ts';
import { refundCertificate } from '../use-cases/refund-certificate.ts';

/** R8.6 SSL certificate orders: list, Cancel Application, Refund. */
export const certificateRoutes = declaredRoutes()
  .get('/certificates', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await listCertificatesUseCase(c.get('deps'), accountId, query(c, CertificatesQuery)));
  })
  .post('/certificates/:id/cancel', async (c) => {
    const { auth, accountId } = requireAccount(c, 'refund');
    const { id } = params(c, CertificateIdParam);
    return c.json(await cancelCertificate(c.get('deps'), { auth, accountId, id, requestId: c.get('requestId') }));
  })
  .post('/certificates/:id/refund', async (c) => {
    const { auth, accountId } = requireAccount(c, 'refund');
    const { id } = params(c, CertificateIdParam);
    return c.json(await refundCertificate(c.get('deps'), { auth, accountId, id, requestId: c.get('requestId') }), 201);
  });
