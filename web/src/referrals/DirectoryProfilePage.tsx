// An org admin's own organization as the network directory shows it: the regions it serves,
// the services it offers, its languages, whether it takes referrals now, the intake contact
// for staff of other members, and how many working days it takes to answer. No address:
// the directory has none.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  getDirectoryEntry,
  putDirectoryProfile,
  REGIONS,
  SERVICE_TYPES,
  type DirectoryProfile,
} from '../api';
import { COMMON_LANGUAGES, languageName } from '../domain/names';
import { currentLanguage } from '../i18n';
import { useSignedIn } from '../session';
import { ErrorAlert, StatusMessage, TextField } from '../ui';
import { placeFieldErrors, useSubmission, wholeNumber } from '../cases/forms';
import { CheckboxGroup, FormError, SubmitButton, useLoad } from '../cases/widgets';

export function DirectoryProfilePage() {
  const { t } = useTranslation();
  const { organization } = useSignedIn();
  const orgId = organization?.id ?? '';
  const entry = useLoad(() => getDirectoryEntry(orgId), [orgId]);
  const [profile, setProfile] = useState<DirectoryProfile | null>(null);
  const [days, setDays] = useState('');
  const [status, setStatus] = useState('');
  const save = useSubmission();

  useEffect(() => {
    const e = entry.data;
    if (!e) return;
    setProfile({
      regions: e.regions,
      services: e.services,
      languages: e.languages,
      accepting: e.accepting,
      intake_contact: e.intake_contact,
      response_days: e.response_days,
    });
    setDays(String(e.response_days));
  }, [entry.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!profile) return;
    const response_days = wholeNumber(days) ?? Number.NaN;
    const saved = await save.run(() => putDirectoryProfile({ ...profile, response_days }));
    if (!saved) return;
    entry.setData(saved);
    setStatus(t('directory.profileSaved'));
  }

  const { byField, elsewhere } = placeFieldErrors(save.error, [
    'regions',
    'services',
    'languages',
    'accepting',
    'intake_contact',
    'response_days',
  ]);
  const lang = currentLanguage();
  return (
    <div className="page">
      <h1>{t('directory.profileTitle', { name: organization?.name ?? '' })}</h1>
      <p>{t('directory.profileIntro')}</p>
      <p>
        <Link to="/directory">{t('directory.title')}</Link>
      </p>
      <StatusMessage text={status} />
      <ErrorAlert error={entry.error} />
      {!profile && !entry.error && <p role="status">{t('app.loading')}</p>}
      {profile && (
        <form className="card form-grid" onSubmit={submit} noValidate>
          <FormError error={save.error} elsewhere={elsewhere} />
          <div className="checkbox field-wide">
            <input
              id="profile-accepting"
              type="checkbox"
              checked={profile.accepting}
              onChange={(e) => setProfile({ ...profile, accepting: e.target.checked })}
            />
            <label htmlFor="profile-accepting">{t('directory.profileAccepting')}</label>
          </div>
          <div className="field-wide">
            <CheckboxGroup
              legend={t('directory.regions')}
              name="regions"
              options={REGIONS}
              value={profile.regions}
              onChange={(regions) => setProfile({ ...profile, regions })}
              label={(r) => t(`regions.${r}`)}
              error={byField.regions}
            />
          </div>
          <div className="field-wide">
            <CheckboxGroup
              legend={t('directory.services')}
              name="services"
              options={SERVICE_TYPES}
              value={profile.services}
              onChange={(services) => setProfile({ ...profile, services })}
              label={(s) => t(`services.types.${s}`)}
              error={byField.services}
            />
          </div>
          <div className="field-wide">
            <CheckboxGroup
              legend={t('directory.languages')}
              name="languages"
              options={[
                ...COMMON_LANGUAGES,
                ...profile.languages.filter((l) => !COMMON_LANGUAGES.includes(l)),
              ]}
              value={profile.languages}
              onChange={(languages) => setProfile({ ...profile, languages })}
              label={(l) => languageName(l, lang)}
              error={byField.languages}
            />
          </div>
          <TextField
            label={t('directory.intakeContact')}
            hint={t('directory.profileContactHint')}
            value={profile.intake_contact}
            onChange={(e) => setProfile({ ...profile, intake_contact: e.target.value })}
            error={byField.intake_contact}
          />
          <TextField
            label={t('directory.profileDays')}
            hint={t('directory.profileDaysHint')}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={byField.response_days}
          />
          <div className="actions">
            <SubmitButton busy={save.busy}>{t('directory.profileSave')}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}
