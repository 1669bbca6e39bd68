// /survivors/members/new: admitting a new member by vouching. A facilitator admits into her own
// group and vouches herself; a coordinator picks the group and the facilitator of that group who
// vouches. Her legal name and contact are optional and sealed under her own key.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  admitMember,
  listSurvivorGroups,
  NETWORK_ROLES,
  type ApiError,
  type NetworkRole,
  type NewMember,
} from '../api';
import { useLoad } from '../cases/widgets';
import { seoulToday } from '../i18n/format';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import type { NetworkRights } from './model';
import { NoNetworkRole, SurvivorsFrame } from './SurvivorsFrame';

export function AdmitMemberPage() {
  const { t } = useTranslation();
  return (
    <SurvivorsFrame title={t('survivors.admit.title')}>
      {(rights) =>
        rights.coordinator || rights.facilitator ? <AdmitForm rights={rights} /> : <NoNetworkRole />
      }
    </SurvivorsFrame>
  );
}

function AdmitForm({ rights }: { rights: NetworkRights }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groups = useLoad(() => listSurvivorGroups(), []);
  const mine = (groups.data?.items ?? []).filter(
    (g) => rights.facilitates === null || rights.facilitates.includes(g.id),
  );
  const [alias, setAlias] = useState('');
  const [chosenGroup, setGroupId] = useState('');
  const groupId = chosenGroup || (mine.length === 1 ? mine[0]!.id : '');
  const [joinedOn, setJoinedOn] = useState(seoulToday());
  const [roles, setRoles] = useState<NetworkRole[]>(['member']);
  const [voucher, setVoucher] = useState('');
  const [legalName, setLegalName] = useState('');
  const [contact, setContact] = useState('');
  const [safe, setSafe] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const group = mine.find((g) => g.id === groupId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: NewMember = { alias: alias.trim(), group_id: groupId, joined_on: joinedOn };
    if (rights.coordinator) {
      body.roles = roles;
      if (voucher) body.vouched_by = voucher;
    }
    if (legalName.trim()) body.legal_name = legalName.trim();
    if (contact.trim()) body.contact = contact.trim();
    if (safe.trim()) body.safe_contact = safe.trim();
    setBusy(true);
    const r = await admitMember(body);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const notice = t('survivors.admit.done', { alias: r.data.alias });
    navigate(
      rights.coordinator ? `/survivors/members/${encodeURIComponent(r.data.id)}` : '/survivors',
      { state: { notice } },
    );
  }

  return (
    <>
      <p className="page-intro">{t('survivors.admit.intro')}</p>
      <p>
        <Link to="/survivors">{t('survivors.member.back')}</Link>
      </p>
      <ErrorAlert error={error ?? groups.error} />
      <form className="card" onSubmit={submit} aria-busy={busy}>
        <TextField
          label={t('survivors.admit.alias')}
          hint={t('survivors.admit.aliasHint')}
          required
          maxLength={60}
          autoComplete="off"
          value={alias}
          onChange={(e) => setAlias(e.target.value)}
          error={error?.fields.alias}
        />
        <SelectField
          label={t('survivors.admit.group')}
          required
          value={groupId}
          onChange={(e) => {
            setGroupId(e.target.value);
            setVoucher('');
          }}
          error={error?.fields.group_id}
        >
          <option value="">{t('survivors.admit.chooseGroup')}</option>
          {mine.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('survivors.admit.joinedOn')}
          type="date"
          required
          value={joinedOn}
          onChange={(e) => setJoinedOn(e.target.value)}
          error={error?.fields.joined_on}
        />
        {rights.coordinator ? (
          <>
            {group && group.facilitators.length === 0 ? (
              // A group without a facilitator yet is founded by a coordinator: its first
              // members are admitted without a voucher (audited as founding).
              <p className="alert alert-warning">{t('survivors.admit.founding')}</p>
            ) : (
              <SelectField
                label={t('survivors.admit.vouchedBy')}
                required
                value={voucher}
                onChange={(e) => setVoucher(e.target.value)}
                error={error?.fields.vouched_by}
              >
                <option value="">{t('survivors.admit.chooseVoucher')}</option>
                {(group?.facilitators ?? []).map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.alias}
                  </option>
                ))}
              </SelectField>
            )}
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
          </>
        ) : (
          <p>{t('survivors.admit.selfVouch')}</p>
        )}
        <TextField
          label={t('survivors.admit.legalName')}
          hint={t('survivors.admit.sealedHint')}
          maxLength={100}
          autoComplete="off"
          value={legalName}
          onChange={(e) => setLegalName(e.target.value)}
          error={error?.fields.legal_name}
        />
        <TextField
          label={t('survivors.admit.contact')}
          maxLength={200}
          autoComplete="off"
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          error={error?.fields.contact}
        />
        <TextAreaField
          label={t('survivors.admit.safeContact')}
          maxLength={1000}
          rows={3}
          value={safe}
          onChange={(e) => setSafe(e.target.value)}
          error={error?.fields.safe_contact}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('survivors.admit.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
