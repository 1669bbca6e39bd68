-- 0020 events: forums, workshops, rallies, pilgrimage stops, press conferences and trainings
-- of the secretariat and its members, with public registration, QR tickets and check-in
-- (api-events.md). An event belongs to its organizing organization; its registrations' name,
-- contact and alias are sealed under that organization's key, bound to the row. Duplicates
-- are found by a keyed index of the contact bound to the event (never the plaintext).
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  description_ko TEXT NOT NULL,
  description_en TEXT NOT NULL,
  starts_at TEXT NOT NULL,          -- RFC 3339 UTC
  ends_at TEXT NOT NULL,
  venue TEXT NOT NULL,
  region TEXT NOT NULL,
  capacity INTEGER,                 -- NULL: no limit
  registration_open INTEGER NOT NULL,
  published INTEGER NOT NULL,
  campaign_id TEXT,                 -- campaigns come later; not a reference yet
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX events_by_org ON events (org_id, starts_at);
CREATE INDEX events_public ON events (published, ends_at);

CREATE TABLE event_registrations (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),  -- the organizing organization (its key)
  reference TEXT NOT NULL UNIQUE,   -- 8 characters, without the dash
  role TEXT NOT NULL,               -- attendee | speaker | host | volunteer | press
  status TEXT NOT NULL,             -- registered | waitlisted | cancelled
  source TEXT NOT NULL,             -- public | staff
  name BLOB NOT NULL,              -- sealed
  contact BLOB,                    -- sealed
  alias BLOB,                      -- sealed; when present, what every list shows
  contact_index BLOB,              -- keyed index of the normalized contact, bound to the event
  photo_consent INTEGER NOT NULL,
  registered_at TEXT NOT NULL,
  registered_by TEXT REFERENCES users(id),
  cancelled_at TEXT,
  checked_in_at TEXT,               -- when it happened (on the phone)
  checked_in_by TEXT REFERENCES users(id),
  check_in_method TEXT,             -- qr | reference | list
  check_in_key TEXT                 -- the phone's idempotency key
);
CREATE INDEX event_registrations_by_event ON event_registrations (event_id, registered_at);
CREATE UNIQUE INDEX event_registrations_contact ON event_registrations (event_id, contact_index)
  WHERE status <> 'cancelled' AND contact_index IS NOT NULL;
CREATE UNIQUE INDEX event_registrations_check_in_key
  ON event_registrations (event_id, check_in_key) WHERE check_in_key IS NOT NULL;
