-- 0021 campaigns and partners (api-campaigns.md): campaigns such as the Dandelion Pilgrimage with
-- their route of stops, materials (public or organizational files, stored as they are), press
-- coverage; partner organizations with contacts (sealed under the owning organization's key),
-- alliance memberships, agreements, interaction history; partners co-organizing events.
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  summary_ko TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  goal_ko TEXT NOT NULL,
  goal_en TEXT NOT NULL,
  starts_on TEXT NOT NULL,          -- Korea days
  ends_on TEXT NOT NULL,
  themes TEXT NOT NULL,             -- comma-separated
  status TEXT NOT NULL,             -- planning | active | finished
  published INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX campaigns_by_org ON campaigns (org_id, starts_on);
CREATE INDEX campaigns_public ON campaigns (published, starts_on);

CREATE TABLE partners (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  name_ko TEXT NOT NULL,
  name_en TEXT NOT NULL,
  website TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX partners_by_org ON partners (org_id, name_ko);

CREATE TABLE campaign_stops (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  position INTEGER NOT NULL,
  day TEXT NOT NULL,
  region TEXT NOT NULL,
  city TEXT NOT NULL,
  venue TEXT NOT NULL,
  host_org_id TEXT REFERENCES organizations(id),
  host_partner_id TEXT REFERENCES partners(id),
  activities TEXT NOT NULL,         -- comma-separated
  event_id TEXT REFERENCES events(id),
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX campaign_stops_by_campaign ON campaign_stops (campaign_id, position);

CREATE TABLE campaign_materials (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  title TEXT NOT NULL,
  url TEXT,
  file_name TEXT,
  content_type TEXT,
  size INTEGER,
  content BLOB,
  is_public INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX campaign_materials_by_campaign ON campaign_materials (campaign_id, created_at);

CREATE TABLE campaign_press (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  day TEXT NOT NULL,
  outlet TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX campaign_press_by_campaign ON campaign_press (campaign_id, day);

CREATE TABLE partner_contacts (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),  -- whose key seals them
  name BLOB NOT NULL,               -- sealed
  role BLOB,                        -- sealed
  phone BLOB,                       -- sealed
  email BLOB,                       -- sealed
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX partner_contacts_by_partner ON partner_contacts (partner_id, created_at);

CREATE TABLE partner_alliances (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  name TEXT NOT NULL,
  since TEXT NOT NULL,
  until TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX partner_alliances_by_partner ON partner_alliances (partner_id, since);

CREATE TABLE partner_agreements (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  title TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  expires_on TEXT,
  file_name TEXT,
  content_type TEXT,
  size INTEGER,
  content BLOB,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX partner_agreements_by_partner ON partner_agreements (partner_id, signed_on);

-- A history: not edited, not deleted.
CREATE TABLE partner_interactions (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  by_user TEXT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX partner_interactions_by_partner ON partner_interactions (partner_id, day);

CREATE TABLE event_co_organizers (
  event_id TEXT NOT NULL REFERENCES events(id),
  partner_id TEXT NOT NULL REFERENCES partners(id),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  PRIMARY KEY (event_id, partner_id)
);
CREATE INDEX events_by_campaign ON events (campaign_id);
