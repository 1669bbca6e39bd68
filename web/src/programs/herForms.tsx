// The forms of her self-reliance section: a certificate she obtained (with a scan of it, kept
// encrypted among the files of her case), an outcome (a job, a
// business started, a school entered; the employer's name is sealed under her key and never
// shown again), and the result of a follow-up. Each opens from a button, keeps what was typed
// when refused, and shows the server's reasons next to the fields.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addCertificate,
  addOutcome,
  listCases,
  MAX_FILE_BYTES,
  uploadFile,
  type ApiError,
  recordOutcomeFollowUp,
  EMPLOYER_KINDS,
  FOLLOW_UP_RESULTS,
  OUTCOME_KINDS,
  type EmployerKind,
  type Enrollment,
  type FollowUpResult,
  type OutcomeFollowUp,
  type OutcomeKind,
} from '../api';
import { optional, useSubmission } from '../cases/forms';
import { SubmitButton } from '../cases/widgets';
import { seoulToday } from '../shelters/dialogs';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';

function Opener({ label, onOpen }: { label: string; onOpen: () => void }) {
  return (
    <p>
      <button type="button" className="button-secondary button-small" onClick={onOpen}>
        {label}
      </button>
    </p>
  );
}

function Cancel({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button-secondary" onClick={onClick}>
      {t('program.cancel')}
    </button>
  );
}

// A certificate's scan is one of her case files (kind "certificate"): it goes to her open case
// (the newest one when none is open) with its upload progress shown, then the certificate
// names it. When the certificate is refused after the upload, the uploaded file is kept and
// reused on the next try rather than uploaded twice.
async function herCaseId(personId: string): Promise<string | null> {
  const open = await listCases({ person_id: personId, status: 'open' });
  if (open.ok && open.data.items[0]) return open.data.items[0].id;
  const any = await listCases({ person_id: personId });
  return any.ok && any.data.items[0] ? any.data.items[0].id : null;
}

export function CertificateForm({
  personId,
  enrollments,
  onDone,
}: {
  personId: string;
  enrollments: Enrollment[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const fileId = useId();
  const submit = useSubmission();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [obtainedOn, setObtainedOn] = useState(seoulToday());
  const [enrollmentId, setEnrollmentId] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; id: string } | null>(null);
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const shown = localError ?? submit.error;
  const fields = shown?.fields ?? {};
  if (!open) return <Opener label={t('program.her.addCertificate')} onOpen={() => setOpen(true)} />;
  const refuse = (field: string, text: string) =>
    setLocalError({
      status: 400,
      code: 'invalid',
      message: t('program.her.checkForm'),
      fields: { [field]: text },
    });
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setLocalError(null);
    const file = input.current?.files?.[0];
    if (file && file.size > MAX_FILE_BYTES) return refuse('file', t('files.tooLarge'));
    if (!name.trim()) return refuse('name', t('errors.required'));
    let file_id: string | undefined;
    if (file) {
      if (uploaded?.file === file) file_id = uploaded.id;
      else {
        const caseId = await herCaseId(personId);
        if (!caseId) return refuse('file', t('program.her.noCaseForFile'));
        setProgress(0);
        const up = await submit.run(() => uploadFile(caseId, 'certificate', file, setProgress));
        setProgress(null);
        if (!up) return;
        setUploaded({ file, id: up.id });
        file_id = up.id;
      }
    }
    const r = await submit.run(() =>
      addCertificate(personId, {
        name: name.trim(),
        obtained_on: obtainedOn,
        ...(enrollmentId ? { enrollment_id: enrollmentId } : {}),
        ...(file_id ? { file_id } : {}),
      }),
    );
    if (r) {
      setName('');
      setEnrollmentId('');
      setUploaded(null);
      setOpen(false);
      onDone();
    }
  }
  const fileError = fields.file ?? fields.file_id;
  return (
    <form
      className="program-form"
      aria-labelledby={titleId}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <h4 id={titleId}>{t('program.her.certificateTitle')}</h4>
      <ErrorAlert error={shown} />
      <TextField
        label={t('program.her.certificateName')}
        hint={t('program.her.certificateNameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
        required
      />
      <TextField
        type="date"
        label={t('program.her.obtainedOnLabel')}
        value={obtainedOn}
        max={seoulToday()}
        onChange={(e) => setObtainedOn(e.target.value)}
        error={fields.obtained_on}
        required
      />
      <SelectField
        label={t('program.her.throughProgram')}
        value={enrollmentId}
        onChange={(e) => setEnrollmentId(e.target.value)}
        error={fields.enrollment_id}
      >
        <option value="">{t('program.her.noProgram')}</option>
        {enrollments.map((e) => (
          <option key={e.id} value={e.id}>
            {e.program_name}
          </option>
        ))}
      </SelectField>
      <div className={fileError ? 'field field-invalid' : 'field'}>
        <label htmlFor={fileId}>{t('program.her.certificateFile')}</label>
        <span className="field-hint" id={`${fileId}-hint`}>
          {t('program.her.certificateFileHint')}
        </span>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept="image/*,application/pdf"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
        />
        {fileError && (
          <span className="field-error" id={`${fileId}-error`}>
            {fileError}
          </span>
        )}
      </div>
      {progress !== null && (
        <p>
          <label>
            {t('program.her.uploading')}{' '}
            <progress value={progress} max={1}>
              {Math.round(progress * 100)}%
            </progress>
          </label>
        </p>
      )}
      <div className="actions">
        <SubmitButton busy={submit.busy}>{t('program.her.saveCertificate')}</SubmitButton>
        <Cancel onClick={() => setOpen(false)} />
      </div>
    </form>
  );
}

export function OutcomeForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const submit = useSubmission();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<OutcomeKind>('employment');
  const [startedOn, setStartedOn] = useState(seoulToday());
  const [jobKind, setJobKind] = useState('');
  const [employerKind, setEmployerKind] = useState<EmployerKind | ''>('');
  const [employer, setEmployer] = useState('');
  const [school, setSchool] = useState('');
  const [note, setNote] = useState('');
  const fields = submit.error?.fields ?? {};
  if (!open) return <Opener label={t('program.her.addOutcome')} onOpen={() => setOpen(true)} />;
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const work = kind !== 'school_entered';
    const r = await submit.run(() =>
      addOutcome(personId, {
        kind,
        started_on: startedOn,
        ...(work && optional(jobKind) ? { job_kind: jobKind.trim() } : {}),
        ...(kind === 'employment' && employerKind ? { employer_kind: employerKind } : {}),
        ...(kind === 'employment' && optional(employer) ? { employer: employer.trim() } : {}),
        ...(kind === 'school_entered' && optional(school) ? { school: school.trim() } : {}),
        ...(optional(note) ? { note: note.trim() } : {}),
      }),
    );
    if (r) {
      setJobKind('');
      setEmployerKind('');
      setEmployer('');
      setSchool('');
      setNote('');
      setOpen(false);
      onDone();
    }
  }
  return (
    <form
      className="program-form"
      aria-labelledby={titleId}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <h4 id={titleId}>{t('program.her.outcomeTitle')}</h4>
      <ErrorAlert error={submit.error} />
      <SelectField
        label={t('program.her.outcomeKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as OutcomeKind)}
        error={fields.kind}
      >
        {OUTCOME_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`program.outcomeKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        type="date"
        label={t('program.her.startedOnLabel')}
        hint={kind === 'employment' ? t('program.her.followUpsHint') : undefined}
        value={startedOn}
        onChange={(e) => setStartedOn(e.target.value)}
        error={fields.started_on}
        required
      />
      {kind !== 'school_entered' && (
        <TextField
          label={t('program.her.jobKind')}
          hint={t('program.her.jobKindHint')}
          value={jobKind}
          onChange={(e) => setJobKind(e.target.value)}
          error={fields.job_kind}
        />
      )}
      {kind === 'employment' && (
        <>
          <SelectField
            label={t('program.her.employerKind')}
            value={employerKind}
            onChange={(e) => setEmployerKind(e.target.value as EmployerKind | '')}
            error={fields.employer_kind}
          >
            <option value="">{t('program.her.notSaid')}</option>
            {EMPLOYER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`program.employerKind.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('program.her.employer')}
            hint={t('program.her.employerHint')}
            autoComplete="off"
            value={employer}
            onChange={(e) => setEmployer(e.target.value)}
            error={fields.employer}
          />
        </>
      )}
      {kind === 'school_entered' && (
        <TextField
          label={t('program.her.school')}
          value={school}
          onChange={(e) => setSchool(e.target.value)}
          error={fields.school}
        />
      )}
      <TextAreaField
        label={t('program.her.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={fields.note}
      />
      <div className="actions">
        <SubmitButton busy={submit.busy}>{t('program.her.saveOutcome')}</SubmitButton>
        <Cancel onClick={() => setOpen(false)} />
      </div>
    </form>
  );
}

// The result of one follow-up: still employed, no longer, or she could not be reached.
export function FollowUpForm({
  followUp,
  what,
  onDone,
}: {
  followUp: OutcomeFollowUp;
  what: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [status, setStatus] = useState<FollowUpResult>('employed');
  const [checkedOn, setCheckedOn] = useState(seoulToday());
  const fields = submit.error?.fields ?? {};
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      recordOutcomeFollowUp(followUp.id, { status, checked_on: checkedOn }),
    );
    if (r) onDone();
  }
  return (
    <form
      className="follow-up-form"
      aria-label={t('program.her.recordFollowUpFor', { what })}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <ErrorAlert error={submit.error} />
      <div className="follow-up-fields">
        <SelectField
          label={t('program.her.followUpResult')}
          value={status}
          onChange={(e) => setStatus(e.target.value as FollowUpResult)}
          error={fields.status}
        >
          {FOLLOW_UP_RESULTS.map((s) => (
            <option key={s} value={s}>
              {t(`program.followUpStatus.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          type="date"
          label={t('program.her.checkedOnLabel')}
          value={checkedOn}
          max={seoulToday()}
          onChange={(e) => setCheckedOn(e.target.value)}
          error={fields.checked_on}
          required
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>
            {t('program.her.recordFollowUp')}
            <span className="visually-hidden"> {what}</span>
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
