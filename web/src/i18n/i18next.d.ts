// Typed translation keys: every t('…') key must exist in ko.json, the source language, or tsc
// fails. en.json is checked against ko.json in index.ts (same shape) and i18n.test.ts (same keys).
import 'i18next';
import type ko from './ko.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ko };
  }
}
