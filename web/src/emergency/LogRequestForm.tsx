// A request that reached the organization another way (hotline, text message, police, a
// partner, a woman walking in) goes on the board like one from the help page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  logHelpRequest,
  REGIONS,
  STAFF_CHANNELS,
  URGENCIES,
  type ApiError,
  type Channel,
  type HelpRequest,
  type Region,
} from '../api';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';

const EMPTY = {
  channel: '',
  region: '',
  situation: '',
  contact: '',
  safe_contact: '',
  location: '',
  urgency: 'normal',
};

export function LogRequestForm({ onLogged }: { onLogged: (r: HelpRequest) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const optional = (k: 'contact' | 'safe_contact' | 'location') =>
    v[k].trim() ? { [k]: v[k].trim() } : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await logHelpRequest({
      channel: v.channel as Channel,
      region: v.region as Region,
      situation: v.situation,
      urgency: v.urgency,
      ...optional('contact'),
      ...optional('safe_contact'),
      ...optional('location'),
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setV(EMPTY);
    onLogged(r.data);
  }

  const fe = (k: string) => error?.fields[k];
  return (
    <form className="form-grid log-request" onSubmit={submit} noValidate>
      <div className="form-wide">
        <ErrorAlert error={error} />
      </div>
      <SelectField
        label={t('emergency.channel')}
        value={v.channel}
        onChange={set('channel')}
        error={fe('channel')}
      >
        <option value="">{t('emergency.choose')}</option>
        {STAFF_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`emergency.channels.${c}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('emergency.region')}
        value={v.region}
        onChange={set('region')}
        error={fe('region')}
      >
        <option value="">{t('emergency.choose')}</option>
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {t(`regions.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('emergency.urgency')}
        value={v.urgency}
        onChange={set('urgency')}
        error={fe('urgency')}
      >
        {URGENCIES.map((u) => (
          <option key={u} value={u}>
            {t(`emergency.urgencies.${u}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-wide">
        <TextAreaField
          label={t('emergency.situation')}
          value={v.situation}
          onChange={set('situation')}
          error={fe('situation')}
        />
      </div>
      <TextField
        label={t('emergency.location')}
        value={v.location}
        onChange={set('location')}
        error={fe('location')}
        autoComplete="off"
      />
      <TextField
        label={t('emergency.contact')}
        value={v.contact}
        onChange={set('contact')}
        error={fe('contact')}
        autoComplete="off"
      />
      <div className="form-wide">
        <TextAreaField
          label={t('emergency.safeContact')}
          rows={2}
          value={v.safe_contact}
          onChange={set('safe_contact')}
          error={fe('safe_contact')}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('emergency.logSubmit')}
        </button>
      </div>
    </form>
  );
}
