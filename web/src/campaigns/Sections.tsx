// The rest of a campaign's page: its linked events (link one of the organization's events
// picked from the list, unlink), materials (links and files, uploaded with progress shown,
// downloaded from the list) and the press coverage log.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  addMaterialLink,
  addPress,
  linkEvent,
  listNetworkEvents,
  MATERIAL_TYPES,
  materialFileUrl,
  MAX_MATERIAL_BYTES,
  removeMaterial,
  removePress,
  unlinkEvent,
  uploadMaterial,
  type ApiError,
  type CampaignDetail,
} from '../api';
import { formatBytes } from '../cases/sections/FilesSection';
import { placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { isDay } from './model';
import { campaignTitle } from './words';

export function EventsSection({
  campaign,
  onChange,
}: {
  campaign: CampaignDetail;
  onChange: (c: CampaignDetail) => void;
}) {
  const { t } = useTranslation();
  const action = useSubmission();
  const [chosen, setChosen] = useState('');
  const [said, setSaid] = useState('');
  const edit = campaign.can_edit;
  const own = useLoad(
    () =>
      edit ? listNetworkEvents() : Promise.resolve({ ok: true as const, data: { items: [] } }),
    [edit],
  );
  const linked = new Set(campaign.events.map((e) => e.id));
  const choices = (own.data?.items ?? []).filter((e) => !linked.has(e.id) && !e.campaign_id);

  async function link(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    const r = await action.run(() => linkEvent(campaign.id, chosen));
    if (r) {
      onChange(r);
      setChosen('');
      setSaid(t('campaigns.events.linked'));
      void own.reload();
    }
  }
  async function unlink(id: string) {
    const r = await action.run(() => unlinkEvent(campaign.id, id));
    if (r) {
      onChange(r);
      setSaid(t('campaigns.events.unlinked'));
      void own.reload();
    }
  }

  return (
    <section className="card" aria-labelledby="campaign-events-title">
      <h2 id="campaign-events-title">{t('campaigns.events.title')}</h2>
      <StatusMessage text={said} />
      <ErrorAlert error={action.error} />
      {campaign.events.length === 0 && <p>{t('campaigns.events.none')}</p>}
      <ul className="plain-list">
        {campaign.events.map((e) => (
          <li key={e.id}>
            <Link to={`/events/${encodeURIComponent(e.id)}`}>{campaignTitle(e)}</Link>
            <span className="muted">
              {formatDate(e.starts_at)} ·{' '}
              {t(`events.kind.${e.kind}` as never, { defaultValue: e.kind })}
              {' · '}
              {e.organizer.name}
              {e.counts &&
                ` · ${t('campaigns.events.counts', {
                  registered: e.counts.registered,
                  checked: e.counts.checked_in,
                })}`}
            </span>
            {edit && (
              <button
                type="button"
                className="button-secondary button-small"
                disabled={action.busy}
                aria-label={t('campaigns.events.unlinkNamed', { title: campaignTitle(e) })}
                onClick={() => void unlink(e.id)}
              >
                {t('campaigns.events.unlink')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {edit && (
        <form className="inline-form" onSubmit={(e) => void link(e)} noValidate>
          <SelectField
            label={t('campaigns.events.choose')}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            hint={choices.length === 0 && own.data ? t('campaigns.events.noChoices') : undefined}
          >
            <option value="">{t('campaigns.events.pick')}</option>
            {choices.map((e) => (
              <option key={e.id} value={e.id}>
                {campaignTitle(e)} ({formatDate(e.starts_at)})
              </option>
            ))}
          </SelectField>
          <SubmitButton busy={action.busy}>{t('campaigns.events.link')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

export function MaterialsSection({
  campaign,
  onReload,
}: {
  campaign: CampaignDetail;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const remove = useSubmission();
  const edit = campaign.can_edit;
  async function drop(id: string) {
    const ok = await remove.run(async () => {
      const r = await removeMaterial(campaign.id, id);
      return r.ok ? { ok: true as const, data: true } : r;
    });
    if (ok) onReload();
  }
  return (
    <section className="card" aria-labelledby="materials-title">
      <h2 id="materials-title">{t('campaigns.materials.title')}</h2>
      <ErrorAlert error={remove.error} />
      {campaign.materials.length === 0 && <p>{t('campaigns.materials.none')}</p>}
      <ul className="plain-list">
        {campaign.materials.map((m) => (
          <li key={m.id}>
            {m.url ? (
              <a href={m.url} rel="noreferrer noopener" target="_blank">
                {m.title}
              </a>
            ) : m.file ? (
              <a
                href={materialFileUrl(campaign.id, m.id)}
                download={m.file.name}
                aria-label={t('campaigns.materials.download', {
                  title: m.title,
                  name: m.file.name,
                })}
              >
                {m.title}
              </a>
            ) : (
              m.title
            )}
            <span className="muted">
              {m.url
                ? t('campaigns.materials.link')
                : m.file
                  ? `${m.file.name} · ${formatBytes(m.file.size)}`
                  : ''}
              {' · '}
              {m.public ? t('campaigns.materials.public') : t('campaigns.materials.internal')}
            </span>
            {edit && (
              <button
                type="button"
                className="button-secondary button-small"
                disabled={remove.busy}
                aria-label={t('campaigns.materials.removeNamed', { title: m.title })}
                onClick={() => void drop(m.id)}
              >
                {t('campaigns.materials.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {edit && (
        <div className="section-forms">
          <MaterialLinkForm campaignId={campaign.id} onDone={onReload} />
          <MaterialFileForm campaignId={campaign.id} onDone={onReload} />
        </div>
      )}
    </section>
  );
}

function PublicBox({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{t('campaigns.materials.makePublic')}</label>
    </div>
  );
}

function MaterialLinkForm({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [pub, setPub] = useState(false);
  const { byField, elsewhere } = placeFieldErrors(submit.error, ['title', 'url']);
  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      addMaterialLink(campaignId, { title: title.trim(), url: url.trim(), public: pub }),
    );
    if (r) {
      setTitle('');
      setUrl('');
      setPub(false);
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="material-link-title">
      <h3 id="material-link-title">{t('campaigns.materials.linkTitle')}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <TextField
        label={t('campaigns.materials.name')}
        value={title}
        error={byField.title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        label={t('campaigns.materials.url')}
        type="url"
        value={url}
        error={byField.url}
        maxLength={2000}
        onChange={(e) => setUrl(e.target.value)}
      />
      <PublicBox value={pub} onChange={setPub} />
      <SubmitButton busy={submit.busy}>{t('campaigns.materials.addLink')}</SubmitButton>
    </form>
  );
}

function MaterialFileForm({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const submit = useSubmission();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [pub, setPub] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<ApiError | null>(null);
  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    const refuse = (text: string) =>
      setLocalError({ status: 400, code: 'invalid', message: text, fields: {} });
    setLocalError(null);
    if (!file) return refuse(t('campaigns.materials.choose'));
    if (file.size > MAX_MATERIAL_BYTES) return refuse(t('campaigns.materials.tooLarge'));
    const type = file.type || (file.name.toLowerCase().endsWith('.hwp') ? 'application/x-hwp' : '');
    if (!MATERIAL_TYPES.includes(type)) return refuse(t('campaigns.materials.badType'));
    const typed = type === file.type ? file : new File([file], file.name, { type });
    setProgress(0);
    const r = await submit.run(() =>
      uploadMaterial(campaignId, title.trim() || file.name, pub, typed, setProgress),
    );
    setProgress(null);
    if (r) {
      if (input.current) input.current.value = '';
      setTitle('');
      setPub(false);
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void upload(e)} noValidate aria-labelledby="material-file-title">
      <h3 id="material-file-title">{t('campaigns.materials.fileTitle')}</h3>
      <ErrorAlert error={localError ?? submit.error} />
      <TextField
        label={t('campaigns.materials.name')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="field">
        <label htmlFor={inputId}>{t('campaigns.materials.file')}</label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept={[...MATERIAL_TYPES, '.hwp'].join(',')}
        />
      </div>
      <PublicBox value={pub} onChange={setPub} />
      {progress !== null && (
        <p>
          <label>
            {t('campaigns.materials.uploading')}{' '}
            <progress value={progress} max={1}>
              {Math.round(progress * 100)}%
            </progress>
          </label>
        </p>
      )}
      <SubmitButton busy={submit.busy}>{t('campaigns.materials.upload')}</SubmitButton>
    </form>
  );
}

export function PressSection({
  campaign,
  onReload,
}: {
  campaign: CampaignDetail;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const remove = useSubmission();
  const submit = useSubmission();
  const [date, setDate] = useState('');
  const [outlet, setOutlet] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, elsewhere } = placeFieldErrors(submit.error, ['date', 'outlet', 'title', 'url']);
  const err = (f: string) => local[f] ?? byField[f];
  const edit = campaign.can_edit;
  const press = [...campaign.press].sort((a, b) => b.date.localeCompare(a.date));

  async function drop(id: string) {
    const ok = await remove.run(async () => {
      const r = await removePress(campaign.id, id);
      return r.ok ? { ok: true as const, data: true } : r;
    });
    if (ok) onReload();
  }
  async function send(e: FormEvent) {
    e.preventDefault();
    const need: Record<string, string> = {};
    if (!isDay(date)) need.date = t('campaigns.form.badDay');
    if (!outlet.trim()) need.outlet = t('campaigns.form.required');
    if (!title.trim()) need.title = t('campaigns.form.required');
    if (!url.trim()) need.url = t('campaigns.form.required');
    setLocal(need);
    if (Object.keys(need).length) return;
    const r = await submit.run(() =>
      addPress(campaign.id, { date, outlet: outlet.trim(), title: title.trim(), url: url.trim() }),
    );
    if (r) {
      setDate('');
      setOutlet('');
      setTitle('');
      setUrl('');
      onReload();
    }
  }
  return (
    <section className="card" aria-labelledby="press-title">
      <h2 id="press-title">{t('campaigns.press.title')}</h2>
      <ErrorAlert error={remove.error} />
      {press.length === 0 && <p>{t('campaigns.press.none')}</p>}
      <ul className="plain-list">
        {press.map((p) => (
          <li key={p.id}>
            <span>{formatDate(p.date)}</span>
            <span>{p.outlet}</span>
            <a href={p.url} rel="noreferrer noopener" target="_blank">
              {p.title}
            </a>
            {edit && (
              <button
                type="button"
                className="button-secondary button-small"
                disabled={remove.busy}
                aria-label={t('campaigns.press.removeNamed', { title: p.title })}
                onClick={() => void drop(p.id)}
              >
                {t('campaigns.press.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {edit && (
        <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="press-add-title">
          <h3 id="press-add-title">{t('campaigns.press.addTitle')}</h3>
          <FormError error={submit.error} elsewhere={elsewhere} />
          <div className="form-grid">
            <TextField
              label={t('campaigns.press.date')}
              type="date"
              value={date}
              error={err('date')}
              onChange={(e) => setDate(e.target.value)}
            />
            <TextField
              label={t('campaigns.press.outlet')}
              value={outlet}
              maxLength={200}
              error={err('outlet')}
              onChange={(e) => setOutlet(e.target.value)}
            />
            <TextField
              label={t('campaigns.press.headline')}
              value={title}
              maxLength={300}
              error={err('title')}
              onChange={(e) => setTitle(e.target.value)}
            />
            <TextField
              label={t('campaigns.press.url')}
              type="url"
              value={url}
              maxLength={2000}
              error={err('url')}
              onChange={(e) => setUrl(e.target.value)}
            />
            <div className="actions">
              <SubmitButton busy={submit.busy}>{t('campaigns.press.add')}</SubmitButton>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}
