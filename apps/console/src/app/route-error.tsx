import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { QueryError } from '../components/query-error.tsx';
import { buttonClasses, EmptyState, Panel } from '../components/ui/index.ts';
import { useT } from '../lib/i18n.tsx';

export function NotFound() {
  const t = useT();
  return (
    <Panel>
      {/* Every page has a level-one heading (axe page-has-heading-one), this one too. */}
      <h1 className="sr-only">{t('common.notFoundTitle')}</h1>
      <EmptyState
        icon="search"
        title={t('common.notFoundTitle')}
        action={
          <Link to="/packs" className={buttonClasses('secondary')}>
            {t('common.backHome')}
          </Link>
        }
      >
        {t('common.notFoundBody')}
      </EmptyState>
    </Panel>
  );
}

/** What a route shows when its loader or render throws. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <div className="p-4">
      <QueryError error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}
