// The live stream of the dispatch board: EventSource on the same origin (the session cookie
// goes with it). Each "request" event is handed to the board, and a "flood" event (the public
// form's posts held at the secretariat, docs/emergency.md "Floods") raises the board's notice. The browser reconnects by
// itself after a dropped connection; when it gives up (the server refused the stream) the
// board says so and offers to reconnect. The stream does not count as activity for the idle
// sign-out: only what the dispatcher does keeps the session open.
import { useCallback, useEffect, useRef, useState } from 'react';
import { EMERGENCY_EVENTS_URL, type FloodEvent, type RequestEvent } from '../api';

export type LiveState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export function parseRequestEvent(data: string): RequestEvent | null {
  try {
    const e = JSON.parse(data) as Partial<RequestEvent>;
    if (typeof e.id !== 'string' || typeof e.status !== 'string') return null;
    return {
      id: e.id,
      status: e.status,
      region: e.region ?? ('' as RequestEvent['region']),
      received_at: e.received_at ?? '',
      urgency: e.urgency ?? 'normal',
      escalation_level: typeof e.escalation_level === 'number' ? e.escalation_level : 0,
    };
  } catch {
    return null;
  }
}

export function parseFloodEvent(data: string): FloodEvent | null {
  try {
    const e = JSON.parse(data) as Partial<FloodEvent>;
    if (typeof e.first_id !== 'string' || typeof e.started_at !== 'string') return null;
    return { first_id: e.first_id, started_at: e.started_at };
  } catch {
    return null;
  }
}

// onEvent: each request event; onReconnected: after a drop, to reload what was missed;
// onFlood: a flood started.
export function useLiveRequests(
  onEvent: (e: RequestEvent) => void,
  onReconnected: () => void,
  onFlood: (e: FloodEvent) => void = () => {},
): { state: LiveState; reconnect: () => void } {
  const [state, setState] = useState<LiveState>('connecting');
  const [attempt, setAttempt] = useState(0);
  const handlers = useRef({ onEvent, onReconnected, onFlood });
  handlers.current = { onEvent, onReconnected, onFlood };

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('closed');
      return;
    }
    const source = new EventSource(EMERGENCY_EVENTS_URL);
    let dropped = attempt > 0;
    setState('connecting');
    source.onopen = () => {
      setState('connected');
      if (dropped) handlers.current.onReconnected();
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    };
    source.addEventListener('request', (m) => {
      const e = parseRequestEvent((m as MessageEvent<string>).data);
      if (e) handlers.current.onEvent(e);
    });
    source.addEventListener('flood', (m) => {
      const e = parseFloodEvent((m as MessageEvent<string>).data);
      if (e) handlers.current.onFlood(e);
    });
    return () => source.close();
  }, [attempt]);

  const reconnect = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, reconnect };
}
