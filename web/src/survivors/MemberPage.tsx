// /survivors/members/:memberId (coordinators): her membership (group, roles, joined, who
// vouched, whether an account is linked), her sealed contact shown only when asked (an audited
// read), changing her membership, linking her sign-in account, and leaving with erasure behind
// a strong confirmation (her alias typed exactly).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  eraseMember,
  getMember,
  linkMemberAccount,
  listMembers,
  listSurvivorGroups,
  listUsers,
  NETWORK_ROLES,
  updateMember,
  type ApiError,
  type Member,
  type NetworkRole,
} from '../api';
import { useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { useSignedIn } from '../session';
import { useReauthRetry } from '../session/ReauthDialog';
import { ConfirmDialog, ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { erasureConfirmed } from './model';
import { NoNetworkRole, SurvivorsFrame } from './SurvivorsFrame';
import { useRoleNames } from './words';

export function MemberPage() {
  const { t } = useTranslation();
  return (
    <SurvivorsFrame title={t('survivors.member.facts')}>
      {(rights) => (rights.coordinator ? <MemberScreen /> : <NoNetworkRole />)}
    </SurvivorsFrame>
  );
}

function MemberScreen() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state as { notice?: string } | null)?.notice ?? '';
  const members = useLoad(() => listMembers(), []);
  const member = members.data?.items.find((m) => m.id === memberId) ?? null;
  const [notice, setNotice] = useState(arrived);
  if (members.data && !member)
    return (
      <>
        <p className="alert alert-warning">{t('survivors.member.notFound')}</p>
        <Link to="/survivors">{t('survivors.member.back')}</Link>
      </>
    );
  if (!member) return <ErrorAlert error={members.error} />;
  return (
    <>
      <p>
        <Link to="/survivors">{t('survivors.member.back')}</Link>
      </p>
      <StatusMessage text={notice} />
      <Facts member={member} />
      <SealedFields memberId={member.id} />
      <EditMembership
        member={member}
        onSaved={() => {
          setNotice(t('survivors.member.saved'));
          void members.reload();
        }}
      />
      <AccountLink
        member={member}
        onDone={(text) => {
          setNotice(text);
          void members.reload();
        }}
      />
      <Erase member={member} />
    </>
  );
}

function Facts({ member }: { member: Member }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  return (
    <section className="card" aria-labelledby="member-facts">
      <h2 id="member-facts">{member.alias}</h2>
      <dl className="facts">
        <dt>{t('survivors.members.group')}</dt>
        <dd>{member.group.name}</dd>
        <dt>{t('survivors.members.roles')}</dt>
        <dd>{roleNames(member.roles).join(', ')}</dd>
        <dt>{t('survivors.members.joined')}</dt>
        <dd>{formatDate(`${member.joined_on}T00:00:00+09:00`)}</dd>
        <dt>{t('survivors.member.vouchedBy')}</dt>
        <dd>{member.vouched_by?.alias ?? t('survivors.member.noVoucher')}</dd>
        <dt>{t('survivors.member.account')}</dt>
        <dd>
          {member.account_user_id
            ? t('survivors.member.accountLinked')
            : t('survivors.member.accountNone')}
        </dd>
      </dl>
    </section>
  );
}

// Her contact and legal name: read from the server only when asked, forgotten when hidden.
function SealedFields({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Member | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function show() {
    const r = await getMember(memberId);
    if (r.ok) {
      setShown(r.data);
      setError(null);
    } else setError(r.error);
  }
  const value = (v: string | null | undefined) => v || t('survivors.member.empty');
  return (
    <section className="card" aria-labelledby="member-sealed">
      <h2 id="member-sealed">{t('survivors.member.sealed')}</h2>
      <p className="muted">{t('survivors.member.sealedIntro')}</p>
      <ErrorAlert error={error} />
      {shown ? (
        <>
          <dl className="facts">
            <dt>{t('survivors.member.legalName')}</dt>
            <dd>{value(shown.legal_name)}</dd>
            <dt>{t('survivors.member.contact')}</dt>
            <dd>{value(shown.contact)}</dd>
            <dt>{t('survivors.member.safeContact')}</dt>
            <dd>{value(shown.safe_contact)}</dd>
          </dl>
          <button type="button" className="button-secondary" onClick={() => setShown(null)}>
            {t('survivors.member.hide')}
          </button>
        </>
      ) : (
        <button type="button" className="button-secondary" onClick={() => void show()}>
          {t('survivors.member.show')}
        </button>
      )}
    </section>
  );
}

function EditMembership({ member, onSaved }: { member: Member; onSaved: () => void }) {
  const { t } = useTranslation();
  const groups = useLoad(() => listSurvivorGroups(), []);
  const [alias, setAlias] = useState(member.alias);
  const [groupId, setGroupId] = useState(member.group.id);
  const [roles, setRoles] = useState<NetworkRole[]>(member.roles);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await updateMember(member.id, { alias: alias.trim(), group_id: groupId, roles });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    onSaved();
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="member-edit" aria-busy={busy}>
      <h2 id="member-edit">{t('survivors.member.edit')}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t('survivors.admit.alias')}
        required
        maxLength={60}
        autoComplete="off"
        value={alias}
        onChange={(e) => setAlias(e.target.value)}
        error={error?.fields.alias}
      />
      <SelectField
        label={t('survivors.admit.group')}
        value={groupId}
        onChange={(e) => setGroupId(e.target.value)}
        error={error?.fields.group_id}
      >
        {(groups.data?.items ?? [member.group]).map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>{t('survivors.admit.roles')}</legend>
        {NETWORK_ROLES.map((r) => (
          <label key={r} className="check-row">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) =>
                setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))
              }
            />
            {t(`survivors.roles.${r}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('survivors.member.save')}
      </button>
    </form>
  );
}

// The accounts with the member role: listed for the organization's admin; a coordinator without
// the admin's rights types the account's id.
function AccountLink({ member, onDone }: { member: Member; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const users = useLoad(
    () =>
      session.user.roles.includes('org_admin')
        ? listUsers(session.user.org_id)
        : Promise.resolve({ ok: false as const, error: null as unknown as ApiError }),
    [session.user.org_id],
  );
  const candidates = (users.data?.items ?? []).filter((u) => u.roles.includes('survivor_member'));
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function link(id: string | null) {
    const r = await linkMemberAccount(member.id, id);
    if (!r.ok) return setError(r.error);
    setError(null);
    setUserId('');
    onDone(id ? t('survivors.member.linked') : t('survivors.member.unlinked'));
  }
  return (
    <section className="card" aria-labelledby="member-account">
      <h2 id="member-account">{t('survivors.member.linkTitle')}</h2>
      <p className="muted">{t('survivors.member.linkIntro')}</p>
      <ErrorAlert error={error} />
      {member.account_user_id ? (
        <button type="button" className="button-secondary" onClick={() => void link(null)}>
          {t('survivors.member.unlink')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void link(userId.trim());
          }}
        >
          {users.data ? (
            <SelectField
              label={t('survivors.member.user')}
              required
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              error={error?.fields.user_id}
            >
              <option value="">{t('survivors.member.chooseUser')}</option>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.username}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField
              label={t('survivors.member.userId')}
              required
              autoComplete="off"
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              error={error?.fields.user_id}
            />
          )}
          <button type="submit">{t('survivors.member.link')}</button>
        </form>
      )}
    </section>
  );
}

function Erase({ member }: { member: Member }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reauth = useReauthRetry();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function erase() {
    if (!erasureConfirmed(typed, member.alias)) {
      setMismatch(true);
      return;
    }
    setBusy(true);
    await reauth.guard(
      () => eraseMember(member.id),
      (r) => {
        if (!r.ok) {
          setError(r.error);
          return;
        }
        setOpen(false);
        navigate('/survivors', { state: { notice: t('survivors.member.erased') } });
      },
    );
    setBusy(false);
  }
  return (
    <section className="card danger-zone" aria-labelledby="member-erase">
      <h2 id="member-erase">{t('survivors.member.eraseTitle')}</h2>
      <p>{t('survivors.member.eraseIntro')}</p>
      <button type="button" className="button-danger" onClick={() => setOpen(true)}>
        {t('survivors.member.erase')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('survivors.member.eraseDialog', { alias: member.alias })}
        confirmLabel={t('survivors.member.eraseConfirm')}
        cancelLabel={t('survivors.member.cancel')}
        busy={busy}
        onConfirm={() => void erase()}
        onClose={() => {
          setOpen(false);
          setTyped('');
          setMismatch(false);
          setError(null);
        }}
      >
        <p>{t('survivors.member.eraseWarn')}</p>
        <ErrorAlert error={error} />
        <TextField
          label={t('survivors.member.eraseType', { alias: member.alias })}
          autoComplete="off"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setMismatch(false);
          }}
          error={mismatch ? t('survivors.member.eraseMismatch') : undefined}
        />
      </ConfirmDialog>
      {reauth.dialog}
    </section>
  );
}
