// Unknown addresses, and pages this user may not open (the same answer: never reveal more).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage({ message }: { message?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('errors.notFound')}</h1>
      <p role="alert">{message ?? t('errors.notFoundBody')}</p>
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </div>
  );
}

export function ForbiddenPage({ message }: { message?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('errors.forbidden')}</h1>
      {message && <p role="alert">{message}</p>}
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </div>
  );
}
