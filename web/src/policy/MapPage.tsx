// /policy: the 17 regions coloured by ordinance status on the tile-grid map, with a legend in
// words and the same figures in a table beside it; choosing a region (on the map with the
// keyboard or a pointer, or from its row) opens its municipalities and ordinances below; then
// the timeline of enactments, amendments and repeals, newest first.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  getPolicyMap,
  getRegionDetail,
  getPolicyTimeline,
  listPolicyItems,
  MAP_STATUSES,
  type MapRegion,
} from '../api';
import { useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ErrorAlert, TileMap } from '../ui';
import { MAP_SHADE, timelineYears } from './model';
import { PolicyFrame } from './PolicyTabs';
import { placeName, useRegionName } from './words';
import './policy.css';

export function MapPage() {
  const { t } = useTranslation();
  const map = useLoad(() => getPolicyMap(), []);
  const [params, setParams] = useSearchParams();
  const selected = params.get('region');
  const regions = new Map((map.data?.regions ?? []).map((r) => [r.code, r]));
  const choose = (code: string | null) =>
    setParams(code ? { region: code } : {}, { replace: true, preventScrollReset: true });

  return (
    <PolicyFrame title={t('policy.title')}>
      <p className="page-intro">{t('policy.intro')}</p>
      <ErrorAlert error={map.error} />
      {map.data && (
        <section className="card policy-map" aria-labelledby="policy-map-title">
          <h2 id="policy-map-title">{t('policy.map.title')}</h2>
          <div className="policy-map-body">
            <div>
              <RegionTiles regions={regions} selected={selected} onSelect={choose} />
              <Legend />
            </div>
            <RegionTable regions={map.data.regions} onSelect={choose} />
          </div>
        </section>
      )}
      {selected && regions.has(selected) && (
        <RegionDrill key={selected} code={selected} onClose={() => choose(null)} />
      )}
      <Timeline />
    </PolicyFrame>
  );
}

function useTileLabel() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  return (r: MapRegion) =>
    t('policy.map.tileLabel', {
      region: regionName(r.code),
      status: t(`policy.mapStatus.${r.status}`),
      count: r.ordinances,
    }) + (r.score !== undefined ? t('policy.map.tileScore', { score: r.score }) : '');
}

function RegionTiles({
  regions,
  selected,
  onSelect,
}: {
  regions: ReadonlyMap<string, MapRegion>;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const label = useTileLabel();
  return (
    <TileMap
      title={t('policy.map.mapLabel')}
      selected={selected}
      onSelect={onSelect}
      tile={(code) => {
        const r = regions.get(code);
        const status = r?.status ?? 'none';
        const shade = MAP_SHADE[status];
        return {
          name: t(`stats.regionShort.${code}` as never),
          value: t(`policy.mapShort.${status}`),
          label: r ? label(r) : t(`regions.${code}` as never),
          className: `tile-${shade} policy-tile-${status}`,
          onDark: shade >= 3,
        };
      }}
    />
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <div className="policy-legend">
      <h3 id="policy-legend-title">{t('policy.map.legend')}</h3>
      <ul aria-labelledby="policy-legend-title">
        {MAP_STATUSES.map((s) => (
          <li key={s}>
            <span className={`policy-swatch policy-swatch-${MAP_SHADE[s]}`} aria-hidden="true">
              {t(`policy.mapShort.${s}`)}
            </span>{' '}
            {t(`policy.mapStatus.${s}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RegionTable({
  regions,
  onSelect,
}: {
  regions: readonly MapRegion[];
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  return (
    <div
      className="table-wrap policy-map-table"
      tabIndex={0}
      role="region"
      aria-labelledby="policy-map-caption"
    >
      <table>
        <caption id="policy-map-caption">{t('policy.map.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('policy.map.region')}</th>
            <th scope="col">{t('policy.map.status')}</th>
            <th scope="col" className="num">
              {t('policy.map.ordinances')}
            </th>
            <th scope="col" className="num">
              {t('policy.map.score')}
            </th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r.code} data-region={r.code}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('policy.map.open', { region: regionName(r.code) })}
                  onClick={() => onSelect(r.code)}
                >
                  {regionName(r.code)}
                </button>
              </th>
              <td>{t(`policy.mapStatus.${r.status}`)}</td>
              <td className="num">{t('policy.map.count', { count: r.ordinances })}</td>
              <td className="num">
                {r.score !== undefined
                  ? t('policy.map.points', { score: r.score })
                  : t('policy.map.noScore')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RegionDrill({ code, onClose }: { code: string; onClose: () => void }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const detail = useLoad(() => getRegionDetail(code), [code]);
  const items = useLoad(() => listPolicyItems({ region: code, kind: 'ordinance' }), [code]);
  const name = regionName(code);
  const d = detail.data;
  return (
    <section className="card policy-drill" aria-labelledby="policy-drill-title">
      <div className="policy-drill-head">
        <h2 id="policy-drill-title">{t('policy.map.drillHeading', { region: name })}</h2>
        <button type="button" className="button-secondary button-small" onClick={onClose}>
          {t('policy.map.close')}
        </button>
      </div>
      <ErrorAlert error={detail.error ?? items.error} />
      {d && <p>{t(`policy.mapStatus.${d.status}`)}</p>}
      {d && d.municipalities.length === 0 && (
        <p className="muted">{t('policy.map.noMunicipalities')}</p>
      )}
      {d && d.municipalities.length > 0 && (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby="policy-drill-caption"
        >
          <table className="policy-narrow">
            <caption id="policy-drill-caption">
              {t('policy.map.drillTitle', { region: name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('policy.map.municipality')}</th>
                <th scope="col">{t('policy.map.status')}</th>
                <th scope="col" className="num">
                  {t('policy.map.ordinances')}
                </th>
                <th scope="col" className="num">
                  {t('policy.map.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.municipalities.map((m) => (
                <tr key={m.code}>
                  <th scope="row">{placeName(m)}</th>
                  <td>{t(`policy.municipalStatus.${m.status}`)}</td>
                  <td className="num">{t('policy.map.count', { count: m.ordinances })}</td>
                  <td className="num">
                    {m.score !== undefined
                      ? t('policy.map.points', { score: m.score })
                      : t('policy.map.noScore')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="policy-drill-items">{t('policy.map.itemsTitle', { region: name })}</h3>
      {items.data && items.data.items.length === 0 && <p>{t('policy.map.noItems')}</p>}
      <ul className="policy-list" aria-labelledby="policy-drill-items">
        {(items.data?.items ?? []).map((i) => (
          <li key={i.id}>
            <Link to={`/policy/items/${encodeURIComponent(i.id)}`}>{i.title}</Link>{' '}
            <span className="muted">
              {i.jurisdiction_name} · {t(`policy.status.${i.status}`)} ({formatDate(i.status_on)})
              {i.score !== null && ` · ${t('policy.map.points', { score: i.score })}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timeline() {
  const { t } = useTranslation();
  const timeline = useLoad(() => getPolicyTimeline(), []);
  const years = timelineYears(timeline.data?.items ?? []);
  return (
    <section className="card" aria-labelledby="policy-timeline-title">
      <h2 id="policy-timeline-title">{t('policy.timeline.title')}</h2>
      <ErrorAlert error={timeline.error} />
      {timeline.data && years.length === 0 && <p>{t('policy.timeline.none')}</p>}
      <ol className="policy-timeline">
        {years.map(([year, entries]) => (
          <li key={year}>
            <h3>{t('policy.timeline.year', { year })}</h3>
            <ol>
              {entries.map((e) => (
                <li key={`${e.item_id}-${e.on}-${e.status}`}>
                  <Link to={`/policy/items/${encodeURIComponent(e.item_id)}`}>{e.title}</Link>
                  <span className="muted">
                    {' '}
                    {t('policy.timeline.entry', {
                      date: formatDate(e.on),
                      place: e.jurisdiction_name,
                      status: t(`policy.status.${e.status}`),
                    })}
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
