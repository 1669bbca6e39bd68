// Support funds (docs/api-funds.md): funding sources with their rules per kind, applications
// made for a woman and their decisions, and the append-only ledger of payments and reversals.
// Amounts are whole KRW. Finance never receives an application's reason (the server leaves it
// out); nothing here asks for case notes.
import { uploadBytes } from './caseRecords';
import { request, type ApiResult } from './client';

export const FUND_KINDS = [
  'living_costs',
  'housing_deposit',
  'training',
  'grant',
  'medical',
  'legal',
] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export const REVERSAL_REASONS = ['entry_error', 'duplicate', 'returned', 'clawback'] as const;
export type ReversalReason = (typeof REVERSAL_REASONS)[number];
export type ApplicationStatus = 'pending' | 'approved' | 'refused';
export type EntryStatus = 'paid' | 'pending_approval' | 'rejected';
export type LimitName = 'approved' | 'cap' | 'months' | 'monthly' | 'budget';

export interface KindRule {
  cap?: number | null;
  monthly?: number;
  max_months?: number;
  per_child?: number;
  committee?: boolean;
  clawback?: boolean;
}
export type FundRules = Partial<Record<FundKind, KindRule>>;

export interface FundingSource {
  id: string;
  name: string;
  year: number;
  budget: number;
  version: number;
  rules: FundRules;
  spent: number;
  pending: number;
  remaining: number;
  created_at: string;
}

export interface MonthlyTotal {
  month: string;
  kind: FundKind;
  paid: number;
}

export interface FundingSourceDetail extends FundingSource {
  versions: {
    version: number;
    name: string;
    year: number;
    budget: number;
    rules: FundRules;
    created_at: string;
    created_by: string;
  }[];
  monthly: MonthlyTotal[];
}

export interface SourceInput {
  name: string;
  year: number;
  budget: number;
  rules: FundRules;
}

export interface FundApplication {
  id: string;
  person_id: string;
  source_id: string;
  kind: FundKind;
  amount: number;
  months: number;
  children: number;
  status: ApplicationStatus;
  approved_amount: number | null;
  committee_on: string | null;
  rule_version: number;
  paid: number;
  applied_by: string;
  applied_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason?: string;
  // Support of the same kind this year from other members for the same woman (matched by a
  // keyed hash of her name and birth date, never by who she is); the organization is named
  // only when her consent allows it.
  elsewhere?: SupportElsewhere[];
}

export interface SupportElsewhere {
  kind: FundKind;
  year: number;
  organization: { id: string; name: string } | null;
}

export interface ApplicationInput {
  source_id: string;
  kind: FundKind;
  amount: number;
  months: number;
  children: number;
  reason: string;
}

export interface DecisionInput {
  approve: boolean;
  amount?: number;
  committee_on?: string;
}

export interface LedgerEntry {
  id: string;
  person_id: string;
  source_id: string;
  kind: FundKind;
  amount: number;
  paid_on: string;
  month: string | null;
  children: number;
  application_id: string | null;
  reverses: string | null;
  reversal_reason: ReversalReason | null;
  status: EntryStatus;
  rule_version: number;
  entered_by: string;
  entered_at: string;
  approved_by: string | null;
  approved_at: string | null;
  receipts?: number;
}

export interface Balance {
  source_id: string;
  kind: FundKind;
  paid: number;
  reversed: number;
  pending: number;
  net: number;
  cap: number | null;
  remaining: number | null;
  months_used: number;
  max_months: number;
}

export interface Ledger {
  entries: LedgerEntry[];
  balances: Balance[];
}

export interface PaymentInput {
  source_id: string;
  kind: FundKind;
  amount: number;
  paid_on: string;
  application_id?: string;
  month?: string;
  children?: number;
}

export const listFundingSources = () =>
  request<{ items: FundingSource[] }>('GET', '/api/v1/funding-sources');

export const getFundingSource = (id: string) =>
  request<FundingSourceDetail>('GET', `/api/v1/funding-sources/${encodeURIComponent(id)}`);

export const createFundingSource = (body: SourceInput) =>
  request<FundingSource>('POST', '/api/v1/funding-sources', { body });

export const updateFundingSource = (id: string, body: SourceInput) =>
  request<FundingSource>('PUT', `/api/v1/funding-sources/${encodeURIComponent(id)}`, { body });

export const listFundApplications = (personId: string) =>
  request<{ items: FundApplication[] }>(
    'GET',
    `/api/v1/people/${encodeURIComponent(personId)}/fund-applications`,
  );

export const applyForFunds = (personId: string, body: ApplicationInput) =>
  request<FundApplication>(
    'POST',
    `/api/v1/people/${encodeURIComponent(personId)}/fund-applications`,
    { body },
  );

export const decideFundApplication = (id: string, body: DecisionInput) =>
  request<FundApplication>('POST', `/api/v1/fund-applications/${encodeURIComponent(id)}/decision`, {
    body,
  });

export const getLedger = (personId: string): Promise<ApiResult<Ledger>> =>
  request<Ledger>('GET', `/api/v1/people/${encodeURIComponent(personId)}/disbursements`);

export const payFunds = (personId: string, body: PaymentInput) =>
  request<LedgerEntry>('POST', `/api/v1/people/${encodeURIComponent(personId)}/disbursements`, {
    body,
  });

export const reverseEntry = (id: string, body: { reason: ReversalReason; amount?: number }) =>
  request<LedgerEntry>('POST', `/api/v1/disbursements/${encodeURIComponent(id)}/reversal`, {
    body,
  });

export const listPendingPayments = () =>
  request<{ items: LedgerEntry[] }>('GET', '/api/v1/disbursements/pending');

export const approvePayment = (id: string, approve: boolean) =>
  request<LedgerEntry>('POST', `/api/v1/disbursements/${encodeURIComponent(id)}/approval`, {
    body: { approve },
  });

// The two-person threshold: a payment above this amount waits for a second user; null means
// one user suffices (docs/api-funds.md, "The two-person threshold").
export interface FundSettings {
  two_person_above: number | null;
}

export const getFundSettings = () => request<FundSettings>('GET', '/api/v1/funds/settings');

export const updateFundSettings = (body: FundSettings) =>
  request<FundSettings>('PUT', '/api/v1/funds/settings', { body });

// Receipts of a ledger entry (docs/api-funds.md, "Receipts"): encrypted under her key, never
// deleted (a wrong one is withdrawn). The upload's Content-Type is the file's own type.
export interface Receipt {
  id: string;
  file_name: string;
  size: number;
  content_type: string;
  uploaded_at: string;
  uploaded_by: string;
}

export const RECEIPT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
];

const receiptsOf = (entryId: string) =>
  `/api/v1/disbursements/${encodeURIComponent(entryId)}/receipts`;

export const listReceipts = (entryId: string) =>
  request<{ items: Receipt[] }>('GET', receiptsOf(entryId));

export const uploadReceipt = (
  entryId: string,
  file: File,
  onProgress: (fraction: number) => void,
) =>
  uploadBytes<Receipt>(
    `${receiptsOf(entryId)}?${new URLSearchParams({ name: file.name })}`,
    file,
    file.type,
    onProgress,
  );

export const receiptUrl = (id: string) => `/api/v1/receipts/${encodeURIComponent(id)}/file`;
