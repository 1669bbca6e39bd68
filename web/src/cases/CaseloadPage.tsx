// The home of a case worker or supervisor (GET /api/v1/caseload): her open cases with the
// highest risk first, today's and this week's appointments, and the cases nobody has been in
// contact with for 30 days, and the referrals waiting on her organization or on a receiver.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getCaseload } from '../api';
import { DueFollowUpsCard } from '../programs/DueFollowUpsCard';
import { WaitingReferralsCard } from '../referrals/WaitingReferralsCard';
import { useSignedIn } from '../session';
import { ErrorAlert } from '../ui';
import { AppointmentList, CaseTable } from './lists';
import { NotificationsCard } from './NotificationsCard';
import { riskOrder } from './risk';
import { useLoad } from './widgets';

export function CaseloadPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { data, error } = useLoad(getCaseload, []);
  return (
    <div className="page">
      <p className="greeting">{t('home.greeting', { name: user.display_name || user.username })}</p>
      <h1>{t('caseload.title')}</h1>
      <p className="page-links">
        <Link to="/people">{t('caseload.findPerson')}</Link>
        <Link to="/people/new">{t('caseload.registerPerson')}</Link>
        <Link to="/calendar">{t('caseload.calendar')}</Link>
      </p>
      <ErrorAlert error={error} />
      {!data && !error && <p role="status">{t('app.loading')}</p>}
      <NotificationsCard />
      <WaitingReferralsCard />
      <DueFollowUpsCard />
      {data && (
        <>
          <section className="card" aria-labelledby="caseload-open">
            <h2 id="caseload-open">{t('caseload.openCases', { count: data.open_cases.length })}</h2>
            <CaseTable
              cases={riskOrder(data.open_cases)}
              caption={t('caseload.openCasesCaption')}
              empty={t('caseload.noOpenCases')}
            />
          </section>
          <section className="card" aria-labelledby="caseload-today">
            <h2 id="caseload-today">{t('caseload.today')}</h2>
            <AppointmentList
              items={data.appointments_today}
              empty={t('caseload.noAppointmentsToday')}
              showDate={false}
            />
          </section>
          <section className="card" aria-labelledby="caseload-week">
            <h2 id="caseload-week">{t('caseload.week')}</h2>
            <AppointmentList
              items={data.appointments_week}
              empty={t('caseload.noAppointmentsWeek')}
            />
          </section>
          <section className="card" aria-labelledby="caseload-quiet">
            <h2 id="caseload-quiet">{t('caseload.noContact')}</h2>
            <p className="field-hint">{t('caseload.noContactHint')}</p>
            <CaseTable
              cases={data.no_contact_30_days}
              caption={t('caseload.noContactCaption')}
              empty={t('caseload.noContactNone')}
            />
          </section>
        </>
      )}
    </div>
  );
}
