// Hearings, council sessions and meetings: the list by date and the form editors add one with.
// On an item's page, the ones about that item (its jurisdiction given); on the work screen, the
// calendar of what is coming.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createPolicyEvent,
  EVENT_KINDS,
  listJurisdictions,
  listPolicyEvents,
  type PolicyEvent,
  type PolicyEventKind,
  type PolicyItem,
} from '../api';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { formatDate, seoulToday } from '../i18n/format';
import { ErrorAlert, SelectField, TextField } from '../ui';
import { jurisdictionOptions } from './model';
import { placeName } from './words';

export function EventList({ events }: { events: readonly PolicyEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p>{t('policy.events.none')}</p>;
  return (
    <ul className="policy-list policy-events">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{t('policy.events.when', { date: formatDate(e.on), time: e.time ?? '' })}</strong>{' '}
          {e.title}{' '}
          <span className="muted">
            {t(`policy.events.kind.${e.kind}`)} · {e.jurisdiction_name}
            {e.place && ` · ${e.place}`}
          </span>
          {e.note && <p className="muted">{e.note}</p>}
        </li>
      ))}
    </ul>
  );
}

export function EventsSection({
  item,
  canEdit,
  onDone,
}: {
  item: PolicyItem;
  canEdit: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const events = useLoad(() => listPolicyEvents(), []);
  const mine = (events.data?.items ?? []).filter((e) => e.item_id === item.id);
  return (
    <section className="card" aria-labelledby="policy-item-events">
      <h2 id="policy-item-events">{t('policy.events.itemTitle')}</h2>
      <ErrorAlert error={events.error} />
      {events.data && <EventList events={mine} />}
      {canEdit && (
        <EventForm
          item={item}
          onDone={() => {
            void events.reload();
            onDone();
          }}
        />
      )}
    </section>
  );
}

export function EventForm({ item, onDone }: { item?: PolicyItem; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const places = useLoad(() => listJurisdictions(), []);
  const [v, setV] = useState({
    kind: 'hearing' as PolicyEventKind,
    title: '',
    on: seoulToday(),
    time: '',
    jurisdiction: item?.jurisdiction ?? '',
    place: '',
    note: '',
  });
  const { byField, elsewhere } = placeFieldErrors(submit.error, [
    'kind',
    'title',
    'on',
    'time',
    'jurisdiction',
    'place',
    'note',
  ]);
  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      createPolicyEvent({
        kind: v.kind,
        title: v.title.trim(),
        on: v.on,
        time: optional(v.time),
        jurisdiction: v.jurisdiction,
        item_id: item?.id,
        place: optional(v.place),
        note: optional(v.note),
      }),
    );
    if (r) {
      setV({ ...v, title: '', place: '', note: '', time: '' });
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="policy-event-add">
      <h3 id="policy-event-add">{t('policy.events.addTitle')}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <SelectField
          label={t('policy.events.kindLabel')}
          value={v.kind}
          error={byField.kind}
          onChange={(e) => setV({ ...v, kind: e.target.value as PolicyEventKind })}
        >
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`policy.events.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('policy.events.name')}
          value={v.title}
          error={byField.title}
          maxLength={300}
          onChange={(e) => setV({ ...v, title: e.target.value })}
        />
        <TextField
          label={t('policy.events.on')}
          type="date"
          value={v.on}
          error={byField.on}
          onChange={(e) => setV({ ...v, on: e.target.value })}
        />
        <TextField
          label={t('policy.events.time')}
          type="time"
          value={v.time}
          error={byField.time}
          onChange={(e) => setV({ ...v, time: e.target.value })}
        />
        {!item && (
          <SelectField
            label={t('policy.events.jurisdiction')}
            value={v.jurisdiction}
            error={byField.jurisdiction}
            onChange={(e) => setV({ ...v, jurisdiction: e.target.value })}
          >
            <option value="">–</option>
            {jurisdictionOptions(places.data?.items ?? []).map((j) => (
              <option key={j.code} value={j.code}>
                {j.level === 'municipality' ? `\u00a0\u00a0· ${placeName(j)}` : placeName(j)}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('policy.events.place')}
          value={v.place}
          error={byField.place}
          maxLength={300}
          onChange={(e) => setV({ ...v, place: e.target.value })}
        />
        <TextField
          label={t('policy.events.note')}
          value={v.note}
          error={byField.note}
          maxLength={1000}
          onChange={(e) => setV({ ...v, note: e.target.value })}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('policy.events.add')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
