// Wire types of survivor case management (people, cases and case records), as the server
// answers them (docs/domain.md, "Survivor records"; docs/api-cases.md).
// The vocabularies are listed once here so forms, labels and tests share them.

export const PERSON_CATEGORIES = [
  'youth',
  'migrant',
  'north_korean_refugee',
  'disability',
  'military_camptown',
  'online_exploitation',
  'international_trafficking',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export interface Person {
  id: string;
  code: string;
  legal_name: string;
  alias: string | null;
  birth_date: string | null;
  age_band: string | null;
  phone: string | null;
  safe_contact: string | null;
  nationality: string | null;
  languages: string[];
  categories: string[];
  created_at: string;
  updated_at: string;
  restricted?: boolean; // she has a restricted case
  access?: string; // why the caller sees her: organization, assigned, supervisor, break_glass
}

// GET /api/v1/people (a search or the list): the fields that identify her and say how to reach
// her.
export interface PersonSummary {
  id: string;
  code: string;
  legal_name: string;
  alias: string | null;
  age_band?: string | null;
  safe_contact: string | null;
  categories?: string[];
  restricted?: boolean;
  access?: string | null;
}

// A match the caller may not see (she has a restricted case): no name, nothing about her.
export interface RestrictedPersonStub {
  id: string;
  code: string;
  restricted: true;
  access: null;
}

export type PersonMatch = PersonSummary | RestrictedPersonStub;

// GET /api/v1/people?q=: a page of matches; more = too many matched, type more.
export interface PersonSearchPage {
  items: PersonMatch[];
  next_cursor: string | null;
  more?: boolean;
}

export type AgeBand = 'under_19' | '19_24' | '25_29' | '30_39' | '40_49' | '50_plus';
export const AGE_BANDS: readonly AgeBand[] = [
  'under_19',
  '19_24',
  '25_29',
  '30_39',
  '40_49',
  '50_plus',
];

// GET /api/v1/people (no search key): the list's filters; "" or absent = any.
export interface PeopleFilter {
  category?: string;
  age_band?: string;
  open_case?: '' | 'yes' | 'no';
}

export function isRestrictedStub(p: PersonMatch): p is RestrictedPersonStub {
  return p.restricted === true && !('legal_name' in p);
}

export interface NewPerson {
  legal_name: string;
  alias?: string;
  birth_date?: string;
  phone?: string;
  safe_contact?: string;
  nationality?: string;
  languages?: string[];
  categories?: string[];
}

export type PersonSearchKey = 'name' | 'phone' | 'code';

export const CONSENT_KINDS = [
  'services',
  'referral_sharing',
  'statistics',
  'contact_sms',
  'contact_email',
  'photo',
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_METHODS = ['verbal', 'written'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface Consent {
  id: string;
  person_id: string;
  kind: ConsentKind;
  // A referral_sharing consent names either a member organization (org_id) or an outside
  // party by its exact name (external), and the fields she agreed to share with it.
  scope: { fields?: string[]; org_id?: string; external?: string };
  method: ConsentMethod;
  given_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  recorded_by: string;
  state: 'active' | 'expired' | 'revoked';
}

export interface NewConsent {
  kind: ConsentKind;
  scope: { fields?: string[]; org_id?: string; external?: string };
  method: ConsentMethod;
  expires_at?: string;
}

export const INTAKE_CHANNELS = [
  'hotline',
  'walk_in',
  'police_referral',
  'outreach',
  'web_request',
  'member_referral',
  'court_order',
  'self',
] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const SITUATIONS = [
  'red_light_district',
  'entertainment_establishment',
  'online',
  'massage_parlour',
  'international_trafficking',
  'military_camptown',
  'street',
  'other',
] as const;
export type Situation = (typeof SITUATIONS)[number];

// Highest first: the order the caseload lists them in.
export const RISK_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CLOSURE_REASONS = [
  'goals_met',
  'referred',
  'moved_away',
  'lost_contact',
  'declined_services',
  'deceased',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export interface CasePerson {
  id: string;
  code: string;
  legal_name: string;
  alias: string | null;
  safe_contact: string | null;
}

export interface Assignee {
  user_id: string;
  display_name: string;
}

export type CaseAccessKind = 'assigned' | 'supervisor' | 'organization' | 'break_glass';

export interface Case {
  id: string;
  number: string;
  person_id: string;
  person: CasePerson;
  status: 'open' | 'closed';
  intake_channel: IntakeChannel;
  situation: Situation[];
  risk_level: RiskLevel;
  summary: string;
  safety_plan: string | null;
  restricted: boolean;
  assigned: Assignee[];
  opened_at: string;
  closed_at: string | null;
  closure_reason: ClosureReason | null;
  closure_note: string | null;
  last_contact_at: string | null;
  updated_at: string;
  access: CaseAccessKind;
}

// A restricted case the caller may not read is listed with person = null.
export interface CaseSummary {
  id: string;
  number: string;
  person: CasePerson | null;
  status: 'open' | 'closed';
  risk_level: RiskLevel;
  restricted: boolean;
  assigned: Assignee[];
  opened_at: string;
  last_contact_at: string | null;
}

export interface NewCase {
  person_id: string;
  intake_channel: IntakeChannel;
  situation: Situation[];
  risk_level: RiskLevel;
  summary: string;
  safety_plan?: string;
  restricted?: boolean;
}

export interface CaseChange {
  risk_level?: RiskLevel;
  situation?: Situation[];
  summary?: string;
  safety_plan?: string;
}

export interface BreakGlass {
  case_id: string;
  expires_at: string;
}

export const TIMELINE_KINDS = [
  'case_opened',
  'case_closed',
  'case_reopened',
  'service',
  'note',
  'appointment',
  'legal_matter',
  'hearing',
  'assessment',
  'goal',
  'file',
  'consent',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  id: string;
  summary: string | null;
  actor_id?: string | null;
  actor_name?: string | null;
}

export interface Caseload {
  open_cases: CaseSummary[];
  appointments_today: Appointment[];
  appointments_week: Appointment[];
  no_contact_30_days: CaseSummary[];
}

export interface Notification {
  id: string;
  kind: string;
  case_id: string | null;
  referral_id?: string | null; // referral notifications (referral_overdue…)
  at: string;
  read_at: string | null;
  actor: string | null;
}

export const SERVICE_TYPES = [
  'counseling',
  'psychological_therapy',
  'medical',
  'legal_assistance',
  'investigation_accompaniment',
  'court_accompaniment',
  'vocational_training',
  'education',
  'housing_support',
  'living_expense_support',
  'emergency_rescue',
  'outreach',
  'peer_support',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export interface Service {
  id: string;
  case_id: string;
  type: ServiceType;
  date: string;
  minutes: number;
  provider: string | null;
  outcome: string | null;
  notes: string | null;
  amount: number | null;
  recorded_by: string;
  created_at: string;
}

export interface NewService {
  type: ServiceType;
  date: string;
  minutes: number;
  provider?: string;
  outcome?: string;
  notes?: string;
  amount?: number;
}

export interface Note {
  id: string;
  case_id: string;
  text: string;
  amends: string | null;
  author: Assignee;
  created_at: string;
}

export const APPOINTMENT_KINDS = [
  'counseling',
  'therapy',
  'hearing',
  'medical',
  'legal',
  'visit',
  'other',
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type AppointmentStatus = 'scheduled' | 'cancelled' | 'done';

export interface Appointment {
  id: string;
  case_id: string;
  case_number: string;
  // null for a case the caller may not read (a restricted case, or a restricted person's).
  person: { id: string; code: string; alias: string | null; safe_contact: string | null } | null;
  starts_at: string;
  ends_at: string | null;
  kind: AppointmentKind;
  with_whom: string | null;
  place: string | null;
  status: AppointmentStatus;
  worker_id: string;
}

export interface NewAppointment {
  starts_at: string;
  ends_at?: string;
  kind: AppointmentKind;
  with_whom?: string;
  place?: string;
  notes?: string;
}

export type AppointmentScope = 'me' | 'organization';

export const LEGAL_KINDS = [
  'prosecution_against_her',
  'complaint_by_her',
  'civil_debt',
  'immigration',
  'family',
] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];
export const LEGAL_STATUSES = [
  'investigation',
  'indicted',
  'trial',
  'appeal',
  'concluded',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export interface Hearing {
  id: string;
  at: string;
  court: string | null;
  kind: string | null;
  notes: string | null;
}

export interface LegalMatter {
  id: string;
  case_id: string;
  kind: LegalKind;
  authority: string | null;
  case_number: string | null;
  status: LegalStatus;
  outcome: string | null;
  hearings: Hearing[];
  created_at: string;
  updated_at: string;
}

export interface NewLegalMatter {
  kind: LegalKind;
  authority?: string;
  case_number?: string;
  status: LegalStatus;
  outcome?: string;
}

export interface NewHearing {
  at: string;
  court?: string;
  kind?: string;
  notes?: string;
}

export const ASSESSMENT_DOMAINS = [
  'safety',
  'housing',
  'physical_health',
  'mental_health',
  'legal',
  'debt',
  'income',
  'education',
  'employment',
  'family',
  'immigration',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

export interface Assessment {
  id: string;
  case_id: string;
  ratings: Partial<Record<AssessmentDomain, number>>;
  notes?: Partial<Record<AssessmentDomain, string>> | null;
  created_at: string;
  recorded_by?: string;
}

export interface NewAssessment {
  ratings: Partial<Record<AssessmentDomain, number>>;
  notes?: Partial<Record<AssessmentDomain, string>>;
}

export const GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface Goal {
  id: string;
  case_id: string;
  title: string;
  target_date: string | null;
  status: GoalStatus;
  created_at?: string;
}

export interface NewGoal {
  title: string;
  target_date?: string;
  status?: GoalStatus;
}

export const FILE_KINDS = [
  'consent_form',
  'medical_letter',
  'legal_document',
  'id_document',
  'certificate',
  'other',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface CaseFile {
  id: string;
  kind: FileKind;
  name: string;
  size: number;
  created_at: string;
}
