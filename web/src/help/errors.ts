// What the help page says when sending fails, in the reader's language. Korean and English
// readers get the server's own words when it gave some; Thai and Vietnamese readers get ours
// (the server speaks only Korean and English), with the server's English kept underneath.
import type { Failure } from './api';
import { fill, type HelpLanguage, type HelpStrings } from './strings';

export interface Shown {
  alert: string;
  fields: Record<string, { text: string; detail?: string }>;
}

const FIELD_WORDS: Record<string, keyof HelpStrings> = {
  region: 'regionRequired',
  situation: 'situationRequired',
};

export function describeFailure(f: Failure, lang: HelpLanguage, s: HelpStrings): Shown {
  const serverSpeaks = lang === 'ko' || lang === 'en';
  switch (f.kind) {
    case 'too_many':
      return {
        alert: fill(s.tooMany, Math.max(1, Math.ceil(f.retryAfterSeconds / 60))),
        fields: {},
      };
    case 'network':
      return { alert: s.network, fields: {} };
    case 'other':
      return { alert: serverSpeaks && f.message ? f.message : s.failed, fields: {} };
    case 'invalid': {
      const fields: Shown['fields'] = {};
      let alert = serverSpeaks && f.message ? f.message : s.checkFields;
      for (const [name, message] of Object.entries(f.fields)) {
        if (name === 'form_token') {
          alert = s.tokenExpired;
          continue;
        }
        const ours = FIELD_WORDS[name] ? s[FIELD_WORDS[name]] : s.fieldInvalid;
        if (serverSpeaks) fields[name] = { text: message || ours };
        else fields[name] = message ? { text: ours, detail: message } : { text: ours };
      }
      return { alert, fields };
    }
  }
}

// The checks the browser can make before sending: the two fields that must be filled in.
export function missingFields(values: {
  region: string;
  situation: string;
}): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!values.region) missing.region = '';
  if (!values.situation.trim()) missing.situation = '';
  return missing;
}
