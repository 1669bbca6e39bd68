// @vitest-environment jsdom
import i18next from 'i18next';
import { afterEach, beforeAll } from 'vitest';
import { formatDate, formatDateTime, formatWon } from './format';
import { setupI18n } from './index';

beforeAll(() => setupI18n());

describe('Korean formats', () => {
  it('shows dates in Korean order', () => {
    expect(formatDate('2026-03-01T09:30:00Z')).toBe('2026년 3월 1일');
  });

  it('shows times in Seoul, 24-hour', () => {
    // 09:30 UTC is 18:30 in Seoul.
    expect(formatDateTime('2026-03-01T09:30:00Z')).toMatch(/2026\. 03\. 01\.\s+18:30/);
  });

  it('rolls the date over at midnight Seoul time, not UTC', () => {
    expect(formatDate('2026-02-28T15:30:00Z')).toBe('2026년 3월 1일');
  });

  it('shows money in whole won', () => {
    expect(formatWon(1200000)).toBe('1,200,000원');
    expect(formatWon(1200000, 'en')).toBe('₩1,200,000');
  });

  it('shows nothing for an invalid time', () => {
    expect(formatDate('not a date')).toBe('');
  });
});

describe('English formats', () => {
  afterEach(() => void i18next.changeLanguage('ko'));

  it('shows dates and times in English, still in Korea time', async () => {
    await i18next.changeLanguage('en');
    expect(formatDate('2026-02-28T15:30:00Z')).toBe('1 March 2026');
    expect(formatDateTime('2026-03-01T09:30:00Z')).toMatch(/^1 Mar 2026,? 18:30$/);
  });
});
