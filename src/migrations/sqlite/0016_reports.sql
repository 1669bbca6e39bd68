-- 0016 periodic reports (docs/api-reports.md): drafts filled from an organization's own data,
-- reviewed, annotated, then filed as a signed snapshot that never changes.
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  period TEXT NOT NULL,          -- 2026 | 2026-Q3
  template TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'filed', 'superseded')),
  corrects TEXT REFERENCES reports(id),
  sections TEXT NOT NULL,        -- the figures as last computed (a draft) or as filed, JSON
  annotations TEXT NOT NULL,     -- {row_key: text} about the organization's work, JSON
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  reviewed_by TEXT REFERENCES users(id),
  reviewed_at TEXT,
  filed_by TEXT REFERENCES users(id),
  filed_at TEXT,
  snapshot TEXT,                 -- canonical JSON, signed
  signature TEXT,                -- Ed25519, hex
  public_key TEXT                -- the signer's public key, hex (informational)
);
CREATE INDEX reports_by_org ON reports (org_id, period, created_at);
-- One open draft per organization and period.
CREATE UNIQUE INDEX reports_one_open ON reports (org_id, period)
  WHERE status IN ('draft', 'reviewed');
-- A filed report never changes; only its status moves from filed to superseded.
CREATE TRIGGER reports_filed_frozen BEFORE UPDATE ON reports
  WHEN OLD.status IN ('filed', 'superseded') AND NOT (OLD.status = 'filed' AND
    NEW.status = 'superseded' AND NEW.snapshot IS OLD.snapshot AND
    NEW.signature IS OLD.signature AND NEW.sections IS OLD.sections AND
    NEW.annotations IS OLD.annotations)
BEGIN SELECT RAISE(ABORT, 'a filed report never changes'); END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
  WHEN OLD.status IN ('filed', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a filed report never changes'); END;
