-- 0006 emergency: help requests, their routing and escalation, coverage and on-call shifts
-- (domain.md, "Emergency rescue"; security.md, "The public help form").
--
-- A help request belongs to the organization it is routed to (assigned_org_id). There is no
-- person yet, so what she wrote is sealed under that organization's key, bound to
-- (organization, "help_requests", column, request id) and the key version; when the request
-- escalates to another organization the sealed columns are re-encrypted for it. Police
-- coordination is one-to-one with the request and lives in its columns (police_*), sealed the
-- same way except the time the police were notified.
CREATE TABLE help_requests (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,      -- shown to her after submitting; not a lookup key
  channel TEXT NOT NULL,               -- public_web_form, hotline, sms, police, partner, walk_in
  region TEXT NOT NULL,                -- ISO 3166-2:KR
  urgency TEXT NOT NULL,               -- immediate, high, normal
  language TEXT,                       -- ISO 639 code she wrote in / wants to be answered in
  status TEXT NOT NULL,                -- new, acknowledged, dispatched, resolved, closed
  assigned_org_id TEXT NOT NULL REFERENCES organizations(id),
  escalation_level INTEGER NOT NULL DEFAULT 0,
  ack_due_at INTEGER,                  -- unix seconds; NULL once acknowledged or at the last resort
  situation BLOB,
  location BLOB,
  contact BLOB,
  safe_contact BLOB,
  dispatch_note BLOB,
  resolve_note BLOB,
  police_station BLOB,
  police_notified_at TEXT,
  police_officer BLOB,
  police_report_number BLOB,
  police_outcome BLOB,
  outcome TEXT,                        -- rescued, referred, no_contact, declined, not_genuine
  person_id TEXT REFERENCES people(id),
  case_id TEXT,
  received_at TEXT NOT NULL,
  acknowledged_at TEXT,
  dispatched_at TEXT,
  resolved_at TEXT,
  closed_at TEXT,
  created_by TEXT,                     -- the staff member who logged it; NULL for the public form
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1  -- bumped on every change (escalation races lose)
);
CREATE INDEX help_requests_by_org ON help_requests (assigned_org_id, status, received_at);
CREATE INDEX help_requests_due ON help_requests (status, ack_due_at);

-- Where a request has been: one row per organization it was routed to, in order. Escalation
-- skips organizations already tried.
CREATE TABLE help_request_routes (
  request_id TEXT NOT NULL REFERENCES help_requests(id),
  level INTEGER NOT NULL,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  reason TEXT NOT NULL,                -- coverage, logged, escalated, last_resort
  routed_at TEXT NOT NULL,
  PRIMARY KEY (request_id, level)
);

-- Regions an organization covers beyond the default. An organization without an explicit
-- choice (no emergency_settings row with coverage_explicit = 1) covers its own region.
-- priority: 1 = first responder (its own region), 2 = backup for a neighbouring region.
CREATE TABLE emergency_coverage (
  org_id TEXT NOT NULL REFERENCES organizations(id),
  region TEXT NOT NULL,
  priority INTEGER NOT NULL,
  PRIMARY KEY (org_id, region)
);
CREATE INDEX emergency_coverage_by_region ON emergency_coverage (region, priority);

CREATE TABLE emergency_settings (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id),
  coverage_explicit INTEGER NOT NULL DEFAULT 0,
  ack_limit_seconds INTEGER NOT NULL DEFAULT 600
);

-- Who is on call when (unix seconds, half-open [starts_at, ends_at)).
CREATE TABLE emergency_on_call (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX emergency_on_call_by_org ON emergency_on_call (org_id, starts_at);
