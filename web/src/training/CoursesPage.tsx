// /training: the organization's activist training courses, newest first: their days, pass rule
// in words, and how many sessions, trainees and certificates each has.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listCourses } from '../api';
import { useLoad } from '../cases/widgets';
import { ErrorAlert } from '../ui';
import { courseDays, courseTitle } from './words';
import '../campaigns/campaigns.css';

export function CoursesPage() {
  const { t } = useTranslation();
  const courses = useLoad(() => listCourses(), []);
  const items = courses.data?.items ?? [];
  return (
    <div className="page training">
      <div className="page-head">
        <h1>{t('training.title')}</h1>
        <Link className="campaign-link-button" to="/training/new">
          {t('training.new')}
        </Link>
      </div>
      <p className="page-intro">{t('training.intro')}</p>
      <ErrorAlert error={courses.error} />
      {courses.data && items.length === 0 && <p>{t('training.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('training.listLabel')}>
          <table>
            <caption className="visually-hidden">{t('training.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.course')}</th>
                <th scope="col">{t('training.days')}</th>
                <th scope="col">{t('training.passRuleLabel')}</th>
                <th scope="col">{t('training.numbers')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/training/${encodeURIComponent(c.id)}`}>{courseTitle(c)}</Link>
                  </th>
                  <td>{courseDays(c) || t('training.noSessionsYet')}</td>
                  <td>{t('training.passRule', { percent: c.pass_percent })}</td>
                  <td>
                    {t('training.countsLine', {
                      sessions: c.counts.sessions,
                      trainees: c.counts.enrollments,
                      certificates: c.counts.certificates,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
