-- 0015 export jobs (docs/api-exports.md): a statistics table written as CSV, XLSX or PDF off the
-- request thread. The file lives encrypted in <data>/exports/<id>.bin under its own key, stored
-- here wrapped by the organization's key (file_key); both go after 24 hours.
CREATE TABLE export_jobs (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,            -- stats.own | stats.network
  format TEXT NOT NULL,          -- csv | xlsx | pdf
  params TEXT NOT NULL,          -- JSON: from, to, by, measure
  status TEXT NOT NULL,          -- queued | running | done | failed
  progress INTEGER NOT NULL DEFAULT 0,
  step TEXT NOT NULL,            -- a message key (exports.step.*)
  error TEXT,                    -- a message key when failed
  created_at TEXT NOT NULL,
  finished_at TEXT,
  size INTEGER,                  -- bytes of the file (plaintext)
  sha256 TEXT,                   -- hex of the file (plaintext)
  file_key BYTEA                  -- the file's key wrapped by the organization's key
);
CREATE INDEX export_jobs_by_user ON export_jobs (user_id, created_at);
CREATE INDEX export_jobs_by_status ON export_jobs (status, created_at);
