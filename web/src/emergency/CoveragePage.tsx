// Emergency coverage and on-call (issue 6): which organizations answer for which regions, and
// who of one's own organization is on call when. Lazy-loaded at /emergency/coverage.
import { useTranslation } from 'react-i18next';
import { CoverageSection } from './CoverageSection';
import { OnCallSection } from './OnCallSection';
import './emergency.css';

export function CoveragePage() {
  const { t } = useTranslation();
  return (
    <div className="page coverage-page">
      <h1>{t('coverage.pageTitle')}</h1>
      <CoverageSection />
      <OnCallSection />
    </div>
  );
}
