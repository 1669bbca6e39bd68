// The case's appointments, with adding, cancelling and marking done. Each row repeats her
// safe-contact instructions.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addAppointment,
  APPOINTMENT_KINDS,
  cancelAppointment,
  listCaseAppointments,
  markAppointmentDone,
  type Appointment,
  type AppointmentKind,
} from '../../api';
import { ErrorAlert, SelectField, StatusMessage, TextAreaField, TextField } from '../../ui';
import { seoulLocalToUtc } from '../calendar';
import { optional, placeFieldErrors, useSubmission } from '../forms';
import { AppointmentList } from '../lists';
import { FormError, SubmitButton, useLoad } from '../widgets';
import type { SectionProps } from '.';

const FIELDS = ['starts_at', 'ends_at', 'kind', 'with_whom', 'place', 'notes'];

export function AppointmentsSection({ c }: SectionProps) {
  const { t } = useTranslation();
  const appointments = useLoad(() => listCaseAppointments(c.id), [c.id]);
  const blank = {
    date: '',
    time: '',
    end: '',
    kind: '' as AppointmentKind | '',
    with_whom: '',
    place: '',
    notes: '',
  };
  const [f, setF] = useState(blank);
  const [status, setStatus] = useState('');
  const add = useSubmission();
  const act = useSubmission();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const starts_at = f.date && f.time ? seoulLocalToUtc(f.date, f.time) : '';
    const ends_at = f.date && f.end ? seoulLocalToUtc(f.date, f.end) : undefined;
    const added = await add.run(() =>
      addAppointment(c.id, {
        starts_at,
        ends_at,
        kind: f.kind as AppointmentKind,
        with_whom: optional(f.with_whom),
        place: optional(f.place),
        notes: optional(f.notes),
      }),
    );
    if (!added) return;
    setF(blank);
    setStatus(t('calendar.added'));
    void appointments.reload();
  }

  async function change(a: Appointment, to: 'cancel' | 'done') {
    const r = await act.run(() =>
      to === 'cancel' ? cancelAppointment(a.id) : markAppointmentDone(a.id),
    );
    if (!r) return;
    setStatus(to === 'cancel' ? t('calendar.cancelled') : t('calendar.markedDone'));
    void appointments.reload();
  }

  const mine = appointments.data?.items ?? [];
  const { byField, elsewhere } = placeFieldErrors(add.error, FIELDS);
  return (
    <>
      <StatusMessage text={status} />
      <ErrorAlert error={appointments.error ?? act.error} />
      <AppointmentList
        items={mine}
        empty={t('calendar.noneForCase')}
        actions={(a) =>
          a.status === 'scheduled' && (
            <p className="row-actions">
              <button
                type="button"
                className="button-secondary button-small"
                disabled={act.busy}
                onClick={() => void change(a, 'done')}
              >
                {t('calendar.markDone')}
              </button>
              <button
                type="button"
                className="button-secondary button-small"
                disabled={act.busy}
                onClick={() => void change(a, 'cancel')}
              >
                {t('calendar.cancel')}
              </button>
            </p>
          )
        }
      />
      <h3>{t('calendar.addTitle')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <FormError error={add.error} elsewhere={elsewhere} />
        <TextField
          label={t('calendar.date')}
          name="date"
          type="date"
          required
          value={f.date}
          onChange={set('date')}
          error={byField.starts_at}
        />
        <TextField
          label={t('calendar.startTime')}
          name="time"
          type="time"
          required
          value={f.time}
          onChange={set('time')}
        />
        <TextField
          label={t('calendar.endTime')}
          name="end"
          type="time"
          value={f.end}
          onChange={set('end')}
          error={byField.ends_at}
        />
        <SelectField
          label={t('calendar.kind')}
          name="kind"
          required
          value={f.kind}
          onChange={set('kind')}
          error={byField.kind}
        >
          <option value="">{t('cases.choose')}</option>
          {APPOINTMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('calendar.withWhom')}
          name="with_whom"
          value={f.with_whom}
          onChange={set('with_whom')}
          error={byField.with_whom}
        />
        <TextField
          label={t('calendar.place')}
          name="place"
          value={f.place}
          onChange={set('place')}
          error={byField.place}
        />
        <TextAreaField
          wide
          label={t('calendar.notes')}
          name="notes"
          value={f.notes}
          onChange={set('notes')}
          error={byField.notes}
        />
        <div className="actions">
          <SubmitButton busy={add.busy}>{t('calendar.add')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
