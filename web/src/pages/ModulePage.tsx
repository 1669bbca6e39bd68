// The home of a module that is not built yet: its title, what it will do, a clear "coming soon"
// card, and what the user can do in Dandelion today (her other screens and her account), so no
// role lands on a dead end. Greets the user so each role's home is recognisably theirs.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navFor, type ModuleKey } from '../domain/navigation';
import { useSignedIn } from '../session';

export function ModulePage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const { user, organization } = useSignedIn();
  const others = navFor(user.roles, organization?.kind).filter((item) => item.key !== module);
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
      <section className="card" aria-labelledby="today-title">
        <h2 id="today-title">{t('comingSoon.todayTitle')}</h2>
        <ul>
          {others.map((item) => (
            <li key={item.key}>
              <Link to={item.path}>{t(`nav.${item.key}`)}</Link>
            </li>
          ))}
          <li>
            <Link to="/account">{t('comingSoon.account')}</Link>
          </li>
        </ul>
        <p className="field-hint">{t('comingSoon.askAdmin')}</p>
      </section>
    </div>
  );
}
