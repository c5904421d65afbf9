import { Link } from 'react-router';
import { buttonClasses, EmptyState, PageHeader, Panel } from '../components/ui/index.ts';
import { type MessageKey, useT } from '../lib/i18n.tsx';

/** The placeholder of a section that is not built yet. */
export function ComingSoon({ page }: { page: MessageKey }) {
  const t = useT();
  const name = t(page);
  return (
    <>
      <PageHeader title={name} />
      <Panel>
        <EmptyState
          icon="tools"
          title={t('comingSoon.title', { page: name })}
          action={
            <Link to="/packs" className={buttonClasses('primary')}>
              {t('comingSoon.action')}
            </Link>
          }
        >
          {t('comingSoon.body')}
        </EmptyState>
      </Panel>
    </>
  );
}
