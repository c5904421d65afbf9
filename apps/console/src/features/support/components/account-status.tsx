import { Badge, type BadgeTone } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';

const tones: Record<string, BadgeTone> = {
  active: 'success',
  arrears: 'warning',
  suspended: 'danger',
  released: 'muted',
};

/** An account's service status (R6), translated with the console's account.status.* words. */
export function AccountStatus({ status }: { status: string }) {
  const { tMaybe } = useI18n();
  return <Badge tone={tones[status] ?? 'neutral'}>{tMaybe(`account.status.${status}`, status)}</Badge>;
}
