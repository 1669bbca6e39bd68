// Finding a person: by the beginning of her name, alias or phone, or by her code (the server
// keeps short keyed tags rather than searchable text, and re-checks each candidate after
// decrypting: docs/security.md, "Finding a person"), or from the organization's list. The query
// lives in the address so "back" returns to it.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { findPeople, isRestrictedStub, type PersonMatch } from '../api';
import { TextField } from '../ui';
import { PeopleList } from './PeopleList';
import { placeFieldErrors, useSubmission } from './forms';
import { FormError, SafeContact, SubmitButton } from './widgets';

export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q');
  const [value, setValue] = useState(query ?? '');
  const [found, setFound] = useState<{ items: PersonMatch[]; more: boolean } | null>(null);
  const { busy, error, run } = useSubmission();

  const search = useCallback(
    async (q: string) => {
      const page = await run(() => findPeople(q));
      setFound(page ? { items: page.items, more: page.more === true } : null);
    },
    [run],
  );

  useEffect(() => {
    if (query) void search(query);
  }, [query, search]);

  // A new query goes into the address (and the effect runs it); the same query again, or an
  // empty one (for the server to say what is missing), is asked directly.
  function submit(e: FormEvent) {
    e.preventDefault();
    const q = value.trim();
    if (q === '' || query === q) void search(q);
    else setParams({ q });
  }

  const { byField, elsewhere } = placeFieldErrors(error, ['q']);
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
        <TextField
          label={t('people.searchValue')}
          name="q"
          autoComplete="off"
          value={value}
          required
          onChange={(e) => setValue(e.target.value)}
          error={byField.q ?? byField.code}
          hint={t('people.searchHint')}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{t('people.search')}</SubmitButton>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {found &&
          (found.items.length === 0 ? (
            <p>{t('people.noneFound')}</p>
          ) : (
            <p>
              {t('people.found', { count: found.items.length })}
              {found.more && <> {t('people.moreFound')}</>}
            </p>
          ))}
      </div>
      {found && found.items.length > 0 && (
        <ul className="person-results">
          {found.items.map((p) =>
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
      {!query && <PeopleList />}
    </div>
  );
}
