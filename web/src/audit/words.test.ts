// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../i18n';
import { actionWords, outcomeWords } from './words';

beforeAll(() => setupI18n());

describe('audit actions in words', () => {
  it('tells an action as the thing and what was done to it', () => {
    expect(actionWords('person.read', i18next.t)).toBe('당사자 열람');
    expect(actionWords('case.break_glass', i18next.t)).toBe('사례 비상 열람');
    expect(outcomeWords('denied', i18next.t)).toBe('거부');
  });

  it('shows an action it does not know as recorded', () => {
    expect(actionWords('emergency.coverage.update', i18next.t)).toBe('emergency.coverage.update');
    expect(actionWords('shelter.admit', i18next.t)).toBe('shelter.admit');
    expect(outcomeWords('something_new', i18next.t)).toBe('something_new');
  });
});
