import { StatusPage } from '../components/status-page.tsx';
import { type MessageKey, useT } from '../lib/i18n.tsx';

/** The placeholder of a section that is not built yet. */
export function ComingSoon({ page }: { page: MessageKey }) {
  const t = useT();
  const name = t(page);
  return (
    <StatusPage
      page={{ title: name }}
      icon="tools"
      title={t('comingSoon.title', { page: name })}
      link={{ to: '/packs', label: t('comingSoon.action'), primary: true }}
    >
      {t('comingSoon.body')}
    </StatusPage>
  );
}
