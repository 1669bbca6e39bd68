import { AREAS, en, ko } from './resources';

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

const fileName = (path: string) => path.replace(/^.*\/(\w+)\.json$/, '$1');

describe('translations', () => {
  it('every file in ko/ and en/ is an area merged at load, in both languages', () => {
    const files = import.meta.glob('./{ko,en}/*.json');
    const areaNames = Object.keys(AREAS).sort();
    for (const lang of ['ko', 'en']) {
      const names = Object.keys(files)
        .filter((p) => p.startsWith(`./${lang}/`))
        .map(fileName)
        .sort();
      expect(names, lang).toEqual(areaNames);
    }
  });

  it('no section is defined in two areas', () => {
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(AREAS)) {
      for (const section of Object.keys(area.ko)) {
        expect(seen.get(section), `${section} in ${name}`).toBeUndefined();
        seen.set(section, name);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(ko).sort());
  });

  describe.each(Object.entries(AREAS))('%s', (_name, area) => {
    it('the English file has exactly the keys of the Korean one', () => {
      expect(keys(area.en).sort()).toEqual(keys(area.ko).sort());
    });

    it('every string is non-empty', () => {
      for (const k of keys(area.ko))
        expect(String(lookup(area.ko, k)).trim(), `ko ${k}`).not.toBe('');
      for (const k of keys(area.en))
        expect(String(lookup(area.en, k)).trim(), `en ${k}`).not.toBe('');
    });

    it('both languages use the same placeholders', () => {
      for (const k of keys(area.ko)) {
        expect(placeholders(String(lookup(area.en, k))), k).toEqual(
          placeholders(String(lookup(area.ko, k))),
        );
      }
    });
  });

  it('the merged English has exactly the keys of the merged Korean', () => {
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });

  it('names all 17 regions and 5 organization kinds in Korean', () => {
    expect(Object.keys(ko.regions)).toHaveLength(17);
    expect(ko.regions['KR-11']).toBe('서울특별시');
    expect(ko.regions['KR-50']).toBe('세종특별자치시');
    expect(ko.orgKinds.support_facility).toBe('지원시설');
  });
});
