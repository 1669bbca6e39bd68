// The web app's vocabularies against the server's: vocabularies.json is generated from the
// server's own lists (src/app/web_vocabularies_test.cc fails until it is regenerated), so the
// types the forms offer and the Korean and English translations are checked against one source
// of truth.
import { en, ko } from '../i18n/resources';
import {
  APPOINTMENT_KINDS,
  ASSESSMENT_DOMAINS,
  CLOSURE_REASONS,
  CONSENT_KINDS,
  CONSENT_METHODS,
  FILE_KINDS,
  GOAL_STATUSES,
  INTAKE_CHANNELS,
  LEGAL_KINDS,
  LEGAL_STATUSES,
  PERSON_CATEGORIES,
  RISK_LEVELS,
  SERVICE_TYPES,
  SITUATIONS,
} from './caseTypes';
import { CHANNELS, OUTCOMES, REQUEST_STATUSES, STAFF_CHANNELS, URGENCIES } from './emergency';
import { FACILITY_TYPES } from './referrals';
import { ORG_KINDS, REGIONS, ROLES } from './types';
import server from './vocabularies.json';

interface WebVocabulary {
  values: readonly string[];
  labels: string; // where the translations (ko/, en/) name each value
}

// Every vocabulary of the server, and the web's copy of it; null where the web neither sends
// nor shows it (yet).
const WEB: Record<string, WebVocabulary | null> = {
  roles: { values: ROLES, labels: 'roles' },
  org_kinds: { values: ORG_KINDS, labels: 'orgKinds' },
  facility_types: { values: FACILITY_TYPES, labels: 'directory.facilityTypes' },
  regions: { values: REGIONS, labels: 'regions' },
  person_categories: { values: PERSON_CATEGORIES, labels: 'people.category' },
  intake_channels: { values: INTAKE_CHANNELS, labels: 'cases.channels' },
  situation_tags: { values: SITUATIONS, labels: 'cases.situations' },
  risk_levels: { values: RISK_LEVELS, labels: 'cases.risk' },
  closure_reasons: { values: CLOSURE_REASONS, labels: 'cases.closureReasons' },
  service_types: { values: SERVICE_TYPES, labels: 'services.types' },
  appointment_kinds: { values: APPOINTMENT_KINDS, labels: 'calendar.kinds' },
  legal_kinds: { values: LEGAL_KINDS, labels: 'legal.kinds' },
  legal_statuses: { values: LEGAL_STATUSES, labels: 'legal.statuses' },
  hearing_kinds: null,
  consent_kinds: { values: CONSENT_KINDS, labels: 'consents.kinds' },
  consent_methods: { values: CONSENT_METHODS, labels: 'consents.methods' },
  assessment_domains: { values: ASSESSMENT_DOMAINS, labels: 'assessment.domains' },
  goal_statuses: { values: GOAL_STATUSES, labels: 'goals.statuses' },
  file_kinds: { values: FILE_KINDS, labels: 'files.kinds' },
  help_channels: { values: CHANNELS, labels: 'emergency.channels' },
  help_staff_channels: { values: STAFF_CHANNELS, labels: 'emergency.channels' },
  help_statuses: { values: REQUEST_STATUSES, labels: 'emergency.statuses' },
  help_urgencies: { values: URGENCIES, labels: 'emergency.urgencies' },
  help_outcomes: { values: OUTCOMES, labels: 'emergency.outcomes' },
};

const serverLists = Object.fromEntries(
  Object.entries(server).filter(([name]) => !name.startsWith('$')),
) as Record<string, string[]>;

function lookup(obj: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

const placed = Object.entries(WEB).filter(
  (entry): entry is [string, WebVocabulary] => entry[1] !== null,
);

const sorted = (values: readonly string[]) => [...values].sort();

describe('vocabularies', () => {
  it('places every vocabulary of the server', () => {
    expect(Object.keys(WEB).sort()).toEqual(Object.keys(serverLists).sort());
  });

  it.each(placed)('%s has the server’s values', (name, web) => {
    expect(sorted(web.values)).toEqual(sorted(serverLists[name]!));
  });

  it.each(placed)('%s is named in Korean and English', (_, web) => {
    for (const [lang, catalog] of [
      ['ko', ko],
      ['en', en],
    ] as const) {
      for (const value of web.values) {
        const label = lookup(catalog, `${web.labels}.${value}`);
        expect(
          typeof label === 'string' && label.trim() !== '',
          `${lang} ${web.labels}.${value}`,
        ).toBe(true);
      }
    }
  });
});
