// A timeline entry in words: its label is a code of the thing recorded (an intake channel, a
// closure reason, a service type, a legal matter's kind or new status, a file's kind...), told
// here in the user's language, with the case section where the record itself is.
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import type { TimelineEntry } from '../../api';
import type { CaseSectionKey } from '.';

// Where each kind's label is named, in order of preference.
const LABEL_KEYS: Partial<Record<string, string[]>> = {
  case_opened: ['cases.channels'],
  case_closed: ['cases.closureReasons'],
  service: ['services.types'],
  appointment: ['calendar.kinds'],
  legal_matter: ['legal.kinds', 'legal.statuses'],
  goal: ['goals.statuses'],
  file: ['files.kinds'],
  consent: ['consents.kinds', 'consents.states'],
  note: ['timeline.noteLabels'],
};

const SECTION: Partial<Record<string, CaseSectionKey>> = {
  service: 'services',
  note: 'notes',
  appointment: 'appointments',
  legal_matter: 'legal',
  hearing: 'legal',
  assessment: 'assessment',
  goal: 'plan',
  file: 'files',
};

export function timelineLabel(e: Pick<TimelineEntry, 'kind' | 'summary'>, t: TFunction): string {
  if (!e.summary) return '';
  for (const base of LABEL_KEYS[e.kind] ?? []) {
    const key = `${base}.${e.summary}`;
    if (i18next.exists(key)) return t(key as never);
  }
  return e.summary; // free text (a hearing's kind) or a code this version does not know
}

export function timelineSection(kind: string): CaseSectionKey | null {
  return SECTION[kind] ?? null;
}
