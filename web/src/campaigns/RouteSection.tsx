// The route of a campaign as an ordered list of stops: the day, region in words, city, venue,
// host by name, activities in words, done or upcoming (Korea's today, as the server derives it).
// Editors move a stop up or down with buttons (focus stays on the moved stop's button, and the
// change is announced), edit it in place, remove it after asking, and add a stop.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addStop,
  removeStop,
  reorderRoute,
  updateStop,
  type CampaignDetail,
  type CampaignStop,
} from '../api';
import { useSubmission } from '../cases/forms';
import { useRegionName } from '../events/words';
import { formatDate } from '../i18n/format';
import { ConfirmDialog, ErrorAlert, StatusMessage } from '../ui';
import { moveStop, placeWords } from './model';
import { StopForm, type HostChoices } from './StopForm';
import { campaignTitle } from './words';

export function RouteSection({
  campaign,
  hosts,
  onChange,
}: {
  campaign: CampaignDetail;
  hosts: HostChoices;
  onChange: (c: CampaignDetail) => void;
}) {
  const { t } = useTranslation();
  const region = useRegionName();
  const action = useSubmission();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CampaignStop | null>(null);
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const stops = [...campaign.stops].sort((a, b) => a.position - b.position);
  const edit = campaign.can_edit;

  useEffect(() => {
    if (!focus) return;
    const other = focus.dir === 'up' ? 'down' : 'up';
    const el = document.getElementById(`stop-${focus.id}-${focus.dir}`) as HTMLButtonElement | null;
    const target = el && !el.disabled ? el : document.getElementById(`stop-${focus.id}-${other}`);
    target?.focus();
    setFocus(null);
  }, [focus, campaign]);

  async function move(index: number, by: -1 | 1) {
    const ids = moveStop(stops, index, by);
    if (!ids) return;
    const s = stops[index]!;
    const r = await action.run(() => reorderRoute(campaign.id, ids));
    if (r) {
      onChange(r);
      setSaid(t('campaigns.route.moved', { city: s.city, n: index + 1 + by }));
      setFocus({ id: s.id, dir: by < 0 ? 'up' : 'down' });
    }
  }

  async function remove() {
    if (!removing) return;
    const r = await action.run(() => removeStop(campaign.id, removing.id));
    setRemoving(null);
    if (r) {
      onChange(r);
      setSaid(t('campaigns.route.removed'));
    }
  }

  const eventName = (id: string | null) => {
    const e = id ? campaign.events.find((x) => x.id === id) : undefined;
    return e ? campaignTitle(e) : null;
  };

  return (
    <section className="card" aria-labelledby="route-title">
      <h2 id="route-title">{t('campaigns.route.title')}</h2>
      <StatusMessage text={said} />
      <ErrorAlert error={action.error} />
      {stops.length === 0 && <p>{t('campaigns.route.none')}</p>}
      <ol className="route" aria-label={t('campaigns.route.listLabel')}>
        {stops.map((s, i) => (
          <li key={s.id} className={s.done ? 'route-done' : undefined}>
            <div className="route-head">
              <h3>{t('campaigns.route.stopName', { n: s.position, city: s.city })}</h3>
              <span className={`route-state ${s.done ? 'route-state-done' : ''}`}>
                {s.done ? t('campaigns.route.done') : t('campaigns.route.upcoming')}
              </span>
            </div>
            <p className="route-line">
              {formatDate(s.date)} · {placeWords(region(s.region), s.city)} · {s.venue}
            </p>
            <p className="route-line">
              {s.activities.map((a) => t(`campaigns.activity.${a}`)).join(', ')}
              {s.host && (
                <>
                  {' · '}
                  {t(`campaigns.route.host.${s.host.kind}`, { name: s.host.name })}
                </>
              )}
              {eventName(s.event_id) && (
                <>
                  {' · '}
                  {t('campaigns.route.event', { name: eventName(s.event_id) })}
                </>
              )}
            </p>
            {s.note && <p className="campaign-text muted">{s.note}</p>}
            {edit && editing !== s.id && (
              <div className="route-controls">
                <button
                  id={`stop-${s.id}-up`}
                  type="button"
                  className="button-secondary button-small"
                  disabled={i === 0 || action.busy}
                  aria-label={t('campaigns.route.up', { n: s.position, city: s.city })}
                  onClick={() => void move(i, -1)}
                >
                  ↑ {t('campaigns.route.upShort')}
                </button>
                <button
                  id={`stop-${s.id}-down`}
                  type="button"
                  className="button-secondary button-small"
                  disabled={i === stops.length - 1 || action.busy}
                  aria-label={t('campaigns.route.down', { n: s.position, city: s.city })}
                  onClick={() => void move(i, 1)}
                >
                  ↓ {t('campaigns.route.downShort')}
                </button>
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-label={t('campaigns.route.editNamed', { n: s.position, city: s.city })}
                  onClick={() => setEditing(s.id)}
                >
                  {t('campaigns.route.edit')}
                </button>
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-label={t('campaigns.route.removeNamed', { n: s.position, city: s.city })}
                  onClick={() => setRemoving(s)}
                >
                  {t('campaigns.route.remove')}
                </button>
              </div>
            )}
            {edit && editing === s.id && (
              <StopForm
                campaign={campaign}
                stop={s}
                hosts={hosts}
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  const r = await updateStop(campaign.id, s.id, body);
                  if (r.ok) {
                    onChange(r.data);
                    setEditing(null);
                    setSaid(t('campaigns.route.saved'));
                  }
                  return r;
                }}
              />
            )}
          </li>
        ))}
      </ol>
      {edit && (
        <StopForm
          campaign={campaign}
          stop={null}
          hosts={hosts}
          onSubmit={async (body) => {
            const r = await addStop(campaign.id, body);
            if (r.ok) {
              onChange(r.data);
              setSaid(t('campaigns.route.added'));
            }
            return r;
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('campaigns.route.removeTitle')}
        confirmLabel={t('campaigns.route.removeConfirm')}
        cancelLabel={t('campaigns.cancel')}
        busy={action.busy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        <p>
          {removing &&
            t('campaigns.route.removeText', {
              n: removing.position,
              city: removing.city,
              date: formatDate(removing.date),
            })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
