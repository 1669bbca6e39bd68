// The program screens' forms, each in the one modal dialog: a program created or edited, its
// sessions added (one, or a repeating schedule of weekdays × weeks sent in one request), and an
// enrollment ended (completed or dropped). A refused form keeps what was typed and shows the
// server's reasons next to the fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addSessions,
  createProgram,
  endEnrollment,
  updateProgram,
  PROGRAM_KINDS,
  type Enrollment,
  type Program,
  type ProgramInput,
  type ProgramKind,
  type ProgramProvider,
  type ProgramSession,
} from '../api';
import { optional, placeFieldErrors, useSubmission, wholeNumber } from '../cases/forms';
import { CheckboxGroup, FormError, SubmitButton } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { seoulToday } from '../shelters/dialogs';
import { Dialog, ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import { expandSchedule, WEEKDAYS, type ScheduleProblem } from './schedule';

function Buttons({ busy, label, onClose }: { busy: boolean; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <SubmitButton busy={busy}>{label}</SubmitButton>
      <button type="button" className="button-secondary" onClick={onClose}>
        {t('program.cancel')}
      </button>
    </div>
  );
}

// A number typed in a form: a whole number, or the text as typed so the server names the field.
const numberOrText = (s: string): number | string | undefined => {
  const n = wholeNumber(s);
  return Number.isNaN(n) ? s : n;
};

export function ProgramDialog({
  program,
  onClose,
  onDone,
}: {
  program: Program | null;
  onClose: () => void;
  onDone: (p: Program) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [name, setName] = useState(program?.name ?? '');
  const [kind, setKind] = useState<ProgramKind>(program?.kind ?? 'vocational_course');
  const [provider, setProvider] = useState<ProgramProvider>(program?.provider ?? 'own');
  const [providerName, setProviderName] = useState(program?.provider_name ?? '');
  const [startsOn, setStartsOn] = useState(program?.starts_on ?? seoulToday());
  const [endsOn, setEndsOn] = useState(program?.ends_on ?? '');
  const [capacity, setCapacity] = useState(program ? String(program.capacity) : '');
  const [passRate, setPassRate] = useState(
    program ? (program.pass_rate === null ? '' : String(program.pass_rate)) : '80',
  );
  const [description, setDescription] = useState(program?.description ?? '');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const cap = numberOrText(capacity);
    const rate = numberOrText(passRate);
    // Typed text that is not a number goes as it is: the server names the field.
    const body = {
      name: name.trim(),
      kind,
      provider,
      ...(provider === 'partner' ? { provider_name: providerName.trim() } : {}),
      starts_on: startsOn,
      ...(endsOn ? { ends_on: endsOn } : {}),
      capacity: cap ?? 0,
      ...(optional(description) ? { description: description.trim() } : {}),
      ...(rate !== undefined ? { pass_rate: rate } : {}),
    } as ProgramInput;
    const saved = await submit.run(() =>
      program ? updateProgram(program.id, body) : createProgram(body),
    );
    if (saved) onDone(saved);
  }
  return (
    <Dialog
      open
      title={
        program ? t('program.form.editTitle', { name: program.name }) : t('program.form.newTitle')
      }
      onClose={onClose}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorAlert error={submit.error} />
        <TextField
          label={t('program.form.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          required
        />
        <SelectField
          label={t('program.form.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ProgramKind)}
          error={fields.kind}
        >
          {PROGRAM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`program.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('program.form.provider')}
          value={provider}
          onChange={(e) => setProvider(e.target.value as ProgramProvider)}
          error={fields.provider}
        >
          <option value="own">{t('program.provider.own')}</option>
          <option value="partner">{t('program.provider.partner')}</option>
        </SelectField>
        {provider === 'partner' && (
          <TextField
            label={t('program.form.providerName')}
            hint={t('program.form.providerNameHint')}
            value={providerName}
            onChange={(e) => setProviderName(e.target.value)}
            error={fields.provider_name}
            required
          />
        )}
        <TextField
          type="date"
          label={t('program.form.startsOn')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={fields.starts_on}
          required
        />
        <TextField
          type="date"
          label={t('program.form.endsOn')}
          hint={t('program.form.endsOnHint')}
          value={endsOn}
          min={startsOn || undefined}
          onChange={(e) => setEndsOn(e.target.value)}
          error={fields.ends_on}
        />
        <TextField
          label={t('program.form.capacity')}
          inputMode="numeric"
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          error={fields.capacity}
          required
        />
        <TextField
          label={t('program.form.passRate')}
          hint={t('program.form.passRateHint')}
          inputMode="numeric"
          value={passRate}
          onChange={(e) => setPassRate(e.target.value)}
          error={fields.pass_rate}
        />
        <TextAreaField
          label={t('program.form.description')}
          hint={t('program.form.descriptionHint')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fields.description}
        />
        <Buttons busy={submit.busy} label={t('program.form.save')} onClose={onClose} />
      </form>
    </Dialog>
  );
}

type Mode = 'repeat' | 'one';

export function SessionsDialog({
  program,
  onClose,
  onDone,
}: {
  program: Program;
  onClose: () => void;
  onDone: (added: ProgramSession[]) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [mode, setMode] = useState<Mode>('repeat');
  const today = seoulToday();
  const [firstDay, setFirstDay] = useState(program.starts_on > today ? program.starts_on : today);
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [weeks, setWeeks] = useState('4');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState('120');
  const [topic, setTopic] = useState('');
  const [problem, setProblem] = useState<ScheduleProblem | null>(null);
  const plan = expandSchedule({
    firstDay,
    weekdays:
      mode === 'one' ? [new Date(`${firstDay}T00:00:00Z`).getUTCDay()] : weekdays.map(Number),
    weeks: mode === 'one' ? 1 : (wholeNumber(weeks) ?? 0),
    time,
    minutes: wholeNumber(minutes) ?? 0,
    topic,
  });
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!plan.ok) {
      setProblem(plan.problem);
      return;
    }
    setProblem(null);
    const r = await submit.run(() => addSessions(program.id, plan.sessions));
    if (r) onDone(r.items);
  }
  const shown = problem && !plan.ok ? plan.problem : null;
  const err = (p: ScheduleProblem) =>
    shown === p ? t(`program.sessions.problem.${p}`) : undefined;
  const preview =
    plan.ok && plan.sessions.length > 0
      ? t('program.sessions.preview', {
          count: plan.sessions.length,
          first: formatDate(plan.sessions[0]!.starts_at),
          last: formatDate(plan.sessions[plan.sessions.length - 1]!.starts_at),
        })
      : '';
  return (
    <Dialog open title={t('program.sessions.title', { name: program.name })} onClose={onClose}>
      <form className="sessions-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {/* A refused session is named by its place ("sessions.3.starts_at"): listed here. */}
        <FormError error={submit.error} elsewhere={placeFieldErrors(submit.error, []).elsewhere} />
        <fieldset>
          <legend>{t('program.sessions.mode')}</legend>
          {(['repeat', 'one'] as const).map((m) => (
            <div className="checkbox" key={m}>
              <input
                id={`sessions-mode-${m}`}
                type="radio"
                name="sessions-mode"
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <label htmlFor={`sessions-mode-${m}`}>{t(`program.sessions.modes.${m}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          type="date"
          label={mode === 'one' ? t('program.sessions.day') : t('program.sessions.firstDay')}
          value={firstDay}
          onChange={(e) => setFirstDay(e.target.value)}
          error={err('firstDay')}
          required
        />
        {mode === 'repeat' && (
          <>
            <CheckboxGroup
              legend={t('program.sessions.weekdays')}
              name="weekdays"
              options={WEEKDAYS.map(String)}
              value={weekdays}
              onChange={setWeekdays}
              label={(d) => t(`program.weekday.${d as '0'}`)}
              error={err('weekdays')}
            />
            <TextField
              label={t('program.sessions.weeks')}
              inputMode="numeric"
              value={weeks}
              onChange={(e) => setWeeks(e.target.value)}
              error={err('weeks')}
              required
            />
          </>
        )}
        <TextField
          type="time"
          label={t('program.sessions.time')}
          hint={t('program.sessions.timeHint')}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          error={err('time')}
          required
        />
        <TextField
          label={t('program.sessions.minutes')}
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={err('minutes')}
          required
        />
        <TextField
          label={t('program.sessions.topic')}
          hint={mode === 'repeat' ? t('program.sessions.topicHint') : undefined}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
        />
        <p className="program-preview" aria-live="polite">
          {!plan.ok && plan.problem === 'tooMany' ? t('program.sessions.problem.tooMany') : preview}
        </p>
        <Buttons
          busy={submit.busy}
          label={
            plan.ok
              ? t('program.sessions.add', { count: plan.sessions.length })
              : t('program.sessions.addNone')
          }
          onClose={onClose}
        />
      </form>
    </Dialog>
  );
}

export function EndDialog({
  enrollment,
  onClose,
  onDone,
}: {
  enrollment: Enrollment;
  onClose: () => void;
  onDone: (e: Enrollment) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [status, setStatus] = useState<'completed' | 'dropped'>('completed');
  const [endedOn, setEndedOn] = useState(seoulToday());
  const [reason, setReason] = useState('');
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      endEnrollment(enrollment.id, {
        status,
        ended_on: endedOn,
        ...(optional(reason) ? { reason: reason.trim() } : {}),
      }),
    );
    if (r) onDone(r);
  }
  return (
    <Dialog open title={t('program.end.title', { who: enrollment.person_label })} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorAlert error={submit.error} />
        <SelectField
          label={t('program.end.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as 'completed' | 'dropped')}
          error={fields.status}
        >
          <option value="completed">{t('program.enrollmentStatus.completed')}</option>
          <option value="dropped">{t('program.enrollmentStatus.dropped')}</option>
        </SelectField>
        <TextField
          type="date"
          label={t('program.end.endedOn')}
          value={endedOn}
          onChange={(e) => setEndedOn(e.target.value)}
          error={fields.ended_on}
          required
        />
        <TextAreaField
          label={t('program.end.reason')}
          hint={t('program.end.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fields.reason}
        />
        <Buttons busy={submit.busy} label={t('program.end.submit')} onClose={onClose} />
      </form>
    </Dialog>
  );
}
