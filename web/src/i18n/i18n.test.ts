import en from './en.json';
import ko from './ko.json';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort();
}

function lookup(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

describe('translations', () => {
  it('en.json has exactly the keys of ko.json', () => {
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });

  it('every string is non-empty', () => {
    for (const k of keys(ko)) expect(String(lookup(ko, k)).trim(), `ko ${k}`).not.toBe('');
    for (const k of keys(en)) expect(String(lookup(en, k)).trim(), `en ${k}`).not.toBe('');
  });

  it('both languages use the same placeholders', () => {
    for (const k of keys(ko)) {
      expect(placeholders(String(lookup(en, k))), k).toEqual(placeholders(String(lookup(ko, k))));
    }
  });

  it('names all 17 regions and 5 organization kinds in Korean', () => {
    expect(Object.keys(ko.regions)).toHaveLength(17);
    expect(ko.regions['KR-11']).toBe('서울특별시');
    expect(ko.regions['KR-50']).toBe('세종특별자치시');
    expect(ko.orgKinds.support_facility).toBe('지원시설');
  });
});
