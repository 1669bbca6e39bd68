// The signed-in user's own account: organization, roles, language, two-step verification.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../layout';
import { useSignedIn } from '../session';

export function AccountPage() {
  const { t } = useTranslation();
  const { user, organization: org } = useSignedIn();
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('account.organization')}</dt>
        <dd>
          {org && (
            <>
              {org.name} ({t(`orgKinds.${org.kind}`)}, {t(`regions.${org.region}`)})
            </>
          )}
        </dd>
        <dt>{t('account.roles')}</dt>
        <dd>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
        <dt>{t('account.mfa')}</dt>
        <dd>
          {user.totp_enabled ? (
            t('users.mfaOn')
          ) : (
            <Link to="/enrol">
              {t('users.mfaOff')} — {t('enrol.start')}
            </Link>
          )}
        </dd>
      </dl>
      <h2>{t('account.language')}</h2>
      <LanguageSwitch userId={user.id} />
    </div>
  );
}
