-- 0011 funds: the support-fund ledger of self-reliance support (domain.md, "Self-reliance
-- support"; api-funds.md). A funding source is one year's budget under a local ordinance; its
-- rules (per kind: cap per person, monthly amount and months of living costs, per child, whether
-- a committee decides, clawback on fraud) are versioned: a change adds a version, and every
-- entry names the version it was checked against. The ledger is append-only: a correction is a
-- reversing entry (a negative amount linked to the original), and a second person's approval of
-- a large payment is a row of its own. Amounts are whole KRW (integers).
CREATE TABLE fund_sources (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  budget BIGINT NOT NULL CHECK (budget >= 0),
  version INTEGER NOT NULL,      -- the rules version in force (the latest of fund_rule_versions)
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX fund_sources_by_org ON fund_sources (org_id, year);

-- Every version of a source's name, budget and rules (JSON, see funds/model.h), kept.
CREATE TABLE fund_rule_versions (
  source_id TEXT NOT NULL REFERENCES fund_sources(id),
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  budget BIGINT NOT NULL,
  rules TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (source_id, version)
);
CREATE TRIGGER fund_rule_versions_append_only BEFORE UPDATE OR DELETE ON fund_rule_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fund_rule_versions_no_truncate BEFORE TRUNCATE ON fund_rule_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A worker's application for her; the reason is sealed under her key. A supervisor decides
-- (for the committee, with the committee's date).
CREATE TABLE fund_applications (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  source_id TEXT NOT NULL REFERENCES fund_sources(id),
  kind TEXT NOT NULL,            -- living_costs | housing_deposit | training | grant | medical | legal
  amount BIGINT NOT NULL CHECK (amount > 0),
  months INTEGER NOT NULL CHECK (months >= 0),
  children INTEGER NOT NULL CHECK (children >= 0),
  reason BYTEA NOT NULL,          -- sealed under her key
  status TEXT NOT NULL,          -- pending | approved | refused
  approved_amount BIGINT,
  committee_on TEXT,             -- the committee's date, when the committee decided
  rule_version INTEGER NOT NULL, -- the version the application was checked against
  applied_by TEXT NOT NULL REFERENCES users(id),
  applied_at TEXT NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided_at TEXT
);
CREATE INDEX fund_applications_by_person ON fund_applications (person_id, applied_at);
CREATE INDEX fund_applications_by_org ON fund_applications (org_id, status);

-- The ledger. A reversal has a negative amount and names the entry it reverses. A payment above
-- the organization's two-person threshold needs an approval row before it counts as paid.
CREATE TABLE fund_entries (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  source_id TEXT NOT NULL REFERENCES fund_sources(id),
  kind TEXT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount <> 0),
  paid_on TEXT NOT NULL,
  month TEXT NOT NULL,           -- YYYY-MM: the month of living costs it pays (else of paid_on)
  children INTEGER NOT NULL,
  application_id TEXT REFERENCES fund_applications(id),
  reverses TEXT REFERENCES fund_entries(id),
  reversal_reason TEXT,          -- entry_error | duplicate | returned | clawback
  needs_approval INTEGER NOT NULL,
  rule_version INTEGER NOT NULL,
  entered_by TEXT NOT NULL REFERENCES users(id),
  entered_at TEXT NOT NULL
);
CREATE INDEX fund_entries_by_person ON fund_entries (person_id, source_id, kind);
CREATE INDEX fund_entries_by_source ON fund_entries (source_id, paid_on);
CREATE INDEX fund_entries_by_reverses ON fund_entries (reverses);
CREATE TRIGGER fund_entries_append_only BEFORE UPDATE OR DELETE ON fund_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fund_entries_no_truncate BEFORE TRUNCATE ON fund_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The second person's decision on a payment that needed one (never the one who entered it).
CREATE TABLE fund_entry_approvals (
  entry_id TEXT PRIMARY KEY REFERENCES fund_entries(id),
  decision TEXT NOT NULL,        -- approved | rejected
  decided_by TEXT NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL
);
CREATE TRIGGER fund_entry_approvals_append_only BEFORE UPDATE OR DELETE ON fund_entry_approvals
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fund_entry_approvals_no_truncate BEFORE TRUNCATE ON fund_entry_approvals
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
