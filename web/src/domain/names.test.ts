import { describe, expect, it } from 'vitest';
import {
  COMMON_COUNTRIES,
  COUNTRY_CODES,
  countryChoices,
  countryName,
  languageName,
} from './names';

describe('country and language names', () => {
  it('names countries and languages in Korean and English', () => {
    expect(countryName('VN', 'ko')).toBe('베트남');
    expect(countryName('VN', 'en')).toBe('Vietnam');
    expect(languageName('ko', 'ko')).toBe('한국어');
    expect(languageName('th', 'en')).toBe('Thai');
  });

  it('offers every country the server accepts, the common ones first and each once', () => {
    const choices = countryChoices('ko');
    expect(choices.map((c) => c.code).slice(0, COMMON_COUNTRIES.length)).toEqual(COMMON_COUNTRIES);
    expect(new Set(choices.map((c) => c.code)).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES).toHaveLength(249);
  });

  it('shows a code it cannot name as it is', () => {
    expect(countryName('not a code', 'ko')).toBe('not a code');
  });
});
