-- 0008 person search: finding a woman by the beginning of her name, alias or phone without a
-- column anyone could read (docs/security.md, "Finding a person"). Each row is a 2-byte keyed tag
-- of one prefix (the first 2 or 3 characters of her legal name or alias, the first 7 digits of
-- her phone) under the organization's search key: deliberately short, so that every tag is shared
-- by many unrelated values and a match is re-checked after decrypting. search_key_version says
-- which organization key version her tags (and blind indexes) derive from; NULL until the server
-- has indexed her (it does so at start for rows written before this migration).
CREATE TABLE person_search_terms (
  person_id TEXT NOT NULL REFERENCES people(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  key_version INTEGER NOT NULL,
  term BLOB NOT NULL
);
CREATE INDEX person_search_terms_by_term ON person_search_terms (org_id, key_version, term);
CREATE INDEX person_search_terms_by_person ON person_search_terms (person_id);
ALTER TABLE people ADD COLUMN search_key_version INTEGER;
