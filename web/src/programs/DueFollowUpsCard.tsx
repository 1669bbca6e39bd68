// On the caseload home of a self-reliance center's staff: the job follow-ups (3, 6 and 12
// months after she started work) due within a week or overdue, oldest first, each with her
// alias or code, a link to her page and the result to record, as the shelter home lists its
// follow-ups.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listDueFollowUps, type DueFollowUp } from '../api';
import { useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { seoulToday } from '../shelters/dialogs';
import { ErrorAlert, StatusMessage } from '../ui';
import { FollowUpForm } from './herForms';
import { addDays } from './schedule';
import { useOrgKind } from './widgets';
import './programs.css';

export const FOLLOW_UP_WINDOW_DAYS = 7;

function DueRow({ f, onDone }: { f: DueFollowUp; onDone: () => void }) {
  const { t } = useTranslation();
  const overdue = f.due_on < seoulToday();
  const what = t('program.home.item', {
    who: f.person_label,
    kind: t(`program.outcomeKind.${f.outcome_kind}`),
    months: f.follow_up.months,
  });
  return (
    <li className="program-item">
      <p>
        <strong>
          <Link to={`/people/${encodeURIComponent(f.person_id)}`}>{f.person_label}</Link>
        </strong>{' '}
        {t('program.home.itemRest', {
          kind: t(`program.outcomeKind.${f.outcome_kind}`),
          months: f.follow_up.months,
        })}{' '}
        <span className={overdue ? 'badge follow-up-overdue' : 'badge'}>
          {overdue
            ? t('program.home.overdue', { date: formatDate(f.due_on) })
            : t('program.home.dueOn', { date: formatDate(f.due_on) })}
        </span>
      </p>
      <FollowUpForm followUp={f.follow_up} what={what} onDone={onDone} />
    </li>
  );
}

export function DueFollowUpsCard() {
  const { t } = useTranslation();
  const show = useOrgKind() === 'self_reliance_center';
  const due = useLoad(
    () =>
      show
        ? listDueFollowUps(addDays(seoulToday(), FOLLOW_UP_WINDOW_DAYS))
        : Promise.resolve({ ok: true as const, data: { items: [] as DueFollowUp[] } }),
    [show],
  );
  const [recorded, setRecorded] = useState(false);
  if (!show) return null;
  const items = due.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="due-follow-ups">
      <h2 id="due-follow-ups">{t('program.home.title', { count: items.length })}</h2>
      <p className="field-hint">{t('program.home.hint', { days: FOLLOW_UP_WINDOW_DAYS })}</p>
      <StatusMessage text={recorded ? t('program.her.done.followUp') : ''} />
      <ErrorAlert error={due.error} />
      {due.data && items.length === 0 && <p>{t('program.home.none')}</p>}
      {items.length > 0 && (
        <ul className="program-list">
          {items.map((f) => (
            <DueRow
              key={f.follow_up.id}
              f={f}
              onDone={() => {
                setRecorded(true);
                void due.reload();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
