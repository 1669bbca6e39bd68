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
import { Dialog, ErrorAlert } from '../ui';
import { useReauthRetry } from './ReauthDialog';
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
        <button type="button" className="button-secondary button-small" onClick={() => void run(() => unlockUser(orgId, user.id), false)}>
          {t('users.unlock')}
        </button>
      )}
      {disabled && (
        <button type="button" className="button-secondary button-small" onClick={() => void run(() => enableUser(orgId, user.id), false)}>
          {t('users.enable')}
        </button>
      )}
      <button type="button" className="button-secondary button-small" disabled={disabled} onClick={() => setOpen('password')}>
        {t('users.resetPassword')}
      </button>
      <button type="button" className="button-secondary button-small" disabled={disabled} onClick={() => setOpen('reset')}>
        {t('users.resetMfa')}
      </button>
      <button type="button" className="button-danger button-small" disabled={disabled} onClick={() => setOpen('disable')}>
        {t('users.disable')}
      </button>

      <Dialog open={open === 'roles'} title={t('users.editRolesOf', { name })} onClose={() => setOpen(null)}>
        <ErrorAlert error={error} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => setRoles(orgId, user.id, roles), true);
          }}
        >
          <RoleCheckboxes legend={t('users.roles')} available={assignable} value={roles} onChange={setRolesState} error={error?.fields.roles} />
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

      <Dialog open={open === 'disable'} title={t('users.disable')} onClose={() => setOpen(null)} role="alertdialog">
        <ErrorAlert error={error} />
        <p>{t('users.confirmDisable', { name })}</p>
        <div className="actions">
          <button type="button" className="button-danger" disabled={busy} onClick={() => void run(() => disableUser(orgId, user.id), true)}>
            {t('users.disable')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(null)} autoFocus>
            {t('users.cancel')}
          </button>
        </div>
      </Dialog>

      <Dialog open={open === 'password'} title={t('users.resetPassword')} onClose={() => setOpen(null)} role="alertdialog">
        <ErrorAlert error={error} />
        <p>{t('users.confirmResetPassword', { name })}</p>
        <div className="actions">
          <button
            type="button"
            className="button-danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const r = await resetPassword(orgId, user.id);
              setBusy(false);
              if (!r.ok) return setError(r.error);
              setError(null);
              setOpen(null);
              setIssued(r.data);
            }}
          >
            {t('users.resetPassword')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(null)} autoFocus>
            {t('users.cancel')}
          </button>
        </div>
      </Dialog>
      <OneTimePasswordDialog
        created={issued}
        onClose={() => {
          setIssued(null);
          onDone(null);
        }}
      />

      <Dialog open={open === 'reset'} title={t('users.resetMfa')} onClose={() => setOpen(null)} role="alertdialog">
        <ErrorAlert error={error} />
        <p>{t('users.confirmResetMfa', { name })}</p>
        <div className="actions">
          <button type="button" className="button-danger" disabled={busy} onClick={() => void run(() => resetMfa(orgId, user.id), true)}>
            {t('users.resetMfa')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(null)} autoFocus>
            {t('users.cancel')}
          </button>
        </div>
      </Dialog>
      {reauth.dialog}
    </div>
  );
}
