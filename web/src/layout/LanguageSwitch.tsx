// 한국어 / English. Remembered on this device for the signed-in user (and as the default before
// signing in); also sent to the server as Accept-Language so its messages match.
import { useTranslation } from 'react-i18next';
import { saveLanguage } from '../api';
import { LANGUAGES, changeLanguage, currentLanguage } from '../i18n';

export function LanguageSwitch({ userId }: { userId?: string | undefined }) {
  const { t } = useTranslation();
  const current = currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={lang === current ? 'lang-button lang-current' : 'lang-button'}
          aria-pressed={lang === current}
          onClick={() => {
            void changeLanguage(lang, userId);
            // Signed in: the server remembers it too (other devices, its own messages).
            if (userId) void saveLanguage(lang);
          }}
        >
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
