// /events/:eventId: one event — when and where, its counts (registered, waitlisted, checked in,
// against the capacity) as a small bar chart with the same numbers in words, the attendee list
// (by the name the API gives: her alias when she registered under one), a registration added by
// staff (with its QR ticket, shown once), and cancelling one (naming whoever the waitlist
// promoted). The check-in screen for the door is one tap away.
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  addRegistration,
  cancelRegistration,
  getNetworkEvent,
  listRegistrations,
  REGISTRATION_ROLES,
  type CreatedRegistration,
  type EventCounts,
  type NetworkEvent,
  type Registration,
  type RegistrationRole,
} from '../api';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { BarChart, ConfirmDialog, ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { TicketQr } from './TicketQr';
import { eventSpan, eventTitle, useRegionName } from './words';
import './events.css';

function Counts({ counts, capacity }: { counts: EventCounts; capacity: number | null }) {
  const { t } = useTranslation();
  const rows = [
    { label: t('events.status.registered'), values: [counts.registered] },
    { label: t('events.status.waitlisted'), values: [counts.waitlisted] },
    { label: t('events.page.checkedIn'), values: [counts.checked_in] },
    { label: t('events.page.capacity'), values: [capacity] },
  ];
  return (
    <section className="card" aria-labelledby="event-counts-title">
      <h2 id="event-counts-title">{t('events.page.countsTitle')}</h2>
      <div className="event-counts">
        <BarChart
          title={t('events.page.chartTitle')}
          series={[t('events.page.count')]}
          rows={rows}
          format={(n) => t('events.people', { n })}
          none={t('events.unlimited')}
        />
        <dl className="facts">
          {rows.map((r) => (
            <Fragment key={r.label}>
              <dt>{r.label}</dt>
              <dd>
                {r.values[0] === null
                  ? t('events.page.noCapacity')
                  : t('events.people', { n: r.values[0] })}
              </dd>
            </Fragment>
          ))}
        </dl>
      </div>
    </section>
  );
}

function AddRegistration({
  eventId,
  onAdded,
}: {
  eventId: string;
  onAdded: (r: CreatedRegistration) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const empty = {
    name: '',
    contact: '',
    alias: '',
    role: 'attendee' as RegistrationRole,
    photo: false,
  };
  const [v, setV] = useState(empty);
  const [missing, setMissing] = useState('');
  const { byField, elsewhere } = placeFieldErrors(submit.error, [
    'name',
    'contact',
    'alias',
    'role',
  ]);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!v.name.trim()) {
      setMissing(t('events.form.required'));
      return;
    }
    setMissing('');
    const r = await submit.run(() =>
      addRegistration(eventId, {
        name: v.name.trim(),
        contact: optional(v.contact),
        alias: optional(v.alias),
        role: v.role,
        photo_consent: v.photo,
      }),
    );
    if (r) {
      setV(empty);
      onAdded(r);
    }
  }

  return (
    <section className="card" aria-labelledby="event-add-title">
      <h2 id="event-add-title">{t('events.add.title')}</h2>
      <form onSubmit={(e) => void send(e)} noValidate>
        <FormError error={submit.error} elsewhere={elsewhere} />
        <div className="form-grid">
          <TextField
            label={t('events.add.name')}
            value={v.name}
            required
            maxLength={200}
            error={missing || byField.name}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
          <TextField
            label={t('events.add.alias')}
            hint={t('events.add.aliasHint')}
            value={v.alias}
            maxLength={100}
            error={byField.alias}
            onChange={(e) => setV({ ...v, alias: e.target.value })}
          />
          <TextField
            label={t('events.add.contact')}
            hint={t('events.add.contactHint')}
            value={v.contact}
            maxLength={300}
            error={byField.contact}
            onChange={(e) => setV({ ...v, contact: e.target.value })}
          />
          <SelectField
            label={t('events.add.role')}
            value={v.role}
            error={byField.role}
            onChange={(e) => setV({ ...v, role: e.target.value as RegistrationRole })}
          >
            {REGISTRATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`events.role.${r}`)}
              </option>
            ))}
          </SelectField>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={v.photo}
              onChange={(e) => setV({ ...v, photo: e.target.checked })}
            />
            {t('events.add.photoConsent')}
          </label>
          <div className="actions field-wide">
            <SubmitButton busy={submit.busy}>{t('events.add.submit')}</SubmitButton>
          </div>
        </div>
      </form>
    </section>
  );
}

function RegistrationRow({
  r,
  onCancel,
}: {
  r: Registration;
  onCancel: (r: Registration) => void;
}) {
  const { t } = useTranslation();
  return (
    <tr className={r.status === 'cancelled' ? 'row-disabled' : undefined}>
      <th scope="row">
        {r.name}
        {r.alias && <span className="event-alias"> {t('events.registrations.alias')}</span>}
      </th>
      <td className="event-ref">{r.reference}</td>
      <td>{t(`events.role.${r.role}`)}</td>
      <td>
        <span className={`event-status event-status-${r.status}`}>
          {t(`events.status.${r.status}`)}
        </span>
      </td>
      <td>
        {r.checked_in_at
          ? `${formatDateTime(r.checked_in_at)}${r.check_in_method ? ` · ${t(`events.method.${r.check_in_method}`)}` : ''}`
          : t('events.registrations.notYet')}
      </td>
      <td>
        {r.source === 'public'
          ? t('events.registrations.sourcePublic')
          : t('events.registrations.sourceStaff')}
      </td>
      <td>
        {r.status !== 'cancelled' && !r.checked_in_at && (
          <button
            type="button"
            className="button-secondary button-small"
            aria-label={`${t('events.registrations.cancel')}: ${r.name}`}
            onClick={() => onCancel(r)}
          >
            {t('events.registrations.cancel')}
          </button>
        )}
      </td>
    </tr>
  );
}

function Registrations({ event, onChange }: { event: NetworkEvent; onChange: () => void }) {
  const { t } = useTranslation();
  const list = useLoad(() => listRegistrations(event.id), [event.id]);
  const [added, setAdded] = useState<CreatedRegistration | null>(null);
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const [message, setMessage] = useState('');
  const cancel = useSubmission();
  const items = list.data?.items ?? [];

  async function confirmCancel() {
    if (!cancelling) return;
    const r = await cancel.run(() => cancelRegistration(event.id, cancelling.id));
    if (!r) return;
    setCancelling(null);
    setMessage(
      [
        t('events.registrations.cancelled', { name: r.registration.name }),
        r.promoted
          ? t('events.registrations.promoted', { name: r.promoted.name })
          : t('events.registrations.noPromoted'),
      ].join(' '),
    );
    void list.reload();
    onChange();
  }

  return (
    <>
      <section className="card" aria-labelledby="event-list-title">
        <h2 id="event-list-title">{t('events.registrations.title')}</h2>
        <StatusMessage text={message} />
        <ErrorAlert error={list.error} />
        {list.data && items.length === 0 ? (
          <p>{t('events.registrations.none')}</p>
        ) : (
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('events.registrations.caption')}
          >
            <table className="events-table">
              <caption>{t('events.registrations.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.registrations.name')}</th>
                  <th scope="col">{t('events.registrations.reference')}</th>
                  <th scope="col">{t('events.registrations.role')}</th>
                  <th scope="col">{t('events.registrations.status')}</th>
                  <th scope="col">{t('events.registrations.checkedIn')}</th>
                  <th scope="col">{t('events.registrations.source')}</th>
                  <th scope="col">{t('events.registrations.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <RegistrationRow key={r.id} r={r} onCancel={setCancelling} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddRegistration
        eventId={event.id}
        onAdded={(r) => {
          setAdded(r);
          setMessage(
            t(r.status === 'waitlisted' ? 'events.add.addedWaitlisted' : 'events.add.added', {
              name: r.name,
              reference: r.reference,
            }),
          );
          void list.reload();
          onChange();
        }}
      />
      {added && (
        <section className="card event-ticket" aria-labelledby="event-ticket-title">
          <h2 id="event-ticket-title">{t('events.add.ticket', { reference: added.reference })}</h2>
          <TicketQr
            svg={added.ticket_qr_svg}
            label={t('events.add.ticket', { reference: added.reference })}
          />
          <p className="event-ref event-ref-large">{added.reference}</p>
          <p className="field-hint">{t('events.add.ticketOnce')}</p>
        </section>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        title={t('events.registrations.cancelTitle')}
        confirmLabel={t('events.registrations.cancelConfirm')}
        cancelLabel={t('events.registrations.keep')}
        busy={cancel.busy}
        onConfirm={() => void confirmCancel()}
        onClose={() => {
          setCancelling(null);
          cancel.setError(null);
        }}
      >
        <p>{t('events.registrations.cancelBody', { name: cancelling?.name ?? '' })}</p>
        <ErrorAlert error={cancel.error} />
      </ConfirmDialog>
    </>
  );
}

export function EventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const location = useLocation();
  const region = useRegionName();
  const event = useLoad(() => getNetworkEvent(eventId), [eventId]);
  const e = event.data;
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  return (
    <div className="page events">
      <p>
        <Link to="/events">{t('events.page.back')}</Link>
      </p>
      <ErrorAlert error={event.error} />
      {e && (
        <>
          <div className="page-head">
            <h1>{eventTitle(e)}</h1>
          </div>
          <StatusMessage text={saved ? t('events.form.saved') : ''} />
          <dl className="facts">
            <dt>{t('events.form.kind')}</dt>
            <dd>{t(`events.kind.${e.kind}`)}</dd>
            <dt>{t('events.when')}</dt>
            <dd>{eventSpan(e)}</dd>
            <dt>{t('events.where')}</dt>
            <dd>
              {e.venue} · {region(e.region)}
            </dd>
            <dt>{t('events.page.organizer')}</dt>
            <dd>{e.organizer.name}</dd>
            <dt>{t('events.state')}</dt>
            <dd>
              {e.published ? t('events.published') : t('events.unpublished')} ·{' '}
              {e.registration_open ? t('events.registrationOpen') : t('events.registrationClosed')}
            </dd>
          </dl>
          <div className="actions">
            <Link
              className="event-link-button event-checkin-link"
              to={`/events/${encodeURIComponent(e.id)}/check-in`}
            >
              {t('events.page.checkIn')}
            </Link>
            <Link
              className="event-link-button event-link-button-secondary"
              to={`/events/${encodeURIComponent(e.id)}/edit`}
            >
              {t('events.page.edit')}
            </Link>
          </div>
          <Counts counts={e.counts} capacity={e.capacity} />
          <Registrations event={e} onChange={() => void event.reload()} />
        </>
      )}
    </div>
  );
}
