// /training/:courseId: one course — its pass rule in words, modules (required ones count for
// the pass rule), sessions in Korea time, the attendance grid of a session, and the trainees
// with their completion as the server derives it and their certificates (issue, download the
// PDF, revoke after asking).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  addModule,
  addSession,
  getCourse,
  listEnrollments,
  updateModule,
  type CourseDetail,
} from '../api';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { fromKoreaLocal } from '../events/model';
import { eventSpan } from '../events/words';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { AttendanceSection } from './AttendanceSection';
import { TraineesSection } from './TraineesSection';
import { sessionsNeeded } from './model';
import { courseDays, courseTitle, moduleTitle } from './words';
import '../campaigns/campaigns.css';

export function CoursePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const loaded = useLoad(() => getCourse(courseId), [courseId]);
  const trainees = useLoad(() => listEnrollments(courseId), [courseId]);
  const c = loaded.data;
  const reloadAll = () => {
    void loaded.reload();
    void trainees.reload();
  };
  return (
    <div className="page training">
      <p>
        <Link to="/training">{t('training.back')}</Link>
      </p>
      <ErrorAlert error={loaded.error} />
      {c && (
        <>
          <div className="page-head">
            <h1>{courseTitle(c)}</h1>
            <Link
              className="campaign-link-button"
              to={`/training/${encodeURIComponent(c.id)}/edit`}
            >
              {t('training.edit')}
            </Link>
          </div>
          <StatusMessage text={saved ? t('training.saved') : ''} />
          <section className="card" aria-labelledby="course-about">
            <h2 id="course-about">{t('training.about')}</h2>
            <dl className="campaign-facts">
              <dt>{t('training.passRuleLabel')}</dt>
              <dd>
                {t('training.passRule', { percent: c.pass_percent })}
                {c.sessions.length > 0 && (
                  <span className="muted">
                    {' '}
                    {t('training.passRuleNow', {
                      needed: sessionsNeeded(c.sessions.length, c.pass_percent),
                      sessions: c.sessions.length,
                    })}
                  </span>
                )}
                {c.modules.some((m) => m.required) && (
                  <span className="muted"> {t('training.requiredRule')}</span>
                )}
              </dd>
              <dt>{t('training.days')}</dt>
              <dd>{courseDays(c) || t('training.noSessionsYet')}</dd>
              <dt>{t('training.organizer')}</dt>
              <dd>{c.organizer.name}</dd>
            </dl>
            {(c.description_ko || c.description_en) && (
              <p className="campaign-text">
                {courseTitle({ title_ko: c.description_ko, title_en: c.description_en })}
              </p>
            )}
          </section>
          <ModulesSection course={c} onDone={reloadAll} />
          <SessionsSection course={c} onDone={reloadAll} />
          <ErrorAlert error={trainees.error} />
          {trainees.data && (
            <>
              <AttendanceSection
                course={c}
                trainees={trainees.data.items}
                onDone={() => void trainees.reload()}
              />
              <TraineesSection course={c} trainees={trainees.data.items} onDone={reloadAll} />
            </>
          )}
        </>
      )}
    </div>
  );
}

function ModulesSection({ course, onDone }: { course: CourseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const toggle = useSubmission();
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [required, setRequired] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, ['title_ko', 'title_en']);
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!titleKo.trim()) return setLocal({ title_ko: t('campaigns.form.required') });
    setLocal({});
    const r = await submit.run(() =>
      addModule(course.id, { title_ko: titleKo.trim(), title_en: titleEn.trim(), required }),
    );
    if (r) {
      setTitleKo('');
      setTitleEn('');
      setRequired(false);
      onDone();
    }
  }
  async function flip(id: string, value: boolean) {
    const r = await toggle.run(() => updateModule(course.id, id, { required: value }));
    if (r) onDone();
  }
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  return (
    <section className="card" aria-labelledby="modules-title">
      <h2 id="modules-title">{t('training.modules.title')}</h2>
      <ErrorAlert error={toggle.error} />
      {modules.length === 0 && <p>{t('training.modules.none')}</p>}
      <ol className="plain-list">
        {modules.map((m) => (
          <li key={m.id}>
            <strong>
              {m.position}. {moduleTitle(m)}
            </strong>
            <div className="checkbox">
              <input
                id={`module-required-${m.id}`}
                type="checkbox"
                checked={m.required}
                disabled={toggle.busy}
                onChange={(e) => void flip(m.id, e.target.checked)}
              />
              <label htmlFor={`module-required-${m.id}`}>
                <span className="visually-hidden">{moduleTitle(m)}: </span>
                {t('training.modules.requiredShort')}
              </label>
            </div>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="module-add">
        <h3 id="module-add">{t('training.modules.addTitle')}</h3>
        <FormError error={submit.error} elsewhere={elsewhere} />
        <div className="form-grid">
          <TextField
            label={t('training.modules.titleKo')}
            value={titleKo}
            maxLength={200}
            error={local.title_ko ?? byField.title_ko}
            onChange={(e) => setTitleKo(e.target.value)}
          />
          <TextField
            label={t('training.modules.titleEn')}
            value={titleEn}
            maxLength={200}
            error={byField.title_en}
            onChange={(e) => setTitleEn(e.target.value)}
          />
          <div className="checkbox">
            <input
              id="module-new-required"
              type="checkbox"
              checked={required}
              onChange={(e) => setRequired(e.target.checked)}
            />
            <label htmlFor="module-new-required">{t('training.modules.required')}</label>
          </div>
          <div className="actions">
            <SubmitButton busy={submit.busy}>{t('training.modules.add')}</SubmitButton>
          </div>
        </div>
      </form>
    </section>
  );
}

function SessionsSection({ course, onDone }: { course: CourseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [venue, setVenue] = useState('');
  const [moduleId, setModuleId] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, [
    'starts_at',
    'ends_at',
    'venue',
    'module_id',
  ]);
  const err = (f: string) => local[f] ?? byField[f];
  const moduleName = (id: string | null) => {
    const m = id ? course.modules.find((x) => x.id === id) : undefined;
    return m ? moduleTitle(m) : t('training.sessions.noModule');
  };
  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    const s = fromKoreaLocal(start);
    const en = fromKoreaLocal(end);
    if (!s) need.starts_at = t('training.sessions.badTime');
    if (!en) need.ends_at = t('training.sessions.badTime');
    if (s && en && new Date(en) <= new Date(s))
      need.ends_at = t('training.sessions.endBeforeStart');
    if (!venue.trim()) need.venue = t('campaigns.form.required');
    setLocal(need);
    if (Object.keys(need).length) return;
    const r = await submit.run(() =>
      addSession(course.id, {
        starts_at: s,
        ends_at: en,
        venue: venue.trim(),
        module_id: moduleId || null,
      }),
    );
    if (r) {
      setStart('');
      setEnd('');
      onDone();
    }
  }
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('training.sessions.title')}</h2>
      {course.sessions.length === 0 && <p>{t('training.sessions.none')}</p>}
      <ol className="plain-list">
        {course.sessions.map((s, i) => (
          <li key={s.id}>
            <strong>{t('training.sessions.nth', { n: i + 1 })}</strong>
            <span>{eventSpan(s)}</span>
            <span>{moduleName(s.module_id)}</span>
            <span className="muted">{s.venue}</span>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="session-add">
        <h3 id="session-add">{t('training.sessions.addTitle')}</h3>
        <FormError error={submit.error} elsewhere={elsewhere} />
        <div className="form-grid">
          <TextField
            label={t('training.sessions.startsAt')}
            type="datetime-local"
            value={start}
            error={err('starts_at')}
            onChange={(e) => setStart(e.target.value)}
          />
          <TextField
            label={t('training.sessions.endsAt')}
            type="datetime-local"
            value={end}
            error={err('ends_at')}
            onChange={(e) => setEnd(e.target.value)}
          />
          <TextField
            label={t('training.sessions.venue')}
            value={venue}
            maxLength={300}
            error={err('venue')}
            onChange={(e) => setVenue(e.target.value)}
          />
          <SelectField
            label={t('training.sessions.module')}
            value={moduleId}
            error={err('module_id')}
            onChange={(e) => setModuleId(e.target.value)}
          >
            <option value="">{t('training.sessions.noModule')}</option>
            {course.modules.map((m) => (
              <option key={m.id} value={m.id}>
                {moduleTitle(m)}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <SubmitButton busy={submit.busy}>{t('training.sessions.add')}</SubmitButton>
          </div>
        </div>
      </form>
    </section>
  );
}
