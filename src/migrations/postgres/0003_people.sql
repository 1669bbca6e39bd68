-- 0003 people: survivors and clients, owned by the organization that registered them
-- (domain.md, "Survivor records"). Identifying fields are ciphertexts under the person's own key
-- (security.md, "Keys and encryption at rest"); *_index columns are blind indexes for exact
-- lookup. Erasing a person deletes her key and blanks every descriptive column, keeping the row
-- as a tombstone (id, code, erased_at) so that ids and codes are never reused.
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  code TEXT NOT NULL,                -- <PREFIX>-<YEAR>-<NNNN>, unique per organization
  code_year BIGINT NOT NULL,
  code_seq BIGINT NOT NULL,
  alias BYTEA,
  legal_name BYTEA,
  legal_name_index BYTEA,
  birth_date BYTEA,
  age_band TEXT,                     -- at intake, in clear for statistics
  phone BYTEA,
  phone_index BYTEA,
  safe_contact BYTEA,
  nationality TEXT,                  -- ISO 3166-1 alpha-2
  languages TEXT NOT NULL DEFAULT '',   -- comma-separated ISO 639 codes
  categories TEXT NOT NULL DEFAULT '',  -- comma-separated tags of domain.md
  index_key_version BIGINT,         -- the organization key version the indexes derive from
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  erased_at TEXT,
  UNIQUE (org_id, code),
  UNIQUE (org_id, code_year, code_seq)
);
CREATE INDEX people_by_name ON people (org_id, legal_name_index);
CREATE INDEX people_by_phone ON people (org_id, phone_index);

-- Each person's key, wrapped by a version of her organization's key. Deleting the row is the
-- crypto-shredding of an erasure.
CREATE TABLE person_keys (
  person_id TEXT NOT NULL REFERENCES people(id),
  version BIGINT NOT NULL,
  wrapped BYTEA NOT NULL,
  org_key_version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (person_id, version)
);
