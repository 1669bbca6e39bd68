// The home of a module that is not built yet: its title, what it will do, and a clear
// "coming soon" card. Greets the user so each role's home is recognisably theirs.
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../domain/navigation';
import { useSignedIn } from '../session';

export function ModulePage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  return (
    <div className="page">
      <p className="greeting">{t('home.greeting', { name: user.display_name || user.username })}</p>
      <h1>{t(`modules.${module}.title`)}</h1>
      <section className="card coming-soon" aria-labelledby="coming-soon-title">
        <h2 id="coming-soon-title">
          <span className="badge">{t('comingSoon.badge')}</span>
        </h2>
        <p>{t(`modules.${module}.body`)}</p>
        <p>{t('comingSoon.body')}</p>
      </section>
    </div>
  );
}
