// Rooms and beds of the facility (/shelter): add a room with its beds, take a free bed out of
// service (a repair, a quarantine) and put it back. Occupied beds cannot be taken out: she must
// be moved first, which the server also refuses. What changed stays in the bed's history.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addRoom, setBedStatus, BED_KINDS, type BedKind, type BoardBed } from '../api';
import { useSubmission } from '../cases/forms';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';

interface Props {
  beds: BoardBed[];
  onChange: () => void;
}

export function RoomsSection({ beds, onChange }: Props) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [name, setName] = useState('');
  const [count, setCount] = useState('2');
  const [kind, setKind] = useState<BedKind>('standard');
  const [done, setDone] = useState('');

  async function add(e: FormEvent) {
    e.preventDefault();
    const room = await submit.run(() => addRoom({ name: name.trim(), beds: Number(count), kind }));
    if (room) {
      setDone(t('shelter.rooms.added', { name: room.name, count: room.beds.length }));
      setName('');
      onChange();
    }
  }

  async function toggle(bed: BoardBed) {
    const next = bed.state === 'out_of_service' ? 'in_service' : 'out_of_service';
    const changed = await submit.run(() => setBedStatus(bed.id, next));
    if (changed) {
      setDone(
        t(next === 'in_service' ? 'shelter.rooms.backInService' : 'shelter.rooms.outOfService', {
          room: bed.room,
          bed: bed.label,
        }),
      );
      onChange();
    }
  }

  const changeable = beds.filter((b) => b.state === 'free' || b.state === 'out_of_service');
  return (
    <section className="card" aria-labelledby="rooms-title">
      <h2 id="rooms-title">{t('shelter.rooms.title')}</h2>
      <p className="muted">{t('shelter.rooms.intro')}</p>
      <ErrorAlert error={submit.error} />
      <StatusMessage text={done} />
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <TextField
          label={t('shelter.rooms.name')}
          hint={t('shelter.rooms.nameHint')}
          value={name}
          required
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('shelter.rooms.beds')}
          value={count}
          onChange={(e) => setCount(e.target.value)}
        >
          {Array.from({ length: 8 }, (_, i) => String(i + 1)).map((n) => (
            <option key={n} value={n}>
              {t('shelter.rooms.bedCount', { count: Number(n) })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('shelter.rooms.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as BedKind)}
        >
          {BED_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`shelter.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={submit.busy}>
          {t('shelter.rooms.add')}
        </button>
      </form>
      {changeable.length > 0 && (
        <ul className="shelter-list">
          {changeable.map((b) => (
            <li key={b.id} className="shelter-item">
              <p>
                {b.room} {b.label} · {t(`shelter.state.${b.state}`)}
              </p>
              <button
                type="button"
                className="button-secondary button-small"
                disabled={submit.busy}
                onClick={() => void toggle(b)}
              >
                {t(
                  b.state === 'out_of_service' ? 'shelter.rooms.putBack' : 'shelter.rooms.takeOut',
                )}
                <span className="visually-hidden">
                  {' '}
                  {b.room} {b.label}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
