// The organization's people, newest first, with filters (category, age band at intake, whether
// she has an open case). Aliases only: lists never show a legal name (the register form says so).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AGE_BANDS,
  isRestrictedStub,
  listPeople,
  PERSON_CATEGORIES,
  type PeopleFilter,
  type PersonMatch,
} from '../api';
import { ErrorAlert, SelectField } from '../ui';
import { useSubmission } from './forms';
import { SubmitButton } from './widgets';

export function PeopleList() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PeopleFilter>({});
  const [items, setItems] = useState<PersonMatch[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const { busy, error, run } = useSubmission();

  const load = useCallback(
    async (filter: PeopleFilter, after?: string) => {
      const page = await run(() => listPeople(filter, after));
      if (!page) return;
      setItems((before) => (after && before ? [...before, ...page.items] : page.items));
      setCursor(page.next_cursor);
    },
    [run],
  );
  const [applied, setApplied] = useState<PeopleFilter>({});
  useEffect(() => {
    void load(applied);
  }, [applied, load]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setApplied({ ...draft });
  }

  const set = (k: keyof PeopleFilter) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  return (
    <section aria-labelledby="people-list-title">
      <h2 id="people-list-title">{t('people.listTitle')}</h2>
      <p>{t('people.listIntro')}</p>
      <form
        onSubmit={submit}
        className="form-grid card"
        aria-label={t('people.filters.title')}
        noValidate
      >
        <SelectField
          label={t('people.filters.category')}
          value={draft.category ?? ''}
          onChange={set('category')}
        >
          <option value="">{t('people.filters.any')}</option>
          {PERSON_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`people.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('people.filters.ageBand')}
          value={draft.age_band ?? ''}
          onChange={set('age_band')}
        >
          <option value="">{t('people.filters.any')}</option>
          {AGE_BANDS.map((b) => (
            <option key={b} value={b}>
              {t(`people.ageBands.${b}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('people.filters.openCase')}
          value={draft.open_case ?? ''}
          onChange={set('open_case')}
        >
          <option value="">{t('people.filters.any')}</option>
          <option value="yes">{t('people.filters.yes')}</option>
          <option value="no">{t('people.filters.no')}</option>
        </SelectField>
        <div className="actions">
          <SubmitButton busy={busy}>{t('people.filters.apply')}</SubmitButton>
        </div>
      </form>
      {error && <ErrorAlert error={error} />}
      <div role="status" aria-live="polite">
        {items &&
          (items.length === 0 ? (
            <p>{t('people.listEmpty')}</p>
          ) : (
            <p>{t('people.listed', { count: items.length })}</p>
          ))}
      </div>
      {items && items.length > 0 && (
        <ul className="person-results people-list">
          {items.map((p) => (
            <li key={p.id} className="card">
              <h3>
                <Link to={`/people/${encodeURIComponent(p.id)}`}>
                  {isRestrictedStub(p)
                    ? t('people.restrictedListed', { code: p.code })
                    : (p.alias ?? t('people.noAlias'))}
                </Link>
              </h3>
              {!isRestrictedStub(p) && (
                <p>
                  {t('people.codeIs', { code: p.code })}
                  {p.age_band && <> · {t(`people.ageBands.${p.age_band as 'under_19'}`)}</>}
                  {(p.categories ?? []).map((c) => (
                    <span key={c} className="badge">
                      {t(`people.category.${c as 'youth'}`)}
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" onClick={() => void load(applied, cursor)} disabled={busy}>
          {t('people.loadMore')}
        </button>
      )}
    </section>
  );
}
