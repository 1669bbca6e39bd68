// Shown on every screen of a demo data dir, so no one mistakes synthetic records for real ones.
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';

export function DemoBanner() {
  const { t } = useTranslation();
  const { demo } = useSession();
  if (!demo) return null;
  return (
    <div className="demo-banner" role="note">
      <strong>{t('app.demoBanner')}</strong> <span lang="en">Synthetic demo data</span>
    </div>
  );
}
