// The sections of a case page, each with its own address (/cases/:id/:section).
import type { Case } from '../../api';
import { AppointmentsSection } from './AppointmentsSection';
import { AssessmentSection } from './AssessmentSection';
import { FilesSection } from './FilesSection';
import { GoalsSection } from './GoalsSection';
import { LegalSection } from './LegalSection';
import { NotesSection } from './NotesSection';
import { OverviewSection } from './OverviewSection';
import { ServicesSection } from './ServicesSection';
import { TimelineSection } from './TimelineSection';

export const CASE_SECTIONS = [
  'overview',
  'assessment',
  'plan',
  'services',
  'legal',
  'appointments',
  'notes',
  'files',
  'timeline',
] as const;
export type CaseSectionKey = (typeof CASE_SECTIONS)[number];

export function isCaseSection(s: string): s is CaseSectionKey {
  return (CASE_SECTIONS as readonly string[]).includes(s);
}

// onCaseChanged: the case itself may have changed (risk, last contact); read it again.
export interface SectionProps {
  c: Case;
  onCaseChanged: () => void;
}

export function CaseSection({ section, ...props }: { section: CaseSectionKey } & SectionProps) {
  switch (section) {
    case 'overview':
      return <OverviewSection {...props} />;
    case 'assessment':
      return <AssessmentSection {...props} />;
    case 'plan':
      return <GoalsSection {...props} />;
    case 'services':
      return <ServicesSection {...props} />;
    case 'legal':
      return <LegalSection {...props} />;
    case 'appointments':
      return <AppointmentsSection {...props} />;
    case 'notes':
      return <NotesSection {...props} />;
    case 'files':
      return <FilesSection {...props} />;
    case 'timeline':
      return <TimelineSection {...props} />;
  }
}
