// One program (/programs/:programId): what it is, its class list (each woman by alias or code
// with her attendance rate and whether she meets the pass rate yet), enrolling a woman found
// by her code or name as the people search finds her, ending an enrollment, and the sessions
// with the way to each one's attendance sheet. Reading it is an audited read of every woman in
// the class.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  enroll,
  findPeople,
  getProgram,
  isRestrictedStub,
  type Enrollment,
  type PersonMatch,
  type ProgramDetail,
  type ProgramSession,
} from '../api';
import { useSubmission } from '../cases/forms';
import { SubmitButton, useLoad } from '../cases/widgets';
import { formatDate, formatDateTime } from '../i18n/format';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RowButton } from '../shelters/rows';
import { seoulToday } from '../shelters/dialogs';
import { ErrorAlert, StatusMessage, TextField } from '../ui';
import { EndDialog, ProgramDialog, SessionsDialog } from './dialogs';
import { seoulDate } from './schedule';
import { AttendanceLine, ProgramFacts, ProgramStatusBadge } from './widgets';
import '../cases/cases.css';
import './programs.css';

type Open =
  { kind: 'edit' } | { kind: 'sessions' } | { kind: 'end'; enrollment: Enrollment } | null;

type Done =
  | { key: 'saved' | 'sessionsAdded'; count?: number }
  | { key: 'enrolled' | 'completed' | 'dropped'; who: string };

function ClassList({ p, onEnd }: { p: ProgramDetail; onEnd: (e: Enrollment) => void }) {
  const { t } = useTranslation();
  const active = p.enrollments.filter((e) => e.status === 'active');
  return (
    <section className="card" aria-labelledby="class-title">
      <h2 id="class-title">
        {t('program.classTitle', { enrolled: active.length, capacity: p.capacity })}
      </h2>
      {p.pass_rate !== null && (
        <p className="muted">{t('program.passRateIs', { rate: p.pass_rate })}</p>
      )}
      {p.enrollments.length === 0 ? (
        <p>{t('program.noEnrollments')}</p>
      ) : (
        <ul className="program-list">
          {p.enrollments.map((e) => (
            <li key={e.id} className="program-row">
              <div>
                <p>
                  <strong>
                    <Link to={`/people/${encodeURIComponent(e.person_id)}`}>{e.person_label}</Link>
                  </strong>{' '}
                  <span className={`badge enrollment-${e.status}`}>
                    {t(`program.enrollmentStatus.${e.status}`)}
                  </span>
                </p>
                <AttendanceLine e={e} passRate={p.pass_rate} />
                <p className="muted">
                  {e.ended_on
                    ? t('program.enrolledFromTo', {
                        from: formatDate(e.enrolled_on),
                        to: formatDate(e.ended_on),
                      })
                    : t('program.enrolledFrom', { from: formatDate(e.enrolled_on) })}
                </p>
              </div>
              {e.status === 'active' && (
                <RowButton
                  label={t('program.end.open')}
                  who={e.person_label}
                  onClick={() => onEnd(e)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EnrollPanel({
  programId,
  onDone,
}: {
  programId: string;
  onDone: (e: Enrollment) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const search = useSubmission();
  const submit = useSubmission();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonMatch[] | null>(null);
  const [enrolledOn, setEnrolledOn] = useState(seoulToday());
  async function find(e: FormEvent) {
    e.preventDefault();
    const page = await search.run(() => findPeople(q));
    setFound(page ? page.items : null);
  }
  async function add(personId: string) {
    const r = await submit.run(() =>
      enroll(programId, { person_id: personId, enrolled_on: enrolledOn }),
    );
    if (r) {
      setFound(null);
      setQ('');
      onDone(r);
    }
  }
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('program.enroll.title')}</h2>
      <form
        className="form-grid"
        role="search"
        aria-label={t('program.enroll.search')}
        onSubmit={(e) => void find(e)}
        noValidate
      >
        <ErrorAlert error={search.error} />
        <TextField
          label={t('program.enroll.query')}
          hint={t('program.enroll.queryHint')}
          autoComplete="off"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          error={search.error?.fields.q ?? search.error?.fields.code}
        />
        <TextField
          type="date"
          label={t('program.enroll.enrolledOn')}
          value={enrolledOn}
          onChange={(e) => setEnrolledOn(e.target.value)}
          error={submit.error?.fields.enrolled_on}
        />
        <div className="actions">
          <SubmitButton busy={search.busy}>{t('program.enroll.find')}</SubmitButton>
        </div>
      </form>
      <ErrorAlert error={submit.error} />
      <div aria-live="polite">
        {found && (
          <p>
            {found.length === 0
              ? t('program.enroll.noneFound')
              : t('program.enroll.found', { count: found.length })}
          </p>
        )}
      </div>
      {found && found.length > 0 && (
        <ul className="program-list">
          {found.map((m) =>
            isRestrictedStub(m) ? (
              <li key={m.id} className="program-row">
                <p>{t('program.enroll.restricted', { code: m.code })}</p>
              </li>
            ) : (
              <li key={m.id} className="program-row">
                <p>
                  <strong>{m.alias ?? m.legal_name}</strong> <span className="muted">{m.code}</span>
                </p>
                <RowButton
                  primary
                  label={t('program.enroll.add')}
                  who={m.alias ?? m.code}
                  disabled={submit.busy}
                  onClick={() => void add(m.id)}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function SessionList({ p, onAdd }: { p: ProgramDetail; onAdd: () => void }) {
  const { t } = useTranslation();
  const sessions = [...p.session_list].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const label = (s: ProgramSession) => formatDateTime(s.starts_at);
  const today = seoulToday();
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('program.sessionsTitle', { count: sessions.length })}</h2>
      <p>
        <button type="button" onClick={onAdd}>
          {t('program.sessions.open')}
        </button>
      </p>
      {sessions.length === 0 ? (
        <p>{t('program.noSessions')}</p>
      ) : (
        <ul className="program-list">
          {sessions.map((s) => (
            <li key={s.id} className="program-row">
              <div>
                <p>
                  <strong>{label(s)}</strong>{' '}
                  <span className="muted">{t('program.minutes', { count: s.minutes })}</span>
                  {seoulDate(s.starts_at) === today && (
                    <>
                      {' '}
                      <span className="badge">{t('program.today')}</span>
                    </>
                  )}
                </p>
                {s.topic && <p>{s.topic}</p>}
                <p className={s.taken ? undefined : 'muted'}>
                  {s.taken
                    ? t('program.sessionTaken', { present: s.present, absent: s.absent })
                    : t('program.sessionNotTaken')}
                </p>
              </div>
              <Link
                className="button-like button-small"
                to={`/programs/${encodeURIComponent(p.id)}/sessions/${encodeURIComponent(s.id)}`}
              >
                {s.taken ? t('program.sheetEdit') : t('program.sheetTake')}
                <span className="visually-hidden"> {label(s)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ProgramPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const program = useLoad(() => getProgram(programId), [programId]);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<Done | null>(null);
  if (program.error?.status === 404)
    return <NotFoundPage message={program.error.message || undefined} />;
  const p = program.data;
  const reload = () => void program.reload();
  return (
    <div className="page programs">
      <p>
        <Link to="/programs">{t('program.backToList')}</Link>
      </p>
      <ErrorAlert error={program.error} />
      {!p && !program.error && <p role="status">{t('app.loading')}</p>}
      <StatusMessage text={done ? t(`program.done.${done.key}`, done) : ''} />
      {p && (
        <>
          <h1>
            {p.name} <ProgramStatusBadge status={p.status} />
          </h1>
          <ProgramFacts p={p} />
          {p.description && <p className="program-description">{p.description}</p>}
          <p>
            <button
              type="button"
              className="button-secondary button-small"
              onClick={() => setOpen({ kind: 'edit' })}
            >
              {t('program.edit')}
              <span className="visually-hidden"> {p.name}</span>
            </button>
          </p>
          <ClassList p={p} onEnd={(e) => setOpen({ kind: 'end', enrollment: e })} />
          <EnrollPanel
            programId={p.id}
            onDone={(e) => {
              setDone({ key: 'enrolled', who: e.person_label });
              reload();
            }}
          />
          <SessionList p={p} onAdd={() => setOpen({ kind: 'sessions' })} />
          {open?.kind === 'edit' && (
            <ProgramDialog
              program={p}
              onClose={() => setOpen(null)}
              onDone={() => {
                setOpen(null);
                setDone({ key: 'saved' });
                reload();
              }}
            />
          )}
          {open?.kind === 'sessions' && (
            <SessionsDialog
              program={p}
              onClose={() => setOpen(null)}
              onDone={(added) => {
                setOpen(null);
                setDone({ key: 'sessionsAdded', count: added.length });
                reload();
              }}
            />
          )}
          {open?.kind === 'end' && (
            <EndDialog
              enrollment={open.enrollment}
              onClose={() => setOpen(null)}
              onDone={(e) => {
                setOpen(null);
                setDone({
                  key: e.status === 'dropped' ? 'dropped' : 'completed',
                  who: e.person_label,
                });
                reload();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
