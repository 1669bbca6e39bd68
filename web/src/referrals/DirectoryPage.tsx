// The network directory: members searched by the service she needs, region, language and
// whether they take referrals now. Opened from a woman's referral flow (?person=), each entry
// says whether she excluded it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  listWholeDirectory,
  REGIONS,
  SERVICE_TYPES,
  type DirectoryFilter,
  type Region,
  type ServiceType,
} from '../api';
import { COMMON_LANGUAGES, languageName } from '../domain/names';
import { hasAnyRole } from '../domain/navigation';
import { currentLanguage } from '../i18n';
import { useSignedIn } from '../session';
import { ErrorAlert, SelectField } from '../ui';
import { useLoad } from '../cases/widgets';
import { DirectoryEntryCard } from './DirectoryEntryCard';

export function DirectoryPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const [params] = useSearchParams();
  const personId = params.get('person') ?? undefined;
  const [form, setForm] = useState<DirectoryFilter>({ accepting: true });
  const [filter, setFilter] = useState<DirectoryFilter>({ accepting: true });
  const entries = useLoad(
    () => listWholeDirectory({ ...filter, person_id: personId }),
    [filter, personId],
  );
  const lang = currentLanguage();

  function search(e: FormEvent) {
    e.preventDefault();
    setFilter(form);
  }

  const items = entries.data?.items ?? [];
  return (
    <div className="page">
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      {hasAnyRole(session.user.roles, ['org_admin']) && (
        <p>
          <Link to="/directory/profile">{t('directory.profileLink')}</Link>
        </p>
      )}
      {personId && <p className="alert alert-warning">{t('directory.forPerson')}</p>}
      <form className="card form-grid" onSubmit={search} aria-labelledby="directory-filters">
        <h2 id="directory-filters" className="field-wide">
          {t('directory.filters')}
        </h2>
        <SelectField
          label={t('directory.service')}
          value={form.service ?? ''}
          onChange={(e) => setForm({ ...form, service: e.target.value as ServiceType | '' })}
        >
          <option value="">{t('directory.any')}</option>
          {SERVICE_TYPES.map((s) => (
            <option key={s} value={s}>
              {t(`services.types.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('directory.region')}
          value={form.region ?? ''}
          onChange={(e) => setForm({ ...form, region: e.target.value as Region | '' })}
        >
          <option value="">{t('directory.any')}</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {t(`regions.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('directory.language')}
          value={form.language ?? ''}
          onChange={(e) => setForm({ ...form, language: e.target.value })}
        >
          <option value="">{t('directory.any')}</option>
          {COMMON_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l, lang)}
            </option>
          ))}
        </SelectField>
        <div className="checkbox field-wide">
          <input
            id="directory-accepting"
            type="checkbox"
            checked={Boolean(form.accepting)}
            onChange={(e) => setForm({ ...form, accepting: e.target.checked })}
          />
          <label htmlFor="directory-accepting">{t('directory.acceptingOnly')}</label>
        </div>
        <div className="actions">
          <button type="submit">{t('directory.search')}</button>
        </div>
      </form>
      <ErrorAlert error={entries.error} />
      {!entries.data && !entries.error && <p role="status">{t('app.loading')}</p>}
      {entries.data && (
        <p role="status">
          {items.length ? t('directory.found', { count: items.length }) : t('directory.none')}
        </p>
      )}
      <div className="directory-list">
        {items.map((e) => (
          <DirectoryEntryCard
            key={e.org_id}
            entry={e}
            own={e.org_id === session.organization?.id}
          />
        ))}
      </div>
    </div>
  );
}
