// Free shelter beds across the network on the dispatch board: counts per facility and kind of
// bed (never a resident, a room or an address), refreshed every 30 seconds, and a 90-minute hold
// on a free bed for a rescue on its way. The hold ends by itself; only the admission naming it
// can use the bed meanwhile.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getNetworkBeds,
  holdBed,
  listWholeDirectory,
  type ApiError,
  type BedKind,
  type FacilityBeds,
} from '../api';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert, StatusMessage } from '../ui';
import { regionName } from './names';

const REFRESH_MS = 30_000;

type KindCount = [BedKind, { total: number; free: number }];
const kindsOf = (f: FacilityBeds) => Object.entries(f.kinds) as KindCount[];

export function BedsPanel() {
  const { t } = useTranslation();
  const [beds, setBeds] = useState<FacilityBeds[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [held, setHeld] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (background: boolean) => {
    const r = await getNetworkBeds({ background });
    if (r.ok) {
      setBeds(r.data.items);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void load(false);
    void listWholeDirectory().then((d) => {
      if (d.ok) setNames(Object.fromEntries(d.data.items.map((e) => [e.org_id, e.name])));
    });
    const timer = window.setInterval(() => void load(true), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  async function hold(f: FacilityBeds, kind: BedKind) {
    setBusy(true);
    const r = await holdBed(f.org_id, kind);
    setBusy(false);
    if (r.ok) {
      setError(null);
      setHeld(
        t('emergency.beds.held', {
          name: names[f.org_id] ?? '',
          kind: t(`shelter.kind.${kind}`),
          until: formatDateTime(r.data.expires_at),
        }),
      );
    } else setError(r.error);
    void load(false);
  }

  const facilities = (beds ?? []).filter((f) => f.free > 0 || Object.keys(f.kinds).length > 0);
  return (
    <section className="card" aria-labelledby="beds-title">
      <div className="detail-head">
        <h2 id="beds-title">{t('emergency.beds.title')}</h2>
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => void load(false)}
        >
          {t('emergency.refresh')}
        </button>
      </div>
      <p className="field-hint">{t('emergency.beds.intro')}</p>
      <ErrorAlert error={error} />
      <StatusMessage text={held} />
      {beds && facilities.length === 0 && <p>{t('emergency.beds.none')}</p>}
      {facilities.length > 0 && (
        <div className="table-wrap">
          <table aria-labelledby="beds-title">
            <thead>
              <tr>
                <th scope="col">{t('emergency.beds.facility')}</th>
                <th scope="col">{t('emergency.beds.region')}</th>
                <th scope="col">{t('emergency.beds.free')}</th>
                <th scope="col">{t('emergency.beds.hold')}</th>
              </tr>
            </thead>
            <tbody>
              {facilities.map((f) => {
                const name = names[f.org_id] ?? t('emergency.beds.unnamed');
                return (
                  <tr key={f.org_id}>
                    <th scope="row">{name}</th>
                    <td>{regionName(f.region, t)}</td>
                    <td>
                      {kindsOf(f).map(([kind, c]) => (
                        <span key={kind} className="bed-count">
                          {t('emergency.beds.count', {
                            kind: t(`shelter.kind.${kind}`),
                            free: c.free,
                            total: c.total,
                          })}{' '}
                        </span>
                      ))}
                    </td>
                    <td>
                      {kindsOf(f)
                        .filter(([, c]) => c.free > 0)
                        .map(([kind]) => (
                          <button
                            key={kind}
                            type="button"
                            className="button-secondary button-small"
                            disabled={busy}
                            onClick={() => void hold(f, kind)}
                          >
                            {t('emergency.beds.holdKind', { kind: t(`shelter.kind.${kind}`) })}
                            <span className="visually-hidden"> {name}</span>
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
