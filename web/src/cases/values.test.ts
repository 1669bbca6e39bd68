import { languageList } from './RegisterPersonPage';
import { formatBytes } from './sections/FilesSection';
import { personLabel } from './lists';

describe('values the case screens read and show', () => {
  it('reads a typed list of language codes', () => {
    expect(languageList('ko, VI  th,')).toEqual(['ko', 'vi', 'th']);
    expect(languageList('  ')).toEqual([]);
  });

  it('shows file sizes in B, KB and MB', () => {
    expect(formatBytes(800)).toBe('800 B');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('names a person in lists by alias and code, never by legal name', () => {
    expect(personLabel({ alias: '수진', code: 'SEOU-2026-0001' })).toBe('수진 (SEOU-2026-0001)');
    expect(personLabel({ alias: null, code: 'SEOU-2026-0002' })).toBe('SEOU-2026-0002');
  });
});
