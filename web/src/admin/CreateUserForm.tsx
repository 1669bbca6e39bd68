// Creating a user: username, display name, roles. The one-time password the server returns is
// shown once in a dialog with a copy button, then forgotten. A role that reads survivors'
// records needs the administrator's password again first (ReauthDialog).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser, type ApiError, type CreatedOrgUser, type Role } from '../api';
import { Card, ErrorAlert, TextField } from '../ui';
import { OneTimePasswordDialog } from './OneTimePasswordDialog';
import { useReauthRetry } from '../session/ReauthDialog';
import { RoleCheckboxes } from './RoleCheckboxes';

interface Props {
  orgId: string;
  assignable: readonly Role[];
  onCreated: () => void;
}

export function CreateUserForm({ orgId, assignable, onCreated }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedOrgUser | null>(null);
  const reauth = useReauthRetry();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const input = { username: username.trim(), display_name: displayName.trim(), roles };
    await reauth.guard(
      () => createUser(orgId, input),
      (r) => {
        if (!r.ok) return setError(r.error);
        setError(null);
        setUsername('');
        setDisplayName('');
        setRoles([]);
        setCreated(r.data);
        onCreated();
      },
    );
    setBusy(false);
  }

  const fe = error?.fields ?? {};
  return (
    <Card title={t('users.createTitle')}>
      <ErrorAlert error={error} />
      <form onSubmit={submit} className="form-grid" noValidate>
        <TextField
          label={t('users.username')}
          name="username"
          required
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fe.username}
        />
        <TextField
          label={t('users.displayName')}
          name="display_name"
          required
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fe.display_name}
        />
        <RoleCheckboxes
          legend={t('users.rolesLegend')}
          available={assignable}
          value={roles}
          onChange={setRoles}
          error={fe.roles}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('users.create')}
          </button>
        </div>
      </form>
      <OneTimePasswordDialog created={created} onClose={() => setCreated(null)} />
      {reauth.dialog}
    </Card>
  );
}
