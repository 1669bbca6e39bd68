// Her exclusions on her page: organizations or regions she must never be sent to, added from
// the directory or the list of regions, and removed only when she wishes it.
import './referrals.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addExclusion,
  listWholeDirectory,
  listExclusions,
  REGIONS,
  removeExclusion,
  type Exclusion,
  type NewExclusion,
  type Region,
} from '../api';
import { formatDate } from '../i18n/format';
import { ConfirmDialog, ErrorAlert, SelectField, StatusMessage } from '../ui';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { RadioGroup } from './RadioGroup';

type What = 'org' | 'region';
const WHATS: readonly What[] = ['org', 'region'];

export function ExclusionsCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const exclusions = useLoad(() => listExclusions(personId), [personId]);
  const directory = useLoad(() => listWholeDirectory(), []);
  const [what, setWhat] = useState<What>('org');
  const [orgId, setOrgId] = useState('');
  const [region, setRegion] = useState<Region | ''>('');
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<Exclusion | null>(null);
  const add = useSubmission();
  const remove = useSubmission();

  const label = (e: Exclusion) =>
    e.region
      ? t('exclusions.regionItem', { name: t(`regions.${e.region}`) })
      : t('exclusions.orgItem', { name: e.org_name ?? '' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: NewExclusion = what === 'org' ? { org_id: orgId } : { region: region as Region };
    const done = await add.run(() => addExclusion(personId, body));
    if (!done) return;
    setOrgId('');
    setRegion('');
    setStatus(t('exclusions.added'));
    void exclusions.reload();
  }

  async function confirmRemove() {
    if (!removing) return;
    const gone = removing;
    const done = await remove.run(async () => {
      const r = await removeExclusion(personId, gone.id);
      return r.ok ? { ok: true as const, data: true } : r;
    });
    if (!done) return;
    setRemoving(null);
    setStatus(t('exclusions.removed'));
    void exclusions.reload();
  }

  const { byField, elsewhere } = placeFieldErrors(add.error, ['org_id', 'region']);
  const items = exclusions.data?.items ?? [];
  const orgs = directory.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="exclusions-title">
      <h2 id="exclusions-title">{t('exclusions.title')}</h2>
      <p className="field-hint">{t('exclusions.intro')}</p>
      <StatusMessage text={status} />
      <ErrorAlert error={exclusions.error} />
      {exclusions.data && items.length === 0 && <p>{t('exclusions.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('exclusions.caption')} tabIndex={0}>
          <table>
            <caption>{t('exclusions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exclusions.what')}</th>
                <th scope="col">{t('exclusions.since')}</th>
                <th scope="col">{t('exclusions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{label(e)}</th>
                  <td>{formatDate(e.created_at)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-secondary button-small"
                      onClick={() => setRemoving(e)}
                    >
                      {t('exclusions.remove')}
                      <span className="visually-hidden"> {label(e)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('exclusions.addTitle')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <FormError error={add.error} elsewhere={elsewhere} />
        <RadioGroup
          legend={t('exclusions.addKind')}
          options={WHATS}
          value={what}
          onChange={setWhat}
          label={(w) => (w === 'org' ? t('exclusions.kindOrg') : t('exclusions.kindRegion'))}
        />
        {what === 'org' ? (
          <SelectField
            label={t('exclusions.org')}
            value={orgId}
            onChange={(e) => setOrgId(e.target.value)}
            error={byField.org_id}
          >
            <option value="">{t('exclusions.chooseOrg')}</option>
            {orgs.map((o) => (
              <option key={o.org_id} value={o.org_id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <SelectField
            label={t('exclusions.region')}
            value={region}
            onChange={(e) => setRegion(e.target.value as Region | '')}
            error={byField.region}
          >
            <option value="">{t('exclusions.chooseRegion')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`regions.${r}`)}
              </option>
            ))}
          </SelectField>
        )}
        <div className="actions">
          <SubmitButton busy={add.busy}>{t('exclusions.add')}</SubmitButton>
        </div>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={t('exclusions.removeTitle')}
        confirmLabel={t('exclusions.remove')}
        cancelLabel={t('cases.cancel')}
        busy={remove.busy}
        onConfirm={() => void confirmRemove()}
        onClose={() => setRemoving(null)}
      >
        <p>{removing && t('exclusions.removeBody', { what: label(removing) })}</p>
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </section>
  );
}
