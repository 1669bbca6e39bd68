// /campaigns/new and /campaigns/:campaignId/edit: the Korean and English title, summary and goal,
// the period (Korea days), themes, status and whether it is shown on the public site. The
// server's field errors land beside their fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_THEMES,
  createCampaign,
  getCampaign,
  updateCampaign,
  type ApiResult,
  type CampaignDetail,
  type CampaignFields,
} from '../api';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { CheckboxGroup, FormError, SubmitButton, useLoad } from '../cases/widgets';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import { isDay } from './model';
import { campaignTitle } from './words';
import './campaigns.css';

const FIELDS = [
  'title_ko',
  'title_en',
  'summary_ko',
  'summary_en',
  'goal_ko',
  'goal_en',
  'starts_on',
  'ends_on',
  'themes',
  'status',
];

const blank: CampaignFields = {
  title_ko: '',
  title_en: '',
  summary_ko: '',
  summary_en: '',
  goal_ko: '',
  goal_en: '',
  starts_on: '',
  ends_on: '',
  themes: [],
  status: 'planning',
  published: false,
};

function CampaignForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: CampaignFields;
  submitLabel: string;
  onSubmit: (body: CampaignFields) => Promise<ApiResult<CampaignDetail>>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmission();
  const [v, setV] = useState<CampaignFields>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, FIELDS);
  const err = (f: string) => local[f] ?? byField[f];
  const set = <K extends keyof CampaignFields>(k: K, value: CampaignFields[K]) =>
    setV((old) => ({ ...old, [k]: value }));

  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    if (!v.title_ko.trim()) need.title_ko = t('campaigns.form.required');
    for (const f of ['starts_on', 'ends_on'] as const)
      if (!isDay(v[f])) need[f] = t('campaigns.form.badDay');
    if (!need.starts_on && !need.ends_on && v.ends_on < v.starts_on)
      need.ends_on = t('campaigns.form.endBeforeStart');
    setLocal(need);
    if (Object.keys(need).length) return;
    const trimmed = { ...v };
    for (const k of [
      'title_ko',
      'title_en',
      'summary_ko',
      'summary_en',
      'goal_ko',
      'goal_en',
    ] as const)
      trimmed[k] = v[k].trim();
    const saved = await submit.run(() => onSubmit(trimmed));
    if (saved)
      void navigate(`/campaigns/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
  }

  return (
    <form className="card" onSubmit={(e) => void send(e)} noValidate>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <TextField
          label={t('campaigns.form.titleKo')}
          value={v.title_ko}
          required
          maxLength={200}
          error={err('title_ko')}
          onChange={(e) => set('title_ko', e.target.value)}
        />
        <TextField
          label={t('campaigns.form.titleEn')}
          value={v.title_en}
          maxLength={200}
          error={err('title_en')}
          onChange={(e) => set('title_en', e.target.value)}
        />
        <TextField
          label={t('campaigns.form.startsOn')}
          type="date"
          value={v.starts_on}
          required
          error={err('starts_on')}
          onChange={(e) => set('starts_on', e.target.value)}
        />
        <TextField
          label={t('campaigns.form.endsOn')}
          type="date"
          value={v.ends_on}
          required
          error={err('ends_on')}
          onChange={(e) => set('ends_on', e.target.value)}
        />
        <TextAreaField
          label={t('campaigns.form.summaryKo')}
          value={v.summary_ko}
          maxLength={4000}
          error={err('summary_ko')}
          onChange={(e) => set('summary_ko', e.target.value)}
        />
        <TextAreaField
          label={t('campaigns.form.summaryEn')}
          value={v.summary_en}
          maxLength={4000}
          error={err('summary_en')}
          onChange={(e) => set('summary_en', e.target.value)}
        />
        <TextAreaField
          label={t('campaigns.form.goalKo')}
          value={v.goal_ko}
          maxLength={2000}
          error={err('goal_ko')}
          onChange={(e) => set('goal_ko', e.target.value)}
        />
        <TextAreaField
          label={t('campaigns.form.goalEn')}
          value={v.goal_en}
          maxLength={2000}
          error={err('goal_en')}
          onChange={(e) => set('goal_en', e.target.value)}
        />
        <CheckboxGroup
          legend={t('campaigns.form.themes')}
          name="themes"
          options={CAMPAIGN_THEMES}
          value={v.themes}
          error={err('themes')}
          label={(o) => t(`campaigns.theme.${o}`)}
          onChange={(themes) => set('themes', themes)}
        />
        <SelectField
          label={t('campaigns.statusLabel')}
          value={v.status}
          error={err('status')}
          onChange={(e) => set('status', e.target.value as CampaignFields['status'])}
        >
          {CAMPAIGN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`campaigns.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="checkbox">
          <input
            id="campaign-published"
            type="checkbox"
            checked={v.published}
            onChange={(e) => set('published', e.target.checked)}
          />
          <label htmlFor="campaign-published">{t('campaigns.form.published')}</label>
        </div>
        <div className="actions">
          <SubmitButton busy={submit.busy}>{submitLabel}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

export function NewCampaignPage() {
  const { t } = useTranslation();
  return (
    <div className="page campaigns">
      <p>
        <Link to="/campaigns">{t('campaigns.back')}</Link>
      </p>
      <h1>{t('campaigns.form.createTitle')}</h1>
      <CampaignForm
        initial={blank}
        submitLabel={t('campaigns.form.create')}
        onSubmit={createCampaign}
      />
    </div>
  );
}

export function EditCampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const loaded = useLoad(() => getCampaign(campaignId), [campaignId]);
  const c = loaded.data;
  return (
    <div className="page campaigns">
      <p>
        <Link to={`/campaigns/${encodeURIComponent(campaignId)}`}>
          {c ? campaignTitle(c) : t('campaigns.back')}
        </Link>
      </p>
      <h1>{t('campaigns.form.editTitle')}</h1>
      <ErrorAlert error={loaded.error} />
      {c && (
        <CampaignForm
          initial={{
            title_ko: c.title_ko,
            title_en: c.title_en,
            summary_ko: c.summary_ko,
            summary_en: c.summary_en,
            goal_ko: c.goal_ko,
            goal_en: c.goal_en,
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            themes: c.themes,
            status: c.status,
            published: c.published,
          }}
          submitLabel={t('campaigns.form.save')}
          onSubmit={(body) => updateCampaign(campaignId, body)}
        />
      )}
    </div>
  );
}
