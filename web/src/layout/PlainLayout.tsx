// The frame of screens before full sign-in (sign-in, TOTP enrolment): brand, language, main.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';

export function PlainLayout({
  children,
  userId,
  actions,
}: {
  children: ReactNode;
  userId?: string | undefined;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="plain-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header-wrap">
        <DemoBanner />
        <div className="app-header">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </span>
          <div className="header-tools">
            <LanguageSwitch userId={userId} />
            {actions}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="plain-main">
        {children}
      </main>
    </div>
  );
}
