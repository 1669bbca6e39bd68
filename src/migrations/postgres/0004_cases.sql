-- 0004 cases: one episode of support for a person at her organization (domain.md, "Case"), who
-- works it, break-glass access to restricted cases, supervisors' notifications and the case
-- timeline. Summary, safety plan, closure note and break-glass reasons are ciphertexts under the
-- person's own key, so erasing her shreds her cases too; the clear columns are what caseloads
-- and statistics need (status, channel, situation tags, risk, dates).
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  number TEXT NOT NULL,               -- <PREFIX>-C-<YEAR>-<NNNN>, unique per organization
  number_year BIGINT NOT NULL,
  number_seq BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  intake_channel TEXT NOT NULL,
  situation TEXT NOT NULL DEFAULT '', -- comma-separated tags
  risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
  risk_rank BIGINT NOT NULL,         -- 0 low .. 3 critical: lists sort riskiest first by index
  summary BYTEA,
  safety_plan BYTEA,
  restricted INTEGER NOT NULL DEFAULT 0,
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  closure_reason TEXT,
  closure_note BYTEA,
  reopen_reason BYTEA,              -- why it was last reopened
  last_contact_at TEXT,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_id, number),
  UNIQUE (org_id, number_year, number_seq)
);
CREATE INDEX cases_by_org_status ON cases (org_id, status, risk_rank, opened_at);
CREATE INDEX cases_by_person ON cases (person_id);

CREATE TABLE case_workers (
  case_id TEXT NOT NULL REFERENCES cases(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_workers_by_user ON case_workers (user_id, case_id);

-- Time-limited access of one user to one restricted case, granted on a stated reason.
CREATE TABLE break_glass (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  reason BYTEA NOT NULL,
  granted_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_by_case_user ON break_glass (case_id, user_id, expires_at);

-- What a user must know about (a break-glass on a case they supervise). No personal values.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  case_id TEXT,
  actor_id TEXT,
  at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_by_user ON notifications (user_id, at);

-- The case's story as events: every module appends (kind, entity id, a clear label such as a
-- service type). Labels never hold personal values.
CREATE TABLE case_timeline (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  actor_id TEXT
);
CREATE INDEX case_timeline_by_case ON case_timeline (case_id, at);
