-- 0017 support marks: double support across members without
-- sharing who she is (api-funds.md, "Double support"; security.md, "Network match key").
-- When a disbursement counts as paid, a
-- mark is written: her match token (keyed BLAKE2b of her normalized legal name and birth date
-- under the server's network match key, never the organization's), the kind, the year of the
-- source, the organization and the amount. A reversal writes a mark of its own with the negative
-- amount, so the marks of an entry and its reversals sum to what stands. Erasing a woman deletes
-- the marks of her entries. A woman without a birth date has no token and leaves no mark.
CREATE TABLE support_marks (
  entry_id TEXT PRIMARY KEY REFERENCES fund_entries(id),
  token TEXT NOT NULL,          -- hex
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  amount INTEGER NOT NULL
);
CREATE INDEX support_marks_by_token ON support_marks (token, kind, year);

-- Receipts of ledger entries (api-funds.md, "Receipts"): a photo or PDF, encrypted like her case
-- files (a secretstream under its own key, the key wrapped by her key, the name sealed), so
-- erasing her shreds them. Their own table rather than case_files: a ledger entry belongs to
-- her, not to a case. Never deleted (the ledger is append-only): a wrong receipt is withdrawn,
-- hidden from the list but kept, with the reason sealed under her key.
CREATE TABLE fund_receipts (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES fund_entries(id),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  name BYTEA NOT NULL,             -- sealed under her key
  content_type TEXT NOT NULL,     -- image/jpeg | image/png | image/webp | image/heic | application/pdf
  size INTEGER NOT NULL,
  file_key BYTEA NOT NULL,         -- wrapped by her key
  content BYTEA NOT NULL,          -- secretstream under file_key
  uploaded_by TEXT NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT REFERENCES users(id),
  withdrawal_reason BYTEA          -- sealed under her key
);
CREATE INDEX fund_receipts_by_entry ON fund_receipts (entry_id, uploaded_at);
