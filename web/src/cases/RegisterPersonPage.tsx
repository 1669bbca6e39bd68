// Registering a survivor (docs/domain.md, "Person"). Only the legal name is required; she decides
// what else to share. Her identifying fields are encrypted by the server before storage.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PERSON_CATEGORIES, registerPerson, type PersonCategory } from '../api';
import { countryChoices, COMMON_LANGUAGES, languageName } from '../domain/names';
import { currentLanguage } from '../i18n';
import { Card, SelectField, TextAreaField, TextField } from '../ui';
import { optional, placeFieldErrors, useSubmission } from './forms';
import { CheckboxGroup, FormError, SubmitButton } from './widgets';

const FIELDS = [
  'legal_name',
  'alias',
  'birth_date',
  'phone',
  'safe_contact',
  'nationality',
  'languages',
  'categories',
];

// "ko, vi th" -> ["ko","vi","th"]
export function languageList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function RegisterPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [f, setF] = useState({
    legal_name: '',
    alias: '',
    birth_date: '',
    phone: '',
    safe_contact: '',
    nationality: '',
    languages: '',
  });
  const [categories, setCategories] = useState<PersonCategory[]>([]);
  const [spoken, setSpoken] = useState<string[]>([]);
  const lang = currentLanguage();
  const { busy, error, run } = useSubmission();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The languages ticked, then any other codes typed under "other languages".
    const languages = [...new Set([...spoken, ...languageList(f.languages)])];
    const person = await run(() =>
      registerPerson({
        legal_name: f.legal_name.trim(),
        alias: optional(f.alias),
        birth_date: optional(f.birth_date),
        phone: optional(f.phone),
        safe_contact: optional(f.safe_contact),
        nationality: optional(f.nationality.toUpperCase()),
        languages: languages.length ? languages : undefined,
        categories: categories.length ? categories : undefined,
      }),
    );
    if (person)
      navigate(`/people/${encodeURIComponent(person.id)}`, { state: { registered: true } });
  }

  const { byField, elsewhere } = placeFieldErrors(error, FIELDS);
  return (
    <div className="page">
      <h1>{t('people.registerTitle')}</h1>
      <p>{t('people.registerIntro')}</p>
      <Card>
        <form onSubmit={submit} className="form-grid" noValidate>
          <FormError error={error} elsewhere={elsewhere} />
          <TextField
            label={t('people.legalName')}
            name="legal_name"
            required
            autoComplete="off"
            value={f.legal_name}
            onChange={set('legal_name')}
            error={byField.legal_name}
          />
          <TextField
            label={t('people.alias')}
            name="alias"
            autoComplete="off"
            value={f.alias}
            onChange={set('alias')}
            error={byField.alias}
            hint={t('people.aliasHint')}
          />
          <TextField
            label={t('people.birthDate')}
            name="birth_date"
            type="date"
            value={f.birth_date}
            onChange={set('birth_date')}
            error={byField.birth_date}
          />
          <TextField
            label={t('people.phone')}
            name="phone"
            type="tel"
            autoComplete="off"
            value={f.phone}
            onChange={set('phone')}
            error={byField.phone}
          />
          <TextAreaField
            wide
            label={t('people.safeContact')}
            name="safe_contact"
            value={f.safe_contact}
            onChange={set('safe_contact')}
            error={byField.safe_contact}
            hint={t('people.safeContactHint')}
          />
          <SelectField
            label={t('people.nationality')}
            name="nationality"
            value={f.nationality}
            onChange={set('nationality')}
            error={byField.nationality}
          >
            <option value="">{t('people.notRecorded')}</option>
            {countryChoices(lang).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <CheckboxGroup
            legend={t('people.languages')}
            name="languages"
            options={COMMON_LANGUAGES}
            value={spoken}
            onChange={setSpoken}
            label={(code) => languageName(code, lang)}
            error={byField.languages}
          />
          <TextField
            label={t('people.otherLanguages')}
            name="other_languages"
            autoComplete="off"
            value={f.languages}
            onChange={set('languages')}
            hint={t('people.languagesHint')}
          />
          <CheckboxGroup
            legend={t('people.categories')}
            name="categories"
            options={PERSON_CATEGORIES}
            value={categories}
            onChange={setCategories}
            label={(c) => t(`people.category.${c}`)}
            error={byField.categories}
          />
          <div className="actions">
            <SubmitButton busy={busy}>{t('people.registerSubmit')}</SubmitButton>
          </div>
        </form>
      </Card>
    </div>
  );
}
