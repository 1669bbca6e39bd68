import type { HelpRequest, RequestEvent } from '../api';
import {
  formatDuration,
  fromRequests,
  mergeEvent,
  secondsUntil,
  sortBoard,
  upsertRequest,
  type BoardItem,
} from './board';

function request(id: string, over: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id,
    reference: `R-${id}`,
    channel: 'public_web_form',
    region: 'KR-11',
    received_at: '2026-03-01T09:00:00Z',
    status: 'new',
    urgency: 'normal',
    situation: 's',
    location: null,
    contact: null,
    safe_contact: null,
    language: 'ko',
    assigned_org_id: 'o1',
    escalation_level: 0,
    ack_due_at: '2026-03-01T09:10:00Z',
    acknowledged_at: null,
    dispatched_at: null,
    resolved_at: null,
    closed_at: null,
    outcome: null,
    person_id: null,
    case_id: null,
    police: null,
    ...over,
  };
}

const event = (id: string, over: Partial<RequestEvent> = {}): RequestEvent => ({
  id,
  status: 'new',
  region: 'KR-26',
  received_at: '2026-03-01T09:05:00Z',
  urgency: 'normal',
  escalation_level: 0,
  ...over,
});

const ids = (items: BoardItem[]) => items.map((i) => i.id);

describe('the board order', () => {
  it('puts new requests first, then urgency, escalation and the longest wait', () => {
    const items = fromRequests([
      request('ack', { status: 'acknowledged', urgency: 'immediate' }),
      request('late', { received_at: '2026-03-01T09:20:00Z' }),
      request('early', { received_at: '2026-03-01T08:00:00Z' }),
      request('escalated', { escalation_level: 1, received_at: '2026-03-01T09:30:00Z' }),
      request('urgent', { urgency: 'high', received_at: '2026-03-01T09:40:00Z' }),
    ]);
    expect(ids(sortBoard(items))).toEqual(['urgent', 'escalated', 'early', 'late', 'ack']);
  });
});

describe('events from the live stream', () => {
  it('adds an unknown new request as arrived, to be loaded', () => {
    const { items, arrived } = mergeEvent(
      fromRequests([request('a', { status: 'acknowledged' })]),
      event('b'),
      'open',
    );
    expect(arrived).toBe(true);
    expect(ids(items)).toEqual(['b', 'a']);
    expect(items[0]).toMatchObject({ id: 'b', region: 'KR-26', loaded: false });
  });

  it('updates a known request in place, keeping its details, and does not alert again', () => {
    const { items, arrived } = mergeEvent(
      fromRequests([request('a')]),
      event('a', { status: 'acknowledged', region: 'KR-11' }),
      'open',
    );
    expect(arrived).toBe(false);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'acknowledged', situation: 's', loaded: true });
  });

  it('drops a request that leaves the chosen status', () => {
    const resolved = mergeEvent(
      fromRequests([request('a', { status: 'dispatched' })]),
      event('a', { status: 'resolved' }),
      'open',
    );
    expect(resolved.items).toEqual([]);
    const onlyNew = mergeEvent(
      fromRequests([request('a')]),
      event('a', { status: 'acknowledged' }),
      'new',
    );
    expect(onlyNew.items).toEqual([]);
  });

  it('ignores an event for another status, and an escalation is not a new arrival', () => {
    expect(mergeEvent([], event('x', { status: 'closed' }), 'open')).toEqual({
      items: [],
      arrived: false,
    });
    const escalated = mergeEvent(
      fromRequests([request('a')]),
      event('a', { escalation_level: 1 }),
      'open',
    );
    expect(escalated.arrived).toBe(false);
    expect(escalated.items[0]!.escalation_level).toBe(1);
  });

  it('replaces a placeholder with the full record', () => {
    const { items } = mergeEvent([], event('b'), 'open');
    const full = upsertRequest(items, request('b', { situation: 'full text' }), 'open');
    expect(full[0]).toMatchObject({ situation: 'full text', loaded: true });
  });
});

describe('times on the board', () => {
  it('reads durations in Korean and English', () => {
    expect(formatDuration(42, 'ko')).toBe('42초');
    expect(formatDuration(200, 'ko')).toBe('3분 20초');
    expect(formatDuration(200, 'en')).toBe('3 min 20 s');
    expect(formatDuration(3 * 3600 + 5 * 60 + 9, 'ko')).toBe('3시간 5분');
    expect(formatDuration(26 * 3600, 'en')).toBe('1 d 2 h');
    expect(formatDuration(-75, 'en')).toBe('1 min 15 s');
  });

  it('counts down to the acknowledgement deadline, negative when overdue', () => {
    const now = Date.parse('2026-03-01T09:08:00Z');
    expect(secondsUntil('2026-03-01T09:10:00Z', now)).toBe(120);
    expect(secondsUntil('2026-03-01T09:05:00Z', now)).toBe(-180);
    expect(secondsUntil(null, now)).toBeNull();
  });
});
