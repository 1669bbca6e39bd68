// Typed translation keys: every t('…') key must exist in the Korean files (ko/*.json, the source
// language, merged in resources.ts), or tsc fails. Each English file is checked against its
// Korean one in resources.ts (same shape) and i18n.test.ts (same keys).
import 'i18next';
import type { ko } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ko };
  }
}
