// The shelter staff's forms, each in the one modal dialog: admitting a woman to a free bed,
// recording an outing, recording her exit. A refused form keeps what was typed and shows the
// server's reasons next to the fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  admit,
  exitStay,
  requestExtension,
  startOuting,
  EXIT_DESTINATIONS,
  EXIT_REASONS,
  STAY_SOURCES,
  type BoardBed,
  type ExitDestination,
  type ExitReason,
  type OutingKind,
  type Stay,
  type StaySource,
} from '../api';
import { useSubmission } from '../cases/forms';
import { SubmitButton } from '../cases/widgets';
import { DateTimeField, koreaTimeToIso } from '../emergency/fields';
import { Dialog, ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import { seoulToday } from '../i18n/format';

// Today in Korea, as the server dates a facility's day (kept here for the screens importing it).
export { seoulToday };

function Buttons({ busy, label, onClose }: { busy: boolean; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <SubmitButton busy={busy}>{label}</SubmitButton>
      <button type="button" className="button-secondary" onClick={onClose}>
        {t('shelter.cancel')}
      </button>
    </div>
  );
}

export function AdmitDialog({
  bed,
  onClose,
  onDone,
}: {
  bed: BoardBed;
  onClose: () => void;
  onDone: (stay: Stay) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [code, setCode] = useState('');
  const [admittedOn, setAdmittedOn] = useState(seoulToday());
  const [rulesOn, setRulesOn] = useState(seoulToday());
  const [source, setSource] = useState<StaySource>('referral');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const stay = await submit.run(() =>
      admit({
        person_code: code.trim(),
        bed_id: bed.id,
        admitted_on: admittedOn,
        source,
        house_rules_agreed_on: rulesOn,
        // A bed a dispatcher held for a rescue: this admission is the one it waits for.
        ...(bed.state === 'held' && bed.hold_id ? { hold_id: bed.hold_id } : {}),
      }),
    );
    if (stay) onDone(stay);
  }
  return (
    <Dialog
      open
      title={t('shelter.admitBed', { room: bed.room, bed: bed.label })}
      onClose={onClose}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorAlert error={submit.error} />
        <TextField
          label={t('shelter.personCode')}
          hint={t('shelter.personCodeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={fields.person_code ?? fields.person_id}
          required
        />
        <TextField
          type="date"
          label={t('shelter.admittedOn')}
          value={admittedOn}
          onChange={(e) => setAdmittedOn(e.target.value)}
          error={fields.admitted_on}
          required
        />
        <SelectField
          label={t('shelter.sourceLabel')}
          value={source}
          onChange={(e) => setSource(e.target.value as StaySource)}
        >
          {STAY_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`shelter.source.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          type="date"
          label={t('shelter.rulesAgreedOn')}
          hint={t('shelter.rulesHint')}
          value={rulesOn}
          onChange={(e) => setRulesOn(e.target.value)}
          error={fields.house_rules_agreed_on}
          required
        />
        <Buttons busy={submit.busy} label={t('shelter.admit')} onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function OutingDialog({
  stay,
  onClose,
  onDone,
}: {
  stay: Stay;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [kind, setKind] = useState<OutingKind>('outing');
  const [back, setBack] = useState('');
  const [destination, setDestination] = useState('');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const done = await submit.run(() =>
      startOuting(stay.id, {
        kind,
        left_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        planned_return_at: koreaTimeToIso(back),
        ...(destination.trim() ? { destination: destination.trim() } : {}),
      }),
    );
    if (done) onDone();
  }
  const alias = stay.person.alias ?? stay.person.code;
  return (
    <Dialog open title={t('shelter.outingFor', { alias })} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorAlert error={submit.error} />
        <SelectField
          label={t('shelter.kindLabel')}
          value={kind}
          onChange={(e) => setKind(e.target.value as OutingKind)}
        >
          <option value="outing">{t('shelter.outingKind.outing')}</option>
          <option value="overnight">{t('shelter.outingKind.overnight')}</option>
        </SelectField>
        <DateTimeField
          label={t('shelter.plannedReturn')}
          value={back}
          onChange={(e) => setBack(e.target.value)}
          error={fields.planned_return_at}
          required
        />
        <TextField
          label={t('shelter.outDestination')}
          value={destination}
          onChange={(e) => setDestination(e.target.value)}
          error={fields.destination}
        />
        <Buttons busy={submit.busy} label={t('shelter.record')} onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function ExitDialog({
  stay,
  onClose,
  onDone,
}: {
  stay: Stay;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [exitedOn, setExitedOn] = useState(seoulToday());
  const [reason, setReason] = useState<ExitReason>('completed');
  const [destination, setDestination] = useState<ExitDestination>('own_housing');
  const [safe, setSafe] = useState(true);
  const [note, setNote] = useState('');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const done = await submit.run(() =>
      exitStay(stay.id, {
        exited_on: exitedOn,
        reason,
        destination,
        destination_safe: destination === 'returned_to_trade' ? false : safe,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (done) onDone();
  }
  const alias = stay.person.alias ?? stay.person.code;
  return (
    <Dialog open title={t('shelter.exitFor', { alias })} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorAlert error={submit.error} />
        <TextField
          type="date"
          label={t('shelter.exitedOn')}
          value={exitedOn}
          onChange={(e) => setExitedOn(e.target.value)}
          error={fields.exited_on}
          required
        />
        <SelectField
          label={t('shelter.reasonLabel')}
          value={reason}
          onChange={(e) => setReason(e.target.value as ExitReason)}
        >
          {EXIT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`shelter.reason.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('shelter.destinationLabel')}
          value={destination}
          onChange={(e) => setDestination(e.target.value as ExitDestination)}
        >
          {EXIT_DESTINATIONS.map((d) => (
            <option key={d} value={d}>
              {t(`shelter.destination.${d}`)}
            </option>
          ))}
        </SelectField>
        {destination !== 'returned_to_trade' && (
          <div className="checkbox">
            <input
              id="exit-destination-safe"
              type="checkbox"
              checked={safe}
              onChange={(e) => setSafe(e.target.checked)}
            />
            <label htmlFor="exit-destination-safe">{t('shelter.destinationSafe')}</label>
          </div>
        )}
        <TextAreaField
          label={t('shelter.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={fields.note}
        />
        <Buttons busy={submit.busy} label={t('shelter.exit')} onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function ExtensionDialog({
  stay,
  onClose,
  onDone,
}: {
  stay: Stay;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [until, setUntil] = useState(stay.max_end_on);
  const [reason, setReason] = useState('');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const done = await submit.run(() =>
      requestExtension(stay.id, { until_on: until, reason: reason.trim() }),
    );
    if (done) onDone();
  }
  const alias = stay.person.alias ?? stay.person.code;
  return (
    <Dialog open title={t('shelter.extendFor', { alias })} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorAlert error={submit.error} />
        <TextField
          type="date"
          label={t('shelter.extendUntil')}
          hint={t('shelter.extendHint', { date: stay.max_end_on })}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          error={fields.until_on}
          required
        />
        <TextAreaField
          label={t('shelter.extendReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fields.reason}
          required
        />
        <Buttons busy={submit.busy} label={t('shelter.extend')} onClose={onClose} />
      </form>
    </Dialog>
  );
}
