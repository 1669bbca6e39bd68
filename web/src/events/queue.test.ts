import type { ApiError, ApiResult, CheckInAnswer } from '../api';
import {
  bodyOf,
  enqueue,
  flushQueue,
  isRetryable,
  loadQueue,
  newIdempotencyKey,
  parseCode,
  QUEUE_KEY,
  saveQueue,
  type PendingCheckIn,
  type StorageLike,
} from './queue';

const err = (status: number, code = 'x'): ApiError => ({ status, code, message: '', fields: {} });
const pending = (key: string, by: PendingCheckIn['by'] = { reference: 'ABCD-2345' }) => ({
  key,
  event_id: 'ev-1',
  by,
  checked_in_at: '2026-12-10T05:01:00.000Z',
  attempts: 0,
});
const answer = (p: PendingCheckIn, replayed = false): ApiResult<CheckInAnswer> => ({
  ok: true,
  data: {
    registration: {
      id: `r-${p.key}`,
      reference: 'ABCD-2345',
      role: 'attendee',
      status: 'registered',
      source: 'public',
      name: '민들레',
      alias: true,
      photo_consent: false,
      registered_at: '2026-12-01T00:00:00Z',
      cancelled_at: null,
      checked_in_at: p.checked_in_at,
      check_in_method: 'reference',
    },
    checked_in_at: p.checked_in_at,
    replayed,
  },
});

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('idempotency keys', () => {
  it('are 8–100 characters of the API alphabet, and differ', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(a).not.toBe(b);
  });

  it('carry all 128 random bits', () => {
    const zeros = newIdempotencyKey((b) => b.fill(0));
    const ones = newIdempotencyKey((b) => b.fill(255));
    expect(zeros).toBe('ci-AAAAAAAAAAAAAAAAAAAAAA');
    expect(ones).toBe('ci-_____________________w');
  });
});

describe('the check-in body', () => {
  it('sends the same key and the phone time on every replay', () => {
    const p = pending('key-0001', { token: 'DDEV1.ev-1.ABCD2345.00' });
    expect(bodyOf(p)).toEqual({
      token: 'DDEV1.ev-1.ABCD2345.00',
      idempotency_key: 'key-0001',
      checked_in_at: '2026-12-10T05:01:00.000Z',
    });
    expect(bodyOf({ ...p, attempts: 3 })).toEqual(bodyOf(p));
  });
});

describe('what is worth sending again', () => {
  it('network failures and gateways that could not reach the server, and a lost session', () => {
    for (const s of [0, 502, 503, 504, 401]) expect(isRetryable(err(s)), String(s)).toBe(true);
  });
  it('not the server’s own answers', () => {
    for (const s of [400, 403, 404, 409, 413, 429, 500])
      expect(isRetryable(err(s)), String(s)).toBe(false);
  });
});

describe('storage', () => {
  it('keeps the queue across a reload', () => {
    const s = memory();
    const q = enqueue(enqueue([], pending('key-0001')), pending('key-0002'));
    saveQueue(s, q);
    expect(loadQueue(s)).toEqual(q);
    expect(JSON.parse(s.data.get(QUEUE_KEY)!)).toHaveLength(2);
  });

  it('never adds the same check-in twice', () => {
    const q = enqueue([pending('key-0001')], pending('key-0001'));
    expect(q).toHaveLength(1);
  });

  it('drops what it cannot read instead of breaking the screen', () => {
    const s = memory();
    s.setItem(QUEUE_KEY, '{not json');
    expect(loadQueue(s)).toEqual([]);
    s.setItem(
      QUEUE_KEY,
      JSON.stringify([
        pending('key-0001'),
        { ...pending('bad key!'), key: 'bad key!' },
        { ...pending('key-0003'), by: { token: 'a', reference: 'b' } },
        { ...pending('key-0004'), by: { name: 'a' } },
        null,
      ]),
    );
    expect(loadQueue(s).map((p) => p.key)).toEqual(['key-0001']);
    expect(loadQueue(null)).toEqual([]);
  });

  it('survives a storage that refuses to write', () => {
    const s = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(() => saveQueue(s, [pending('key-0001')])).not.toThrow();
  });
});

describe('flushing the queue', () => {
  it('sends every item in order with its own key, and empties the queue', async () => {
    const seen: string[] = [];
    const q = [pending('key-0001'), pending('key-0002')];
    const { remaining, sent } = await flushQueue(q, async (p) => {
      seen.push(bodyOf(p).idempotency_key);
      return answer(p);
    });
    expect(seen).toEqual(['key-0001', 'key-0002']);
    expect(remaining).toEqual([]);
    expect(sent.map((s) => s.item.key)).toEqual(['key-0001', 'key-0002']);
  });

  it('stops at the first network failure and keeps it and the rest, counting the attempt', async () => {
    const q = [pending('key-0001'), pending('key-0002'), pending('key-0003')];
    let calls = 0;
    const { remaining, sent } = await flushQueue(q, async (p) => {
      calls++;
      return p.key === 'key-0002' ? { ok: false, error: err(0, 'network') } : answer(p);
    });
    expect(calls).toBe(2);
    expect(sent.map((s) => s.item.key)).toEqual(['key-0001']);
    expect(remaining.map((p) => [p.key, p.attempts])).toEqual([
      ['key-0002', 1],
      ['key-0003', 0],
    ]);
  });

  it('ends an item the server refused, reporting the refusal (a double check-in)', async () => {
    const twice: ApiError = {
      ...err(409, 'conflict'),
      refs: { registration: ['r-1'], checked_in_at: ['2026-12-10T04:50:00Z'] },
    };
    const { remaining, sent } = await flushQueue([pending('key-0001')], async () => ({
      ok: false,
      error: twice,
    }));
    expect(remaining).toEqual([]);
    expect(sent[0]!.result).toEqual({ ok: false, error: twice });
  });

  it('a replay that had reached the server answers the same result, and leaves the queue', async () => {
    const p = pending('key-0001');
    // The first send reached the server, but its answer was lost on the way back.
    const server = new Map<string, ApiResult<CheckInAnswer>>();
    const send = async (item: PendingCheckIn, lost: boolean): Promise<ApiResult<CheckInAnswer>> => {
      const key = bodyOf(item).idempotency_key;
      const first = server.get(key);
      const result = first ? answer(item, true) : (server.set(key, answer(item)), answer(item));
      return lost ? { ok: false, error: err(0, 'network') } : result;
    };
    const one = await flushQueue([p], (i) => send(i, true));
    expect(one.remaining.map((i) => i.key)).toEqual(['key-0001']);
    const two = await flushQueue(one.remaining, (i) => send(i, false));
    expect(two.remaining).toEqual([]);
    const r = two.sent[0]!.result;
    expect(r.ok && r.data.replayed).toBe(true);
    expect(r.ok && r.data.checked_in_at).toBe(p.checked_in_at);
    expect(server.size).toBe(1);
  });
});

describe('what was typed or scanned', () => {
  it('a ticket token is sent as it is', () => {
    expect(parseCode(' DDEV1.ev-1.ABCD2345.0123abcd ')).toEqual({
      token: 'DDEV1.ev-1.ABCD2345.0123abcd',
    });
  });
  it('a reference in any case, with or without the dash or spaces', () => {
    for (const typed of ['ABCD-2345', 'abcd2345', 'abcd 2345', ' AbCd-2345 '])
      expect(parseCode(typed), typed).toEqual({ reference: 'ABCD-2345' });
  });
  it('nothing else: letters that are never in a reference, the wrong length', () => {
    for (const typed of ['', 'ABCD-234', 'ABCD-23450', 'ABC0-2345', 'IOL1-2345', 'hello'])
      expect(parseCode(typed), typed).toBeNull();
  });
});
