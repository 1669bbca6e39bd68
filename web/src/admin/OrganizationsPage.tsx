// Network admins: the member organizations (list, register). Each row links to the
// organization's users, where the network admin can create its first org admin.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ORG_KINDS,
  REGIONS,
  createOrganization,
  listOrganizations,
  type ApiError,
  type NewOrganization,
  type OrgKind,
  type Organization,
  type Region,
} from '../api';
import { formatDate } from '../i18n/format';
import { Card, ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';

const EMPTY = { slug: '', name: '', kind: '', region: '' };

export function OrganizationsPage() {
  const { t } = useTranslation();
  const [orgs, setOrgs] = useState<Organization[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (cursor?: string) => {
    const r = await listOrganizations(cursor);
    if (!r.ok) return setListError(r.error);
    setListError(null);
    setOrgs((prev) => (cursor && prev ? [...prev, ...r.data.items] : r.data.items));
    setNext(r.data.next_cursor ?? null);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setStatus('');
    const body: NewOrganization = {
      slug: form.slug.trim(),
      name: form.name.trim(),
      kind: form.kind as OrgKind,
      region: form.region as Region,
    };
    const r = await createOrganization(body);
    setBusy(false);
    if (!r.ok) return setFormError(r.error);
    setFormError(null);
    setForm(EMPTY);
    setStatus(t('orgs.created_ok', { name: r.data.name ?? body.name }));
    await load();
  }

  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const fe = formError?.fields ?? {};

  return (
    <div className="page">
      <h1>{t('orgs.title')}</h1>
      <p>{t('orgs.intro')}</p>
      <ErrorAlert error={listError} />
      {orgs && orgs.length === 0 && <p>{t('orgs.empty')}</p>}
      {orgs && orgs.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="orgs-caption" tabIndex={0}>
          <table>
            <caption id="orgs-caption">{t('orgs.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orgs.name')}</th>
                <th scope="col">{t('orgs.slugShort')}</th>
                <th scope="col">{t('orgs.kind')}</th>
                <th scope="col">{t('orgs.region')}</th>
                <th scope="col">{t('orgs.created')}</th>
                <th scope="col">{t('orgs.users')}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>
                    <code>{o.slug}</code>
                  </td>
                  <td>{ORG_KINDS.includes(o.kind) ? t(`orgKinds.${o.kind}`) : o.kind}</td>
                  <td>{REGIONS.includes(o.region) ? t(`regions.${o.region}`) : o.region}</td>
                  <td>{o.created_at ? formatDate(o.created_at) : ''}</td>
                  <td>
                    <Link
                      to={`/admin/organizations/${encodeURIComponent(o.id)}/users`}
                      aria-label={t('orgs.manageUsers', { name: o.name })}
                    >
                      {t('orgs.users')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="button-secondary" onClick={() => void load(next)}>
          {t('orgs.loadMore')}
        </button>
      )}

      <Card title={t('orgs.createTitle')}>
        <StatusMessage text={status} />
        <ErrorAlert error={formError} />
        <form onSubmit={submit} className="form-grid" noValidate>
          <TextField
            label={t('orgs.name')}
            name="name"
            required
            value={form.name}
            onChange={set('name')}
            error={fe.name}
          />
          <TextField
            label={t('orgs.slug')}
            name="slug"
            required
            pattern="[a-z0-9][a-z0-9-]*"
            autoCapitalize="none"
            spellCheck={false}
            value={form.slug}
            onChange={set('slug')}
            error={fe.slug}
          />
          <SelectField
            label={t('orgs.kind')}
            name="kind"
            required
            value={form.kind}
            onChange={set('kind')}
            error={fe.kind}
          >
            <option value="">{t('orgs.choose')}</option>
            {ORG_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`orgKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('orgs.region')}
            name="region"
            required
            value={form.region}
            onChange={set('region')}
            error={fe.region}
          >
            <option value="">{t('orgs.choose')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`regions.${r}`)}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('orgs.create')}
            </button>
          </div>
        </form>
      </Card>
    </div>
  );
}
