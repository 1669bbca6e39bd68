import { describe, expect, it } from 'vitest';
import {
  canRunGroup,
  erasureConfirmed,
  parseMinimum,
  rightsOf,
  signatureProgress,
  splitMeetings,
} from './model';

describe('survivors’ network rules', () => {
  it('gives the organization’s admin a coordinator’s rights without a member record', () => {
    const r = rightsOf(['org_admin'], null);
    expect(r.coordinator).toBe(true);
    expect(canRunGroup(r, 'any')).toBe(true);
  });

  it('lets a facilitator run her own group only', () => {
    const r = rightsOf(['survivor_member'], { roles: ['member', 'facilitator'], groupId: 'g-1' });
    expect(r.coordinator).toBe(false);
    expect(canRunGroup(r, 'g-1')).toBe(true);
    expect(canRunGroup(r, 'g-2')).toBe(false);
    const plain = rightsOf(['survivor_member'], { roles: ['member'], groupId: 'g-1' });
    expect(canRunGroup(plain, 'g-1')).toBe(false);
    expect(rightsOf(['survivor_member'], null).coordinator).toBe(false);
  });

  it('measures signatures against the minimum', () => {
    expect(signatureProgress(3, 10)).toEqual({ percent: 30, reached: false, missing: 7 });
    expect(signatureProgress(12, 10)).toEqual({ percent: 100, reached: true, missing: 0 });
    expect(signatureProgress(0, 0).reached).toBe(false);
  });

  it('erases only when her alias is typed exactly', () => {
    expect(erasureConfirmed(' 들꽃 ', '들꽃')).toBe(true);
    expect(erasureConfirmed('들', '들꽃')).toBe(false);
    expect(erasureConfirmed('', '')).toBe(false);
  });

  it('splits meetings into coming (soonest first) and past (latest first)', () => {
    const now = new Date('2030-01-10T00:00:00Z');
    const m = (id: string, at: string) => ({ id, starts_at: at });
    const { coming, past } = splitMeetings(
      [
        m('a', '2030-01-01T00:00:00Z'),
        m('b', '2030-02-01T00:00:00Z'),
        m('c', '2030-01-20T00:00:00Z'),
        m('d', '2030-01-05T00:00:00Z'),
      ],
      now,
    );
    expect(coming.map((x) => x.id)).toEqual(['c', 'b']);
    expect(past.map((x) => x.id)).toEqual(['d', 'a']);
  });

  it('reads the minimum as a whole number from 1 to 100000', () => {
    expect(parseMinimum(' 25 ')).toBe(25);
    expect(parseMinimum('0')).toBeNull();
    expect(parseMinimum('2.5')).toBeNull();
    expect(parseMinimum('100001')).toBeNull();
  });
});
