// Her self-reliance, on her page below her money: the programs she is or was in with her
// attendance, her goals from her plan, her certificates (and recording one), her outcomes —
// a job, a business, a school — with their follow-ups at 3, 6 and 12 months (and recording a
// follow-up or a new outcome), and the money she received by source and kind. An employer's
// name is sealed on the server and never comes back; nothing here shows her legal name.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link } from 'react-router';
import { fileUrl, getSelfReliance, type ProgramOutcome } from '../api';
import { useLoad } from '../cases/widgets';
import { useWon } from '../funds/money';
import { formatDate } from '../i18n/format';
import { seoulToday } from '../shelters/dialogs';
import { ErrorAlert, StatusMessage } from '../ui';
import { CertificateForm, FollowUpForm, OutcomeForm } from './herForms';
import { FOLLOW_UP_WINDOW_DAYS } from './DueFollowUpsCard';
import { addDays } from './schedule';
import { AttendanceLine, useOrgKind } from './widgets';
import './programs.css';

type Done = 'certificate' | 'outcome' | 'followUp';

function OutcomeItem({ o, onDone }: { o: ProgramOutcome; onDone: () => void }) {
  const { t } = useTranslation();
  // A follow-up is recorded once it is near (as the home lists them), not a year ahead.
  const soon = addDays(seoulToday(), FOLLOW_UP_WINDOW_DAYS);
  const label = `${t(`program.outcomeKind.${o.kind}`)} ${formatDate(o.started_on)}`;
  return (
    <li className="program-item">
      <p>
        <strong>{t(`program.outcomeKind.${o.kind}`)}</strong> ·{' '}
        {t('program.her.startedOn', { date: formatDate(o.started_on) })}
      </p>
      {(o.job_kind || o.employer_kind) && (
        <p>
          {[o.job_kind, o.employer_kind ? t(`program.employerKind.${o.employer_kind}`) : null]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {o.school && <p>{o.school}</p>}
      {o.note && <p className="muted">{o.note}</p>}
      {o.follow_ups.length > 0 && (
        <ul className="follow-up-list" aria-label={t('program.her.followUpsOf', { what: label })}>
          {o.follow_ups.map((f) => (
            <li key={f.id}>
              <p>
                {t('program.her.followUp', { months: f.months, date: formatDate(f.due_on) })}{' '}
                <span className={`badge follow-up-${f.status}`}>
                  {t(`program.followUpStatus.${f.status}`)}
                </span>
                {f.checked_on && (
                  <span className="muted">
                    {' '}
                    {t('program.her.checkedOn', { date: formatDate(f.checked_on) })}
                  </span>
                )}
              </p>
              {f.status === 'due' && f.due_on <= soon && (
                <FollowUpForm
                  followUp={f}
                  what={t('program.her.followUp', { months: f.months, date: formatDate(f.due_on) })}
                  onDone={onDone}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function HerSelfReliance({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const won = useWon();
  // Asked for only where self-reliance is the work: each answer is an audited read of her, and
  // elsewhere her money is already on the page (HerMoney).
  const center = useOrgKind() === 'self_reliance_center';
  const data = useLoad(
    () => (center ? getSelfReliance(personId) : Promise.resolve({ ok: true as const, data: null })),
    [personId, center],
  );
  const [done, setDone] = useState<Done | null>(null);
  const d = data.data;
  if (!center) return null;
  const after = (key: Done) => {
    setDone(key);
    void data.reload();
  };
  const total = (d?.money ?? []).reduce((s, m) => s + m.paid, 0);
  return (
    <section className="card program-her" aria-labelledby="her-self-reliance-title">
      <h2 id="her-self-reliance-title">{t('program.her.title')}</h2>
      <StatusMessage text={done ? t(`program.her.done.${done}`) : ''} />
      <ErrorAlert error={data.error} />
      {!d && !data.error && <p role="status">{t('app.loading')}</p>}
      {d && (
        <>
          <h3>{t('program.her.programsTitle')}</h3>
          {d.enrollments.length === 0 ? (
            <p>{t('program.her.noPrograms')}</p>
          ) : (
            <ul className="program-list">
              {d.enrollments.map((e) => (
                <li key={e.id} className="program-item">
                  <p>
                    <strong>
                      <Link to={`/programs/${encodeURIComponent(e.program_id)}`}>
                        {e.program_name}
                      </Link>
                    </strong>{' '}
                    <span className={`badge enrollment-${e.status}`}>
                      {t(`program.enrollmentStatus.${e.status}`)}
                    </span>
                  </p>
                  <AttendanceLine e={e} />
                  <p className="muted">
                    {e.ended_on
                      ? t('program.enrolledFromTo', {
                          from: formatDate(e.enrolled_on),
                          to: formatDate(e.ended_on),
                        })
                      : t('program.enrolledFrom', { from: formatDate(e.enrolled_on) })}
                  </p>
                </li>
              ))}
            </ul>
          )}

          {d.goals.length > 0 && (
            <>
              <h3>{t('program.her.goalsTitle')}</h3>
              <ul>
                {d.goals.map((g) => (
                  <li key={g.id}>
                    {g.title} <span className="badge">{t(`goals.statuses.${g.status}`)}</span>
                    {g.target_date && (
                      <span className="muted">
                        {' '}
                        {t('program.her.goalBy', { date: formatDate(g.target_date) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3>{t('program.her.certificatesTitle')}</h3>
          {d.certificates.length === 0 ? (
            <p>{t('program.her.noCertificates')}</p>
          ) : (
            <ul className="program-list">
              {d.certificates.map((c) => (
                <li key={c.id} className="program-item">
                  <p>
                    <strong>{c.name}</strong> ·{' '}
                    {t('program.her.obtainedOn', { date: formatDate(c.obtained_on) })}
                  </p>
                  {c.enrollment_id && (
                    <p className="muted">
                      {d.enrollments.find((e) => e.id === c.enrollment_id)?.program_name}
                    </p>
                  )}
                  {c.file_id && (
                    <p>
                      <a href={fileUrl(c.file_id)}>
                        {t('program.her.certificateScan')}
                        <span className="visually-hidden"> {c.name}</span>
                      </a>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <CertificateForm
            personId={personId}
            enrollments={d.enrollments}
            onDone={() => after('certificate')}
          />

          <h3>{t('program.her.outcomesTitle')}</h3>
          {d.outcomes.length === 0 ? (
            <p>{t('program.her.noOutcomes')}</p>
          ) : (
            <ul className="program-list">
              {d.outcomes.map((o) => (
                <OutcomeItem key={o.id} o={o} onDone={() => after('followUp')} />
              ))}
            </ul>
          )}
          <OutcomeForm personId={personId} onDone={() => after('outcome')} />

          <h3>{t('program.her.moneyTitle')}</h3>
          {d.money.length === 0 ? (
            <p>{t('program.her.noMoney')}</p>
          ) : (
            <div
              className="table-wrap program-money"
              tabIndex={0}
              role="region"
              aria-labelledby="her-money-caption"
            >
              <table>
                <caption id="her-money-caption">{t('program.her.moneyCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('program.her.moneySource')}</th>
                    <th scope="col">{t('program.her.moneyKind')}</th>
                    <th scope="col">{t('program.her.moneyPaid')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.money.map((m) => (
                    <tr key={`${m.source_id}-${m.kind}`}>
                      <td>{m.source_name}</td>
                      <td>{t(`fund.kind.${m.kind}`)}</td>
                      <td>{won(m.paid)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('program.her.moneyTotal')}
                    </th>
                    <td>{won(total)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
