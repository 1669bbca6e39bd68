// /partners/new and /partners/:partnerId/edit: kind, Korean name (the public one) and English
// name, website and a staff-only note.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  createPartner,
  getPartner,
  PARTNER_KINDS,
  updatePartner,
  type ApiResult,
  type PartnerDetail,
  type PartnerFields,
  type PartnerKind,
} from '../api';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import { partnerName } from './words';
import '../campaigns/campaigns.css';

const FIELDS = ['kind', 'name_ko', 'name_en', 'website', 'note'];

function PartnerForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: PartnerFields;
  submitLabel: string;
  onSubmit: (body: PartnerFields) => Promise<ApiResult<PartnerDetail>>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmission();
  const [v, setV] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, FIELDS);
  const err = (f: string) => local[f] ?? byField[f];
  const set = <K extends keyof PartnerFields>(k: K, value: PartnerFields[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    if (!v.name_ko.trim()) need.name_ko = t('campaigns.form.required');
    setLocal(need);
    if (Object.keys(need).length) return;
    const saved = await submit.run(() =>
      onSubmit({
        kind: v.kind,
        name_ko: v.name_ko.trim(),
        name_en: v.name_en.trim(),
        website: v.website.trim(),
        note: v.note.trim(),
      }),
    );
    if (saved)
      void navigate(`/partners/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
  }
  return (
    <form className="card" onSubmit={(e) => void send(e)} noValidate>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <SelectField
          label={t('partners.kindLabel')}
          value={v.kind}
          error={err('kind')}
          onChange={(e) => set('kind', e.target.value as PartnerKind)}
        >
          {PARTNER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`partners.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('partners.form.nameKo')}
          hint={t('partners.form.nameKoHint')}
          value={v.name_ko}
          required
          maxLength={200}
          error={err('name_ko')}
          onChange={(e) => set('name_ko', e.target.value)}
        />
        <TextField
          label={t('partners.form.nameEn')}
          value={v.name_en}
          maxLength={200}
          error={err('name_en')}
          onChange={(e) => set('name_en', e.target.value)}
        />
        <TextField
          label={t('partners.form.website')}
          type="url"
          value={v.website}
          maxLength={500}
          error={err('website')}
          onChange={(e) => set('website', e.target.value)}
        />
        <TextAreaField
          label={t('partners.form.note')}
          hint={t('partners.form.noteHint')}
          wide
          value={v.note}
          maxLength={2000}
          error={err('note')}
          onChange={(e) => set('note', e.target.value)}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{submitLabel}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

export function NewPartnerPage() {
  const { t } = useTranslation();
  return (
    <div className="page partners">
      <p>
        <Link to="/partners">{t('partners.back')}</Link>
      </p>
      <h1>{t('partners.form.createTitle')}</h1>
      <PartnerForm
        initial={{ kind: 'womens_rights', name_ko: '', name_en: '', website: '', note: '' }}
        submitLabel={t('partners.form.create')}
        onSubmit={createPartner}
      />
    </div>
  );
}

export function EditPartnerPage() {
  const { t } = useTranslation();
  const { partnerId = '' } = useParams();
  const loaded = useLoad(() => getPartner(partnerId), [partnerId]);
  const p = loaded.data;
  return (
    <div className="page partners">
      <p>
        <Link to={`/partners/${encodeURIComponent(partnerId)}`}>
          {p ? partnerName(p) : t('partners.back')}
        </Link>
      </p>
      <h1>{t('partners.form.editTitle')}</h1>
      <ErrorAlert error={loaded.error} />
      {p && (
        <PartnerForm
          initial={{
            kind: p.kind,
            name_ko: p.name_ko,
            name_en: p.name_en,
            website: p.website,
            note: p.note,
          }}
          submitLabel={t('partners.form.save')}
          onSubmit={(body) => updatePartner(partnerId, body)}
        />
      )}
    </div>
  );
}
