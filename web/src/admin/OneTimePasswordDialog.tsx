// Shows a one-time password the server just issued (new user, or reset), once, with a copy
// button. Closing it forgets the password.
import { useTranslation } from 'react-i18next';
import type { CreatedOrgUser } from '../api';
import { CopyButton, Dialog } from '../ui';

export function OneTimePasswordDialog({
  created,
  onClose,
}: {
  created: CreatedOrgUser | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={created !== null} title={t('users.oneTimeTitle')} onClose={onClose}>
      {created && (
        <>
          <p>{t('users.oneTimeBody', { username: created.user.username })}</p>
          <p className="one-time-password">
            <code data-testid="one-time-password">{created.one_time_password}</code>
          </p>
          <div className="actions">
            <CopyButton text={created.one_time_password} />
            <button type="button" onClick={onClose}>
              {t('users.oneTimeDone')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
