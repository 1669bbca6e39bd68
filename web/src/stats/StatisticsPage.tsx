// /statistics: figures that never expose a person. Supervisors and org admins see their own
// organization's records, all of them; the network admin and researchers see the network's,
// only of women who consented, with small cells hidden as "<k" by the server. A period, what to
// count by (and optionally crossed with something else), services or women; a chart where one
// helps (a line over time, a map for regions, bars otherwise) and always the table beside it;
// the same table as an XLSX, PDF or CSV file.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getStats,
  listOrganizations,
  type StatsAnswer,
  type StatsMeasure,
  type StatsScope,
} from '../api';
import { useLoad } from '../cases/widgets';
import { formatDate, seoulToday } from '../i18n/format';
import { hasAnyRole } from '../domain/navigation';
import { ExportPanel } from '../exports';
import { useSignedIn } from '../session';
import { BarChart, ErrorAlert, SelectField, TextField } from '../ui';
import { durationText, keyLabel } from './labels';
import { RegionMap } from './RegionMap';
import { OneWayTable, TwoWayTable } from './StatsTables';
import {
  firstDimensions,
  isTwoWay,
  measurable,
  oneWay,
  PRESETS,
  presetPeriod,
  secondDimensions,
  TIME_DIMENSIONS,
  twoWay,
  type Dimension,
  type Preset,
} from './tables';
import { TrendChart } from './TrendChart';
import './stats.css';

const NETWORK_ROLES = ['network_admin', 'researcher'] as const;
const OWN_ROLES = ['org_admin', 'supervisor'] as const;

const num = (n: number) => new Intl.NumberFormat('ko-KR').format(n);

export function StatisticsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const scopes: StatsScope[] = [
    ...(hasAnyRole(user.roles, OWN_ROLES) ? (['own'] as const) : []),
    ...(hasAnyRole(user.roles, NETWORK_ROLES) ? (['network'] as const) : []),
  ];
  const [scope, setScope] = useState<StatsScope>(scopes[0] ?? 'network');
  const [preset, setPreset] = useState<Preset | 'custom'>('this_year');
  const [period, setPeriod] = useState(() => presetPeriod('this_year', seoulToday()));
  const [first, setFirst] = useState<Dimension>('month');
  const [second, setSecond] = useState<Dimension | ''>('');
  const [measure, setMeasure] = useState<StatsMeasure>('services');

  // A choice the new scope or first dimension does not offer falls back to one it does.
  useEffect(() => {
    if (!firstDimensions(scope).includes(first)) setFirst('month');
  }, [scope, first]);
  useEffect(() => {
    if (second && !secondDimensions(scope, first).includes(second)) setSecond('');
  }, [scope, first, second]);

  const by = second ? [first, second] : [first];
  const { data, error } = useLoad(
    () => getStats(scope, { ...period, by, measure: measurable(first) ? measure : 'services' }),
    [scope, period.from, period.to, by.join(','), measure],
  );
  const orgs = useLoad(() => listOrganizations(), []);
  const names = useMemo(
    () => new Map((orgs.data?.items ?? []).map((o) => [o.slug, o.name] as const)),
    [orgs.data],
  );

  const choosePreset = (p: Preset | 'custom') => {
    setPreset(p);
    if (p !== 'custom') setPeriod(presetPeriod(p, seoulToday()));
  };
  const fresh = data && data.by.join(',') === by.join(',') ? data : null;

  return (
    <div className="page stats-page">
      <h1>{t('stats.title')}</h1>
      <p className="muted">{t('stats.intro')}</p>
      {scopes.length > 1 && (
        <fieldset className="stats-scope">
          <legend>{t('stats.scope.legend')}</legend>
          {scopes.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="stats-scope"
                value={s}
                checked={scope === s}
                onChange={() => setScope(s)}
              />{' '}
              {t(`stats.scope.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      <section className="card stats-filters" aria-labelledby="stats-filters-title">
        <h2 id="stats-filters-title">{t('stats.filters')}</h2>
        <div className="form-grid">
          <SelectField
            label={t('stats.preset')}
            value={preset}
            onChange={(e) => choosePreset(e.target.value as Preset | 'custom')}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`stats.presets.${p}`)}
              </option>
            ))}
            <option value="custom">{t('stats.presets.custom')}</option>
          </SelectField>
          <TextField
            label={t('stats.from')}
            type="date"
            value={period.from}
            onChange={(e) => {
              setPreset('custom');
              if (e.target.value) setPeriod({ ...period, from: e.target.value });
            }}
          />
          <TextField
            label={t('stats.to')}
            type="date"
            value={period.to}
            onChange={(e) => {
              setPreset('custom');
              if (e.target.value) setPeriod({ ...period, to: e.target.value });
            }}
          />
          <SelectField
            label={t('stats.by')}
            value={first}
            onChange={(e) => setFirst(e.target.value as Dimension)}
          >
            {firstDimensions(scope).map((d) => (
              <option key={d} value={d}>
                {t(`stats.dimensions.${d}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('stats.then')}
            value={second}
            disabled={secondDimensions(scope, first).length === 0}
            onChange={(e) => setSecond(e.target.value as Dimension | '')}
          >
            <option value="">{t('stats.none')}</option>
            {secondDimensions(scope, first).map((d) => (
              <option key={d} value={d}>
                {t(`stats.dimensions.${d}`)}
              </option>
            ))}
          </SelectField>
          {measurable(first) && (
            <SelectField
              label={t('stats.measure')}
              value={measure}
              onChange={(e) => setMeasure(e.target.value as StatsMeasure)}
            >
              <option value="services">{t('stats.measures.services')}</option>
              <option value="people">{t('stats.measures.people')}</option>
            </SelectField>
          )}
        </div>
      </section>
      <p className="stats-note" role="note">
        {scope === 'network' ? t('stats.networkNote', { k: fresh?.k ?? 5 }) : t('stats.ownNote')}
      </p>
      <ErrorAlert error={error} />
      {!fresh && !error && (
        <p className="loading" role="status">
          {t('stats.loading')}
        </p>
      )}
      {fresh && <Figures answer={fresh} names={names} />}
      {fresh && (
        <ExportPanel
          request={{
            kind: `stats.${scope}`,
            from: fresh.from,
            to: fresh.to,
            by: fresh.by.join(','),
            measure: fresh.measure,
          }}
        />
      )}
    </div>
  );
}

function Figures({ answer, names }: { answer: StatsAnswer; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const [first, second] = answer.by as [Dimension, Dimension | undefined];
  const what = second
    ? `${t(`stats.dimensions.${first}`)} × ${t(`stats.dimensions.${second}`)}`
    : t(`stats.dimensions.${first}`);
  const caption = t('stats.caption', {
    what,
    from: formatDate(answer.from),
    to: formatDate(answer.to),
    unit: t(`stats.units.${answer.unit}`),
  });
  const extras = Object.entries(answer).filter(
    ([key, v]) => key.endsWith('_seconds') && typeof v === 'number',
  ) as [string, number][];
  const label = (d: Dimension, part: 0 | 1) => (key: string) => keyLabel(t, d, key, names, part);

  if (isTwoWay(answer)) {
    const table = twoWay(answer);
    return (
      <>
        <TwoWayTable
          caption={caption}
          table={table}
          rowLabel={label(first, 0)}
          colLabel={label(second ?? first, 1)}
          k={answer.k}
          num={num}
        />
        <Extras extras={extras} />
        {answer.unit === 'mentions' && <p className="muted">{t('stats.mentionsNote')}</p>}
      </>
    );
  }
  const table = oneWay(answer);
  const nothing = table.cells.every((c) => c.count === 0);
  const chartTitle = t(first === 'region' ? 'stats.mapTitle' : 'stats.chartTitle', { what });
  return (
    <>
      {nothing ? (
        <p className="muted">{t('stats.empty')}</p>
      ) : (TIME_DIMENSIONS as readonly string[]).includes(first) ? (
        <TrendChart
          title={chartTitle}
          num={num}
          points={table.cells.map((c) => ({ label: label(first, 1)(c.key), value: c.count }))}
        />
      ) : first === 'region' ? (
        <RegionMap
          title={chartTitle}
          rows={new Map(table.cells.map((c) => [c.key, c]))}
          k={answer.k}
          num={num}
        />
      ) : (
        <BarChart
          title={chartTitle}
          series={[t(`stats.units.${answer.unit}`)]}
          rows={table.cells.map((c) => ({ label: label(first, 1)(c.key), values: [c.count] }))}
          format={num}
          none={t('stats.hiddenShort', { k: answer.k ?? 5 })}
        />
      )}
      <OneWayTable caption={caption} table={table} label={label(first, 1)} k={answer.k} num={num} />
      <Extras extras={extras} />
      {answer.unit === 'mentions' && <p className="muted">{t('stats.mentionsNote')}</p>}
    </>
  );
}

function Extras({ extras }: { extras: [string, number][] }) {
  const { t } = useTranslation();
  if (!extras.length) return null;
  return (
    <dl className="stats-extras">
      {extras.map(([key, seconds]) => (
        <div key={key}>
          <dt>{t(`stats.extra.${key}` as never)}</dt>
          <dd>{durationText(t, seconds)}</dd>
        </div>
      ))}
    </dl>
  );
}
