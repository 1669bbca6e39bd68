// The dispatch board: the organization's rescue requests, new ones first, arriving live. A new
// request is announced (a visible alert read out by screen readers, and a chime) so that none
// waits unseen; the acknowledgement countdown shows which are about to escalate.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getHelpRequest,
  listHelpRequests,
  REQUEST_STATUSES,
  type ApiError,
  type FloodEvent,
  type HelpRequest,
  type RequestEvent,
  type StatusFilter,
} from '../api';
import { useSignedIn } from '../session';
import { ErrorAlert, StatusMessage } from '../ui';
import { playArrivalChime } from './alertSound';
import { fromRequests, mergeEvent, upsertRequest, type BoardItem } from './board';
import { LogRequestForm } from './LogRequestForm';
import { BedsPanel } from './BedsPanel';
import { MeasuresPanel } from './MeasuresPanel';
import { regionName, shortTime, urgencyName } from './names';
import { RequestDetail } from './RequestDetail';
import { RequestTable } from './RequestTable';
import { useLiveRequests } from './useLiveRequests';
import { useNow } from './useNow';
import './emergency.css';

const FILTERS: readonly StatusFilter[] = ['open', ...REQUEST_STATUSES];

export function EmergencyBoard() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const now = useNow();
  const [filter, setFilter] = useState<StatusFilter>('open');
  const [items, setItems] = useState<BoardItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detail, setDetail] = useState<HelpRequest | null>(null);
  const [arrival, setArrival] = useState('');
  const [status, setStatus] = useState('');
  const [sound, setSound] = useState(true);
  const [logOpen, setLogOpen] = useState(false);
  const itemsRef = useRef(items);
  const filterRef = useRef(filter);
  const soundRef = useRef(sound);
  soundRef.current = sound;

  const show = useCallback((next: BoardItem[]) => {
    itemsRef.current = next;
    setItems(next);
  }, []);

  // background: a reload the stream asked for (after a reconnection, a flood), not the
  // dispatcher: it must not keep her session from its idle sign-out.
  const load = useCallback(
    async (background = false) => {
      const r = await listHelpRequests(filterRef.current, { background });
      setLoaded(true);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setError(null);
      show(fromRequests(r.data.items));
    },
    [show],
  );

  useEffect(() => {
    filterRef.current = filter;
    void load();
  }, [filter, load]);

  // A full record from the server (detail load or an action's answer) updates list and panel.
  const accept = useCallback(
    (r: HelpRequest) => {
      show(upsertRequest(itemsRef.current, r, filterRef.current));
      setDetail((d) => (d && d.id === r.id ? r : d));
    },
    [show],
  );

  const onEvent = useCallback(
    (e: RequestEvent) => {
      const merged = mergeEvent(itemsRef.current, e, filterRef.current);
      show(merged.items);
      if (merged.arrived) {
        setArrival(
          t('emergency.arrived', {
            region: regionName(e.region, t),
            urgency: urgencyName(e.urgency, t),
            time: shortTime(e.received_at),
          }),
        );
        if (soundRef.current) playArrivalChime();
      }
      if (merged.items.some((i) => i.id === e.id) || detail?.id === e.id) {
        void getHelpRequest(e.id).then((r) => r.ok && accept(r.data));
      }
    },
    [show, accept, t, detail?.id],
  );
  // A flood of the public form: its requests wait here, held, until triaged (emergency.md).
  const [flood, setFlood] = useState<FloodEvent | null>(null);
  const onFlood = useCallback(
    (e: FloodEvent) => {
      setFlood(e);
      void load(true);
    },
    [load],
  );
  const live = useLiveRequests(onEvent, () => void load(true), onFlood);

  async function open(id: string) {
    setSelectedId(id);
    const known = itemsRef.current.find((i) => i.id === id);
    if (known?.loaded) setDetail(known as HelpRequest);
    const r = await getHelpRequest(id);
    if (r.ok) accept(r.data);
    if (r.ok) setDetail(r.data);
    else setError(r.error);
  }

  function close() {
    const id = selectedId;
    setSelectedId(null);
    setDetail(null);
    if (id)
      document.querySelector<HTMLButtonElement>(`[data-request="${CSS.escape(id)}"]`)?.focus();
  }

  const caption = t('emergency.listCaption', { status: t(`emergency.statuses.${filter}`) });

  return (
    <div className="page emergency-board">
      <p className="greeting">{t('home.greeting', { name: user.display_name || user.username })}</p>
      <h1>{t('modules.emergency.title')}</h1>
      <div role="alert" className={arrival ? 'alert arrival' : 'alert-empty'}>
        {arrival}
      </div>
      {flood && (
        <div className="alert flood-alert" role="alert">
          <p>{t('emergency.flood', { time: shortTime(flood.started_at) })}</p>
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => setFlood(null)}
          >
            {t('emergency.floodDismiss')}
          </button>
        </div>
      )}
      <div className="board-tools">
        <p className={`live live-${live.state}`} role="status">
          {t(`emergency.live.${live.state}`)}
          {live.state === 'closed' && (
            <>
              {' '}
              <button
                type="button"
                className="button-secondary button-small"
                onClick={live.reconnect}
              >
                {t('emergency.live.reconnect')}
              </button>
            </>
          )}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />
          {t('emergency.sound')}
        </label>
      </div>
      <fieldset className="status-filter">
        <legend>{t('emergency.filter')}</legend>
        {FILTERS.map((f) => (
          <label key={f} className="filter-option">
            <input
              type="radio"
              name="status-filter"
              value={f}
              checked={filter === f}
              onChange={() => setFilter(f)}
            />
            {t(`emergency.statuses.${f}`)}
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={error} />
      <StatusMessage text={status} />
      <div className={detail ? 'board-layout with-detail' : 'board-layout'}>
        <div className="board-list">
          {loaded && items.length === 0 && !error ? (
            <p className="card">{t('emergency.empty')}</p>
          ) : null}
          {items.length > 0 && (
            <RequestTable
              items={items}
              caption={caption}
              now={now}
              selectedId={selectedId}
              onOpen={(id) => void open(id)}
            />
          )}
        </div>
        {detail && <RequestDetail request={detail} onChange={accept} onClose={close} />}
      </div>
      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">{t('emergency.logTitle')}</h2>
        {!logOpen ? (
          <button
            type="button"
            className="button-secondary"
            aria-expanded={false}
            onClick={() => setLogOpen(true)}
          >
            {t('emergency.logOpen')}
          </button>
        ) : (
          <LogRequestForm
            onLogged={(r) => {
              setStatus(t('emergency.logged', { reference: r.reference }));
              setLogOpen(false);
              accept(r);
            }}
          />
        )}
      </section>
      <BedsPanel />
      <MeasuresPanel />
    </div>
  );
}
