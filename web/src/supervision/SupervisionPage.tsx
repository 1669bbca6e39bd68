// A supervisor's day (/supervision): what waits for her review first, then her team's workload
// and its open cases with filters and reassignment.
import { useTranslation } from 'react-i18next';
import { ExtensionsSection } from '../shelters/ExtensionsSection';
import { TeamSection } from './TeamSection';
import { WaitingSection } from './WaitingSection';
import '../cases/cases.css';
import './supervision.css';

export function SupervisionPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('supervision.title')}</h1>
      <p className="page-intro">{t('supervision.intro')}</p>
      <WaitingSection />
      <ExtensionsSection />
      <TeamSection />
    </div>
  );
}
