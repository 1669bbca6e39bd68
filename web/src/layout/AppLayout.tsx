// The frame of every signed-in screen: skip link, demo banner, header (brand, user, language,
// sign-out), the role-dependent navigation, and the main landmark. On narrow screens the
// navigation folds behind a menu button.
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { navFor } from '../domain/navigation';
import { IdleWarning, useSession, useSignedIn } from '../session';
import { ErrorBoundary } from '../ui';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { signOut } = useSession();
  const { user } = session;
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const items = navFor(user.roles, session.organization?.kind);

  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header-wrap">
        <DemoBanner />
        <div className="app-header">
          <NavLink to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </NavLink>
          <button
            type="button"
            className="menu-button button-secondary"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {t('app.menu')}
          </button>
          <div className="header-tools">
            <span className="user-name">
              {t('app.signedInAs', {
                name: user.display_name || user.username,
                org: session.organization?.name ?? '',
              })}
            </span>
            <LanguageSwitch userId={user.id} />
            <button type="button" className="button-secondary" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <div className="app-body">
        <nav
          id="main-nav"
          aria-label={t('app.mainNav')}
          className={menuOpen ? 'main-nav open' : 'main-nav'}
        >
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                {/* An entry with another entry below its path (emergency, coverage) is current only on its own page. */}
                <NavLink to={item.path} end={items.some((o) => o.path.startsWith(`${item.path}/`))}>
                  {t(`nav.${item.key}`)}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/account">{t('nav.account')}</NavLink>
            </li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="app-main">
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
      <IdleWarning timeoutSeconds={session.idle_timeout_seconds} />
    </div>
  );
}
