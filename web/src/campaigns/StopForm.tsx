// Adding or editing a stop of the route: its day (within the campaign's period), region in
// words, city, venue, activities, the hosting member organization or partner by name, the linked
// event it is, and a note. Field errors from the server land beside their fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REGIONS,
  STOP_ACTIVITIES,
  type ApiResult,
  type CampaignDetail,
  type CampaignStop,
  type StopFields,
} from '../api';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { CheckboxGroup, FormError, SubmitButton } from '../cases/widgets';
import { useRegionName } from '../events/words';
import { SelectField, TextAreaField, TextField } from '../ui';
import { isDay } from './model';
import { campaignTitle } from './words';

export interface HostChoices {
  members: { id: string; name: string }[];
  partners: { id: string; name: string }[];
}

const FIELDS = ['date', 'region', 'city', 'venue', 'activities', 'host', 'event_id', 'note'];

const hostValue = (s: CampaignStop | null) => (s?.host ? `${s.host.kind}:${s.host.id}` : '');

export function StopForm({
  campaign,
  stop,
  hosts,
  onSubmit,
  onCancel,
}: {
  campaign: CampaignDetail;
  stop: CampaignStop | null;
  hosts: HostChoices;
  onSubmit: (body: StopFields) => Promise<ApiResult<CampaignDetail>>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const region = useRegionName();
  const submit = useSubmission();
  const [date, setDate] = useState(stop?.date ?? campaign.starts_on);
  const [reg, setReg] = useState(stop?.region ?? '');
  const [city, setCity] = useState(stop?.city ?? '');
  const [venue, setVenue] = useState(stop?.venue ?? '');
  const [activities, setActivities] = useState(stop?.activities ?? []);
  const [host, setHost] = useState(hostValue(stop));
  const [eventId, setEventId] = useState(stop?.event_id ?? '');
  const [note, setNote] = useState(stop?.note ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, FIELDS);
  const err = (f: string) =>
    local[f] ??
    byField[f] ??
    (f === 'host' ? (byField.host_org_id ?? byField.host_partner_id) : undefined);
  // host_org_id / host_partner_id are placed by the host control.
  const shownElsewhere = elsewhere;
  const prefix = stop ? `stop-edit-${stop.id}` : 'stop-new';

  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    if (!isDay(date)) need.date = t('campaigns.form.badDay');
    else if (date < campaign.starts_on || date > campaign.ends_on)
      need.date = t('campaigns.stop.outsidePeriod');
    if (!reg) need.region = t('campaigns.form.required');
    if (!city.trim()) need.city = t('campaigns.form.required');
    if (!venue.trim()) need.venue = t('campaigns.form.required');
    if (activities.length === 0) need.activities = t('campaigns.stop.needActivity');
    setLocal(need);
    if (Object.keys(need).length) return;
    const [kind, id] = host ? host.split(/:(.*)/s) : ['', ''];
    const body: StopFields = {
      date,
      region: reg,
      city: city.trim(),
      venue: venue.trim(),
      activities,
      note: note.trim(),
    };
    if (kind === 'member') body.host_org_id = id!;
    else if (kind === 'partner') body.host_partner_id = id!;
    if (stop) {
      if (kind !== 'member' && stop.host?.kind === 'member') body.host_org_id = null;
      if (kind !== 'partner' && stop.host?.kind === 'partner') body.host_partner_id = null;
      if (eventId !== (stop.event_id ?? '')) body.event_id = eventId || null;
    } else if (eventId) body.event_id = eventId;
    const saved = await submit.run(() => onSubmit(body));
    if (saved && !stop) {
      setCity('');
      setVenue('');
      setActivities([]);
      setHost('');
      setEventId('');
      setNote('');
    }
  }

  return (
    <form
      className="stop-form"
      onSubmit={(e) => void send(e)}
      noValidate
      aria-labelledby={`${prefix}-title`}
    >
      <h3 id={`${prefix}-title`}>
        {stop ? t('campaigns.stop.editTitle', { n: stop.position }) : t('campaigns.stop.addTitle')}
      </h3>
      <FormError error={submit.error} elsewhere={shownElsewhere} />
      <div className="form-grid">
        <TextField
          label={t('campaigns.stop.date')}
          type="date"
          value={date}
          min={campaign.starts_on}
          max={campaign.ends_on}
          error={err('date')}
          onChange={(e) => setDate(e.target.value)}
        />
        <SelectField
          label={t('campaigns.stop.region')}
          value={reg}
          error={err('region')}
          onChange={(e) => setReg(e.target.value)}
        >
          <option value="">{t('campaigns.stop.chooseRegion')}</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {region(r)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('campaigns.stop.city')}
          value={city}
          maxLength={100}
          error={err('city')}
          onChange={(e) => setCity(e.target.value)}
        />
        <TextField
          label={t('campaigns.stop.venue')}
          value={venue}
          maxLength={300}
          error={err('venue')}
          onChange={(e) => setVenue(e.target.value)}
        />
        <CheckboxGroup
          legend={t('campaigns.stop.activities')}
          name={`${prefix}-activities`}
          options={STOP_ACTIVITIES}
          value={activities}
          error={err('activities')}
          label={(o) => t(`campaigns.activity.${o}`)}
          onChange={setActivities}
        />
        <SelectField
          label={t('campaigns.stop.host')}
          value={host}
          error={err('host')}
          onChange={(e) => setHost(e.target.value)}
        >
          <option value="">{t('campaigns.stop.noHost')}</option>
          {stop?.host && !hostListed(hosts, stop.host) && (
            <option value={hostValue(stop)}>{stop.host.name}</option>
          )}
          {hosts.members.length > 0 && (
            <optgroup label={t('campaigns.stop.members')}>
              {hosts.members.map((m) => (
                <option key={m.id} value={`member:${m.id}`}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          )}
          {hosts.partners.length > 0 && (
            <optgroup label={t('campaigns.stop.partners')}>
              {hosts.partners.map((p) => (
                <option key={p.id} value={`partner:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        <SelectField
          label={t('campaigns.stop.event')}
          value={eventId}
          error={err('event_id')}
          onChange={(e) => setEventId(e.target.value)}
        >
          <option value="">{t('campaigns.stop.noEvent')}</option>
          {campaign.events.map((ev) => (
            <option key={ev.id} value={ev.id}>
              {campaignTitle(ev)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('campaigns.stop.note')}
          value={note}
          wide
          rows={2}
          maxLength={1000}
          error={err('note')}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>
            {stop ? t('campaigns.stop.save') : t('campaigns.stop.add')}
          </SubmitButton>
          {onCancel && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('campaigns.cancel')}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}

function hostListed(hosts: HostChoices, h: NonNullable<CampaignStop['host']>) {
  const list = h.kind === 'member' ? hosts.members : hosts.partners;
  return list.some((x) => x.id === h.id);
}
