// The auditor's screen (/audit): whether the audit log is intact (the whole chain and its signed
// checkpoints, checked on the server when the page opens), and the entries themselves, newest
// first, with filters and "show more". Actions are shown in words, outcomes too.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  searchAudit,
  verifyAudit,
  type ApiError,
  type AuditEntry,
  type AuditFilterInput,
} from '../api';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert, TextField } from '../ui';
import { actionWords, outcomeWords } from './words';
import './audit.css';

function ChainCard() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ intact: boolean; entries: number } | 'checking'>('checking');
  const [error, setError] = useState<ApiError | null>(null);
  const check = useCallback(async () => {
    setState('checking');
    const r = await verifyAudit();
    if (r.ok) {
      setState(r.data);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => void check(), [check]);
  return (
    <section className="card" aria-labelledby="audit-chain">
      <h2 id="audit-chain">{t('audit.chainTitle')}</h2>
      <ErrorAlert error={error} />
      <div role="status" aria-live="polite">
        {state === 'checking' && !error && <p>{t('audit.chainChecking')}</p>}
        {state !== 'checking' &&
          (state.intact ? (
            <p className="alert alert-ok">{t('audit.chainIntact', { count: state.entries })}</p>
          ) : (
            <p className="alert alert-error">{t('audit.chainBroken')}</p>
          ))}
      </div>
      <button
        type="button"
        className="button-secondary"
        disabled={state === 'checking'}
        onClick={() => void check()}
      >
        {t('audit.checkAgain')}
      </button>
    </section>
  );
}

function Who({ actor }: { actor: string | null }) {
  const { t } = useTranslation();
  if (actor === null) return <>{t('audit.anonymous')}</>;
  if (actor === 'cli') return <>{t('audit.console')}</>;
  return <code>{actor}</code>;
}

export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilterInput>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [filter, setFilter] = useState<AuditFilterInput>({});
  const [error, setError] = useState<ApiError | null>(null);
  // Only the answer to the latest search or page asked for is shown: an earlier one arriving
  // late would mix two filters' entries.
  const asked = useRef(0);
  const load = useCallback(async (f: AuditFilterInput, after?: string) => {
    const mine = ++asked.current;
    const r = await searchAudit(f, after);
    if (mine !== asked.current) return;
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setEntries((old) => (after && old ? [...old, ...r.data.items] : r.data.items));
    setCursor(r.data.next_cursor);
  }, []);
  useEffect(() => void load({}), [load]);
  const set = (k: keyof AuditFilterInput) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value.trim() });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    // The last search's entries and its "show more" go at once: a page of them must not be
    // asked for under the new filter.
    setEntries(null);
    setCursor(null);
    setError(null);
    void load(draft);
  };
  return (
    <div className="page">
      <h1>{t('audit.title')}</h1>
      <p className="page-intro">{t('audit.intro')}</p>
      <ChainCard />
      <section className="card" aria-labelledby="audit-entries">
        <h2 id="audit-entries">{t('audit.entriesTitle')}</h2>
        <form className="form-grid" onSubmit={submit} aria-label={t('audit.filters')}>
          <TextField
            label={t('audit.action')}
            hint={t('audit.actionHint')}
            value={draft.action ?? ''}
            onChange={set('action')}
          />
          <TextField
            label={t('audit.entityType')}
            value={draft.entity_type ?? ''}
            onChange={set('entity_type')}
          />
          <TextField
            label={t('audit.entityId')}
            value={draft.entity_id ?? ''}
            onChange={set('entity_id')}
          />
          <TextField label={t('audit.actor')} value={draft.actor ?? ''} onChange={set('actor')} />
          <div className="actions">
            <button type="submit">{t('audit.search')}</button>
          </div>
        </form>
        <ErrorAlert error={error} />
        {!entries && !error && <p role="status">{t('app.loading')}</p>}
        {entries && entries.length === 0 && <p>{t('audit.none')}</p>}
        {entries && entries.length > 0 && (
          <div className="table-wrap" role="region" aria-label={t('audit.caption')} tabIndex={0}>
            <table className="audit-table">
              <caption>{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.what')}</th>
                  <th scope="col">{t('audit.target')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                  <th scope="col">{t('audit.fieldsCol')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq} className={e.outcome === 'ok' ? undefined : 'audit-unusual'}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>
                      <Who actor={e.actor} />
                    </td>
                    <td>{actionWords(e.action, t)}</td>
                    <td>
                      {e.entity_type} <code>{e.entity_id}</code>
                    </td>
                    <td>{outcomeWords(e.outcome, t)}</td>
                    <td>{e.fields.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cursor && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void load(filter, cursor)}
          >
            {t('audit.more')}
          </button>
        )}
      </section>
    </div>
  );
}
