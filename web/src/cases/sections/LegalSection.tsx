// Legal matters (prosecutions against her, her complaints, debts, immigration, family) with
// their hearings. Status and outcome change as the matter moves; hearings are added.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addHearing,
  addLegalMatter,
  changeLegalMatter,
  LEGAL_KINDS,
  LEGAL_STATUSES,
  listLegalMatters,
  type LegalKind,
  type LegalMatter,
  type LegalStatus,
} from '../../api';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../../ui';
import { seoulLocalToUtc } from '../calendar';
import { optional, placeFieldErrors, useSubmission } from '../forms';
import { FormError, SubmitButton, useLoad } from '../widgets';
import type { SectionProps } from '.';

export function LegalSection({ c }: SectionProps) {
  const { t } = useTranslation();
  const matters = useLoad(() => listLegalMatters(c.id), [c.id]);
  const [f, setF] = useState({
    kind: '' as LegalKind | '',
    status: 'investigation' as LegalStatus,
    authority: '',
    case_number: '',
    outcome: '',
  });
  const [status, setStatus] = useState('');
  const add = useSubmission();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const added = await add.run(() =>
      addLegalMatter(c.id, {
        kind: f.kind as LegalKind,
        status: f.status,
        authority: optional(f.authority),
        case_number: optional(f.case_number),
        outcome: optional(f.outcome),
      }),
    );
    if (!added) return;
    setF({ kind: '', status: 'investigation', authority: '', case_number: '', outcome: '' });
    setStatus(t('legal.added'));
    void matters.reload();
  }

  const items = matters.data?.items ?? [];
  const { byField, elsewhere } = placeFieldErrors(add.error, [
    'kind',
    'status',
    'authority',
    'case_number',
    'outcome',
  ]);
  return (
    <>
      <StatusMessage text={status} />
      <ErrorAlert error={matters.error} />
      {matters.data && items.length === 0 && <p>{t('legal.none')}</p>}
      {items.map((m) => (
        <Matter
          key={m.id}
          m={m}
          onChanged={(message) => {
            setStatus(message);
            void matters.reload();
          }}
        />
      ))}
      <h3>{t('legal.addTitle')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <FormError error={add.error} elsewhere={elsewhere} />
        <SelectField
          label={t('legal.kind')}
          name="kind"
          required
          value={f.kind}
          onChange={set('kind')}
          error={byField.kind}
        >
          <option value="">{t('cases.choose')}</option>
          {LEGAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`legal.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('legal.status')}
          name="status"
          value={f.status}
          onChange={set('status')}
          error={byField.status}
        >
          {LEGAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`legal.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('legal.authority')}
          name="authority"
          value={f.authority}
          onChange={set('authority')}
          error={byField.authority}
          hint={t('legal.authorityHint')}
        />
        <TextField
          label={t('legal.caseNumber')}
          name="case_number"
          value={f.case_number}
          onChange={set('case_number')}
          error={byField.case_number}
        />
        <TextField
          label={t('legal.outcome')}
          name="outcome"
          value={f.outcome}
          onChange={set('outcome')}
          error={byField.outcome}
        />
        <div className="actions">
          <SubmitButton busy={add.busy}>{t('legal.add')}</SubmitButton>
        </div>
      </form>
    </>
  );
}

function Matter({ m, onChanged }: { m: LegalMatter; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [h, setH] = useState({ date: '', time: '10:00', court: '', kind: '', notes: '' });
  // The hearing form opens on demand, and a new status waits for a confirmation: a matter's
  // page stays short, and a slip of the status list does not rewrite where her case stands.
  const [adding, setAdding] = useState(false);
  const formId = useId();
  const [nextStatus, setNextStatus] = useState<LegalStatus | null>(null);
  const hearing = useSubmission();
  const change = useSubmission();
  const set = (k: keyof typeof h) => (e: { target: { value: string } }) =>
    setH({ ...h, [k]: e.target.value });

  async function submitHearing(e: FormEvent) {
    e.preventDefault();
    const at = h.date ? seoulLocalToUtc(h.date, h.time || '00:00') : '';
    const added = await hearing.run(() =>
      addHearing(m.id, {
        at,
        court: optional(h.court),
        kind: optional(h.kind),
        notes: optional(h.notes),
      }),
    );
    if (!added) return;
    setH({ date: '', time: '10:00', court: '', kind: '', notes: '' });
    setAdding(false);
    onChanged(t('legal.hearingAdded'));
  }

  async function saveStatus() {
    if (!nextStatus) return;
    if (await change.run(() => changeLegalMatter(m.id, { status: nextStatus }))) {
      setNextStatus(null);
      onChanged(t('legal.changed'));
    }
  }

  const title = t(`legal.kinds.${m.kind}`);
  const { byField, elsewhere } = placeFieldErrors(hearing.error, ['at', 'court', 'kind', 'notes']);
  return (
    <article className="legal-matter" aria-label={title}>
      <h3>{title}</h3>
      <ErrorAlert error={change.error} />
      <dl className="facts">
        <dt>{t('legal.authority')}</dt>
        <dd>{m.authority ?? ''}</dd>
        <dt>{t('legal.caseNumber')}</dt>
        <dd>{m.case_number ?? ''}</dd>
        <dt>{t('legal.outcome')}</dt>
        <dd>{m.outcome ?? ''}</dd>
      </dl>
      <SelectField
        label={t('legal.statusOf', { kind: title })}
        value={nextStatus ?? m.status}
        disabled={change.busy}
        onChange={(e) =>
          setNextStatus(e.target.value === m.status ? null : (e.target.value as LegalStatus))
        }
      >
        {LEGAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`legal.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      {nextStatus && (
        <div
          className="confirm-change"
          role="group"
          aria-label={t('legal.confirmStatusLabel', { kind: title })}
        >
          <p>
            {t('legal.confirmStatus', {
              from: t(`legal.statuses.${m.status}`),
              to: t(`legal.statuses.${nextStatus}`),
            })}
          </p>
          <div className="actions">
            <button type="button" disabled={change.busy} onClick={() => void saveStatus()}>
              {t('legal.saveStatus')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setNextStatus(null)}>
              {t('cases.cancel')}
            </button>
          </div>
        </div>
      )}
      <h4>{t('legal.hearings')}</h4>
      {m.hearings.length === 0 ? (
        <p>{t('legal.noHearings')}</p>
      ) : (
        <ul>
          {[...m.hearings]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((x) => (
              <li key={x.id}>
                <strong>{formatDateTime(x.at)}</strong>{' '}
                {[x.court, x.kind, x.notes].filter(Boolean).join(' · ')}
              </li>
            ))}
        </ul>
      )}
      <button
        type="button"
        className="button-secondary"
        aria-expanded={adding}
        aria-controls={formId}
        onClick={() => setAdding((a) => !a)}
      >
        {t('legal.openHearingForm')}
      </button>
      {adding && (
        <form
          id={formId}
          onSubmit={submitHearing}
          className="form-grid"
          noValidate
          aria-label={t('legal.addHearingTo', { kind: title })}
        >
          <FormError error={hearing.error} elsewhere={elsewhere} />
          <TextField
            label={t('legal.hearingDate')}
            type="date"
            required
            value={h.date}
            onChange={set('date')}
            error={byField.at}
          />
          <TextField
            label={t('legal.hearingTime')}
            type="time"
            value={h.time}
            onChange={set('time')}
          />
          <TextField
            label={t('legal.court')}
            value={h.court}
            onChange={set('court')}
            error={byField.court}
          />
          <TextField
            label={t('legal.hearingKind')}
            value={h.kind}
            onChange={set('kind')}
            error={byField.kind}
          />
          <TextField
            label={t('legal.hearingNotes')}
            value={h.notes}
            onChange={set('notes')}
            error={byField.notes}
          />
          <div className="actions">
            <SubmitButton busy={hearing.busy}>{t('legal.addHearing')}</SubmitButton>
            <button type="button" className="button-secondary" onClick={() => setAdding(false)}>
              {t('cases.cancel')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
