-- 0022 training: activist courses of the secretariat and its members with modules, sessions,
-- trainees, attendance and completion certificates (api-training.md). A course belongs to its
-- organizing organization; a trainee's name and contact are sealed under that organization's
-- key, bound to the row. A certificate's code carries a MAC; it is stored without dashes.
CREATE TABLE training_courses (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  description_ko TEXT NOT NULL,
  description_en TEXT NOT NULL,
  pass_percent INTEGER NOT NULL,    -- minimum share of sessions attended, 1-100
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX training_courses_by_org ON training_courses (org_id, created_at);

CREATE TABLE training_modules (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES training_courses(id),
  position INTEGER NOT NULL,
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  required INTEGER NOT NULL,        -- part of the pass rule: present at one of its sessions
  created_at TEXT NOT NULL
);
CREATE INDEX training_modules_by_course ON training_modules (course_id, position);

CREATE TABLE training_sessions (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES training_courses(id),
  module_id TEXT REFERENCES training_modules(id),
  starts_at TEXT NOT NULL,          -- RFC 3339 UTC
  ends_at TEXT NOT NULL,
  venue TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX training_sessions_by_course ON training_sessions (course_id, starts_at);

CREATE TABLE training_enrollments (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES training_courses(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),  -- the organizing organization (its key)
  name BYTEA NOT NULL,               -- sealed
  contact BYTEA,                     -- sealed
  enrolled_at TEXT NOT NULL,
  enrolled_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX training_enrollments_by_course ON training_enrollments (course_id, enrolled_at);

CREATE TABLE training_attendance (
  enrollment_id TEXT NOT NULL REFERENCES training_enrollments(id),
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  status TEXT NOT NULL,             -- present | absent | excused
  marked_at TEXT NOT NULL,
  marked_by TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (enrollment_id, session_id)
);
CREATE INDEX training_attendance_by_session ON training_attendance (session_id);

CREATE TABLE training_certificates (
  id TEXT PRIMARY KEY,
  enrollment_id TEXT NOT NULL UNIQUE REFERENCES training_enrollments(id),
  course_id TEXT NOT NULL REFERENCES training_courses(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  code TEXT NOT NULL UNIQUE,        -- 20 characters (serial and MAC), without dashes
  issued_on TEXT NOT NULL,          -- the Korea day
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL REFERENCES users(id),
  revoked_at TEXT,
  revoked_by TEXT REFERENCES users(id)
);
CREATE INDEX training_certificates_by_course ON training_certificates (course_id);
