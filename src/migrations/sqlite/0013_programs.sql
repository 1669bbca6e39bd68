-- 0013 programs: self-reliance programs (domain.md, "Self-reliance support"; api-programs.md).
-- A program (a vocational course, a certificate course, schooling, a workplace placement,
-- social-enterprise work) has dated sessions and a class of enrolled women; attendance is marked
-- per session and woman, and every change of a mark is kept (program_attendance_changes is
-- append-only). Certificates she obtained and outcomes (employment, a business started, a school
-- entered) are hers; employment is followed up at 3, 6 and 12 months. What would identify her or
-- her circumstances (an end reason, a certificate's name, the employer, the school, a note) is
-- sealed under her own key, so erasing her shreds it; kinds, dates and statuses stay clear for
-- counting.
CREATE TABLE programs (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,            -- vocational_course | certificate_course | schooling | ...
  provider TEXT NOT NULL,        -- own | partner
  provider_name TEXT,            -- the partner's name (an organization, never a person)
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  description TEXT,
  pass_rate INTEGER NOT NULL CHECK (pass_rate BETWEEN 0 AND 100),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX programs_by_org ON programs (org_id, starts_on);

CREATE TABLE program_sessions (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id),
  starts_at TEXT NOT NULL,       -- RFC 3339 UTC
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  topic TEXT,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX program_sessions_by_program ON program_sessions (program_id, starts_at);

CREATE TABLE program_enrollments (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  enrolled_on TEXT NOT NULL,
  status TEXT NOT NULL,          -- active | completed | dropped
  ended_on TEXT,
  end_reason BLOB,               -- sealed under her key
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  ended_by TEXT REFERENCES users(id),
  ended_at TEXT
);
CREATE INDEX program_enrollments_by_program ON program_enrollments (program_id, status);
CREATE INDEX program_enrollments_by_person ON program_enrollments (person_id);

-- The mark in force per session and enrollment.
CREATE TABLE program_attendance (
  session_id TEXT NOT NULL REFERENCES program_sessions(id),
  enrollment_id TEXT NOT NULL REFERENCES program_enrollments(id),
  status TEXT NOT NULL,          -- present | late | absent | excused
  marked_by TEXT NOT NULL REFERENCES users(id),
  marked_at TEXT NOT NULL,
  PRIMARY KEY (session_id, enrollment_id)
);
CREATE INDEX program_attendance_by_enrollment ON program_attendance (enrollment_id);

-- Every mark given, with the one it replaced: kept for good.
CREATE TABLE program_attendance_changes (
  session_id TEXT NOT NULL REFERENCES program_sessions(id),
  enrollment_id TEXT NOT NULL REFERENCES program_enrollments(id),
  status TEXT NOT NULL,
  previous TEXT,                 -- the mark it replaced (NULL for the first)
  marked_by TEXT NOT NULL REFERENCES users(id),
  marked_at TEXT NOT NULL
);
CREATE INDEX program_attendance_changes_by_session ON program_attendance_changes (session_id);
CREATE TRIGGER program_attendance_changes_no_update BEFORE UPDATE ON program_attendance_changes
BEGIN SELECT RAISE(ABORT, 'program_attendance_changes is append-only'); END;
CREATE TRIGGER program_attendance_changes_no_delete BEFORE DELETE ON program_attendance_changes
BEGIN SELECT RAISE(ABORT, 'program_attendance_changes is append-only'); END;

CREATE TABLE certificates (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  name BLOB NOT NULL,            -- sealed under her key
  obtained_on TEXT NOT NULL,
  enrollment_id TEXT REFERENCES program_enrollments(id),
  file_id TEXT REFERENCES case_files(id),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX certificates_by_person ON certificates (person_id, obtained_on);

CREATE TABLE outcomes (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL,            -- employment | business_started | school_entered
  started_on TEXT NOT NULL,
  job_kind TEXT,                 -- a kind of work ("바리스타"), never a place
  employer_kind TEXT,            -- company | social_enterprise | public_sector | self_employed | other
  employer BLOB,                 -- sealed under her key; never in lists
  school BLOB,                   -- sealed under her key
  note BLOB,                     -- sealed under her key
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX outcomes_by_person ON outcomes (person_id, started_on);

CREATE TABLE outcome_follow_ups (
  id TEXT PRIMARY KEY,
  outcome_id TEXT NOT NULL REFERENCES outcomes(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  months INTEGER NOT NULL,       -- 3 | 6 | 12
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,          -- due | employed | not_employed | unreachable
  checked_on TEXT,
  checked_by TEXT REFERENCES users(id),
  checked_at TEXT
);
CREATE INDEX outcome_follow_ups_by_outcome ON outcome_follow_ups (outcome_id, months);
CREATE INDEX outcome_follow_ups_due ON outcome_follow_ups (org_id, status, due_on);
