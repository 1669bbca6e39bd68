// Which organizations cover which regions: the whole network's table for everyone who may see
// it, and for an org admin the regions her own organization answers for and how long a request
// may wait for acknowledgement before it escalates to the next organization.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  getCoverageSettings,
  REGIONS,
  setCoverage,
  type ApiError,
  type Coverage,
  type Region,
} from '../api';
import { useSignedIn } from '../session';
import { ErrorAlert, StatusMessage, TextField } from '../ui';
import { regionName } from './names';

// How often the table and the gaps are read again: who is on call changes with the hour.
const REFRESH_MS = 60_000;

// Whether someone at the organization can see a request now, in words.
function reachWords(c: Coverage, t: TFunction): string {
  if (c.reachable === undefined) return '';
  if (c.on_call_now) return t('coverage.reachOnCall');
  if (c.reachable) return t('coverage.reachDispatchers');
  return c.dispatchers ? t('coverage.reachNobodyNow') : t('coverage.reachNoDispatcher');
}

// Region order of the official list, then priority (1 answers first).
function sorted(items: readonly Coverage[]): Coverage[] {
  const at = (r: Region) => REGIONS.indexOf(r);
  return [...items].sort(
    (a, b) =>
      at(a.region) - at(b.region) ||
      a.priority - b.priority ||
      a.org_name.localeCompare(b.org_name),
  );
}

export function CoverageSection() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const isAdmin = user.roles.includes('org_admin');
  const [items, setItems] = useState<Coverage[] | null>(null);
  const [gaps, setGaps] = useState<Region[]>([]);
  const [ours, setOurs] = useState<Region[]>([]);
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (list: Coverage[], limit: number, gapList: Region[] = []) => {
      setItems(sorted(list));
      setGaps(gapList);
      setOurs(list.filter((c) => c.org_id === user.org_id).map((c) => c.region));
      setMinutes(String(limit));
    },
    [user.org_id],
  );

  useEffect(() => {
    let live = true;
    void getCoverageSettings().then((r) => {
      if (!live) return;
      if (r.ok) show(r.data.items, r.data.ack_limit_minutes, r.data.gaps);
      else setError(r.error);
    });
    // Then the table and the gaps alone are read again every minute; the admin's choices in
    // the form below are left as she is editing them.
    const timer = setInterval(() => {
      void getCoverageSettings({ background: true }).then((r) => {
        if (!live || !r.ok) return;
        setItems(sorted(r.data.items));
        setGaps(r.data.gaps ?? []);
      });
    }, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [show]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setStatus('');
    const n = Number(minutes);
    if (minutes.trim() !== '' && !Number.isInteger(n)) {
      setBusy(false);
      setError({
        status: 400,
        code: 'invalid',
        message: t('coverage.check'),
        fields: { ack_limit_minutes: t('coverage.wholeMinutes') },
      });
      return;
    }
    // An empty limit leaves the organization's current one as it is.
    const r = await setCoverage(
      REGIONS.filter((x) => ours.includes(x)),
      minutes.trim() === '' ? undefined : n,
    );
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    show(r.data.items, r.data.ack_limit_minutes, r.data.gaps);
    setStatus(t('coverage.saved'));
  }

  const toggle = (region: Region, on: boolean) =>
    setOurs(on ? [...ours, region] : ours.filter((x) => x !== region));
  const regionsError = error?.fields['regions'];

  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <p>{t('coverage.intro')}</p>
      {!isAdmin && <ErrorAlert error={error} />}
      <div role="status" aria-live="polite">
        {gaps.length > 0 && (
          <p className="alert alert-warning coverage-gaps">
            {t('coverage.gaps', { regions: gaps.map((g) => regionName(g, t)).join(', ') })}
          </p>
        )}
      </div>
      {items && items.length === 0 && <p>{t('coverage.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table className="coverage-table">
            <caption>{t('coverage.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.region')}</th>
                <th scope="col">{t('coverage.organization')}</th>
                <th scope="col">{t('coverage.priority')}</th>
                <th scope="col">{t('coverage.reachable')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={`${c.region}-${c.org_id}`}>
                  <th scope="row">{regionName(c.region, t)}</th>
                  <td>{c.org_name}</td>
                  <td>{t('coverage.priorityValue', { n: c.priority })}</td>
                  <td className={c.reachable === false ? 'unreachable' : undefined}>
                    {reachWords(c, t)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin && items && (
        <form
          className="form-grid coverage-form"
          onSubmit={save}
          noValidate
          aria-labelledby="coverage-form-title"
        >
          <h3 id="coverage-form-title" className="form-wide">
            {t('coverage.ourTitle')}
          </h3>
          <div className="form-wide">
            <ErrorAlert error={error} />
          </div>
          <fieldset
            className={regionsError ? 'region-choices field-invalid' : 'region-choices'}
            aria-describedby={regionsError ? 'coverage-regions-error' : undefined}
            aria-invalid={regionsError ? true : undefined}
          >
            <legend>{t('coverage.ourRegions')}</legend>
            {REGIONS.map((r) => (
              <label key={r} className="checkbox">
                <input
                  type="checkbox"
                  checked={ours.includes(r)}
                  onChange={(e) => toggle(r, e.target.checked)}
                />
                {t(`regions.${r}`)}
              </label>
            ))}
            {regionsError && (
              <span className="field-error" id="coverage-regions-error">
                {regionsError}
              </span>
            )}
          </fieldset>
          <TextField
            label={t('coverage.ackLimit')}
            hint={t('coverage.ackLimitHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={120}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={error?.fields['ack_limit_minutes']}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('coverage.save')}
            </button>
          </div>
          <div className="form-wide">
            <StatusMessage text={status} />
          </div>
        </form>
      )}
    </section>
  );
}
