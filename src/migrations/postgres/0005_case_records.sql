-- 0005 case records: what is done with and for her within a case (domain.md, "Case"): services,
-- notes, appointments, legal matters and hearings, needs assessments, plan goals, files, and her
-- consents. Free text about her (notes, service notes and outcomes, places, authorities and case
-- numbers, goal titles, file names and contents) is ciphertext under her own key, bound to
-- (organization, table, column, row id), so erasing her shreds these too. Clear columns are what
-- calendars, caseloads and statistics need: kinds, types, statuses, dates, minutes, amounts.
-- Times are RFC 3339 UTC text ("2026-03-01T09:30:00Z"), so text order is time order.

CREATE TABLE case_services (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  type TEXT NOT NULL,
  date TEXT NOT NULL,                -- YYYY-MM-DD
  minutes BIGINT NOT NULL CHECK (minutes >= 0),
  provider TEXT NOT NULL DEFAULT '', -- a staff member or partner, not her
  outcome BYTEA,
  notes BYTEA,
  amount BIGINT CHECK (amount >= 0), -- KRW, where money moved
  recorded_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_services_by_case ON case_services (case_id, date);
CREATE INDEX case_services_by_org ON case_services (org_id, date, type);

-- Append-only: a correction is a new note that amends an earlier one, never an edit.
CREATE TABLE case_notes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  text BYTEA NOT NULL,
  amends TEXT REFERENCES case_notes(id),
  author_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_notes_by_case ON case_notes (case_id, created_at);
CREATE TRIGGER case_notes_append_only BEFORE UPDATE OR DELETE ON case_notes
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_notes_no_truncate BEFORE TRUNCATE ON case_notes
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The caseload and the calendar read these clear columns; with_whom, place, notes and the
-- cancellation reason are sealed.
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  worker_id TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'done')),
  with_whom BYTEA,
  place BYTEA,
  notes BYTEA,
  cancel_reason BYTEA,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX appointments_by_org ON appointments (org_id, starts_at);
CREATE INDEX appointments_by_worker ON appointments (worker_id, starts_at);
CREATE INDEX appointments_by_case ON appointments (case_id, starts_at);

-- outcome stays clear: legal outcomes (prosecutions against women included) are a network
-- statistic. Authority and case number identify her proceedings and are sealed.
CREATE TABLE legal_matters (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  authority BYTEA,
  case_number BYTEA,
  status TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX legal_matters_by_case ON legal_matters (case_id, created_at);

CREATE TABLE hearings (
  id TEXT PRIMARY KEY,
  legal_matter_id TEXT NOT NULL REFERENCES legal_matters(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  at TEXT NOT NULL,
  court BYTEA,
  kind TEXT NOT NULL DEFAULT '',
  notes BYTEA,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX hearings_by_matter ON hearings (legal_matter_id, at);

-- Her consents belong to her, not to a case. Scope: clear field names and organization id;
-- the state (active/expired/revoked) is computed from the clock when read.
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  scope_fields TEXT NOT NULL DEFAULT '', -- comma-separated field names
  scope_org_id TEXT,
  method TEXT NOT NULL CHECK (method IN ('verbal', 'written')),
  given_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  revoke_reason BYTEA,
  recorded_by TEXT NOT NULL,
  revoked_by TEXT
);
CREATE INDEX consents_by_person ON consents (person_id, kind, given_at);

-- Ratings per domain stay clear (statistics of needs); each domain's notes are sealed.
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  assessed_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX assessments_by_case ON assessments (case_id, created_at);
CREATE TABLE assessment_ratings (
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  domain TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 4),
  notes BYTEA,
  PRIMARY KEY (assessment_id, domain)
);

CREATE TABLE plan_goals (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  title BYTEA NOT NULL,
  target_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'achieved', 'dropped')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_goals_by_case ON plan_goals (case_id, created_at);

-- Files live in the database, not the data dir: backups, restores and transactions then cover
-- them with their metadata, and at most 10 MiB each keeps that cheap. content is a secretstream
-- under a random per-file key; file_key is that key wrapped by her key.
CREATE TABLE case_files (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  name BYTEA NOT NULL,
  size BIGINT NOT NULL,
  file_key BYTEA NOT NULL,
  content BYTEA NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_files_by_case ON case_files (case_id, created_at);
