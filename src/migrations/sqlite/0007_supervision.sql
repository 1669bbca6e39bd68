-- 0007 supervision: a supervisor's review of what her team did that a second person must look
-- at: a break-glass into a restricted case, the closing of a case. One row per reviewed act;
-- what is still waiting is every such act of the last 30 days without a row. No personal values.
CREATE TABLE supervision_reviews (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL CHECK (kind IN ('break_glass', 'closure')),
  subject_id TEXT NOT NULL,  -- break_glass.id, or the case_timeline id of the closing
  case_id TEXT NOT NULL REFERENCES cases(id),
  reviewed_by TEXT NOT NULL REFERENCES users(id),
  reviewed_at TEXT NOT NULL,
  UNIQUE (kind, subject_id)
);
CREATE INDEX case_timeline_by_kind ON case_timeline (kind, at);
