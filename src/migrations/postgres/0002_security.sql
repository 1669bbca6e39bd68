-- 0002 security: organizations, accounts, sessions, keys and the audit log (security.md).

-- Member organizations of the network. kind and region are validated by the service.
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  facility_type TEXT,
  region TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Organization keys, each wrapped by a version of the master key. The newest version encrypts;
-- older versions stay for reading until re-encryption.
CREATE TABLE org_keys (
  org_id TEXT NOT NULL REFERENCES organizations(id),
  version INTEGER NOT NULL,
  wrapped BYTEA NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, version)
);

-- People who sign in. roles is a comma-separated list of role names; the TOTP secret is
-- encrypted under the organization's key.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  password_change_required INTEGER NOT NULL DEFAULT 0,
  totp_secret BYTEA,
  totp_key_version INTEGER,
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  disabled_at TEXT,
  language TEXT NOT NULL DEFAULT 'ko',
  last_active_at BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX users_by_org ON users (org_id, username);

-- One-time recovery codes, stored only as keyed hashes.
CREATE TABLE recovery_codes (
  user_id TEXT NOT NULL REFERENCES users(id),
  code_hash BYTEA NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);

-- Sessions: only a hash of the cookie's token is stored. Times are unix seconds.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash BYTEA NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  mfa_complete INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  reauth_at BIGINT,
  ended_at BIGINT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins by key: "user:<username>" (known or not, so a lockout reveals nothing about
-- which accounts exist) and "addr:<client address>".
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  locked_until BIGINT
);

-- Refuses any change to an append-only table.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

-- The audit log: append-only and hash-chained. Holds no personal values: ids, actions, names of
-- fields touched, outcomes.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at_ms BIGINT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_org_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  fields TEXT NOT NULL,
  request_id TEXT NOT NULL,
  remote TEXT NOT NULL,
  hash BYTEA NOT NULL
);
CREATE INDEX audit_by_entity ON audit_log (entity_type, entity_id, seq);
CREATE INDEX audit_by_org ON audit_log (org_id, seq);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The chain's head, one row: appending locks it, so concurrent writers cannot fork the chain.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash BYTEA NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\x'::bytea);

-- Signed checkpoints of the chain head (Ed25519), exportable so a rewrite of the whole chain is
-- detectable too.
CREATE TABLE audit_checkpoints (
  seq BIGINT PRIMARY KEY,
  head_hash BYTEA NOT NULL,
  at_ms BIGINT NOT NULL,
  signature BYTEA NOT NULL
);
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
