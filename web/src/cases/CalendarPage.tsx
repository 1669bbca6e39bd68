// Appointments by week or month, for me or the whole organization. The grid is a table with a
// heading for every day, its entries are links (no arrow-key widget to learn), and the same
// appointments can be shown as a plain list, day by day, which reads better with a screen
// reader. The period, scope and display live in the address.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listAppointments, type Appointment, type AppointmentScope } from '../api';
import { currentLanguage } from '../i18n';
import { ErrorAlert } from '../ui';
import {
  addDays,
  addMonths,
  byDay,
  dayLabel,
  formatDay,
  inMonth,
  isDay,
  monthLabel,
  monthRange,
  seoulDay,
  seoulTime,
  weekdayLabel,
  weekRange,
  type Day,
} from './calendar';
import { AppointmentList, personLabel } from './lists';
import { useLoad } from './widgets';

type View = 'week' | 'month';
type Display = 'grid' | 'list';

export function CalendarPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params] = useSearchParams();
  const today = seoulDay(new Date());
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  const scope: AppointmentScope = params.get('scope') === 'organization' ? 'organization' : 'me';
  const display: Display = params.get('display') === 'list' ? 'list' : 'grid';
  const date = params.get('date');
  const day: Day = isDay(date) ? date : today;
  const range = view === 'week' ? weekRange(day) : monthRange(day);
  const appointments = useLoad(
    () => listAppointments(range.from, range.to, scope),
    [range.from, range.to, scope],
  );

  const href = (
    change: Partial<{ view: View; scope: AppointmentScope; display: Display; date: Day }>,
  ) => `?${new URLSearchParams({ view, scope, display, date: day, ...change })}`;
  const step = (n: number) => (view === 'week' ? addDays(day, 7 * n) : addMonths(day, n));
  const title =
    view === 'week'
      ? t('calendar.weekOf', {
          from: formatDay(range.first),
          to: formatDay(addDays(range.end, -1)),
        })
      : monthLabel(day, lang);
  const items = appointments.data?.items ?? [];
  const grouped = byDay(items);

  return (
    <div className="page">
      <h1>{t('calendar.title')}</h1>
      <nav className="calendar-controls" aria-label={t('calendar.controls')}>
        <ul className="segmented" aria-label={t('calendar.viewLabel')}>
          {(['week', 'month'] as const).map((v) => (
            <li key={v}>
              <Link to={href({ view: v })} aria-current={v === view ? 'true' : undefined}>
                {t(`calendar.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
        <ul className="segmented" aria-label={t('calendar.scopeLabel')}>
          {(['me', 'organization'] as const).map((s) => (
            <li key={s}>
              <Link to={href({ scope: s })} aria-current={s === scope ? 'true' : undefined}>
                {t(`calendar.scopes.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
        <ul className="segmented" aria-label={t('calendar.displayLabel')}>
          {(['grid', 'list'] as const).map((d) => (
            <li key={d}>
              <Link to={href({ display: d })} aria-current={d === display ? 'true' : undefined}>
                {t(`calendar.displays.${d}`)}
              </Link>
            </li>
          ))}
        </ul>
        <ul className="segmented" aria-label={t('calendar.periodLabel')}>
          <li>
            <Link to={href({ date: step(-1) })}>{t(`calendar.previous.${view}`)}</Link>
          </li>
          <li>
            <Link to={href({ date: today })}>{t('calendar.today')}</Link>
          </li>
          <li>
            <Link to={href({ date: step(1) })}>{t(`calendar.next.${view}`)}</Link>
          </li>
        </ul>
      </nav>
      <h2 aria-live="polite">{title}</h2>
      <ErrorAlert error={appointments.error} />
      {!appointments.data && !appointments.error && <p role="status">{t('app.loading')}</p>}
      {appointments.data && display === 'list' && (
        <DayList
          days={range.days.flat().filter((d) => view === 'week' || inMonth(d, day))}
          grouped={grouped}
          today={today}
        />
      )}
      {appointments.data && display === 'grid' && (
        <div className="table-wrap calendar-wrap" role="region" aria-label={title} tabIndex={0}>
          <table className={`calendar calendar-${view}`}>
            <caption>{t('calendar.caption', { period: title, count: items.length })}</caption>
            <thead>
              <tr>
                {range.days[0]!.map((d) => (
                  <th scope="col" key={d}>
                    {view === 'week' ? dayLabel(d, lang) : weekdayLabel(d, lang)}
                    {view === 'week' && d === today && (
                      <span className="tag">{t('calendar.todayTag')}</span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {range.days.map((week) => (
                <tr key={week[0]}>
                  {week.map((d) => (
                    <td
                      key={d}
                      className={
                        [
                          d === today ? 'today' : '',
                          view === 'month' && !inMonth(d, day) ? 'other-month' : '',
                        ]
                          .join(' ')
                          .trim() || undefined
                      }
                    >
                      {view === 'month' && (
                        <p className="calendar-day">
                          {dayLabel(d, lang)}
                          {d === today && <span className="tag">{t('calendar.todayTag')}</span>}
                        </p>
                      )}
                      <Entries items={grouped.get(d) ?? []} full={view === 'week'} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Entries({ items, full }: { items: Appointment[]; full: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="calendar-entries">
      {items.map((a) => (
        <li key={a.id} className={a.status === 'cancelled' ? 'cancelled' : undefined}>
          <Link to={`/cases/${encodeURIComponent(a.case_id)}/appointments`}>
            {seoulTime(a.starts_at)} {t(`calendar.kinds.${a.kind}`)} · {a.case_number}
          </Link>
          {a.status !== 'scheduled' && (
            <span className="tag">{t(`calendar.statuses.${a.status}`)}</span>
          )}
          {full && (
            <span className="calendar-person">
              {a.person ? personLabel(a.person) : t('cases.restrictedHidden')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function DayList({
  days,
  grouped,
  today,
}: {
  days: Day[];
  grouped: Map<Day, Appointment[]>;
  today: Day;
}) {
  const { t } = useTranslation();
  const withItems = days.filter((d) => grouped.has(d));
  if (withItems.length === 0) return <p>{t('calendar.none')}</p>;
  return (
    <>
      {withItems.map((d) => (
        <section key={d} aria-labelledby={`day-${d}`}>
          <h3 id={`day-${d}`}>
            {formatDay(d)} {d === today && <span className="tag">{t('calendar.todayTag')}</span>}
          </h3>
          <AppointmentList items={grouped.get(d)!} empty="" showDate={false} />
        </section>
      ))}
    </>
  );
}
