// The form for a new policy item: kind, jurisdiction (the nation, a region or one of its
// municipalities), title, topic, our stance, a summary, an external id, whether it is public,
// and its first status with date and note. The server's field errors land beside their fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listJurisdictions,
  POLICY_KINDS,
  POLICY_STATUSES,
  STANCES,
  type ApiResult,
  type NewPolicyItem,
  type PolicyKind,
  type PolicyStatus,
  type Stance,
} from '../api';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { seoulToday } from '../i18n/format';
import { SelectField, TextAreaField, TextField } from '../ui';
import { jurisdictionOptions } from './model';
import { placeName } from './words';

const FIELDS = [
  'kind',
  'jurisdiction',
  'title',
  'topic',
  'stance',
  'summary',
  'external_id',
  'status',
  'status_on',
  'status_note',
];

export function ItemForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (body: NewPolicyItem) => Promise<ApiResult<unknown>>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const places = useLoad(() => listJurisdictions(), []);
  const submit = useSubmission();
  const [v, setV] = useState({
    kind: 'ordinance' as PolicyKind,
    jurisdiction: '',
    title: '',
    topic: '',
    stance: 'support' as Stance,
    summary: '',
    external_id: '',
    published: false,
    status: 'proposed' as PolicyStatus,
    status_on: seoulToday(),
    status_note: '',
  });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, FIELDS);
  const err = (f: string) => missing[f] ?? byField[f];

  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    for (const f of ['jurisdiction', 'title', 'status_on'] as const)
      if (!v[f].trim()) need[f] = t('policy.items.required');
    setMissing(need);
    if (Object.keys(need).length) return;
    await submit.run(() =>
      onSubmit({
        kind: v.kind,
        jurisdiction: v.jurisdiction,
        title: v.title.trim(),
        topic: optional(v.topic),
        stance: v.stance,
        summary: optional(v.summary),
        external_id: optional(v.external_id),
        published: v.published,
        status: v.status,
        status_on: v.status_on,
        status_note: optional(v.status_note),
      }),
    );
  }

  return (
    <form onSubmit={(e) => void send(e)} noValidate>
      <FormError error={submit.error ?? places.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <SelectField
          label={t('policy.items.kind')}
          value={v.kind}
          error={err('kind')}
          onChange={(e) => setV({ ...v, kind: e.target.value as PolicyKind })}
        >
          {POLICY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`policy.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('policy.items.jurisdiction')}
          value={v.jurisdiction}
          error={err('jurisdiction')}
          required
          onChange={(e) => setV({ ...v, jurisdiction: e.target.value })}
        >
          <option value="">–</option>
          {jurisdictionOptions(places.data?.items ?? []).map((j) => (
            <option key={j.code} value={j.code}>
              {j.level === 'municipality' ? `\u00a0\u00a0· ${placeName(j)}` : placeName(j)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('policy.items.name')}
          value={v.title}
          error={err('title')}
          required
          maxLength={300}
          onChange={(e) => setV({ ...v, title: e.target.value })}
        />
        <TextField
          label={t('policy.items.topic')}
          value={v.topic}
          error={err('topic')}
          maxLength={100}
          onChange={(e) => setV({ ...v, topic: e.target.value })}
        />
        <SelectField
          label={t('policy.items.stance')}
          value={v.stance}
          error={err('stance')}
          onChange={(e) => setV({ ...v, stance: e.target.value as Stance })}
        >
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {t(`policy.stance.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('policy.items.externalId')}
          value={v.external_id}
          error={err('external_id')}
          maxLength={100}
          onChange={(e) => setV({ ...v, external_id: e.target.value })}
        />
        <SelectField
          label={t('policy.items.firstStatus')}
          value={v.status}
          error={err('status')}
          onChange={(e) => setV({ ...v, status: e.target.value as PolicyStatus })}
        >
          {POLICY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`policy.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('policy.items.statusOn')}
          type="date"
          value={v.status_on}
          error={err('status_on')}
          required
          onChange={(e) => setV({ ...v, status_on: e.target.value })}
        />
        <TextField
          label={t('policy.items.statusNote')}
          value={v.status_note}
          error={err('status_note')}
          maxLength={1000}
          onChange={(e) => setV({ ...v, status_note: e.target.value })}
        />
        <TextAreaField
          wide
          label={t('policy.items.summary')}
          hint={t('policy.items.summaryHint')}
          value={v.summary}
          error={err('summary')}
          maxLength={4000}
          onChange={(e) => setV({ ...v, summary: e.target.value })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={v.published}
            onChange={(e) => setV({ ...v, published: e.target.checked })}
          />
          {t('policy.items.publish')}
        </label>
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('policy.items.create')}</SubmitButton>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('policy.items.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
