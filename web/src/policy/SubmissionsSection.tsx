// Our recommendations, submissions and opinions about an item, each with the response received
// (or a word that none has come yet); editors record a new one and, later, the response.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createSubmission,
  listSubmissions,
  SUBMISSION_KINDS,
  updateSubmission,
  type Submission,
  type SubmissionKind,
} from '../api';
import { optional, placeFieldErrors, useSubmission } from '../cases/forms';
import { FormError, SubmitButton, useLoad } from '../cases/widgets';
import { formatDate, seoulToday } from '../i18n/format';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../ui';
import type { Done } from './ItemPage';

export function SubmissionsSection({
  itemId,
  canEdit,
  onDone,
}: {
  itemId: string;
  canEdit: boolean;
  onDone: (what: Done) => void;
}) {
  const { t } = useTranslation();
  const list = useLoad(() => listSubmissions(itemId), [itemId]);
  const items = list.data?.items ?? [];
  const changed = (what: Done) => {
    void list.reload();
    onDone(what);
  };
  return (
    <section className="card" aria-labelledby="policy-subs-title">
      <h2 id="policy-subs-title">{t('policy.submissions.title')}</h2>
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && <p>{t('policy.submissions.none')}</p>}
      <ul className="policy-list">
        {items.map((s) => (
          <SubmissionEntry key={s.id} s={s} canEdit={canEdit} onDone={() => changed('response')} />
        ))}
      </ul>
      {canEdit && <SubmissionForm itemId={itemId} onDone={() => changed('submission')} />}
    </section>
  );
}

function SubmissionEntry({
  s,
  canEdit,
  onDone,
}: {
  s: Submission;
  canEdit: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="policy-submission">
      <strong>{s.title}</strong>{' '}
      <span className="muted">
        {t(`policy.submissions.kind.${s.kind}`)} ·{' '}
        {s.addressee
          ? t('policy.submissions.sent', {
              date: formatDate(s.submitted_on),
              addressee: s.addressee,
            })
          : t('policy.submissions.sentNoAddressee', { date: formatDate(s.submitted_on) })}
      </span>
      {s.body && <p>{s.body}</p>}
      <p className={s.response ? 'policy-response' : 'muted'}>
        {s.response
          ? t('policy.submissions.response', {
              date: formatDate(s.response.received_on),
              summary: s.response.summary,
            })
          : t('policy.submissions.noResponse')}
      </p>
      {canEdit && !open && (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => setOpen(true)}
        >
          {t('policy.submissions.respond')}
        </button>
      )}
      {open && (
        <ResponseForm
          s={s}
          onDone={() => {
            setOpen(false);
            onDone();
          }}
        />
      )}
    </li>
  );
}

function ResponseForm({ s, onDone }: { s: Submission; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [on, setOn] = useState(s.response?.received_on ?? seoulToday());
  const [summary, setSummary] = useState(s.response?.summary ?? '');
  const { byField, elsewhere } = placeFieldErrors(submit.error, [
    'response.received_on',
    'response.summary',
  ]);
  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      updateSubmission(s.id, { response: { received_on: on, summary: summary.trim() } }),
    );
    if (r) onDone();
  }
  return (
    <form
      onSubmit={(e) => void send(e)}
      noValidate
      aria-label={t('policy.submissions.respondTitle')}
    >
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <TextField
          label={t('policy.submissions.receivedOn')}
          type="date"
          value={on}
          error={byField['response.received_on']}
          onChange={(e) => setOn(e.target.value)}
        />
        <TextAreaField
          wide
          rows={2}
          label={t('policy.submissions.summary')}
          value={summary}
          error={byField['response.summary']}
          maxLength={4000}
          onChange={(e) => setSummary(e.target.value)}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('policy.submissions.respond')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

function SubmissionForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmission();
  const [v, setV] = useState({
    kind: 'recommendation' as SubmissionKind,
    title: '',
    addressee: '',
    submitted_on: seoulToday(),
    body: '',
  });
  const { byField, elsewhere } = placeFieldErrors(submit.error, [
    'kind',
    'title',
    'addressee',
    'submitted_on',
    'body',
  ]);
  async function send(e: FormEvent) {
    e.preventDefault();
    const r = await submit.run(() =>
      createSubmission({
        kind: v.kind,
        item_id: itemId,
        title: v.title.trim(),
        addressee: optional(v.addressee),
        submitted_on: v.submitted_on,
        body: optional(v.body),
      }),
    );
    if (r) {
      setV({ ...v, title: '', addressee: '', body: '' });
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="policy-sub-add">
      <h3 id="policy-sub-add">{t('policy.submissions.addTitle')}</h3>
      <FormError error={submit.error} elsewhere={elsewhere} />
      <div className="form-grid">
        <SelectField
          label={t('policy.submissions.kindLabel')}
          value={v.kind}
          error={byField.kind}
          onChange={(e) => setV({ ...v, kind: e.target.value as SubmissionKind })}
        >
          {SUBMISSION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`policy.submissions.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('policy.submissions.docTitle')}
          value={v.title}
          error={byField.title}
          maxLength={300}
          onChange={(e) => setV({ ...v, title: e.target.value })}
        />
        <TextField
          label={t('policy.submissions.addressee')}
          value={v.addressee}
          error={byField.addressee}
          maxLength={200}
          onChange={(e) => setV({ ...v, addressee: e.target.value })}
        />
        <TextField
          label={t('policy.submissions.submittedOn')}
          type="date"
          value={v.submitted_on}
          error={byField.submitted_on}
          onChange={(e) => setV({ ...v, submitted_on: e.target.value })}
        />
        <TextAreaField
          wide
          rows={3}
          label={t('policy.submissions.body')}
          hint={t('policy.items.summaryHint')}
          value={v.body}
          error={byField.body}
          maxLength={4000}
          onChange={(e) => setV({ ...v, body: e.target.value })}
        />
        <div className="actions">
          <SubmitButton busy={submit.busy}>{t('policy.submissions.add')}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
