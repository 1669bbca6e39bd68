-- 0012 shelter readiness: the answers to a stay's exit-readiness checklist (housing application,
-- income, savings, ID documents, self-reliance referral, legal matters). Answers are kept, not
-- overwritten: a new answer supersedes the item's current one, whose superseded_at is then set.
-- The partial unique index allows one current answer per item, whatever the requests' timing.
CREATE TABLE shelter_readiness (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  stay_id TEXT NOT NULL REFERENCES shelter_stays(id),
  item TEXT NOT NULL,
  status TEXT NOT NULL,          -- not_started | in_progress | done | not_needed
  note BLOB,                     -- sealed under her key
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  superseded_at TEXT
);
CREATE UNIQUE INDEX shelter_readiness_current ON shelter_readiness (stay_id, item)
  WHERE superseded_at IS NULL;
