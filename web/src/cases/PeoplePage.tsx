// Finding a person: exact match on one of name, phone or code (the server keeps blind indexes,
// so there is no partial search). The query lives in the address so "back" returns to it.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isRestrictedStub, searchPeople, type PersonMatch, type PersonSearchKey } from '../api';
import { SelectField, TextField } from '../ui';
import { placeFieldErrors, useSubmission } from './forms';
import { FormError, SafeContact, SubmitButton } from './widgets';

const KEYS: readonly PersonSearchKey[] = ['name', 'phone', 'code'];

export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const paramKey = params.get('by') as PersonSearchKey | null;
  const [key, setKey] = useState<PersonSearchKey>(
    paramKey && KEYS.includes(paramKey) ? paramKey : 'name',
  );
  const [value, setValue] = useState(params.get('q') ?? '');
  const [found, setFound] = useState<PersonMatch[] | null>(null);
  const { busy, error, run } = useSubmission();

  const search = useCallback(
    async (k: PersonSearchKey, q: string) => {
      const page = await run(() => searchPeople(k, q));
      setFound(page ? page.items : null);
    },
    [run],
  );

  const query = params.get('q');
  useEffect(() => {
    if (query && paramKey && KEYS.includes(paramKey)) void search(paramKey, query);
  }, [query, paramKey, search]);

  // A new query goes into the address (and the effect runs it); the same query again, or an
  // empty one (for the server to say what is missing), is asked directly.
  function submit(e: FormEvent) {
    e.preventDefault();
    const q = value.trim();
    if (q === '' || (paramKey === key && query === q)) void search(key, q);
    else setParams({ by: key, q });
  }

  const { byField, elsewhere } = placeFieldErrors(error, [key]);
  return (
    <div className="page">
      <h1>{t('people.title')}</h1>
      <p>{t('people.searchIntro')}</p>
      <p className="page-links">
        <Link to="/people/new">{t('people.register')}</Link>
      </p>
      <form
        onSubmit={submit}
        className="form-grid card"
        role="search"
        aria-label={t('people.search')}
        noValidate
      >
        <FormError error={error} elsewhere={elsewhere} />
        <SelectField
          label={t('people.searchBy')}
          value={key}
          onChange={(e) => setKey(e.target.value as PersonSearchKey)}
        >
          {KEYS.map((k) => (
            <option key={k} value={k}>
              {t(`people.searchKeys.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('people.searchValue')}
          name="q"
          autoComplete="off"
          value={value}
          required
          onChange={(e) => setValue(e.target.value)}
          error={byField[key]}
          hint={t(`people.searchHints.${key}`)}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{t('people.search')}</SubmitButton>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {found &&
          (found.length === 0 ? (
            <p>{t('people.noneFound')}</p>
          ) : (
            <p>{t('people.found', { count: found.length })}</p>
          ))}
      </div>
      {found && found.length > 0 && (
        <ul className="person-results">
          {found.map((p) =>
            isRestrictedStub(p) ? (
              // She has a restricted case: her code only, so she is not registered twice, and
              // the way to ask for her (her page offers to break the glass).
              <li key={p.id} className="card">
                <h2>
                  <Link to={`/people/${encodeURIComponent(p.id)}`}>
                    {t('people.restrictedMatch', { code: p.code })}
                  </Link>
                </h2>
                <p>{t('people.restrictedMatchBody')}</p>
              </li>
            ) : (
              <li key={p.id} className="card">
                <h2>
                  <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.legal_name}</Link>
                </h2>
                <p>
                  {t('people.codeIs', { code: p.code })}
                  {p.alias && <> · {t('people.aliasIs', { alias: p.alias })}</>}
                </p>
                <SafeContact text={p.safe_contact} compact />
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
