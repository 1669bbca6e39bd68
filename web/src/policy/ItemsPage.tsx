// /policy/items: laws, decrees, ordinances, bills, budget items, guidelines and rulings, filtered
// by kind, region, current status and topic (and a title search), page by page; editors record
// a new one with its first status.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  createPolicyItem,
  listPolicyItems,
  POLICY_KINDS,
  POLICY_STATUSES,
  REGIONS,
  type ItemFilter,
  type PolicyItem,
} from '../api';
import { useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ErrorAlert, SelectField, TextField } from '../ui';
import { ItemForm } from './ItemForm';
import { PolicyFrame } from './PolicyTabs';
import { useCanEdit, useRegionName } from './words';
import './policy.css';

export function ItemsPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const regionName = useRegionName();
  const [draft, setDraft] = useState({ kind: '', region: '', status: '', q: '' });
  const [filter, setFilter] = useState<ItemFilter>({});
  const [topic, setTopic] = useState('');
  const [more, setMore] = useState<PolicyItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useLoad(async () => {
    const r = await listPolicyItems(filter);
    if (r.ok) {
      setMore([]);
      setCursor(r.data.next_cursor);
    }
    return r;
  }, [filter]);

  function apply(e: FormEvent) {
    e.preventDefault();
    const f: ItemFilter = { kind: draft.kind, status: draft.status, q: draft.q.trim() };
    if (draft.region === 'KR') f.jurisdiction = 'KR';
    else f.region = draft.region;
    setFilter(f);
  }
  async function loadMore() {
    if (!cursor) return;
    const r = await listPolicyItems({ ...filter, cursor });
    if (r.ok) {
      setMore((m) => [...m, ...r.data.items]);
      setCursor(r.data.next_cursor);
    }
  }
  const needle = topic.trim().toLowerCase();
  const items = [...(list.data?.items ?? []), ...more].filter(
    (i) => !needle || (i.topic ?? '').toLowerCase().includes(needle),
  );

  return (
    <PolicyFrame title={t('policy.items.title')}>
      {canEdit && !creating && (
        <p>
          <button type="button" onClick={() => setCreating(true)}>
            {t('policy.items.open')}
          </button>
        </p>
      )}
      {canEdit && creating && (
        <section className="card" aria-labelledby="policy-new-title">
          <h2 id="policy-new-title">{t('policy.items.newTitle')}</h2>
          <ItemForm
            onCancel={() => setCreating(false)}
            onSubmit={async (body) => {
              const r = await createPolicyItem(body);
              if (r.ok) void navigate(`/policy/items/${encodeURIComponent(r.data.id)}`);
              return r;
            }}
          />
        </section>
      )}
      <form className="card policy-filters" onSubmit={apply} aria-labelledby="policy-filter-title">
        <h2 id="policy-filter-title">{t('policy.items.filters')}</h2>
        <div className="form-grid">
          <SelectField
            label={t('policy.items.kind')}
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <option value="">{t('policy.items.any')}</option>
            {POLICY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`policy.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('policy.items.region')}
            value={draft.region}
            onChange={(e) => setDraft({ ...draft, region: e.target.value })}
          >
            <option value="">{t('policy.items.any')}</option>
            <option value="KR">{t('policy.items.nation')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {regionName(r)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('policy.items.status')}
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">{t('policy.items.any')}</option>
            {POLICY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`policy.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('policy.items.topic')}
            hint={t('policy.items.topicHint')}
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
          />
          <TextField
            label={t('policy.items.q')}
            type="search"
            value={draft.q}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
          <div className="actions">
            <button type="submit">{t('policy.items.search')}</button>
          </div>
        </div>
      </form>
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && <p>{t('policy.items.none')}</p>}
      {items.length > 0 && <ItemTable items={items} />}
      {cursor && (
        <p>
          <button type="button" className="button-secondary" onClick={() => void loadMore()}>
            {t('policy.items.more')}
          </button>
        </p>
      )}
    </PolicyFrame>
  );
}

function ItemTable({ items }: { items: readonly PolicyItem[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="policy-items-caption">
      <table className="policy-items">
        <caption id="policy-items-caption">{t('policy.items.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('policy.items.name')}</th>
            <th scope="col">{t('policy.items.kind')}</th>
            <th scope="col">{t('policy.items.jurisdiction')}</th>
            <th scope="col">{t('policy.items.status')}</th>
            <th scope="col" className="num">
              {t('policy.items.score')}
            </th>
            <th scope="col">{t('policy.items.published')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link to={`/policy/items/${encodeURIComponent(i.id)}`}>{i.title}</Link>
                {i.topic && <span className="muted"> · {i.topic}</span>}
              </th>
              <td>{t(`policy.kind.${i.kind}`)}</td>
              <td>{i.jurisdiction_name}</td>
              <td>
                {t(`policy.status.${i.status}`)}{' '}
                <span className="muted">
                  {t('policy.items.since', { date: formatDate(i.status_on) })}
                </span>
              </td>
              <td className="num">
                {i.score !== null ? t('policy.map.points', { score: i.score }) : ''}
              </td>
              <td>{t(i.published ? 'policy.items.isPublished' : 'policy.items.notPublished')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
