// The dispatch board's state, kept pure so it can be tested: which requests show under a
// status filter, in what order, how an event from the live stream changes the list, and how
// waiting times and the acknowledgement countdown read.
import type { HelpRequest, RequestEvent, RequestStatus, StatusFilter } from '../api';

// A request as the board holds it: the full record once loaded, or only what an event told.
export type BoardItem = RequestEvent & Partial<HelpRequest> & { loaded: boolean };

const OPEN: readonly RequestStatus[] = ['new', 'acknowledged', 'dispatched'];
const STATUS_ORDER: Record<RequestStatus, number> = {
  new: 0,
  acknowledged: 1,
  dispatched: 2,
  resolved: 3,
  closed: 4,
};
const URGENCY_RANK: Record<string, number> = { immediate: 2, high: 1, normal: 0 };

export function matchesFilter(status: RequestStatus, filter: StatusFilter): boolean {
  return filter === 'open' ? OPEN.includes(status) : status === filter;
}

// New first; then the most urgent, the most escalated, and the one waiting longest.
export function sortBoard(items: BoardItem[]): BoardItem[] {
  return [...items].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (URGENCY_RANK[b.urgency] ?? 0) - (URGENCY_RANK[a.urgency] ?? 0) ||
      b.escalation_level - a.escalation_level ||
      Date.parse(a.received_at) - Date.parse(b.received_at),
  );
}

export function fromRequests(requests: HelpRequest[]): BoardItem[] {
  return sortBoard(requests.map((r) => ({ ...r, loaded: true })));
}

export interface Merged {
  items: BoardItem[];
  arrived: boolean; // a request the board did not have, waiting for acknowledgement
}

// An event on the live stream: update the request the board holds, add one it does not have
// (its details are loaded next), drop one that left the chosen status.
export function mergeEvent(items: BoardItem[], event: RequestEvent, filter: StatusFilter): Merged {
  const existing = items.find((i) => i.id === event.id);
  const rest = items.filter((i) => i.id !== event.id);
  if (!matchesFilter(event.status, filter)) return { items: rest, arrived: false };
  const merged: BoardItem = existing ? { ...existing, ...event } : { ...event, loaded: false };
  return { items: sortBoard([...rest, merged]), arrived: !existing && event.status === 'new' };
}

// A full record (from a detail load or an action's answer) replaces what the board held.
export function upsertRequest(
  items: BoardItem[],
  request: HelpRequest,
  filter: StatusFilter,
): BoardItem[] {
  const rest = items.filter((i) => i.id !== request.id);
  if (!matchesFilter(request.status, filter)) return rest;
  return sortBoard([...rest, { ...request, loaded: true }]);
}

// "3분 20초" / "3 min 20 s"; hours and days drop the seconds.
export function formatDuration(totalSeconds: number, lang: 'ko' | 'en'): string {
  const s = Math.max(0, Math.floor(Math.abs(totalSeconds)));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const ko = lang === 'ko';
  if (d > 0) return ko ? `${d}일 ${h}시간` : `${d} d ${h} h`;
  if (h > 0) return ko ? `${h}시간 ${m}분` : `${h} h ${m} min`;
  if (m > 0) return ko ? `${m}분 ${sec}초` : `${m} min ${sec} s`;
  return ko ? `${sec}초` : `${sec} s`;
}

// Seconds until the acknowledgement is due (negative when overdue); null without a deadline.
export function secondsUntil(dueAt: string | null | undefined, nowMs: number): number | null {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  return Number.isNaN(due) ? null : Math.round((due - nowMs) / 1000);
}

export function secondsSince(at: string, nowMs: number): number {
  const t = Date.parse(at);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.round((nowMs - t) / 1000));
}
