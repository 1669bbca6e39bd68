// /events: the organization's events, upcoming ones first (soonest at the top) and past ones
// below; each with its kind, Korea time, venue, how many are registered against the capacity,
// and whether it is published and taking registrations.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listNetworkEvents, type NetworkEvent } from '../api';
import { useLoad } from '../cases/widgets';
import { ErrorAlert } from '../ui';
import { splitEvents } from './model';
import { eventSpan, eventTitle, useRegionName } from './words';
import './events.css';

function EventTable({ caption, events }: { caption: string; events: NetworkEvent[] }) {
  const { t } = useTranslation();
  const region = useRegionName();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="events-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.when')}</th>
            <th scope="col">{t('events.event')}</th>
            <th scope="col">{t('events.where')}</th>
            <th scope="col">{t('events.registered')}</th>
            <th scope="col">{t('events.state')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{eventSpan(e)}</td>
              <th scope="row">
                <Link to={`/events/${encodeURIComponent(e.id)}`}>{eventTitle(e)}</Link>
                <span className="muted event-kind">{t(`events.kind.${e.kind}`)}</span>
              </th>
              <td>
                {e.venue}
                <span className="muted"> · {region(e.region)}</span>
              </td>
              <td>
                {t('events.people', { n: e.counts.registered })}
                {' / '}
                {e.capacity === null
                  ? t('events.unlimited')
                  : t('events.people', { n: e.capacity })}
              </td>
              <td>
                <span className={`event-flag ${e.published ? 'event-flag-on' : ''}`}>
                  {e.published ? t('events.published') : t('events.unpublished')}
                </span>{' '}
                <span className={`event-flag ${e.registration_open ? 'event-flag-on' : ''}`}>
                  {e.registration_open
                    ? t('events.registrationOpen')
                    : t('events.registrationClosed')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EventsPage() {
  const { t } = useTranslation();
  const events = useLoad(() => listNetworkEvents(), []);
  const { upcoming, past } = splitEvents(events.data?.items ?? [], new Date());
  return (
    <div className="page events">
      <div className="page-head">
        <h1>{t('events.title')}</h1>
        <Link className="event-link-button" to="/events/new">
          {t('events.new')}
        </Link>
      </div>
      <p className="page-intro">{t('events.intro')}</p>
      <ErrorAlert error={events.error} />
      {[['upcoming', upcoming] as const, ['past', past] as const].map(([group, list]) => (
        <section key={group} className="card" aria-labelledby={`events-${group}`}>
          <h2 id={`events-${group}`}>{t(`events.${group}`)}</h2>
          {events.data && list.length === 0 ? (
            <p>{t('events.none')}</p>
          ) : (
            list.length > 0 && (
              <EventTable
                caption={t('events.listLabel', { group: t(`events.${group}`) })}
                events={list}
              />
            )
          )}
        </section>
      ))}
    </div>
  );
}
