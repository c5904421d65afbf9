import type { Pack } from '@idv/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';

const tones: Record<Pack['status'], BadgeTone> = {
  active: 'success',
  exhausted: 'warning',
  expired: 'muted',
  refunded: 'neutral',
};

export function PackStatusBadge({ status }: { status: Pack['status'] }) {
  const t = useT();
  return <Badge tone={tones[status]}>{t(`packs.status.${status}`)}</Badge>;
}
