// An organization's users: the list with status, and creating, changing roles, disabling,
// unlocking and resetting MFA. Org admins see only their own organization; another
// organization's page is refused here and, regardless, by the server.
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  ROLES,
  listOrganizations,
  listUsers,
  type ApiError,
  type OrgUser,
  type Role,
} from '../api';
import { hasAnyRole } from '../domain/navigation';
import { formatDateTime } from '../i18n/format';
import { ForbiddenPage, NotFoundPage } from '../pages/NotFoundPage';
import { useSignedIn } from '../session';
import { ErrorAlert, StatusMessage } from '../ui';
import { AccountNotices } from './AccountNotices';
import { CreateUserForm } from './CreateUserForm';
import { UserActions } from './UserActions';

// /admin/users: the signed-in org admin's own organization, with what she must know about its
// accounts.
export function OwnOrgUsersPage() {
  const { user, organization } = useSignedIn();
  return (
    <>
      <AccountNotices />
      <OrgUsers orgId={user.org_id} orgName={organization?.name ?? ''} />
    </>
  );
}

// /admin/organizations/:orgId/users
export function OrgUsersPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { user, organization } = useSignedIn();
  const isNetworkAdmin = hasAnyRole(user.roles, ['network_admin']);
  const own = orgId === user.org_id;
  const [orgName, setOrgName] = useState<string | null>(own ? (organization?.name ?? '') : null);

  useEffect(() => {
    if (own || !isNetworkAdmin) return;
    void (async () => {
      // The organizations list is small (tens of members); find the name for the heading.
      const r = await listOrganizations();
      if (r.ok) setOrgName(r.data.items.find((o) => o.id === orgId)?.name ?? orgId);
    })();
  }, [orgId, own, isNetworkAdmin]);

  if (!own && !isNetworkAdmin) return <ForbiddenPage message={t('users.refused')} />;
  return <OrgUsers orgId={orgId} orgName={orgName ?? ''} />;
}

function OrgUsers({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t } = useTranslation();
  const { user: me } = useSignedIn();
  const [users, setUsers] = useState<OrgUser[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const assignable: readonly Role[] = hasAnyRole(me.roles, ['network_admin'])
    ? ROLES
    : ROLES.filter((r) => r !== 'network_admin');

  const load = useCallback(
    async (cursor?: string) => {
      const r = await listUsers(orgId, cursor);
      if (!r.ok) return setError(r.error);
      setError(null);
      setUsers((prev) => (cursor && prev ? [...prev, ...r.data.items] : r.data.items));
      setNext(r.data.next_cursor ?? null);
    },
    [orgId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  if (error && (error.status === 404 || error.status === 403) && users === null) {
    return error.status === 404 ? (
      <NotFoundPage message={error.message || undefined} />
    ) : (
      <ForbiddenPage message={error.message || undefined} />
    );
  }

  return (
    <div className="page">
      <h1>{orgName ? t('users.titleOf', { org: orgName }) : t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      <StatusMessage text={status} />
      <ErrorAlert error={error} />
      {users && users.length === 0 && <p>{t('users.empty')}</p>}
      {users && users.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="users-caption" tabIndex={0}>
          <table>
            <caption id="users-caption">{t('users.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.mfa')}</th>
                <th scope="col">{t('users.lastActive')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.disabled ? 'row-disabled' : undefined}>
                  <th scope="row">{u.display_name}</th>
                  <td>
                    <code>{u.username}</code>
                  </td>
                  <td>
                    {u.roles.map((r) => (ROLES.includes(r) ? t(`roles.${r}`) : r)).join(', ')}
                  </td>
                  <td>{statusOf(u, t)}</td>
                  <td>{u.totp_enabled ? t('users.mfaOn') : t('users.mfaOff')}</td>
                  <td>{u.last_active_at ? formatDateTime(u.last_active_at) : t('users.never')}</td>
                  <td>
                    <UserActions
                      orgId={orgId}
                      user={u}
                      assignable={assignable}
                      onDone={(e) => {
                        setError(e);
                        setStatus(e ? '' : t('users.done'));
                        void load();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="button-secondary" onClick={() => void load(next)}>
          {t('users.loadMore')}
        </button>
      )}
      <CreateUserForm orgId={orgId} assignable={assignable} onCreated={() => void load()} />
    </div>
  );
}

function statusOf(u: OrgUser, t: TFunction): string {
  if (u.disabled) return t('users.disabled');
  if (u.locked) return t('users.locked');
  if (u.password_change_required) return t('users.passwordChangePending');
  return t('users.active');
}
