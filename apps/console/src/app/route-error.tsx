import { isRouteErrorResponse, useRouteError } from 'react-router';
import { QueryError } from '../components/query-error.tsx';
import { StatusPage } from '../components/status-page.tsx';
import { useT } from '../lib/i18n.tsx';

/** An unknown path inside the console. */
export function NotFound() {
  const t = useT();
  return (
    <StatusPage title={t('common.notFoundTitle')} link={{ to: '/packs', label: t('common.backHome') }}>
      {t('common.notFoundBody')}
    </StatusPage>
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
