// /events/new and /events/:eventId/edit: an event's kind, its Korean and English titles and
// descriptions, its start and end in Korea time, venue, region, capacity (empty: no limit),
// whether it takes registrations and whether it is published. The server's field errors land
// beside their fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  createNetworkEvent,
  getNetworkEvent,
  NETWORK_EVENT_KINDS,
  REGIONS,
  updateNetworkEvent,
  type ApiResult,
  type EventFields,
  type NetworkEvent,
  type NetworkEventKind,
} from '../api';
import { placeFieldErrors, useSubmission, wholeNumber } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import { fromKoreaLocal, toKoreaLocal } from './model';
import { eventTitle, useRegionName } from './words';
import './events.css';

const FIELDS = [
  'kind',
  'title_ko',
  'title_en',
  'description_ko',
  'description_en',
  'starts_at',
  'ends_at',
  'venue',
  'region',
  'capacity',
];

interface Values {
  kind: NetworkEventKind;
  title_ko: string;
  title_en: string;
  description_ko: string;
  description_en: string;
  starts_at: string; // datetime-local, Korea time
  ends_at: string;
  venue: string;
  region: string;
  capacity: string;
  registration_open: boolean;
  published: boolean;
}

const blank: Values = {
  kind: 'forum',
  title_ko: '',
  title_en: '',
  description_ko: '',
  description_en: '',
  starts_at: '',
  ends_at: '',
  venue: '',
  region: '',
  capacity: '',
  registration_open: false,
  published: false,
};

const valuesOf = (e: NetworkEvent): Values => ({
  kind: e.kind,
  title_ko: e.title_ko,
  title_en: e.title_en,
  description_ko: e.description_ko,
  description_en: e.description_en,
  starts_at: toKoreaLocal(e.starts_at),
  ends_at: toKoreaLocal(e.ends_at),
  venue: e.venue,
  region: e.region,
  capacity: e.capacity === null ? '' : String(e.capacity),
  registration_open: e.registration_open,
  published: e.published,
});

function EventForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: Values;
  submitLabel: string;
  onSubmit: (body: EventFields) => Promise<ApiResult<NetworkEvent>>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const region = useRegionName();
  const submit = useSubmission();
  const [v, setV] = useState<Values>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, FIELDS);
  const err = (f: string) => local[f] ?? byField[f];

  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    for (const f of ['title_ko', 'starts_at', 'ends_at', 'venue', 'region'] as const)
      if (!v[f].trim()) need[f] = t('events.form.required');
    const starts = fromKoreaLocal(v.starts_at);
    const ends = fromKoreaLocal(v.ends_at);
    if (starts && ends && new Date(ends) <= new Date(starts))
      need.ends_at = t('events.form.endBeforeStart');
    const capacity = wholeNumber(v.capacity);
    if (capacity !== undefined && !(capacity >= 1)) need.capacity = t('events.form.badCapacity');
    setLocal(need);
    if (Object.keys(need).length) return;
    const body: EventFields = {
      kind: v.kind,
      title_ko: v.title_ko.trim(),
      title_en: v.title_en.trim(),
      description_ko: v.description_ko.trim(),
      description_en: v.description_en.trim(),
      starts_at: starts,
      ends_at: ends,
      venue: v.venue.trim(),
      region: v.region,
      capacity: capacity ?? null,
      registration_open: v.registration_open,
      published: v.published,
    };
    const saved = await submit.run(() => onSubmit(body));
    if (saved) void navigate(`/events/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
  }

  return (
    <form onSubmit={(e) => void send(e)} noValidate className="card">
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <SelectField
          label={t('events.form.kind')}
          value={v.kind}
          error={err('kind')}
          onChange={(e) => setV({ ...v, kind: e.target.value as NetworkEventKind })}
        >
          {NETWORK_EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`events.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('events.form.titleKo')}
          value={v.title_ko}
          error={err('title_ko')}
          required
          maxLength={200}
          onChange={(e) => setV({ ...v, title_ko: e.target.value })}
        />
        <TextField
          label={t('events.form.titleEn')}
          value={v.title_en}
          error={err('title_en')}
          maxLength={200}
          lang="en"
          onChange={(e) => setV({ ...v, title_en: e.target.value })}
        />
        <TextField
          label={t('events.form.startsAt')}
          type="datetime-local"
          value={v.starts_at}
          error={err('starts_at')}
          required
          onChange={(e) => setV({ ...v, starts_at: e.target.value })}
        />
        <TextField
          label={t('events.form.endsAt')}
          type="datetime-local"
          value={v.ends_at}
          error={err('ends_at')}
          required
          onChange={(e) => setV({ ...v, ends_at: e.target.value })}
        />
        <TextField
          label={t('events.form.venue')}
          value={v.venue}
          error={err('venue')}
          required
          maxLength={300}
          onChange={(e) => setV({ ...v, venue: e.target.value })}
        />
        <SelectField
          label={t('events.form.region')}
          value={v.region}
          error={err('region')}
          required
          onChange={(e) => setV({ ...v, region: e.target.value })}
        >
          <option value="">–</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {region(r)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('events.form.capacity')}
          hint={t('events.form.capacityHint')}
          inputMode="numeric"
          value={v.capacity}
          error={err('capacity')}
          onChange={(e) => setV({ ...v, capacity: e.target.value })}
        />
        <TextAreaField
          wide
          label={t('events.form.descriptionKo')}
          value={v.description_ko}
          error={err('description_ko')}
          maxLength={4000}
          onChange={(e) => setV({ ...v, description_ko: e.target.value })}
        />
        <TextAreaField
          wide
          label={t('events.form.descriptionEn')}
          value={v.description_en}
          error={err('description_en')}
          maxLength={4000}
          lang="en"
          onChange={(e) => setV({ ...v, description_en: e.target.value })}
        />
        <div className="field-wide">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={v.registration_open}
              onChange={(e) => setV({ ...v, registration_open: e.target.checked })}
            />
            {t('events.form.registrationOpen')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={v.published}
              aria-describedby="event-published-hint"
              onChange={(e) => setV({ ...v, published: e.target.checked })}
            />
            {t('events.form.published')}
          </label>
          <p className="field-hint" id="event-published-hint">
            {t('events.form.publishedHint')}
          </p>
        </div>
        <div className="actions field-wide">
          <SubmitButton busy={submit.busy}>{submitLabel}</SubmitButton>
          <button type="button" className="button-secondary" onClick={() => void navigate(-1)}>
            {t('events.form.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}

export function NewEventPage() {
  const { t } = useTranslation();
  return (
    <div className="page events">
      <p>
        <Link to="/events">{t('events.page.back')}</Link>
      </p>
      <h1>{t('events.form.createTitle')}</h1>
      <EventForm
        initial={blank}
        submitLabel={t('events.form.create')}
        onSubmit={(body) => createNetworkEvent(body)}
      />
    </div>
  );
}

export function EditEventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const event = useLoad(() => getNetworkEvent(eventId), [eventId]);
  return (
    <div className="page events">
      <p>
        <Link to={`/events/${encodeURIComponent(eventId)}`}>
          {event.data ? eventTitle(event.data) : t('events.page.back')}
        </Link>
      </p>
      <h1>{t('events.form.editTitle')}</h1>
      <ErrorAlert error={event.error} />
      {event.data && (
        <EventForm
          initial={valuesOf(event.data)}
          submitLabel={t('events.form.save')}
          onSubmit={(body) => updateNetworkEvent(eventId, body)}
        />
      )}
    </div>
  );
}
