// /events/:eventId/check-in: the door, on a phone. Three ways to find her: the camera reads her
// QR ticket; a hardware scanner or a person types the ticket code or her reference into one
// field; or staff search the list by the name it shows (her alias when she gave one) or the
// reference and tap. Every check-in carries its own idempotency key and the time it happened
// here; when the network fails it is kept on the phone ("3 waiting") and sent again when the
// connection is back, on a timer, or by the button — the same key each time, so a check-in
// that had in fact arrived answers the same result. A second check-in shows when she first came.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  checkIn,
  getNetworkEvent,
  listRegistrations,
  type ApiError,
  type ApiResult,
  type CheckInAnswer,
  type CheckInBy,
  type Registration,
} from '../api';
import { useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert, TextField } from '../ui';
import { matchesSearch } from './model';
import {
  bodyOf,
  isRetryable,
  newIdempotencyKey,
  parseCode,
  type PendingCheckIn,
  type Sent,
} from './queue';
import { QrScanner } from './QrScanner';
import { useCheckInQueue } from './useCheckInQueue';
import { eventSpan, eventTitle, useAgo } from './words';
import './events.css';

type Outcome =
  | { kind: 'done'; name: string; at: string; replayed: boolean }
  | { kind: 'already'; name: string | null; at: string }
  | { kind: 'queued' }
  | { kind: 'notThisEvent' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'sent'; count: number };

function outcomeOf(r: ApiResult<CheckInAnswer>, names: Map<string, string>): Outcome {
  if (r.ok)
    return {
      kind: 'done',
      name: r.data.registration.name,
      at: r.data.checked_in_at,
      replayed: r.data.replayed,
    };
  const first = r.error.refs?.checked_in_at?.[0];
  if (r.error.status === 409 && first) {
    const id = r.error.refs?.registration?.[0];
    return { kind: 'already', name: (id && names.get(id)) || null, at: first };
  }
  if (r.error.status === 404) return { kind: 'notThisEvent' };
  return { kind: 'error', error: r.error };
}

function OutcomeView({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation();
  const ago = useAgo();
  if (!outcome) return <div role="status" aria-live="polite" className="alert-empty" />;
  switch (outcome.kind) {
    case 'done':
      return (
        <div role="status" aria-live="polite" className="alert alert-ok checkin-outcome">
          <p className="checkin-outcome-main">{t('events.checkin.done', { name: outcome.name })}</p>
          <p>{t('events.checkin.doneAt', { at: formatDateTime(outcome.at) })}</p>
          {outcome.replayed && <p>{t('events.checkin.replayed')}</p>}
        </div>
      );
    case 'already':
      return (
        <div role="alert" className="alert alert-warning checkin-outcome">
          <p className="checkin-outcome-main">
            {outcome.name
              ? t('events.checkin.alreadyName', { name: outcome.name })
              : t('events.checkin.already')}
          </p>
          <p>
            {t('events.checkin.firstAt', { at: formatDateTime(outcome.at), ago: ago(outcome.at) })}
          </p>
        </div>
      );
    case 'queued':
      return (
        <div role="status" aria-live="polite" className="alert alert-warning checkin-outcome">
          <p className="checkin-outcome-main">{t('events.checkin.queued')}</p>
        </div>
      );
    case 'notThisEvent':
      return (
        <div role="alert" className="alert alert-error checkin-outcome">
          <p className="checkin-outcome-main">{t('events.checkin.notThisEvent')}</p>
        </div>
      );
    case 'sent':
      return (
        <div role="status" aria-live="polite" className="alert alert-ok checkin-outcome">
          <p className="checkin-outcome-main">
            {t('events.checkin.sentQueued', { count: outcome.count })}
          </p>
        </div>
      );
    case 'error':
      return <ErrorAlert error={outcome.error} />;
  }
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function CheckInPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const event = useLoad(() => getNetworkEvent(eventId), [eventId]);
  const regs = useLoad(() => listRegistrations(eventId), [eventId]);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');
  const [search, setSearch] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const online = useOnline();
  const items = regs.data?.items ?? [];
  const names = new Map(items.map((r) => [r.id, r.name]));
  const namesRef = useRef(names);
  namesRef.current = names;
  const { reload: reloadRegs } = regs;
  const { reload: reloadEvent } = event;

  const onSent = useCallback(
    (sent: Sent[]) => {
      // The last answer is what matters at the door; the count says the rest went out.
      const last = sent[sent.length - 1]!;
      const lastOutcome = outcomeOf(last.result, namesRef.current);
      setOutcome(
        sent.length === 1 && lastOutcome.kind !== 'done'
          ? lastOutcome
          : { kind: 'sent', count: sent.length },
      );
      void reloadRegs();
      void reloadEvent();
    },
    [reloadRegs, reloadEvent],
  );
  const queue = useCheckInQueue(onSent);

  const attempt = useCallback(
    async (by: CheckInBy) => {
      const item: PendingCheckIn = {
        key: newIdempotencyKey(),
        event_id: eventId,
        by,
        checked_in_at: new Date().toISOString(),
        attempts: 0,
      };
      const r = await checkIn(eventId, bodyOf(item));
      if (!r.ok && isRetryable(r.error)) {
        queue.add(item);
        setOutcome({ kind: 'queued' });
        return;
      }
      setOutcome(outcomeOf(r, namesRef.current));
      void reloadRegs();
      void reloadEvent();
    },
    [eventId, queue, reloadRegs, reloadEvent],
  );

  async function submitCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const by = parseCode(code);
    if (!by) {
      setCodeError(t('events.checkin.badCode'));
      return;
    }
    setCodeError('');
    setCode('');
    await attempt(by);
    // Ready for the next ticket: a hardware scanner types into the focused field.
    form.querySelector('input')?.focus();
  }

  const onScan = useCallback(
    (text: string) => {
      const by = parseCode(text);
      if (by) void attempt(by);
      else setOutcome({ kind: 'notThisEvent' });
    },
    [attempt],
  );

  const e = event.data;
  const counts = regs.data?.counts ?? e?.counts;
  const waiting = queue.queue.length;
  const found = search.trim()
    ? items.filter((r) => r.status !== 'cancelled' && matchesSearch(r, search)).slice(0, 20)
    : [];

  return (
    <div className="page events checkin">
      <p>
        <Link to={`/events/${encodeURIComponent(eventId)}`}>{t('events.checkin.back')}</Link>
      </p>
      <h1>
        {t('events.checkin.title')}
        {e && <span className="checkin-event"> {eventTitle(e)}</span>}
      </h1>
      {e && <p className="muted">{eventSpan(e)}</p>}
      <ErrorAlert error={event.error} />
      {counts && (
        <p className="checkin-counts">
          {t('events.checkin.counts', { in: counts.checked_in, registered: counts.registered })}
        </p>
      )}
      {!online && <p className="alert alert-warning">{t('events.checkin.offline')}</p>}

      <div className="checkin-queue" data-waiting={waiting}>
        <p className="checkin-waiting" role="status" aria-live="polite">
          {waiting > 0
            ? t('events.checkin.waiting', { count: waiting })
            : t('events.checkin.allSent')}
        </p>
        {waiting > 0 && (
          <button
            type="button"
            className="button-secondary"
            disabled={queue.sending}
            onClick={() => void queue.flush()}
          >
            {queue.sending ? t('events.checkin.sending') : t('events.checkin.sendNow')}
          </button>
        )}
      </div>

      <OutcomeView outcome={outcome} />

      <form className="checkin-code" onSubmit={(ev) => void submitCode(ev)} noValidate>
        <TextField
          label={t('events.checkin.codeLabel')}
          hint={t('events.checkin.codeHint')}
          value={code}
          error={codeError}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          onChange={(ev) => setCode(ev.target.value)}
        />
        <button type="submit" className="checkin-big">
          {t('events.checkin.submit')}
        </button>
      </form>

      <QrScanner onCode={onScan} />

      <section className="checkin-search" aria-labelledby="checkin-search-title">
        <h2 id="checkin-search-title">{t('events.checkin.search')}</h2>
        <ErrorAlert error={regs.error} />
        <TextField
          label={t('events.checkin.searchLabel')}
          type="search"
          value={search}
          autoComplete="off"
          onChange={(ev) => setSearch(ev.target.value)}
        />
        {search.trim() && found.length === 0 && <p>{t('events.checkin.noMatch')}</p>}
        <ul className="checkin-list">
          {found.map((r: Registration) => (
            <li key={r.id}>
              <span className="checkin-person">
                <strong>{r.name}</strong>
                <span className="muted">
                  {' '}
                  {r.reference} · {t(`events.role.${r.role}`)} · {t(`events.status.${r.status}`)}
                </span>
              </span>
              {r.checked_in_at ? (
                <span className="checkin-in">{t('events.checkin.inAlready')}</span>
              ) : (
                <button
                  type="button"
                  className="checkin-big"
                  onClick={() => void attempt({ registration_id: r.id })}
                >
                  {t('events.checkin.checkInOne', { name: r.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
