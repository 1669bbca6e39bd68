import type { AttendanceStatus } from '../api';
import { describe, expect, it } from 'vitest';
import { certificateState, changedMarks, sessionsNeeded } from './model';

describe('training rules', () => {
  it('counts the sessions the pass rule needs as the server does', () => {
    expect(sessionsNeeded(5, 80)).toBe(4);
    expect(sessionsNeeded(6, 80)).toBe(5);
    expect(sessionsNeeded(10, 80)).toBe(8);
    expect(sessionsNeeded(3, 100)).toBe(3);
    expect(sessionsNeeded(0, 80)).toBe(0);
  });

  it('sends only the marks that changed', () => {
    const trainees: { id: string; attendance: Record<string, AttendanceStatus> }[] = [
      { id: 'a', attendance: { s1: 'present' } },
      { id: 'b', attendance: {} },
      { id: 'c', attendance: { s1: 'absent' } },
    ];
    expect(changedMarks(trainees, 's1', { a: 'present', b: 'excused', c: 'present' })).toEqual([
      { enrollment_id: 'b', status: 'excused' },
      { enrollment_id: 'c', status: 'present' },
    ]);
    expect(changedMarks(trainees, 's1', { a: 'present' })).toEqual([]);
  });

  it('tells a certificate issued from one revoked', () => {
    expect(certificateState({ certificate: null })).toBe('none');
    const cert = {
      id: 'x',
      code: 'AAAA',
      verify_url: '',
      issued_on: '2026-12-01',
      issued_at: '2026-12-01T00:00:00Z',
      revoked_at: null,
    };
    expect(certificateState({ certificate: cert })).toBe('issued');
    expect(certificateState({ certificate: { ...cert, revoked_at: '2026-12-02T00:00:00Z' } })).toBe(
      'revoked',
    );
  });
});
