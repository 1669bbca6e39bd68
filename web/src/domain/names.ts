// Countries and languages by name in the user's language (the server stores ISO 3166 country
// codes and ISO 639 language codes): a counselor picks "베트남" or "Vietnam", and every screen
// shows the name rather than "VN". Names come from the browser's own Intl.DisplayNames, so no
// name list ships with the app; the codes are the ones the server accepts (people/model.cc).
import type { Language } from '../api';

const ISO_3166 =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCI' +
  'CKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQ' +
  'GRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLS' +
  'LTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPG' +
  'PHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTK' +
  'TLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW';

export const COUNTRY_CODES: readonly string[] = ISO_3166.match(/../g) ?? [];

// Where the women the network supports most often come from, first in the list.
export const COMMON_COUNTRIES: readonly string[] = [
  'KR',
  'CN',
  'VN',
  'TH',
  'PH',
  'UZ',
  'RU',
  'MN',
  'KH',
  'KP',
  'KZ',
  'ID',
  'NP',
  'LA',
  'MM',
];

// Languages offered as checkboxes: Korean, English, and those of migrant women in Korea.
export const COMMON_LANGUAGES: readonly string[] = [
  'ko',
  'en',
  'zh',
  'vi',
  'th',
  'tl',
  'ru',
  'mn',
  'uz',
  'km',
  'ja',
  'id',
  'ne',
  'lo',
  'my',
  'kk',
];

const displayNames = new Map<string, Intl.DisplayNames>();
function names(lang: Language, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${lang}-${type}`;
  let n = displayNames.get(key);
  if (!n) {
    n = new Intl.DisplayNames([lang], { type, fallback: 'code' });
    displayNames.set(key, n);
  }
  return n;
}

export function countryName(code: string, lang: Language): string {
  try {
    return names(lang, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, lang: Language): string {
  try {
    return names(lang, 'language').of(code) ?? code;
  } catch {
    return code;
  }
}

// Every country, the common ones first, then the rest by name in the user's language.
export function countryChoices(lang: Language): { code: string; name: string }[] {
  const rest = COUNTRY_CODES.filter((c) => !COMMON_COUNTRIES.includes(c))
    .map((code) => ({ code, name: countryName(code, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  return [...COMMON_COUNTRIES.map((code) => ({ code, name: countryName(code, lang) })), ...rest];
}
