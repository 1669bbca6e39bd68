// The check-in queue of a phone at the door (pure: storage and sending are passed in).
//
// A check-in is made with an idempotency key the phone generates and the time it happened on
// the phone. When the request fails for network reasons (no answer at all, or a gateway that
// could not reach the server), the check-in is kept in localStorage with that key and time, and
// sent again later — automatically when the browser is back online and on a timer, or by hand.
// Every replay uses the same key, so a check-in that had in fact reached the server answers the
// same result ("replayed": true) and writes nothing twice. An answer that is not a network
// failure (checked in, already checked in, cancelled, unknown ticket) ends the item.
//
// Only what the server needs is kept: the code typed or scanned (a ticket token names no person,
// a reference reveals nothing alone) or the registration id — never a name.
import type { ApiError, ApiResult, CheckInAnswer, CheckInBody, CheckInBy } from '../api';

export const QUEUE_KEY = 'dandelion.checkins.v1';

export interface PendingCheckIn {
  key: string; // the idempotency key, the same for every replay
  event_id: string;
  by: CheckInBy;
  checked_in_at: string; // when it happened on the phone (RFC 3339, UTC)
  attempts: number;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

// 8–100 characters of [A-Za-z0-9_-] as the API asks: "ci-" and 22 random base64url characters
// (128 bits), unique to this check-in.
export function newIdempotencyKey(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(16));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += alphabet[(n >> (18 - 6 * c)) & 63];
  }
  return `ci-${out}`;
}

export function bodyOf(p: PendingCheckIn): CheckInBody {
  return { ...p.by, idempotency_key: p.key, checked_in_at: p.checked_in_at };
}

// Worth sending again: the server was not reached (status 0), or a proxy in front of it could
// not reach it (502, 503, 504). A signed-out session (401) is kept too: she signs in again and
// the queue goes out. Anything else is the server's answer and ends the item.
export function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status === 401 || [502, 503, 504].includes(error.status);
}

const isBy = (v: unknown): v is CheckInBy => {
  if (!v || typeof v !== 'object') return false;
  const entries = Object.entries(v as Record<string, unknown>);
  return (
    entries.length === 1 &&
    ['token', 'reference', 'registration_id'].includes(entries[0]![0]) &&
    typeof entries[0]![1] === 'string'
  );
};

const isPending = (v: unknown): v is PendingCheckIn => {
  const p = v as Partial<PendingCheckIn> | null;
  return (
    !!p &&
    typeof p.key === 'string' &&
    /^[A-Za-z0-9_-]{8,100}$/.test(p.key) &&
    typeof p.event_id === 'string' &&
    typeof p.checked_in_at === 'string' &&
    typeof p.attempts === 'number' &&
    isBy(p.by)
  );
};

// The queue as stored; anything unreadable is dropped rather than breaking the screen.
export function loadQueue(storage: StorageLike | null): PendingCheckIn[] {
  try {
    const raw = storage?.getItem(QUEUE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isPending) : [];
  } catch {
    return [];
  }
}

export function saveQueue(storage: StorageLike | null, queue: readonly PendingCheckIn[]): void {
  try {
    storage?.setItem(QUEUE_KEY, JSON.stringify(queue));
  } catch {
    // storage full or disabled: the queue lives as long as the page
  }
}

// Adds a check-in unless one with the same key is already there.
export function enqueue(queue: readonly PendingCheckIn[], item: PendingCheckIn): PendingCheckIn[] {
  return queue.some((q) => q.key === item.key) ? [...queue] : [...queue, item];
}

export interface Sent {
  item: PendingCheckIn;
  result: ApiResult<CheckInAnswer>;
}

// Sends the queue in order. Each answered item (success or a final refusal) leaves the queue
// and is reported; at the first network failure the rest is kept as it is (attempts counted on
// the failed one), to be tried again later, rather than failing every item in turn.
export async function flushQueue(
  queue: readonly PendingCheckIn[],
  send: (item: PendingCheckIn) => Promise<ApiResult<CheckInAnswer>>,
): Promise<{ remaining: PendingCheckIn[]; sent: Sent[] }> {
  const sent: Sent[] = [];
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i]!;
    const result = await send(item);
    if (!result.ok && isRetryable(result.error)) {
      return {
        remaining: [{ ...item, attempts: item.attempts + 1 }, ...queue.slice(i + 1)],
        sent,
      };
    }
    sent.push({ item, result });
  }
  return { remaining: [], sent };
}

// What was typed or scanned: a ticket's check-in token ("DDEV1.<event>.<reference>.<mac>"), or
// a reference ("ABCD-2345", any case, with or without the dash or spaces), or null when it is
// neither. Hardware scanners type the QR's text into the field, so both arrive here.
export function parseCode(input: string): CheckInBy | null {
  const text = input.trim();
  if (/^DDEV1\./i.test(text)) return { token: text };
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/.test(compact))
    return { reference: `${compact.slice(0, 4)}-${compact.slice(4)}` };
  return null;
}
