// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import { timelineLabel, timelineSection } from './timelineWords';

beforeAll(() => setupI18n());

describe('timeline entries in words', () => {
  it('names the code each kind records', () => {
    const t = i18next.t;
    expect(timelineLabel({ kind: 'case_opened', summary: 'walk_in' }, t)).toBe('직접 방문');
    expect(timelineLabel({ kind: 'case_closed', summary: 'goals_met' }, t)).toBe('목표 달성');
    expect(timelineLabel({ kind: 'legal_matter', summary: 'civil_debt' }, t)).toBe(
      '민사(선불금 채무 무효)',
    );
    expect(timelineLabel({ kind: 'legal_matter', summary: 'trial' }, t)).toBe('재판');
    expect(timelineLabel({ kind: 'service', summary: 'counseling' }, t)).toBe('상담');
  });

  it('keeps free text and unknown codes as they are, and nothing as nothing', () => {
    expect(timelineLabel({ kind: 'hearing', summary: '1차 변론' }, i18next.t)).toBe('1차 변론');
    expect(timelineLabel({ kind: 'service', summary: 'teleportation' }, i18next.t)).toBe(
      'teleportation',
    );
    expect(timelineLabel({ kind: 'note', summary: null }, i18next.t)).toBe('');
  });

  it('links each record to its section', () => {
    expect(timelineSection('hearing')).toBe('legal');
    expect(timelineSection('case_opened')).toBeNull();
  });
});
