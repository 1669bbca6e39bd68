// One request in full, and what the dispatcher can do next: acknowledge, dispatch, record the
// police coordination, resolve with an outcome, close once the follow-up is done, and find and
// link the person and case (LinkPanel). Every action answers with the updated request, which
// goes back to the board.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  acknowledgeHelpRequest,
  closeHelpRequest,
  dispatchHelpRequest,
  linkHelpRequest,
  OUTCOMES,
  recordPolice,
  resolveHelpRequest,
  type ApiError,
  type ApiResult,
  type HelpRequest,
  type Outcome,
} from '../api';
import { languageName } from '../domain/names';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert, SelectField, StatusMessage, TextAreaField, TextField } from '../ui';
import { DateTimeField, koreaTimeToIso } from './fields';
import { LinkPanel } from './LinkPanel';
import { regionName, urgencyName } from './names';

interface Props {
  request: HelpRequest;
  onChange: (r: HelpRequest) => void;
  onClose: () => void;
}

type Action = 'acknowledge' | 'dispatch' | 'police' | 'resolve' | 'close' | 'link';

export function RequestDetail({ request: r, onChange, onClose }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [errorOf, setErrorOf] = useState<Action | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    heading.current?.focus();
    setError(null);
    setStatus('');
  }, [r.id]);

  async function run(
    action: Action,
    call: () => Promise<ApiResult<HelpRequest>>,
    done: string,
  ): Promise<boolean> {
    setBusy(true);
    setStatus('');
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setErrorOf(action);
      return false;
    }
    setError(null);
    setErrorOf(null);
    setStatus(done);
    onChange(result.data);
    // The button just used may be gone (the status moved on): keep focus in the panel.
    heading.current?.focus();
    return true;
  }

  const fieldError = (action: Action, name: string) =>
    errorOf === action ? error?.fields[name] : undefined;
  const active = r.status !== 'closed';
  const canDispatch = r.status === 'acknowledged';
  const canResolve = r.status === 'acknowledged' || r.status === 'dispatched';
  const canPolice = r.status !== 'new' && active;
  const none = t('emergency.none');

  return (
    <section className="card request-detail" aria-labelledby="request-detail-title">
      <div className="detail-head">
        <h2 id="request-detail-title" tabIndex={-1} ref={heading}>
          {t('emergency.detailTitle', { reference: r.reference })}
        </h2>
        <button type="button" className="button-secondary button-small" onClick={onClose}>
          {t('emergency.closeDetail')}
        </button>
      </div>
      <ErrorAlert error={error} />
      <StatusMessage text={status} />
      <dl className="facts">
        <dt>{t('emergency.status')}</dt>
        <dd>{t(`emergency.statuses.${r.status}`)}</dd>
        <dt>{t('emergency.urgency')}</dt>
        <dd>{urgencyName(r.urgency, t)}</dd>
        <dt>{t('emergency.channel')}</dt>
        <dd>{t(`emergency.channels.${r.channel}`, { defaultValue: r.channel })}</dd>
        <dt>{t('emergency.region')}</dt>
        <dd>{regionName(r.region, t)}</dd>
        <dt>{t('emergency.received')}</dt>
        <dd>{formatDateTime(r.received_at)}</dd>
        <dt>{t('emergency.situation')}</dt>
        <dd className="preserve-lines">{r.situation || none}</dd>
        <dt>{t('emergency.location')}</dt>
        <dd>{r.location || none}</dd>
        <dt>{t('emergency.contact')}</dt>
        <dd>{r.contact || none}</dd>
        <dt>{t('emergency.safeContact')}</dt>
        <dd className="preserve-lines">{r.safe_contact || none}</dd>
        <dt>{t('emergency.language')}</dt>
        <dd>{r.language ? languageName(r.language, currentLanguage()) : none}</dd>
        <dt>{t('emergency.escalation')}</dt>
        <dd>
          {r.escalation_level > 0
            ? t('emergency.escalationLevel', { level: r.escalation_level })
            : t('emergency.notEscalated')}
        </dd>
        <dt>{t('emergency.outcome')}</dt>
        <dd>{r.outcome ? t(`emergency.outcomes.${r.outcome}`) : none}</dd>
        <dt>{t('emergency.person')}</dt>
        <dd>{r.person_id ? t('emergency.isLinked') : none}</dd>
        <dt>{t('emergency.case')}</dt>
        <dd>{r.case_id ? t('emergency.isLinked') : none}</dd>
      </dl>

      <h3>{t('emergency.timeline')}</h3>
      <ul className="timeline">
        <li>
          {t('emergency.received')}: {formatDateTime(r.received_at)}
        </li>
        {r.acknowledged_at && (
          <li>
            {t('emergency.acknowledgedAt')}: {formatDateTime(r.acknowledged_at)}
          </li>
        )}
        {r.dispatched_at && (
          <li>
            {t('emergency.dispatchedAt')}: {formatDateTime(r.dispatched_at)}
          </li>
        )}
        {r.resolved_at && (
          <li>
            {t('emergency.resolvedAt')}: {formatDateTime(r.resolved_at)}
          </li>
        )}
        {r.closed_at && (
          <li>
            {t('emergency.closedAt')}: {formatDateTime(r.closed_at)}
          </li>
        )}
      </ul>

      <h3>{t('emergency.policeTitle')}</h3>
      {r.police ? (
        <dl className="facts">
          <dt>{t('emergency.policeStation')}</dt>
          <dd>{r.police.station}</dd>
          <dt>{t('emergency.policeNotifiedAt')}</dt>
          <dd>{formatDateTime(r.police.notified_at)}</dd>
          <dt>{t('emergency.policeOfficer')}</dt>
          <dd>{r.police.officer || none}</dd>
          <dt>{t('emergency.policeReport')}</dt>
          <dd>{r.police.report_number || none}</dd>
          <dt>{t('emergency.policeOutcome')}</dt>
          <dd>{r.police.outcome || none}</dd>
        </dl>
      ) : (
        <p>{t('emergency.policeNone')}</p>
      )}

      {r.status === 'new' && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                'acknowledge',
                () => acknowledgeHelpRequest(r.id),
                t('emergency.acknowledged'),
              )
            }
          >
            {t('emergency.acknowledge')}
          </button>
        </div>
      )}
      {canDispatch && (
        <DispatchForm
          busy={busy}
          onSubmit={(note) =>
            run('dispatch', () => dispatchHelpRequest(r.id, note), t('emergency.dispatched'))
          }
        />
      )}
      {canPolice && (
        <PoliceForm
          busy={busy}
          error={(name) => fieldError('police', name)}
          onSubmit={(report) =>
            run('police', () => recordPolice(r.id, report), t('emergency.policeSaved'))
          }
        />
      )}
      {canResolve && (
        <ResolveForm
          busy={busy}
          error={(name) => fieldError('resolve', name)}
          onSubmit={(outcome, note) =>
            run('resolve', () => resolveHelpRequest(r.id, outcome, note), t('emergency.resolved'))
          }
        />
      )}
      {active && r.status !== 'new' && (
        <LinkPanel
          request={r}
          busy={busy}
          onLink={(person, kase) =>
            run('link', () => linkHelpRequest(r.id, person, kase), t('emergency.linked'))
          }
        />
      )}
      {r.status === 'resolved' && (
        <div className="action-form" aria-labelledby="close-title">
          <h3 id="close-title">{t('emergency.closeTitle')}</h3>
          <p className="field-hint">{t('emergency.closeHint')}</p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run('close', () => closeHelpRequest(r.id), t('emergency.closedRequest'))
            }
          >
            {t('emergency.closeRequest')}
          </button>
        </div>
      )}
    </section>
  );
}

function DispatchForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (note?: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await onSubmit(note.trim() || undefined)) setNote('');
  }
  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="dispatch-title">
      <h3 id="dispatch-title">{t('emergency.dispatchTitle')}</h3>
      <TextAreaField
        label={t('emergency.dispatchNote')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        {t('emergency.dispatch')}
      </button>
    </form>
  );
}

type ErrorOf = (name: string) => string | undefined;

function PoliceForm({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: ErrorOf;
  onSubmit: (r: Parameters<typeof recordPolice>[1]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    station: '',
    notified_at: '',
    officer: '',
    report_number: '',
    outcome: '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await onSubmit({
      station: v.station.trim(),
      notified_at: koreaTimeToIso(v.notified_at),
      ...(v.officer.trim() ? { officer: v.officer.trim() } : {}),
      ...(v.report_number.trim() ? { report_number: v.report_number.trim() } : {}),
      ...(v.outcome.trim() ? { outcome: v.outcome.trim() } : {}),
    });
    if (ok) setV({ station: '', notified_at: '', officer: '', report_number: '', outcome: '' });
  }
  return (
    <form className="action-form form-grid" onSubmit={submit} aria-labelledby="police-title">
      <h3 id="police-title">{t('emergency.policeSave')}</h3>
      <TextField
        label={t('emergency.policeStation')}
        value={v.station}
        onChange={set('station')}
        error={error('station')}
        autoComplete="off"
      />
      <DateTimeField
        label={t('emergency.policeNotifiedAt')}
        value={v.notified_at}
        onChange={set('notified_at')}
        error={error('notified_at')}
      />
      <TextField
        label={t('emergency.policeOfficer')}
        value={v.officer}
        onChange={set('officer')}
        error={error('officer')}
        autoComplete="off"
      />
      <TextField
        label={t('emergency.policeReport')}
        value={v.report_number}
        onChange={set('report_number')}
        error={error('report_number')}
        autoComplete="off"
      />
      <TextField
        label={t('emergency.policeOutcome')}
        value={v.outcome}
        onChange={set('outcome')}
        error={error('outcome')}
        autoComplete="off"
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('emergency.policeSave')}
        </button>
      </div>
    </form>
  );
}

function ResolveForm({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: ErrorOf;
  onSubmit: (o: Outcome, note?: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    await onSubmit(outcome as Outcome, note.trim() || undefined);
  }
  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="resolve-title">
      <h3 id="resolve-title">{t('emergency.resolveTitle')}</h3>
      <SelectField
        label={t('emergency.outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={error('outcome')}
      >
        <option value="">{t('emergency.choose')}</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`emergency.outcomes.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('emergency.resolveNote')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={error('note')}
      />
      <button type="submit" disabled={busy}>
        {t('emergency.resolve')}
      </button>
    </form>
  );
}
