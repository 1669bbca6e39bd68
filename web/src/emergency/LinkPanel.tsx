// Linking a request to the woman it is about. A dispatcher may not open the register of people,
// so she looks her up here, on the request: an exact name or phone of her organization's people
// answers stubs (code, alias, age band, open cases), and she links the request to one of them or
// to one of her open cases. A restricted woman she may not reach is shown by code only: her
// supervisor links her. Every lookup is audited on the server.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findPersonCandidates,
  type ApiError,
  type ApiResult,
  type HelpRequest,
  type RequestCandidate,
} from '../api';
import { ErrorAlert, SelectField, TextField } from '../ui';

interface Props {
  request: HelpRequest;
  busy: boolean;
  onLink: (personId: string, caseId?: string) => Promise<boolean>;
}

type Key = 'name' | 'phone';

export function LinkPanel({ request: r, busy, onLink }: Props) {
  const { t } = useTranslation();
  const resultsId = useId();
  const [key, setKey] = useState<Key>('name');
  const [value, setValue] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [matches, setMatches] = useState<RequestCandidate[] | null>(null);
  const [searching, setSearching] = useState(false);

  async function search(e: FormEvent) {
    e.preventDefault();
    setSearching(true);
    const lookup = key === 'name' ? { name: value.trim() } : { phone: value.trim() };
    const result: ApiResult<{ items: RequestCandidate[] }> = await findPersonCandidates(
      r.id,
      lookup,
    );
    setSearching(false);
    if (!result.ok) {
      setError(result.error);
      setMatches(null);
      return;
    }
    setError(null);
    setMatches(result.data.items);
  }

  return (
    <section className="action-form link-panel" aria-labelledby="link-title">
      <h3 id="link-title">{t('emergency.linkTitle')}</h3>
      <p className="field-hint">{t('emergency.linkHint')}</p>
      <form
        className="form-grid"
        onSubmit={search}
        role="search"
        aria-label={t('emergency.findTitle')}
      >
        <SelectField
          label={t('emergency.findBy')}
          value={key}
          onChange={(e) => setKey(e.target.value as Key)}
        >
          <option value="name">{t('emergency.findByName')}</option>
          <option value="phone">{t('emergency.findByPhone')}</option>
        </SelectField>
        <TextField
          label={key === 'name' ? t('emergency.findName') : t('emergency.findPhone')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={error?.fields[key]}
          autoComplete="off"
          inputMode={key === 'phone' ? 'tel' : undefined}
        />
        <div className="actions">
          <button type="submit" disabled={searching || busy}>
            {t('emergency.find')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error && Object.keys(error.fields).length === 0 ? error : null} />
      <div id={resultsId} aria-live="polite">
        {matches !== null && (
          <p>
            {matches.length === 0
              ? t('emergency.noMatch')
              : t('emergency.matches', { n: matches.length })}
          </p>
        )}
        {matches !== null && matches.length > 0 && (
          <ul className="match-list">
            {matches.map((m) => (
              <Match key={m.id} match={m} busy={busy} linked={r} onLink={onLink} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Match({
  match: m,
  busy,
  linked,
  onLink,
}: {
  match: RequestCandidate;
  busy: boolean;
  linked: HelpRequest;
  onLink: Props['onLink'];
}) {
  const { t } = useTranslation();
  if (m.hidden) {
    return (
      <li className="match match-hidden">
        <strong>{t('emergency.restrictedMatch', { code: m.code })}</strong>
        <p className="field-hint">{t('emergency.restrictedMatchHint')}</p>
      </li>
    );
  }
  const who = m.alias ? t('emergency.matchWho', { code: m.code, alias: m.alias }) : m.code;
  return (
    <li className="match">
      <strong>{who}</strong>
      {m.age_band && (
        <span className="match-age">
          {' · '}
          {t(`emergency.ageBands.${m.age_band}`, { defaultValue: m.age_band })}
        </span>
      )}
      <div className="actions">
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy || linked.person_id === m.id}
          onClick={() => void onLink(m.id)}
        >
          {t('emergency.linkPerson', { code: m.code })}
        </button>
        {m.open_cases.map((c) => (
          <button
            key={c.id}
            type="button"
            className="button-small"
            disabled={busy || linked.case_id === c.id}
            onClick={() => void onLink(m.id, c.id)}
          >
            {t('emergency.linkCase', { number: c.number })}
          </button>
        ))}
      </div>
      {m.open_cases.length === 0 && <p className="field-hint">{t('emergency.noOpenCase')}</p>}
    </li>
  );
}
