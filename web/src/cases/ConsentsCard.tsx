// Her consents: what she agreed to, how, until when, and revoking at once. Consent is never a
// condition of service, so nothing here blocks other work.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_KINDS,
  CONSENT_METHODS,
  listConsents,
  listOrganizations,
  recordConsent,
  revokeConsent,
  type Consent,
  type ConsentKind,
  type ConsentMethod,
} from '../api';
import { formatDate, formatDateTime } from '../i18n/format';
import { ConfirmDialog, ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { shareFieldNames } from '../referrals/names';
import { SharingScopeFields, type SharingScope } from '../referrals/SharingScope';
import { addDays, seoulMidnightUtc } from './calendar';
import { optional, placeFieldErrors, useSubmission } from './forms';
import { FormError, SubmitButton, useLoad } from './widgets';

export function ConsentsCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const consents = useLoad(() => listConsents(personId), [personId]);
  const orgs = useLoad(() => listOrganizations(), []);
  const [kind, setKind] = useState<ConsentKind>('services');
  const [method, setMethod] = useState<ConsentMethod>('verbal');
  const [expires, setExpires] = useState('');
  const [scope, setScope] = useState<SharingScope>({});
  const [status, setStatus] = useState('');
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [reason, setReason] = useState('');
  const record = useSubmission();
  const revoke = useSubmission();

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Only a referral_sharing consent has a scope: whom it names and which fields.
    const sharing = kind === 'referral_sharing';
    const external = scope.external?.trim();
    const to = external ? { external } : scope.org_id ? { org_id: scope.org_id } : {};
    // A consent runs to the end of the day it expires on, Korean time.
    const expires_at = expires ? seoulMidnightUtc(addDays(expires, 1)) : undefined;
    const done = await record.run(() =>
      recordConsent(personId, {
        kind,
        method,
        scope: sharing ? { ...to, fields: scope.fields ?? [] } : {},
        expires_at,
      }),
    );
    if (!done) return;
    setStatus(t('consents.recorded'));
    setExpires('');
    setScope({});
    void consents.reload();
  }

  async function confirmRevoke() {
    if (!revoking) return;
    const done = await revoke.run(() => revokeConsent(revoking.id, optional(reason)));
    if (!done) return;
    setRevoking(null);
    setReason('');
    setStatus(t('consents.revoked'));
    void consents.reload();
  }

  const orgName = (id?: string) => orgs.data?.items.find((o) => o.id === id)?.name ?? id ?? '';
  const { byField, elsewhere } = placeFieldErrors(record.error, [
    'kind',
    'method',
    'expires_at',
    'scope',
  ]);
  const items = consents.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('consents.title')}</h2>
      <p className="field-hint">{t('consents.intro')}</p>
      <StatusMessage text={status} />
      <ErrorAlert error={consents.error} />
      {consents.data && items.length === 0 && <p>{t('consents.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('consents.caption')} tabIndex={0}>
          <table>
            <caption>{t('consents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consents.kind')}</th>
                <th scope="col">{t('consents.state')}</th>
                <th scope="col">{t('consents.method')}</th>
                <th scope="col">{t('consents.given')}</th>
                <th scope="col">{t('consents.expires')}</th>
                <th scope="col">{t('consents.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {t(`consents.kinds.${c.kind}`)}
                    {c.kind === 'referral_sharing' && (
                      <span className="field-hint">
                        {' '}
                        — {c.scope.external ?? orgName(c.scope.org_id)}:{' '}
                        {shareFieldNames(c.scope.fields, t)}
                      </span>
                    )}
                  </th>
                  <td>
                    <span className={`consent-state consent-${c.state}`}>
                      {t(`consents.states.${c.state}`)}
                    </span>
                    {c.revoked_at && (
                      <span className="field-hint"> {formatDateTime(c.revoked_at)}</span>
                    )}
                  </td>
                  <td>{t(`consents.methods.${c.method}`)}</td>
                  <td>{formatDate(c.given_at)}</td>
                  <td>{c.expires_at ? formatDate(c.expires_at) : t('consents.noExpiry')}</td>
                  <td>
                    {c.state === 'active' && (
                      <button
                        type="button"
                        className="button-secondary button-small"
                        onClick={() => setRevoking(c)}
                      >
                        {t('consents.revoke')}
                        <span className="visually-hidden"> {t(`consents.kinds.${c.kind}`)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('consents.recordTitle')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <FormError error={record.error} elsewhere={elsewhere} />
        <SelectField
          label={t('consents.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ConsentKind)}
          error={byField.kind}
        >
          {CONSENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`consents.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {kind === 'referral_sharing' && (
          <SharingScopeFields
            scope={scope}
            onChange={setScope}
            orgs={orgs.data?.items ?? []}
            error={byField.scope}
          />
        )}
        <SelectField
          label={t('consents.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value as ConsentMethod)}
          error={byField.method}
        >
          {CONSENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`consents.methods.${m}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('consents.expiresOn')}
          type="date"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          error={byField.expires_at}
          hint={t('consents.expiresHint')}
        />
        <div className="actions">
          <SubmitButton busy={record.busy}>{t('consents.record')}</SubmitButton>
        </div>
      </form>
      <ConfirmDialog
        open={revoking !== null}
        title={t('consents.revokeTitle')}
        confirmLabel={t('consents.revoke')}
        cancelLabel={t('cases.cancel')}
        busy={revoke.busy}
        onConfirm={() => void confirmRevoke()}
        onClose={() => setRevoking(null)}
      >
        <p>
          {revoking && t('consents.revokeBody', { kind: t(`consents.kinds.${revoking.kind}`) })}
        </p>
        <ErrorAlert error={revoke.error} />
        <TextField
          label={t('consents.revokeReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </ConfirmDialog>
    </section>
  );
}
