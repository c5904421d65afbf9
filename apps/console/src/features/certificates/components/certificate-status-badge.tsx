import type { CertificateStatus } from '@idv/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';

const tone: Record<CertificateStatus, BadgeTone> = {
  pending_submission: 'info',
  validating: 'info',
  issued: 'success',
  failed: 'danger',
  review_suspended: 'warning',
  cancelled: 'muted',
  refunded: 'neutral',
};

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useI18n();
  return <Badge tone={tone[status]}>{t(`cert.status.${status}`)}</Badge>;
}
