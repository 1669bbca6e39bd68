-- 0001 platform: what the server itself needs before any module.

-- Installation settings, e.g. whether this is a demo installation. Values are text; the code
-- that owns a key parses it.
CREATE TABLE kv_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Rows written by the black-box crash test through a test-only endpoint, to prove that an
-- acknowledged write survives a killed server. Never holds real data.
CREATE TABLE probe_writes (
  id TEXT PRIMARY KEY,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL
);
