import { type CertificateStatus, certificateCancellable, DomainError } from '@idv/billing';
import type { CertificateOrder } from '@idv/contracts';
import { presentCertificate } from '../../certificate-presenters.ts';
import type { Auth, Deps } from '../../deps.ts';
import { auditBy } from '../../repositories/audit.ts';
import { setCertificateStatus } from '../../repositories/certificates.ts';
import { lockCertificateForChange } from './certificates-shared.ts';

/** R8.6 Cancel Application: only 'pending_submission' → 'cancelled'; after it, Refund is offered. */
export async function cancelCertificate(
  deps: Deps,
  input: { auth: Auth; accountId: string; id: string; requestId?: string | undefined },
): Promise<CertificateOrder> {
  return deps.db.transaction(async (tx) => {
    const { now, cert } = await lockCertificateForChange(deps, tx, input.accountId, input.id);
    if (!certificateCancellable(cert.status as CertificateStatus)) {
      throw new DomainError(
        'CERTIFICATE_NOT_CANCELLABLE',
        `Only an application pending submission can be cancelled; this one is ${cert.status.replaceAll('_', ' ')}.`,
        { status: cert.status },
      );
    }
    const updated = await setCertificateStatus(tx, cert.id, 'cancelled');
    await auditBy(tx, input, {
      action: 'certificate.cancel',
      outcome: 'ok',
      at: now,
      detail: { certificateId: cert.id },
    });
    return presentCertificate(updated);
  });
}
