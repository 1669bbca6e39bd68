// /policy/scorecard: ordinances side by side, criterion by criterion — each value in words, the
// best amount or duration marked, every unmet criterion marked as a gap and the gaps of each
// ordinance named below the table. Editors keep the checklist itself (CriteriaEditor).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compareOrdinances, listPolicyItems, type Comparison } from '../api';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { ErrorAlert } from '../ui';
import { CriteriaEditor } from './CriteriaEditor';
import { isMet, MAX_COMPARE, toggleChoice } from './model';
import { PolicyFrame } from './PolicyTabs';
import { criterionLabel, useCanEdit, useScoreText } from './words';
import './policy.css';

export function ScorecardPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const ordinances = useLoad(() => listPolicyItems({ kind: 'ordinance' }), []);
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<Comparison | null>(null);
  const [tooFew, setTooFew] = useState(false);
  const submit = useSubmission();
  const items = ordinances.data?.items ?? [];

  async function compare() {
    setTooFew(chosen.length < 2);
    if (chosen.length < 2) return;
    const r = await submit.run(() => compareOrdinances(chosen));
    if (r) setResult(r);
  }

  return (
    <PolicyFrame title={t('policy.compare.title')}>
      <p className="page-intro">{t('policy.compare.intro')}</p>
      <ErrorAlert error={ordinances.error} />
      <section className="card" aria-labelledby="policy-choose-title">
        <fieldset className="policy-choose">
          <legend id="policy-choose-title">{t('policy.compare.choose')}</legend>
          {ordinances.data && items.length === 0 && <p>{t('policy.compare.none')}</p>}
          {items.map((i) => (
            <label key={i.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(i.id)}
                disabled={!chosen.includes(i.id) && chosen.length >= MAX_COMPARE}
                onChange={() => setChosen((c) => toggleChoice(c, i.id))}
              />
              <span>
                {i.title} <span className="muted">({i.jurisdiction_name})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="muted" aria-live="polite">
          {t('policy.compare.chosen', { count: chosen.length })}
        </p>
        {tooFew && (
          <p className="field-error" role="alert">
            {t('policy.compare.needTwo')}
          </p>
        )}
        <ErrorAlert error={submit.error} />
        <div className="actions">
          <button type="button" disabled={submit.busy} onClick={() => void compare()}>
            {t('policy.compare.run')}
          </button>
        </div>
      </section>
      {result && <ComparisonTable result={result} />}
      {canEdit && <CriteriaEditor />}
    </PolicyFrame>
  );
}

function ComparisonTable({ result }: { result: Comparison }) {
  const { t } = useTranslation();
  const text = useScoreText();
  const criteria = new Map(result.criteria.map((c) => [c.key, c]));
  return (
    <section className="card" aria-labelledby="policy-result-title">
      <h2 id="policy-result-title">{t('policy.compare.resultTitle')}</h2>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby="policy-compare-caption"
      >
        <table className="policy-compare">
          <caption id="policy-compare-caption">{t('policy.compare.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.compare.criterion')}</th>
              {result.items.map((i) => (
                <th scope="col" key={i.id}>
                  <Link to={`/policy/items/${encodeURIComponent(i.id)}`}>
                    {i.jurisdiction_name}
                  </Link>
                  <span className="policy-compare-title muted">{i.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('policy.compare.score')}</th>
              {result.items.map((i) => (
                <td key={i.id}>
                  {i.score !== null ? t('policy.map.points', { score: i.score }) : ''}
                </td>
              ))}
            </tr>
            {result.criteria.map((c) => (
              <tr key={c.key} data-criterion={c.key}>
                <th scope="row">{criterionLabel(c)}</th>
                {result.items.map((i) => {
                  const value = i.values[c.key];
                  const gap = i.gaps.includes(c.key) || !isMet(c.kind, value);
                  const best =
                    c.kind !== 'yes_no' &&
                    typeof value === 'number' &&
                    value > 0 &&
                    result.best[c.key] === value;
                  return (
                    <td
                      key={i.id}
                      className={gap ? 'policy-gap' : best ? 'policy-best' : undefined}
                    >
                      {text(c.kind, value)}
                      {gap && <span className="policy-tag"> {t('policy.compare.gap')}</span>}
                      {best && <span className="policy-tag"> {t('policy.compare.best')}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('policy.compare.gapsTitle')}</h3>
      <ul className="policy-gaps">
        {result.items.map((i) => (
          <li key={i.id}>
            {i.gaps.length === 0
              ? t('policy.compare.noGaps', { name: i.jurisdiction_name })
              : t('policy.compare.gaps', {
                  name: i.jurisdiction_name,
                  list: i.gaps
                    .map((g) => {
                      const c = criteria.get(g);
                      return c ? criterionLabel(c) : g;
                    })
                    .join(', '),
                })}
          </li>
        ))}
      </ul>
    </section>
  );
}
