import { Spinner } from '../components/ui/spinner.tsx';
import { useT } from '../lib/i18n.tsx';

export function FullPageLoading() {
  const t = useT();
  return (
    <div className="grid min-h-screen place-items-center" aria-busy="true">
      <Spinner size="lg" label={t('app.loading')} />
    </div>
  );
}
