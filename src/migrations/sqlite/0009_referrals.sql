-- 0009 referrals: the network directory, her exclusions, and referrals between members
-- (docs/api-referrals.md).

-- What a member organization shows the rest of the network. Never an address: a shelter's
-- location is confidential. Lists are comma-separated codes. No row = the defaults (its own
-- region, nothing listed, not accepting).
CREATE TABLE directory_profiles (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id),
  regions TEXT NOT NULL,
  services TEXT NOT NULL,
  languages TEXT NOT NULL,
  accepting INTEGER NOT NULL,
  intake_contact TEXT NOT NULL,
  response_days INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
);

-- Organizations or regions she must never be sent to. What she excluded says where she fears to
-- be found, so the target ("org:<id>" or "region:KR-xx") is sealed under her own key.
CREATE TABLE person_exclusions (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  target BLOB NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  removed_at TEXT,  -- kept, not deleted: what she once feared stays on her record's history
  removed_by TEXT REFERENCES users(id)
);
CREATE INDEX person_exclusions_by_person ON person_exclusions (person_id);

-- A referral or transfer from one member to another (to_org_id), or a referral to a party
-- outside the network (external_kind, external_name). Free text is sealed under the sending
-- organization's key; nothing here names her: from_person_id is the sender's own record, and
-- to_person_id/to_case_id the receiver's own, created when it accepted.
CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('referral', 'transfer', 'external')),
  status TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'declined', 'withdrawn', 'completed')),
  from_org_id TEXT NOT NULL REFERENCES organizations(id),
  from_case_id TEXT NOT NULL REFERENCES cases(id),
  from_person_id TEXT NOT NULL REFERENCES people(id),
  to_org_id TEXT REFERENCES organizations(id),
  to_person_id TEXT REFERENCES people(id),
  to_case_id TEXT REFERENCES cases(id),
  external_kind TEXT,
  external_name BLOB,
  consent_id TEXT REFERENCES consents(id),
  services TEXT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'urgent')),
  share TEXT NOT NULL,
  age_band TEXT NOT NULL,
  languages TEXT NOT NULL,
  region TEXT NOT NULL,
  note BLOB,
  sent_at TEXT NOT NULL,
  sent_by TEXT NOT NULL REFERENCES users(id),
  answer_due_at TEXT NOT NULL,
  answered_at TEXT,
  answered_by TEXT REFERENCES users(id),
  decline_reason TEXT,
  decline_note BLOB,
  withdrawn_at TEXT,
  withdraw_reason BLOB,
  completed_at TEXT,
  outcome TEXT,
  outcome_reason TEXT,
  override_reason BLOB,
  override_by TEXT REFERENCES users(id),
  reminded_receiver_at TEXT,
  reminded_sender_at TEXT
);
CREATE INDEX referrals_by_sender ON referrals (from_org_id, sent_at);
CREATE INDEX referrals_by_receiver ON referrals (to_org_id, sent_at);
CREATE INDEX referrals_by_case ON referrals (from_case_id);
CREATE INDEX referrals_waiting ON referrals (status, answer_due_at);
CREATE INDEX referrals_by_consent ON referrals (consent_id, status);

-- A referral_sharing consent names an organization of the network or, for a referral outside
-- it, the outside party by name.
ALTER TABLE consents ADD COLUMN scope_external TEXT;
-- A notification about a referral names it.
ALTER TABLE notifications ADD COLUMN referral_id TEXT;
