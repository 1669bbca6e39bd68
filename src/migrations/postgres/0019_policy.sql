-- 0019 policy monitor (docs/api-policy.md): laws, decrees, local ordinances, bills, budget items,
-- guidelines and rulings the network watches, network-wide (no organization owns them). Not
-- survivors' data: nothing here names a woman. Jurisdictions are compiled into the server
-- (src/modules/policy/jurisdictions.cc); `jurisdiction` holds their codes, `region` the
-- first-level region it lies in (NULL for the nation).
CREATE TABLE policy_items (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  region TEXT,
  title TEXT NOT NULL,
  topic TEXT,
  stance TEXT NOT NULL,
  summary TEXT,
  external_id TEXT UNIQUE,
  published INTEGER NOT NULL DEFAULT 0,
  -- Derived from policy_status_history (the entry latest by date, then by seq), rewritten in the
  -- same transaction as every entry added; never set on its own.
  status TEXT NOT NULL,
  status_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX policy_items_by_place ON policy_items (region, jurisdiction, title);
CREATE INDEX policy_items_by_kind ON policy_items (kind, status);

-- Append-only: a status once recorded stays; a correction is a new entry.
CREATE TABLE policy_status_history (
  item_id TEXT NOT NULL REFERENCES policy_items(id),
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  on_date TEXT NOT NULL,       -- YYYY-MM-DD, Korea
  note TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES users(id),
  PRIMARY KEY (item_id, seq)
);
CREATE INDEX policy_status_by_date ON policy_status_history (on_date);
CREATE TRIGGER policy_status_history_append_only BEFORE UPDATE OR DELETE
  ON policy_status_history FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER policy_status_history_no_truncate BEFORE TRUNCATE ON policy_status_history
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Links and uploaded public documents (≤ 10 MiB, not personal data: stored as they are).
CREATE TABLE policy_documents (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES policy_items(id),
  title TEXT NOT NULL,
  url TEXT,
  file_name TEXT,
  content_type TEXT,
  size INTEGER,
  content BYTEA,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX policy_documents_by_item ON policy_documents (item_id, created_at);

-- The ordinance scorecard's checklist: edited by the network, retired rather than deleted.
CREATE TABLE policy_criteria (
  key TEXT PRIMARY KEY,
  label_ko TEXT NOT NULL,
  label_en TEXT NOT NULL,
  kind TEXT NOT NULL,          -- yes_no | amount | months
  position INTEGER NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0
);
INSERT INTO policy_criteria (key, label_ko, label_en, kind, position) VALUES
  ('living_cost', '생계비 지원', 'Living-cost support', 'yes_no', 10),
  ('living_cost_amount', '생계비 월 지원액', 'Living-cost support per month (KRW)', 'amount', 20),
  ('living_cost_months', '생계비 지원 기간(개월)', 'Living-cost support (months)', 'months', 30),
  ('housing_amount', '주거 지원액', 'Housing support (KRW)', 'amount', 40),
  ('job_training', '직업훈련 지원', 'Job-training support', 'yes_no', 50),
  ('self_reliance_grant', '자립지원금', 'Self-reliance grant (KRW)', 'amount', 60),
  ('selection_committee', '지원 대상 선정위원회', 'Selection committee', 'yes_no', 70),
  ('fraud_clawback', '부정 수급 환수', 'Clawback on fraud', 'yes_no', 80),
  ('district_closure_plan', '성매매집결지 폐쇄 계획', 'Plan to close the red-light district', 'yes_no', 90),
  ('survivor_consultation', '당사자 의견 수렴', 'Consultation with survivors', 'yes_no', 100);

-- One value per ordinance and criterion: yes_no 0/1, amount in KRW, months.
CREATE TABLE policy_scores (
  item_id TEXT NOT NULL REFERENCES policy_items(id),
  criterion TEXT NOT NULL REFERENCES policy_criteria(key),
  value BIGINT,
  note TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id),
  PRIMARY KEY (item_id, criterion)
);

CREATE TABLE policy_tasks (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  item_id TEXT REFERENCES policy_items(id),
  assignee_id TEXT REFERENCES users(id),
  due_on TEXT,
  done INTEGER NOT NULL DEFAULT 0,
  done_at TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);

-- Hearings, council sessions: Korea dates, an optional Korea time of day.
CREATE TABLE policy_events (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  on_date TEXT NOT NULL,
  at_time TEXT,
  jurisdiction TEXT NOT NULL,
  item_id TEXT REFERENCES policy_items(id),
  place TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX policy_events_by_date ON policy_events (on_date);

CREATE TABLE policy_submissions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  item_id TEXT REFERENCES policy_items(id),
  title TEXT NOT NULL,
  addressee TEXT,
  submitted_on TEXT NOT NULL,
  body TEXT,
  response_on TEXT,
  response_summary TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);

CREATE TABLE policy_statements (
  id TEXT PRIMARY KEY,
  title_ko TEXT NOT NULL,
  title_en TEXT,
  body_ko TEXT NOT NULL,
  body_en TEXT,
  item_id TEXT REFERENCES policy_items(id),
  published INTEGER NOT NULL DEFAULT 0,
  published_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL
);
