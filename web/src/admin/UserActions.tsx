// The actions on one user: change roles, disable, unlock, reset MFA. Destructive ones ask
// first. Each reports back through onDone so the list reloads.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  disableUser,
  enableUser,
  resetMfa,
  resetPassword,
  setRoles,
  unlockUser,
  type ApiError,
  type ApiResult,
  type CreatedOrgUser,
  type OrgUser,
  type Role,
} from '../api';
import { OneTimePasswordDialog } from './OneTimePasswordDialog';
import { ConfirmDialog, Dialog, ErrorAlert } from '../ui';
import { useReauthRetry } from '../session/ReauthDialog';
import { RoleCheckboxes } from './RoleCheckboxes';

interface Props {
  orgId: string;
  user: OrgUser;
  assignable: readonly Role[];
  onDone: (error: ApiError | null) => void;
}

type Open = 'roles' | 'disable' | 'reset' | 'password' | null;

export function UserActions({ orgId, user, assignable, onDone }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [roles, setRolesState] = useState<Role[]>(user.roles);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<CreatedOrgUser | null>(null);
  const reauth = useReauthRetry();
  const name = user.display_name || user.username;
  const disabled = user.disabled;
  const locked = user.locked;

  async function run(call: () => Promise<ApiResult<unknown>>, inDialog: boolean) {
    setBusy(true);
    // Giving a role that reads survivors' records asks for her password again first.
    await reauth.guard(call, (r) => {
      if (!r.ok && inDialog) return setError(r.error);
      setError(null);
      setOpen(null);
      onDone(r.ok ? null : r.error);
    });
    setBusy(false);
  }

  async function issuePassword() {
    setBusy(true);
    const r = await resetPassword(orgId, user.id);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOpen(null);
    setIssued(r.data);
  }

  // Asking before an action on her account: the action names the dialog and its button.
  const confirmation = (kind: Open, action: string, question: string, act: () => Promise<void>) => (
    <ConfirmDialog
      open={open === kind}
      title={action}
      confirmLabel={action}
      cancelLabel={t('users.cancel')}
      busy={busy}
      onConfirm={() => void act()}
      onClose={() => setOpen(null)}
    >
      <ErrorAlert error={error} />
      <p>{question}</p>
    </ConfirmDialog>
  );

  return (
    <div className="row-actions" role="group" aria-label={t('users.actionsFor', { name })}>
      <button
        type="button"
        className="button-secondary button-small"
        disabled={disabled}
        onClick={() => {
          setRolesState(user.roles);
          setError(null);
          setOpen('roles');
        }}
      >
        {t('users.editRoles')}
      </button>
      {locked && (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => void run(() => unlockUser(orgId, user.id), false)}
        >
          {t('users.unlock')}
        </button>
      )}
      {disabled && (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => void run(() => enableUser(orgId, user.id), false)}
        >
          {t('users.enable')}
        </button>
      )}
      <button
        type="button"
        className="button-secondary button-small"
        disabled={disabled}
        onClick={() => setOpen('password')}
      >
        {t('users.resetPassword')}
      </button>
      <button
        type="button"
        className="button-secondary button-small"
        disabled={disabled}
        onClick={() => setOpen('reset')}
      >
        {t('users.resetMfa')}
      </button>
      <button
        type="button"
        className="button-danger button-small"
        disabled={disabled}
        onClick={() => setOpen('disable')}
      >
        {t('users.disable')}
      </button>

      <Dialog
        open={open === 'roles'}
        title={t('users.editRolesOf', { name })}
        onClose={() => setOpen(null)}
      >
        <ErrorAlert error={error} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => setRoles(orgId, user.id, roles), true);
          }}
        >
          <RoleCheckboxes
            legend={t('users.roles')}
            available={assignable}
            value={roles}
            onChange={setRolesState}
            error={error?.fields.roles}
          />
          <div className="actions">
            <button type="submit" disabled={busy || roles.length === 0}>
              {t('users.save')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen(null)}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      </Dialog>

      {confirmation('disable', t('users.disable'), t('users.confirmDisable', { name }), () =>
        run(() => disableUser(orgId, user.id), true),
      )}
      {confirmation(
        'password',
        t('users.resetPassword'),
        t('users.confirmResetPassword', { name }),
        issuePassword,
      )}
      <OneTimePasswordDialog
        created={issued}
        onClose={() => {
          setIssued(null);
          onDone(null);
        }}
      />
      {confirmation('reset', t('users.resetMfa'), t('users.confirmResetMfa', { name }), () =>
        run(() => resetMfa(orgId, user.id), true),
      )}
      {reauth.dialog}
    </div>
  );
}
