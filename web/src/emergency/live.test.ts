import { koreaTimeToIso } from './fields';
import { parseRequestEvent } from './useLiveRequests';

describe('the live stream', () => {
  it('reads a request event, filling in what an older server leaves out', () => {
    expect(
      parseRequestEvent(
        '{"id":"r1","status":"new","region":"KR-26","received_at":"2026-03-01T09:00:00Z","urgency":"high","escalation_level":1}',
      ),
    ).toEqual({
      id: 'r1',
      status: 'new',
      region: 'KR-26',
      received_at: '2026-03-01T09:00:00Z',
      urgency: 'high',
      escalation_level: 1,
    });
    expect(parseRequestEvent('{"id":"r1","status":"acknowledged"}')).toMatchObject({
      urgency: 'normal',
      escalation_level: 0,
    });
  });

  it('ignores what is not a request event', () => {
    expect(parseRequestEvent('not json')).toBeNull();
    expect(parseRequestEvent('{"status":"new"}')).toBeNull();
  });
});

describe('police notification time', () => {
  it('reads the date-time input as Korea time', () => {
    expect(koreaTimeToIso('2026-03-01T18:30')).toBe('2026-03-01T09:30:00Z');
    expect(koreaTimeToIso('')).toBe('');
    expect(koreaTimeToIso('nonsense')).toBe('');
  });
});
