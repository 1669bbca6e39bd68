// The attendance grid of one session: a row per trainee with present / absent / excused as a
// radio group (arrow keys move within it, Tab to the next trainee), saved in one request that
// sends the marks changed. Sending the same marks again changes nothing (the API is idempotent).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  markAttendance,
  type AttendanceStatus,
  type CourseDetail,
  type Trainee,
} from '../api';
import { useSubmission } from '../cases/forms';
import { SubmitButton } from '../cases/widgets';
import { eventSpan } from '../events/words';
import { ErrorAlert, SelectField, StatusMessage } from '../ui';
import { changedMarks } from './model';

export function AttendanceSection({
  course,
  trainees,
  onDone,
}: {
  course: CourseDetail;
  trainees: Trainee[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [sessionId, setSessionId] = useState(course.sessions.at(-1)?.id ?? '');
  const [draft, setDraft] = useState<Record<string, AttendanceStatus>>({});
  const [said, setSaid] = useState('');
  const session = course.sessions.find((s) => s.id === sessionId);
  const value = (e: Trainee) => draft[e.id] ?? e.attendance[sessionId];

  async function save(ev: FormEvent) {
    ev.preventDefault();
    const marks = changedMarks(trainees, sessionId, draft);
    if (marks.length === 0) {
      setSaid(t('training.attendance.nothingChanged'));
      return;
    }
    const r = await submit.run(() => markAttendance(course.id, sessionId, marks));
    if (r) {
      setDraft({});
      setSaid(
        r.changed === 0
          ? t('training.attendance.nothingChanged')
          : t('training.attendance.saved', { n: r.changed }),
      );
      onDone();
    }
  }

  if (course.sessions.length === 0 || trainees.length === 0) return null;
  const sessionIndex = course.sessions.findIndex((s) => s.id === sessionId);
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('training.attendance.title')}</h2>
      <SelectField
        label={t('training.attendance.session')}
        value={sessionId}
        onChange={(e) => {
          setSessionId(e.target.value);
          setDraft({});
          setSaid('');
        }}
      >
        {course.sessions.map((s, i) => (
          <option key={s.id} value={s.id}>
            {t('training.sessions.nth', { n: i + 1 })} · {eventSpan(s)}
          </option>
        ))}
      </SelectField>
      <form onSubmit={(e) => void save(e)} noValidate>
        <StatusMessage text={said} />
        <ErrorAlert error={submit.error} />
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('training.attendance.gridLabel', { n: sessionIndex + 1 })}
        >
          <table className="attendance-grid">
            <caption className="visually-hidden">
              {t('training.attendance.gridLabel', { n: sessionIndex + 1 })}
              {session ? ` · ${eventSpan(session)}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('training.trainees.name')}</th>
                <th scope="col">{t('training.attendance.mark')}</th>
              </tr>
            </thead>
            <tbody>
              {trainees.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.name}</th>
                  <td>
                    <fieldset className="attendance-choices">
                      <legend className="visually-hidden">
                        {t('training.attendance.of', { name: e.name })}
                      </legend>
                      {ATTENDANCE_STATUSES.map((s) => (
                        <label key={s} className="attendance-choice">
                          <input
                            type="radio"
                            name={`att-${sessionId}-${e.id}`}
                            value={s}
                            checked={value(e) === s}
                            onChange={() => setDraft((d) => ({ ...d, [e.id]: s }))}
                          />
                          {t(`training.attendance.status.${s}`)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('training.attendance.save')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
