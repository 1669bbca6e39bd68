import { describe, expect, it } from 'vitest';
import { bodyIn, contactChanges, koreaTime, onLoad, titleIn, upcoming } from './model';
import { fill, NOTES_STRINGS } from './strings';

describe('a member page’s rules', () => {
  it('shows Korea time in her language whatever the device’s zone', () => {
    expect(koreaTime('2030-05-20T05:00:00Z', 'ko')).toBe('5월 20일 (월) 오후 2:00');
    expect(koreaTime('2030-05-20T05:00:00Z', 'en')).toBe('Mon 20 May, 14:00');
    expect(koreaTime('not a time', 'ko')).toBe('');
  });

  it('lists meetings ahead soonest first, keeping one that began within the hour', () => {
    const now = new Date('2030-05-20T05:00:00Z');
    const items = [
      { id: 'later', starts_at: '2030-06-01T05:00:00Z' },
      { id: 'past', starts_at: '2030-05-19T05:00:00Z' },
      { id: 'running', starts_at: '2030-05-20T04:30:00Z' },
      { id: 'soon', starts_at: '2030-05-21T05:00:00Z' },
    ];
    expect(upcoming(items, now).map((m) => m.id)).toEqual(['running', 'soon', 'later']);
  });

  it('uses the English title and body when there is one, else the Korean', () => {
    const s = { title_ko: '제목', title_en: 'Title', body_ko: '본문', body_en: '' };
    expect(titleIn(s, 'en')).toBe('Title');
    expect(titleIn(s, 'ko')).toBe('제목');
    expect(bodyIn(s, 'en')).toBe('본문');
  });

  it('sends only what changed in the contact form, an emptied field as ""', () => {
    const before = { contact: '010-0000-0000', safe_contact: null };
    expect(contactChanges(before, { contact: '010-0000-0000 ', safe_contact: '' })).toBeNull();
    expect(contactChanges(before, { contact: '', safe_contact: '문자만' })).toEqual({
      contact: '',
      safe_contact: '문자만',
    });
  });

  it('signs out first on a load without this tab’s marker', () => {
    expect(onLoad(false)).toBe('signOutFirst');
    expect(onLoad(true)).toBe('resume');
  });
});

describe('a member page’s words', () => {
  it('has every word in Korean and English, with the same placeholders', () => {
    const { ko, en } = NOTES_STRINGS;
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      expect(en[key].trim(), key).not.toBe('');
      const vars = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(en[key]), key).toEqual(vars(ko[key]));
    }
  });

  it('says nothing before sign-in that names the network or Dandelion', () => {
    const before = ['title', 'signInTitle', 'signInIntro', 'quickExit', 'signIn'] as const;
    for (const lang of ['ko', 'en'] as const) {
      for (const key of before) {
        expect(NOTES_STRINGS[lang][key]).not.toMatch(/민들레|Dandelion|성매매|당사자|survivor/i);
      }
    }
  });

  it('fills placeholders', () => {
    expect(fill('{alias} 님', { alias: '들꽃' })).toBe('들꽃 님');
    expect(fill('{n}명', {})).toBe('{n}명');
  });
});
