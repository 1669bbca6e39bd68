// The attendance sheet of one session (/programs/:programId/sessions/:sessionId), made for a
// phone first: one large row per woman (alias or code) with present / late / absent / excused
// as a radio group (arrow keys move within it), "all present" for everyone not yet marked, and
// a save bar that stays at the bottom of the screen with how many are marked. The whole class
// is saved in one request, all or nothing; a refusal (a session in the future, a class that
// changed) is shown in the server's words and nothing is saved.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ATTENDANCE_MARKS, getAttendance, saveAttendance, type AttendanceMark } from '../api';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ErrorAlert, StatusMessage } from '../ui';
import {
  countMarks,
  errorsByRow,
  marksChanged,
  marksOf,
  marksToSend,
  markRestPresent,
  type Marks,
} from './schedule';
import './programs.css';

export function AttendancePage() {
  const { t } = useTranslation();
  const { programId = '', sessionId = '' } = useParams();
  const sheet = useLoad(() => getAttendance(sessionId), [sessionId]);
  const submit = useSubmission();
  const [marks, setMarks] = useState<Marks>({});
  const [saved, setSaved] = useState<ReturnType<typeof countMarks> | null>(null);
  const rows = sheet.data?.marks ?? [];
  // The marks last sent: the server names a refused one by its place ("marks.2.status").
  const sent = useRef<ReturnType<typeof marksToSend>>([]);
  // What the server holds becomes the sheet whenever it is (re)loaded.
  useEffect(() => {
    if (sheet.data) setMarks(marksOf(sheet.data.marks));
  }, [sheet.data]);

  if (sheet.error?.status === 404)
    return <NotFoundPage message={sheet.error.message || undefined} />;
  const s = sheet.data?.session;
  const count = countMarks(marks);
  const rowErrors = errorsByRow(submit.error?.fields ?? {}, sent.current);
  const changed = marksChanged(rows, marks);
  const mark = (id: string, m: AttendanceMark) => {
    setSaved(null);
    setMarks((old) => ({ ...old, [id]: m }));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    sent.current = marksToSend(rows, marks);
    const r = await submit.run(() => saveAttendance(sessionId, sent.current));
    if (r) {
      sheet.setData(r);
      setSaved(countMarks(marksOf(r.marks)));
    }
  }

  return (
    <div className="page programs attendance">
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}`}>{t('program.sheet.back')}</Link>
      </p>
      <h1>{t('program.sheet.title')}</h1>
      {s && (
        <p className="attendance-when">
          <strong>{formatDateTime(s.starts_at)}</strong> ·{' '}
          {t('program.minutes', { count: s.minutes })}
          {s.topic && <> · {s.topic}</>}
        </p>
      )}
      <ErrorAlert error={sheet.error} />
      {!sheet.data && !sheet.error && <p role="status">{t('app.loading')}</p>}
      <StatusMessage text={saved ? t('program.sheet.saved', saved.by) : ''} />
      {sheet.data && rows.length === 0 && <p className="card">{t('program.sheet.nobody')}</p>}
      {rows.length > 0 && (
        <>
          <div className="actions">
            <button
              type="button"
              className="button-secondary"
              disabled={count.marked === count.total}
              onClick={() => {
                setSaved(null);
                setMarks(markRestPresent);
              }}
            >
              {t('program.sheet.allPresent')}
            </button>
          </div>
          <p className="field-hint">{t('program.sheet.allPresentHint')}</p>
          <ul className="attendance-list">
            {rows.map((r) => (
              <li key={r.enrollment_id}>
                <fieldset
                  className={[
                    'attendance-row',
                    marks[r.enrollment_id] ? '' : 'attendance-unmarked',
                    rowErrors[r.enrollment_id] ? 'attendance-invalid' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  aria-describedby={
                    rowErrors[r.enrollment_id] ? `row-error-${r.enrollment_id}` : undefined
                  }
                >
                  <legend>{r.person_label}</legend>
                  {rowErrors[r.enrollment_id] && (
                    <p className="field-error" id={`row-error-${r.enrollment_id}`}>
                      {rowErrors[r.enrollment_id]}
                    </p>
                  )}
                  <div className="attendance-options">
                    {ATTENDANCE_MARKS.map((m) => (
                      <label key={m} className={`attendance-option mark-${m}`}>
                        <input
                          type="radio"
                          name={`mark-${r.enrollment_id}`}
                          value={m}
                          checked={marks[r.enrollment_id] === m}
                          onChange={() => mark(r.enrollment_id, m)}
                        />
                        <span>{t(`program.mark.${m}`)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
          <form
            className="attendance-bar"
            aria-label={t('program.sheet.saveBar')}
            onSubmit={(e) => void save(e)}
            noValidate
          >
            <ErrorAlert error={submit.error} />
            <div className="attendance-bar-row">
              <p aria-live="polite">
                <strong>
                  {t('program.sheet.marked', { marked: count.marked, total: count.total })}
                </strong>
                <span className="attendance-tally"> {t('program.sheet.tally', count.by)}</span>
                {changed && (
                  <span className="attendance-unsaved">{t('program.sheet.unsaved')}</span>
                )}
                {/* Beside the button she just pressed; the status line above says it aloud. */}
                {saved && !changed && (
                  <span className="attendance-saved" aria-hidden="true">
                    {t('program.sheet.savedShort')}
                  </span>
                )}
              </p>
              {/* Nothing marked yet: nothing to save. */}
              <button type="submit" disabled={submit.busy || count.marked === 0}>
                {submit.busy ? t('cases.saving') : t('program.sheet.save')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
