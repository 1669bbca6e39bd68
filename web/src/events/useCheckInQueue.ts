// The phone's check-in queue as a React hook (the rules are in queue.ts): check-ins that failed
// for network reasons are kept in localStorage and sent again when the browser says it is back
// online, every 20 seconds while any are waiting, and when she presses "send now". One flush at
// a time; each replay carries the check-in's own idempotency key.
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkIn, type ApiResult, type CheckInAnswer } from '../api';
import {
  bodyOf,
  enqueue,
  flushQueue,
  loadQueue,
  saveQueue,
  type PendingCheckIn,
  type Sent,
} from './queue';

export const RETRY_MS = 20_000;

const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

const send = (p: PendingCheckIn): Promise<ApiResult<CheckInAnswer>> =>
  checkIn(p.event_id, bodyOf(p));

export function useCheckInQueue(onSent: (sent: Sent[]) => void) {
  const [queue, setQueue] = useState<PendingCheckIn[]>(() => loadQueue(storage()));
  const [sending, setSending] = useState(false);
  const flushing = useRef(false);
  const sentRef = useRef(onSent);
  useEffect(() => {
    sentRef.current = onSent;
  }, [onSent]);

  const add = useCallback((item: PendingCheckIn) => {
    // Read back first: another tab of the same phone may have changed it.
    const next = enqueue(loadQueue(storage()), item);
    saveQueue(storage(), next);
    setQueue(next);
  }, []);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    const current = loadQueue(storage());
    if (current.length === 0) {
      setQueue(current);
      return;
    }
    flushing.current = true;
    setSending(true);
    try {
      const { remaining, sent } = await flushQueue(current, send);
      // Anything queued while this flush ran stays queued behind what is left.
      const added = loadQueue(storage()).filter((q) => !current.some((c) => c.key === q.key));
      const next = [...remaining, ...added];
      saveQueue(storage(), next);
      setQueue(next);
      if (sent.length) sentRef.current(sent);
    } finally {
      flushing.current = false;
      setSending(false);
    }
  }, []);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [flush]);

  useEffect(() => {
    if (queue.length === 0) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [queue.length, flush]);

  // Whatever an earlier visit left behind goes out as soon as the screen opens.
  useEffect(() => {
    void flush();
  }, [flush]);

  return { queue, add, flush, sending };
}
