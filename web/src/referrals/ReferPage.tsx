// Refer from a case. Her consent comes first: which receivers her active referral_sharing
// consents name and which fields they cover; a field no consent covers cannot be ticked, and
// without a covering consent the form says so and links to recording one. Then the receiver,
// chosen from the directory (places she excluded cannot be chosen), the kind in words,
// services, urgency, a note and the fields to share. A supervisor may send without consent
// only when her life is in danger. A referral outside the network is the second mode.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  EXTERNAL_KINDS,
  getCase,
  listConsents,
  listWholeDirectory,
  REFERRAL_KINDS,
  REFERRAL_URGENCIES,
  SERVICE_TYPES,
  SHARE_FIELDS,
  sendReferral,
  type Case,
  type Consent,
  type DirectoryEntry,
  type ExternalKind,
  type NewReferral,
  type ReferralKind,
  type ReferralUrgency,
  type ServiceType,
  type ShareField,
} from '../api';
import { hasAnyRole } from '../domain/navigation';
import { formatDate } from '../i18n/format';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useSignedIn } from '../session';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { CheckboxGroup, SubmitButton, useLoad } from '../cases/widgets';
import { consentsFor, covered, sharingConsents, tickable, type Receiver } from './consent';
import { DirectoryEntryCard } from './DirectoryEntryCard';
import { shareFieldNames } from './names';
import { RadioGroup } from './RadioGroup';
import { refusalHint } from './refusals';

type Mode = 'network' | 'external';
const MODES: readonly Mode[] = ['network', 'external'];

export function ReferPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const c = useLoad(() => getCase(caseId), [caseId]);
  if (c.error?.status === 404) return <NotFoundPage message={c.error.message || undefined} />;
  return (
    <div className="page refer-page">
      <ErrorAlert error={c.error} />
      {!c.data && !c.error && <p role="status">{t('app.loading')}</p>}
      {c.data && <ReferForm c={c.data} />}
    </div>
  );
}

function ReferForm({ c }: { c: Case }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, organization } = useSignedIn();
  const supervisor = hasAnyRole(user.roles, ['supervisor']);
  const consents = useLoad(() => listConsents(c.person_id), [c.person_id]);
  const directory = useLoad(
    () => listWholeDirectory({ accepting: true, person_id: c.person_id }),
    [c.person_id],
  );
  const [mode, setMode] = useState<Mode>('network');
  const [toOrg, setToOrg] = useState('');
  const [kind, setKind] = useState<ReferralKind>('referral');
  const [services, setServices] = useState<ServiceType[]>([]);
  const [urgency, setUrgency] = useState<ReferralUrgency>('routine');
  const [note, setNote] = useState('');
  const [share, setShare] = useState<ShareField[]>([]);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [externalName, setExternalName] = useState('');
  const [externalKind, setExternalKind] = useState<ExternalKind>('police');
  // Once she tried to send, what is missing is said beside each field until it is fixed.
  const [tried, setTried] = useState(false);
  const send = useSubmission();

  const receivers = (directory.data?.items ?? []).filter((e) => e.org_id !== organization?.id);
  const chosen = receivers.find((e) => e.org_id === toOrg);
  const receiver: Receiver | null =
    mode === 'network'
      ? toOrg
        ? { org_id: toOrg }
        : null
      : externalName.trim()
        ? { external: externalName.trim() }
        : null;
  const all = consents.data?.items ?? [];
  const forReceiver = receiver ? consentsFor(all, receiver) : [];
  const overriding = mode === 'network' && supervisor && override;
  const mayTick = (f: ShareField) => overriding || tickable(forReceiver, share, f);

  // Fields no consent for the new receiver covers are unticked when the receiver changes.
  function changeReceiver(next: () => void, to: Receiver | null) {
    next();
    const keep = to ? consentsFor(all, to) : [];
    setShare((s) => (keep.length && covered(keep, s) ? s : []));
  }

  function check(): Record<string, string> {
    const p: Record<string, string> = {};
    if (mode === 'network' && !toOrg) p.to_org_id = t('refer.needReceiver');
    if (mode === 'external' && !externalName.trim()) p['external.name'] = t('refer.needName');
    if (services.length === 0) p.services = t('refer.needServices');
    if (overriding && !overrideReason.trim())
      p['life_danger_override.reason'] = t('refer.needOverrideReason');
    // Outside the network, nothing but her code goes without a consent; inside it, nothing
    // goes at all.
    const needsConsent = mode === 'network' ? !overriding : share.length > 0;
    if (receiver && needsConsent && !covered(forReceiver, share)) p.share = t('refer.blocked');
    return p;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (Object.keys(check()).length) return;
    const common = { case_id: c.id, services, urgency, note: optional(note), share };
    const r: NewReferral =
      mode === 'network'
        ? {
            ...common,
            to_org_id: toOrg,
            kind,
            ...(overriding ? { life_danger_override: { reason: overrideReason.trim() } } : {}),
          }
        : { ...common, external: { name: externalName.trim(), kind: externalKind } };
    const sent = await send.run(() => sendReferral(r));
    if (sent) {
      navigate(`/referrals/${encodeURIComponent(sent.id)}`, { state: { sent: true } });
      return;
    }
    // Refused: her consents or exclusions may have changed since the form was read.
    void consents.reload();
    void directory.reload();
  }

  const { byField, elsewhere } = placeFieldErrors(send.error, [
    'to_org_id',
    'kind',
    'services',
    'urgency',
    'note',
    'share',
    'external.name',
    'external.kind',
    'life_danger_override.reason',
  ]);
  const problems = tried ? check() : {};
  const problem = (k: string) => problems[k] ?? byField[k];
  const personPage = `/people/${encodeURIComponent(c.person_id)}`;
  return (
    <>
      <h1>{t('refer.title', { number: c.number })}</h1>
      <p>{t('refer.intro')}</p>
      {c.status === 'closed' && <p className="warning-text">{t('refer.closedCase')}</p>}
      <ConsentCheck
        consents={sharingConsents(all)}
        loading={!consents.data && !consents.error}
        directory={directory.data?.items ?? []}
        personPage={personPage}
      />
      <ErrorAlert error={consents.error ?? directory.error} />
      {c.status === 'open' && (
        <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="refer-form">
          <h2 id="refer-form" className="field-wide">
            {t('refer.action')}
          </h2>
          <RadioGroup
            legend={t('refer.mode')}
            options={MODES}
            value={mode}
            onChange={(m) => changeReceiver(() => setMode(m), null)}
            label={(m) => (m === 'network' ? t('refer.modeNetwork') : t('refer.modeExternal'))}
          />
          {mode === 'network' ? (
            <>
              <SelectField
                label={t('refer.receiver')}
                value={toOrg}
                onChange={(e) =>
                  changeReceiver(
                    () => setToOrg(e.target.value),
                    e.target.value ? { org_id: e.target.value } : null,
                  )
                }
                error={problem('to_org_id')}
                hint={t('refer.receiverHint')}
              >
                <option value="">{t('refer.chooseReceiver')}</option>
                {receivers.map((o) => (
                  <option key={o.org_id} value={o.org_id} disabled={o.excluded}>
                    {o.excluded ? t('refer.receiverExcluded', { name: o.name }) : o.name}
                  </option>
                ))}
              </SelectField>
              <p className="field-wide">
                <Link to={`/directory?person=${encodeURIComponent(c.person_id)}`}>
                  {t('refer.directoryLink')}
                </Link>
              </p>
              {chosen && (
                <div className="field-wide">
                  <ReceiverConsent
                    entry={chosen}
                    has={forReceiver.length > 0}
                    personPage={personPage}
                  />
                  <DirectoryEntryCard entry={chosen} headingLevel={3} />
                </div>
              )}
              <RadioGroup
                legend={t('refer.kind')}
                options={REFERRAL_KINDS}
                value={kind}
                onChange={setKind}
                label={(k) => t(`refer.kinds.${k}`)}
                hint={(k) => t(`refer.kindHints.${k}`)}
                error={byField.kind}
              />
            </>
          ) : (
            <>
              <p className="field-wide field-hint">{t('refer.externalHint')}</p>
              <TextField
                label={t('refer.externalName')}
                value={externalName}
                onChange={(e) => {
                  const name = e.target.value;
                  changeReceiver(
                    () => setExternalName(name),
                    name.trim() ? { external: name.trim() } : null,
                  );
                }}
                error={problem('external.name')}
                hint={t('refer.externalNameHint')}
              />
              <SelectField
                label={t('refer.externalKind')}
                value={externalKind}
                onChange={(e) => setExternalKind(e.target.value as ExternalKind)}
                error={byField['external.kind']}
              >
                {EXTERNAL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`refer.externalKinds.${k}`)}
                  </option>
                ))}
              </SelectField>
            </>
          )}
          <div className="field-wide">
            <CheckboxGroup
              legend={t('refer.services')}
              name="services"
              options={SERVICE_TYPES}
              value={services}
              onChange={setServices}
              label={(s) => t(`services.types.${s}`)}
              error={problem('services')}
            />
          </div>
          <RadioGroup
            legend={t('refer.urgency')}
            options={REFERRAL_URGENCIES}
            value={urgency}
            onChange={setUrgency}
            label={(u) => t(`refer.urgencies.${u}`)}
            hint={(u) => t(`refer.urgencyHints.${u}`)}
            error={byField.urgency}
          />
          <TextAreaField
            wide
            label={t('refer.note')}
            hint={t('refer.noteHint')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={byField.note}
          />
          {mode === 'network' && supervisor && (
            <fieldset className="field-wide override-box">
              <legend>{t('refer.overrideTitle')}</legend>
              <p>{t('refer.overrideIntro')}</p>
              <div className="checkbox">
                <input
                  id="refer-override"
                  type="checkbox"
                  checked={override}
                  onChange={(e) => setOverride(e.target.checked)}
                />
                <label htmlFor="refer-override">{t('refer.override')}</label>
              </div>
              {override && (
                <TextAreaField
                  label={t('refer.overrideReason')}
                  value={overrideReason}
                  onChange={(e) => setOverrideReason(e.target.value)}
                  error={problem('life_danger_override.reason')}
                />
              )}
            </fieldset>
          )}
          <ShareFields
            value={share}
            onChange={setShare}
            mayTick={mayTick}
            error={problem('share')}
          />
          <div className="field-wide">
            <ErrorAlert error={send.error} hint={refusalHint(send.error, t)} />
            {elsewhere.length > 0 && (
              <ul className="field-error">
                {elsewhere.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            )}
          </div>
          <div className="actions">
            <SubmitButton busy={send.busy}>
              {mode === 'network' ? t('refer.submit') : t('refer.submitExternal')}
            </SubmitButton>
            <Link to={`/cases/${encodeURIComponent(c.id)}`}>{t('cases.cancel')}</Link>
          </div>
        </form>
      )}
    </>
  );
}

// Her active consents to share, what each names and covers: the first thing on the form.
function ConsentCheck({
  consents,
  loading,
  directory,
  personPage,
}: {
  consents: Consent[];
  loading: boolean;
  directory: DirectoryEntry[];
  personPage: string;
}) {
  const { t } = useTranslation();
  const to = (c: Consent) =>
    c.scope.external ??
    directory.find((e) => e.org_id === c.scope.org_id)?.name ??
    t('refer.unknownOrg');
  return (
    <section className="card consent-check" aria-labelledby="refer-consent">
      <h2 id="refer-consent">{t('refer.consentTitle')}</h2>
      <p>{t('refer.consentIntro')}</p>
      {loading && <p role="status">{t('app.loading')}</p>}
      {!loading && consents.length === 0 && (
        <div className="warning-text">
          <p>{t('refer.consentNone')}</p>
          <p>
            <Link to={personPage}>{t('refer.recordConsent')}</Link>
          </p>
        </div>
      )}
      {consents.length > 0 && (
        <div
          className="table-wrap"
          role="region"
          aria-label={t('refer.consentCaption')}
          tabIndex={0}
        >
          <table>
            <caption>{t('refer.consentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('refer.consentTo')}</th>
                <th scope="col">{t('refer.consentFields')}</th>
                <th scope="col">{t('refer.consentUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {consents.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{to(c)}</th>
                  <td>{shareFieldNames(c.scope.fields, t)}</td>
                  <td>{c.expires_at ? formatDate(c.expires_at) : t('consents.noExpiry')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ReceiverConsent({
  entry,
  has,
  personPage,
}: {
  entry: DirectoryEntry;
  has: boolean;
  personPage: string;
}) {
  const { t } = useTranslation();
  if (has)
    return <p className="alert alert-ok">{t('refer.consentForReceiver', { name: entry.name })}</p>;
  return (
    <div className="warning-text" role="note">
      <p>{t('refer.noConsentForReceiver', { name: entry.name })}</p>
      <p>
        <Link to={personPage}>{t('refer.recordConsent')}</Link>
      </p>
    </div>
  );
}

// The fields to share: one no consent covers (with what is already ticked) is disabled and
// says why.
function ShareFields({
  value,
  onChange,
  mayTick,
  error,
}: {
  value: ShareField[];
  onChange: (v: ShareField[]) => void;
  mayTick: (f: ShareField) => boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className={error ? 'field-wide field-invalid' : 'field-wide'}
      aria-describedby={error ? 'refer-share-error refer-share-hint' : 'refer-share-hint'}
    >
      <legend>{t('refer.share')}</legend>
      <p className="field-hint" id="refer-share-hint">
        {t('refer.shareHint')}
      </p>
      <div className="role-grid">
        {SHARE_FIELDS.map((f) => {
          const checked = value.includes(f);
          const allowed = checked || mayTick(f);
          return (
            <div className="checkbox" key={f}>
              <input
                id={`refer-share-${f}`}
                type="checkbox"
                checked={checked}
                disabled={!allowed}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, f] : value.filter((v) => v !== f))
                }
              />
              <label htmlFor={`refer-share-${f}`}>
                {t(`refer.fields.${f}`)}
                {!allowed && <span className="field-hint"> ({t('refer.notCovered')})</span>}
              </label>
            </div>
          );
        })}
      </div>
      {error && (
        <span className="field-error" id="refer-share-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
