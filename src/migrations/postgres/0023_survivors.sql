-- 0023 survivors: the survivors' network (api-survivors.md). Members are not people: no column
-- refers to people, cases or their keys, and no blind index is kept. A member's legal name and
-- contacts are sealed under her own key, stored wrapped under a key of the members' own branch
-- (kdf context DdSrvMbr); deleting the wrapped key is her erasure. Meeting places and peer notes
-- are sealed under the network's own subkey (DdSrvNet).
CREATE TABLE survivor_settings (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id),
  statement_minimum INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE survivor_groups (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX survivor_groups_by_org ON survivor_groups (org_id, name);

CREATE TABLE survivor_members (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  group_id TEXT NOT NULL REFERENCES survivor_groups(id),
  alias TEXT NOT NULL,              -- '' once erased
  legal_name BYTEA,                  -- sealed under her key
  contact BYTEA,                     -- sealed under her key
  safe_contact BYTEA,                -- sealed under her key
  joined_on TEXT NOT NULL,
  roles TEXT NOT NULL,              -- comma-separated network roles
  vouched_by TEXT,                  -- the facilitator (member id) who vouched
  user_id TEXT UNIQUE REFERENCES users(id),
  status TEXT NOT NULL,             -- active | erased
  created_at TEXT NOT NULL,
  erased_at TEXT
);
CREATE INDEX survivor_members_by_org ON survivor_members (org_id, group_id);

CREATE TABLE survivor_member_keys (
  member_id TEXT PRIMARY KEY REFERENCES survivor_members(id),
  wrapped_key BYTEA NOT NULL
);

CREATE TABLE survivor_meetings (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  group_id TEXT NOT NULL REFERENCES survivor_groups(id),
  starts_at TEXT NOT NULL,
  topic TEXT NOT NULL,
  place BYTEA NOT NULL,              -- sealed under the network's subkey
  facilitator_id TEXT REFERENCES survivor_members(id),
  anonymous_count INTEGER NOT NULL, -- attendance of members since erased
  created_at TEXT NOT NULL
);
CREATE INDEX survivor_meetings_by_group ON survivor_meetings (group_id, starts_at);

CREATE TABLE survivor_attendance (
  meeting_id TEXT NOT NULL REFERENCES survivor_meetings(id),
  member_id TEXT NOT NULL REFERENCES survivor_members(id),
  marked_at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE survivor_peer_contacts (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  supporter_id TEXT REFERENCES survivor_members(id),
  contact_date TEXT NOT NULL,
  region TEXT NOT NULL,
  mode TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  note BYTEA,                        -- sealed under the network's subkey
  created_at TEXT NOT NULL
);
CREATE INDEX survivor_peer_contacts_by_org ON survivor_peer_contacts (org_id, contact_date);

CREATE TABLE survivor_statements (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_ko TEXT NOT NULL,
  body_en TEXT NOT NULL,
  status TEXT NOT NULL,             -- draft | open | published | closed
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  published_at TEXT
);
CREATE INDEX survivor_statements_by_org ON survivor_statements (org_id, created_at);

CREATE TABLE survivor_signatures (
  statement_id TEXT NOT NULL REFERENCES survivor_statements(id),
  member_id TEXT NOT NULL REFERENCES survivor_members(id),
  signed_at TEXT NOT NULL,
  PRIMARY KEY (statement_id, member_id)
);
