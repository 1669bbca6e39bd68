// i18next set up with both languages bundled (they are small), Korean by default. The chosen
// language is remembered per user on this device and sent to the server as Accept-Language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage, type Language } from '../api';
import { en, ko } from './resources';

export const LANGUAGES: readonly Language[] = ['ko', 'en'];
const LAST_KEY = 'dandelion.lang';
const userKey = (userId: string) => `dandelion.lang.${userId}`;

function read(key: string): Language | null {
  try {
    const v = localStorage.getItem(key);
    return v === 'ko' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function write(key: string, lang: Language): void {
  try {
    localStorage.setItem(key, lang);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

// The language to start with: the last one chosen on this device, else Korean.
export function initialLanguage(): Language {
  return read(LAST_KEY) ?? 'ko';
}

// The language a signed-in user chose before (on this device), else their server-side
// preference, else the current one.
export function languageForUser(userId: string, serverPreference?: Language): Language {
  return read(userKey(userId)) ?? serverPreference ?? currentLanguage();
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ko';
}

export async function changeLanguage(lang: Language, userId?: string): Promise<void> {
  write(LAST_KEY, lang);
  if (userId) write(userKey(userId), lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export function setupI18n(): typeof i18n {
  const lng = initialLanguage();
  setApiLanguage(lng);
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { ko: { translation: ko }, en: { translation: en } },
    lng,
    fallbackLng: 'ko',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18n;
}

export { i18n };
