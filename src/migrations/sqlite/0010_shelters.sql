-- 0010 shelters: a facility's rooms and beds (with their history), residents' stays, moves
-- between beds, outings and overnight leave, exits and follow-ups, and a dispatcher's hold on a
-- bed (domain.md, "Shelters"). Residents are people of the facility; what could identify or
-- endanger them (an outing's destination, notes) is sealed under her key like her other records.
-- Vocabularies are validated by the service; dates are YYYY-MM-DD, times RFC 3339 UTC.
CREATE TABLE shelter_rooms (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX shelter_rooms_by_org ON shelter_rooms (org_id);

-- A bed's state of service is the latest of its events; removed beds stay as rows.
CREATE TABLE shelter_beds (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  room_id TEXT NOT NULL REFERENCES shelter_rooms(id),
  label TEXT NOT NULL,
  kind TEXT NOT NULL,            -- standard | accessible | with_child | emergency
  status TEXT NOT NULL,          -- in_service | out_of_service | removed (the latest event)
  created_at TEXT NOT NULL,
  UNIQUE (room_id, label)
);
CREATE INDEX shelter_beds_by_org ON shelter_beds (org_id);

-- Every change of a bed's service, kept: added, out_of_service, in_service, removed.
CREATE TABLE shelter_bed_events (
  id TEXT PRIMARY KEY,
  bed_id TEXT NOT NULL REFERENCES shelter_beds(id),
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX shelter_bed_events_by_bed ON shelter_bed_events (bed_id, at);

-- A stay: her admission to the facility. bed_id is her bed now (moves keep the earlier ones in
-- shelter_stay_beds). open_bed is bed_id while she stays and NULL after her exit: its unique
-- index is what makes two open stays in one bed impossible, whatever the requests' timing.
CREATE TABLE shelter_stays (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  bed_id TEXT NOT NULL REFERENCES shelter_beds(id),
  open_bed TEXT UNIQUE,
  open_person TEXT UNIQUE,       -- person_id while she stays: one open stay per woman
  source TEXT NOT NULL,          -- referral | rescue | direct
  admitted_on TEXT NOT NULL,
  planned_end_on TEXT NOT NULL,  -- from the facility type's limit at admission (a setting)
  max_end_on TEXT NOT NULL,      -- the limit with every extension the law allows
  house_rules_agreed_on TEXT NOT NULL,
  exited_on TEXT,
  exit_reason TEXT,              -- completed | own_choice | rule_breach | transfer | other
  exit_destination TEXT,         -- own_housing | public_rental | family | another_facility |
                                 -- group_home | unknown | returned_to_trade
  destination_safe INTEGER,
  exit_note BLOB,                -- sealed under her key
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX shelter_stays_by_org ON shelter_stays (org_id, exited_on);

CREATE TABLE shelter_stay_beds (
  id TEXT PRIMARY KEY,
  stay_id TEXT NOT NULL REFERENCES shelter_stays(id),
  bed_id TEXT NOT NULL REFERENCES shelter_beds(id),
  from_on TEXT NOT NULL,
  until_on TEXT,
  moved_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX shelter_stay_beds_by_stay ON shelter_stay_beds (stay_id, from_on);

-- Outings (back the same day) and overnight leave, with the planned return. alerted_at is set
-- when the facility's staff were notified that she is overdue.
CREATE TABLE shelter_outings (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  stay_id TEXT NOT NULL REFERENCES shelter_stays(id),
  kind TEXT NOT NULL,            -- outing | overnight
  left_at TEXT NOT NULL,
  planned_return_at TEXT NOT NULL,
  returned_at TEXT,
  destination BLOB,              -- sealed under her key
  alerted_at TEXT,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX shelter_outings_by_stay ON shelter_outings (stay_id, left_at);
CREATE INDEX shelter_outings_open ON shelter_outings (org_id, returned_at);

-- Follow-up contacts after her exit (1, 3 and 6 months), with their outcome.
CREATE TABLE shelter_follow_ups (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  stay_id TEXT NOT NULL REFERENCES shelter_stays(id),
  months INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  done_on TEXT,
  outcome TEXT,                  -- stable | struggling | returned_to_trade | unreachable
  note BLOB,                     -- sealed under her key
  UNIQUE (stay_id, months)
);
CREATE INDEX shelter_follow_ups_due ON shelter_follow_ups (org_id, done_on, due_on);

-- A dispatcher's hold on a free bed for an emergency. It ends at expires_at by itself (decided
-- on every read, so a restart changes nothing) or when released.
CREATE TABLE shelter_bed_holds (
  id TEXT PRIMARY KEY,
  bed_id TEXT NOT NULL REFERENCES shelter_beds(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  held_by TEXT NOT NULL REFERENCES users(id),
  held_by_org TEXT NOT NULL REFERENCES organizations(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  released_at TEXT
);
CREATE INDEX shelter_bed_holds_by_bed ON shelter_bed_holds (bed_id, expires_at);

-- A request to extend a stay past its planned end, with its reason (sealed under her key), and a
-- supervisor's decision. An approved request moves the stay's planned end; never past max_end_on.
CREATE TABLE shelter_extensions (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  stay_id TEXT NOT NULL REFERENCES shelter_stays(id),
  until_on TEXT NOT NULL,
  reason BLOB NOT NULL,
  status TEXT NOT NULL,          -- pending | approved | refused
  requested_by TEXT NOT NULL REFERENCES users(id),
  requested_at TEXT NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided_at TEXT
);
CREATE INDEX shelter_extensions_by_org ON shelter_extensions (org_id, status);

-- Women waiting for a bed, ordered by urgency then by when they were added; a row leaves the
-- list (kept, with why) when she is admitted, withdraws or is placed elsewhere.
CREATE TABLE shelter_waitlist (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  urgency INTEGER NOT NULL,      -- 0 low … 3 critical
  source TEXT NOT NULL,          -- referral | rescue | direct
  note BLOB,                    -- sealed under her key
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL REFERENCES users(id),
  removed_at TEXT,
  removed_reason TEXT            -- admitted | withdrawn | placed_elsewhere
);
CREATE INDEX shelter_waitlist_open ON shelter_waitlist (org_id, removed_at, urgency);
