import { describeFailure, missingFields } from './errors';
import { escapeCounter } from './quickExit';
import { HELP_LANGUAGES, HELP_STRINGS, fill, helpLanguage } from './strings';

describe('Escape pressed three times', () => {
  it('fires on the third press within two seconds', () => {
    const pressed = escapeCounter();
    expect(pressed('Escape', 0)).toBe(false);
    expect(pressed('Escape', 600)).toBe(false);
    expect(pressed('Escape', 1900)).toBe(true);
  });

  it('does not fire when the presses are spread out', () => {
    const pressed = escapeCounter();
    expect(pressed('Escape', 0)).toBe(false);
    expect(pressed('Escape', 1500)).toBe(false);
    expect(pressed('Escape', 2100)).toBe(false); // the first press has expired
    expect(pressed('Escape', 2500)).toBe(true); // 1500, 2100, 2500
  });

  it('ignores other keys without losing count, and starts again after firing', () => {
    const pressed = escapeCounter();
    pressed('Escape', 0);
    expect(pressed('a', 100)).toBe(false);
    pressed('Esc', 200);
    expect(pressed('Escape', 300)).toBe(true);
    expect(pressed('Escape', 400)).toBe(false);
    expect(pressed('Escape', 500)).toBe(false);
    expect(pressed('Escape', 600)).toBe(true);
  });
});

describe('help page language', () => {
  it('reads ?lang= and /help/xx, and falls back to Korean', () => {
    expect(helpLanguage(new URL('https://d.example/help'))).toBe('ko');
    expect(helpLanguage(new URL('https://d.example/help?lang=th'))).toBe('th');
    expect(helpLanguage(new URL('https://d.example/help/vi'))).toBe('vi');
    expect(helpLanguage(new URL('https://d.example/help?lang=xx'))).toBe('ko');
  });

  it('has every sentence in every language, with the same placeholders', () => {
    const keys = Object.keys(HELP_STRINGS.ko).sort();
    for (const l of HELP_LANGUAGES) {
      expect(Object.keys(HELP_STRINGS[l]).sort(), l).toEqual(keys);
      for (const k of keys) {
        const text = HELP_STRINGS[l][k as keyof typeof HELP_STRINGS.ko];
        expect(text.trim(), `${l}.${k}`).not.toBe('');
        expect(text.includes('{minutes}'), `${l}.${k}`).toBe(
          HELP_STRINGS.ko[k as keyof typeof HELP_STRINGS.ko].includes('{minutes}'),
        );
      }
    }
    expect(fill(HELP_STRINGS.en.tooMany, 5)).toContain('wait 5 min ');
  });
});

describe('help page errors', () => {
  it('uses the server words in Korean and English', () => {
    const shown = describeFailure(
      {
        kind: 'invalid',
        message: '입력한 내용을 확인하세요.',
        fields: { situation: '2000자 이하로 적어 주세요.' },
      },
      'ko',
      HELP_STRINGS.ko,
    );
    expect(shown).toEqual({
      alert: '입력한 내용을 확인하세요.',
      fields: { situation: { text: '2000자 이하로 적어 주세요.' } },
    });
  });

  it('uses its own words in Thai, keeping the server English as detail', () => {
    const shown = describeFailure(
      { kind: 'invalid', message: 'Check the fields.', fields: { region: 'Unknown region.' } },
      'th',
      HELP_STRINGS.th,
    );
    expect(shown.alert).toBe(HELP_STRINGS.th.checkFields);
    expect(shown.fields.region).toEqual({
      text: HELP_STRINGS.th.regionRequired,
      detail: 'Unknown region.',
    });
  });

  it('tells her how long to wait when slowed down, in whole minutes', () => {
    expect(
      describeFailure(
        { kind: 'too_many', message: '', retryAfterSeconds: 61 },
        'vi',
        HELP_STRINGS.vi,
      ).alert,
    ).toBe(fill(HELP_STRINGS.vi.tooMany, 2));
    expect(
      describeFailure(
        { kind: 'too_many', message: '', retryAfterSeconds: 5 },
        'en',
        HELP_STRINGS.en,
      ).alert,
    ).toContain('wait 1 min ');
  });

  it('asks to press send again when the form token was refused', () => {
    const shown = describeFailure(
      { kind: 'invalid', message: 'x', fields: { form_token: 'expired' } },
      'en',
      HELP_STRINGS.en,
    );
    expect(shown).toEqual({ alert: HELP_STRINGS.en.tokenExpired, fields: {} });
  });

  it('checks the two required fields before sending', () => {
    expect(missingFields({ region: '', situation: '  ' })).toEqual({ region: '', situation: '' });
    expect(missingFields({ region: 'KR-11', situation: 'help' })).toEqual({});
  });
});
