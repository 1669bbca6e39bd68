// /policy/items/:itemId: one law, ordinance or bill — what it is, our stance, whether the public
// sees it; its status history (append-only: editors add an entry with its date and note); for
// an ordinance its scorecard; its documents; our recommendations and submissions with the
// responses received; and the hearings and sessions about it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  addPolicyStatus,
  getPolicyItem,
  POLICY_STATUSES,
  updatePolicyItem,
  type PolicyItemDetail,
  type PolicyStatus,
} from '../api';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { formatDate, formatDateTime, seoulToday } from '../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextField } from '../ui';
import { DocumentsSection } from './DocumentsSection';
import { EventsSection } from './EventsSection';
import { PolicyFrame } from './PolicyTabs';
import { ScoreSection } from './ScoreSection';
import { SubmissionsSection } from './SubmissionsSection';
import { useCanEdit } from './words';
import './policy.css';

export type Done =
  'status' | 'published' | 'scores' | 'document' | 'removed' | 'submission' | 'response' | 'event';

export function ItemPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const item = useLoad(() => getPolicyItem(itemId), [itemId]);
  const canEdit = useCanEdit();
  const submit = useSubmission();
  const [done, setDone] = useState<Done | null>(null);
  const i = item.data;
  if (!i)
    return (
      <PolicyFrame title={t('policy.items.title')}>
        <ErrorAlert error={item.error} />
      </PolicyFrame>
    );
  const changed = (what: Done) => {
    setDone(what);
    void item.reload();
  };
  async function togglePublished(it: PolicyItemDetail) {
    const r = await submit.run(() => updatePolicyItem(it.id, { published: !it.published }));
    if (r) changed('published');
  }

  return (
    <PolicyFrame title={i.title}>
      <p>
        <Link to="/policy/items">{t('policy.item.back')}</Link>
      </p>
      <StatusMessage text={done ? t(`policy.item.done.${done}`) : ''} />
      <ErrorAlert error={submit.error} />
      <section className="card" aria-label={i.title}>
        <p>
          <span className={`policy-status policy-status-${i.status}`}>
            {t(`policy.status.${i.status}`)}
          </span>{' '}
          <span className="muted">
            {t(`policy.kind.${i.kind}`)} · {i.jurisdiction_name}
            {i.topic && ` · ${i.topic}`}
          </span>
        </p>
        <dl className="facts">
          <dt>{t('policy.history.status')}</dt>
          <dd>
            {t('policy.item.current', {
              status: t(`policy.status.${i.status}`),
              date: formatDate(i.status_on),
            })}
          </dd>
          <dt>{t('policy.items.stance')}</dt>
          <dd>{t(`policy.stance.${i.stance}`)}</dd>
          {i.score !== null && (
            <>
              <dt>{t('policy.items.score')}</dt>
              <dd>{t('policy.map.points', { score: i.score })}</dd>
            </>
          )}
          {i.external_id && (
            <>
              <dt>{t('policy.items.externalId')}</dt>
              <dd>{i.external_id}</dd>
            </>
          )}
          <dt>{t('policy.items.published')}</dt>
          <dd>{t(i.published ? 'policy.item.published' : 'policy.item.unpublished')}</dd>
        </dl>
        {i.summary && <p className="policy-summary">{i.summary}</p>}
        {canEdit && (
          <div className="actions">
            <button
              type="button"
              className="button-secondary"
              disabled={submit.busy}
              onClick={() => void togglePublished(i)}
            >
              {t(i.published ? 'policy.item.unpublish' : 'policy.item.publish')}
            </button>
          </div>
        )}
      </section>
      <History item={i} canEdit={canEdit} onDone={() => changed('status')} />
      {i.kind === 'ordinance' && (
        <ScoreSection item={i} canEdit={canEdit} onDone={() => changed('scores')} />
      )}
      <DocumentsSection item={i} canEdit={canEdit} onDone={changed} />
      <SubmissionsSection itemId={i.id} canEdit={canEdit} onDone={changed} />
      <EventsSection item={i} canEdit={canEdit} onDone={() => changed('event')} />
    </PolicyFrame>
  );
}

function History({
  item,
  canEdit,
  onDone,
}: {
  item: PolicyItemDetail;
  canEdit: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [status, setStatus] = useState<PolicyStatus>('under_review');
  const [on, setOn] = useState(seoulToday());
  const [note, setNote] = useState('');
  const { byField, elsewhere } = placeFieldErrors(submit.error, ['status', 'on', 'note']);
  async function add(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      addPolicyStatus(item.id, { status, on, note: optional(note) }),
    );
    if (r) {
      setNote('');
      onDone();
    }
  }
  return (
    <section className="card" aria-labelledby="policy-history-title">
      <h2 id="policy-history-title">{t('policy.history.title')}</h2>
      <p className="muted">{t('policy.history.intro')}</p>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby="policy-history-caption"
      >
        <table className="policy-narrow policy-history">
          <caption id="policy-history-caption">{t('policy.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.history.on')}</th>
              <th scope="col">{t('policy.history.status')}</th>
              <th scope="col">{t('policy.history.note')}</th>
              <th scope="col">{t('policy.history.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {item.history.map((h) => (
              <tr key={h.seq}>
                <th scope="row">{formatDate(h.on)}</th>
                <td>{t(`policy.status.${h.status}`)}</td>
                <td>{h.note ?? ''}</td>
                <td className="muted">{formatDateTime(h.recorded_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <form onSubmit={(e) => void add(e)} noValidate aria-labelledby="policy-status-add">
          <h3 id="policy-status-add">{t('policy.history.addTitle')}</h3>
          <FormError error={submit.error} elsewhere={elsewhere} />
          <div className="form-grid">
            <SelectField
              label={t('policy.history.status')}
              value={status}
              error={byField.status}
              onChange={(e) => setStatus(e.target.value as PolicyStatus)}
            >
              {POLICY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`policy.status.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('policy.history.on')}
              type="date"
              value={on}
              error={byField.on}
              required
              onChange={(e) => setOn(e.target.value)}
            />
            <TextField
              label={t('policy.history.note')}
              value={note}
              error={byField.note}
              maxLength={1000}
              onChange={(e) => setNote(e.target.value)}
            />
            <div className="actions">
              <SubmitButton busy={submit.busy}>{t('policy.history.add')}</SubmitButton>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}
