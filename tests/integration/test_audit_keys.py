"""Black-box tests of the audit log and the master key: tampering that `audit verify` must catch,
signed checkpoints, `keys rotate` (and finishing an interrupted one), and GET /api/v1/audit.

Tampering goes straight to the database as an attacker with file or database access would:
sqlite3 on SQLite, psql on PostgreSQL (where the append-only triggers are switched off with
ALTER TABLE ... DISABLE TRIGGER USER instead of being dropped).
"""

import hashlib
import os
import re
import secrets
import sqlite3
import stat
import struct
import subprocess
import unittest

from harness import BIN, Server, backend, flush_audit, run_cli
from network import PASSWORD, add_org, add_user, advance, server_now, sign_in, totp


def database_url(server):
    with open(os.path.join(server.data, "config.toml"), encoding="utf-8") as f:
        m = re.search(r'^url\s*=\s*"([^"]+)"', f.read(), re.M)
    return m.group(1) if m else ""


def tamper(server, sql, triggers_off=True, check=True):
    """Runs sql against the server's database, with the audit log's triggers off unless told."""
    flush_audit(server.data, sql)
    if backend() == "sqlite":
        prefix = ("DROP TRIGGER IF EXISTS audit_log_no_update; "
                  "DROP TRIGGER IF EXISTS audit_log_no_delete; ") if triggers_off else ""
        cmd = ["sqlite3", "-cmd", ".timeout 5000", os.path.join(server.data, "dandelion.db"),
               prefix + sql]
    else:
        prefix = "ALTER TABLE audit_log DISABLE TRIGGER USER; " if triggers_off else ""
        cmd = ["psql", database_url(server), "-v", "ON_ERROR_STOP=1", "-qc", prefix + sql]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd}: {proc.stderr}")
    return proc


def verify(server):
    return run_cli("audit", "verify", "--data", server.data, check=False)


def scalar(server, sql):
    """The first column of the first row of sql, as text."""
    flush_audit(server.data, sql)
    if backend() == "sqlite":
        with sqlite3.connect(os.path.join(server.data, "dandelion.db")) as db:
            return str(db.execute(sql).fetchone()[0])
    return subprocess.run(["psql", database_url(server), "-tAc", sql], capture_output=True,
                          text=True, check=True).stdout.strip()


def last_seq(server):
    return int(scalar(server, "SELECT MAX(seq) FROM audit_log"))


def small_network(server):
    """Two organizations and a few users, all through the CLI: a dozen audit entries."""
    add_org(server, "org-a", "counseling_center", "KR-11")
    add_org(server, "org-b", "support_facility", "KR-26")
    add_user(server, "org-a", "a-worker", "case_worker")
    add_user(server, "org-b", "b-worker", "case_worker")


class AuditTamperTest(unittest.TestCase):
    def setUp(self):
        self.server = Server()
        small_network(self.server)

    def tearDown(self):
        self.server.cleanup()

    def assertBroken(self, row):
        proc = verify(self.server)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn(f"audit row {row} ", proc.stderr)
        return proc

    def test_an_untouched_log_verifies(self):
        proc = verify(self.server)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("intact", proc.stdout)

    def test_an_edited_row_is_named(self):
        tamper(self.server, "UPDATE audit_log SET action = 'x' WHERE seq = 3;")
        self.assertBroken(3)

    def test_a_deleted_row_is_named(self):
        tamper(self.server, "DELETE FROM audit_log WHERE seq = 2;")
        self.assertIn("missing", self.assertBroken(2).stderr)

    def test_deleting_the_last_row_is_detected(self):
        last = last_seq(self.server)
        tamper(self.server, f"DELETE FROM audit_log WHERE seq = {last};")
        self.assertBroken(last)

    def test_the_database_refuses_changes_while_the_triggers_stand(self):
        for sql in ["UPDATE audit_log SET action = 'x' WHERE seq = 3;",
                    "DELETE FROM audit_log WHERE seq = 3;"]:
            proc = tamper(self.server, sql, triggers_off=False, check=False)
            self.assertNotEqual(proc.returncode, 0, sql)
            self.assertIn("append-only", proc.stderr)
        self.assertEqual(verify(self.server).returncode, 0)

    def test_a_change_before_a_checkpoint_is_named(self):
        text = run_cli("audit", "checkpoint", "--data", self.server.data).stdout
        seq = int(re.search(r"^seq: (\d+)$", text, re.M).group(1))
        self.assertGreater(seq, 2)
        tamper(self.server, "UPDATE audit_log SET outcome = 'denied' WHERE seq = 2;")
        self.assertBroken(2)

    def test_checkpoint_and_public_key_agree(self):
        key = run_cli("audit", "public-key", "--data", self.server.data).stdout.strip()
        self.assertRegex(key, r"^[0-9a-f]{64}$")
        text = run_cli("audit", "checkpoint", "--data", self.server.data).stdout
        self.assertIn("Dandelion audit checkpoint v1", text)
        self.assertIn("public_key: " + key, text)
        self.assertEqual(verify(self.server).returncode, 0)


def encode_entry(row):
    """The canonical encoding of src/security/audit_chain.cc, to recompute hashes as an attacker
    who knows the format would."""
    (seq, at_ms, actor_user_id, actor_org_id, org_id, action, entity_type, entity_id, outcome,
     request_id, remote, fields) = row

    def prefixed(s):
        b = s.encode("utf-8")
        return struct.pack(">I", len(b)) + b

    out = prefixed("dandelion.audit.v1") + struct.pack(">QQ", seq, at_ms)
    for s in [actor_user_id, actor_org_id, org_id, action, entity_type, entity_id, outcome,
              request_id, remote]:
        out += prefixed(s)
    names = [f for f in fields.split(",") if f]
    out += struct.pack(">I", len(names)) + b"".join(prefixed(f) for f in names)
    return out


def rewrite_chain(db_path, seq_to_change):
    """Changes one row and recomputes every hash after it, and the head: a whole-chain rewrite
    that only a signed checkpoint can reveal."""
    db = sqlite3.connect(db_path)
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE audit_log SET outcome = 'denied' WHERE seq = ?", (seq_to_change,))
    rows = db.execute(
        "SELECT seq, at_ms, actor_user_id, actor_org_id, org_id, action, entity_type, entity_id, "
        "outcome, request_id, remote, fields FROM audit_log ORDER BY seq").fetchall()
    prev = bytes(32)
    for row in rows:
        h = hashlib.blake2b(prev + encode_entry(row), digest_size=32).digest()
        db.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", (h, row[0]))
        prev = h
    db.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (prev,))
    db.commit()
    db.close()


@unittest.skipIf(backend() != "sqlite", "the chain rewrite is scripted with Python's sqlite3")
class AuditRewriteTest(unittest.TestCase):
    def setUp(self):
        self.server = Server()
        small_network(self.server)
        self.db = os.path.join(self.server.data, "dandelion.db")

    def tearDown(self):
        self.server.cleanup()

    def test_a_recomputed_chain_passes_without_a_checkpoint(self):
        # Shows the rewrite is faithful: only the checkpoint in the next test catches it.
        rewrite_chain(self.db, 2)
        self.assertEqual(verify(self.server).returncode, 0)

    def test_a_recomputed_chain_is_caught_by_a_checkpoint(self):
        run_cli("audit", "checkpoint", "--data", self.server.data)
        rewrite_chain(self.db, 2)
        proc = verify(self.server)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("signed checkpoint", proc.stderr)


def read(path):
    with open(path, "rb") as f:
        return f.read()


class KeysRotateTest(unittest.TestCase):
    """Data written before a rotation still opens after it; the old key opens nothing."""

    def setUp(self):
        self.server = Server()
        add_org(self.server, "org-a", "counseling_center", "KR-11")
        add_user(self.server, "org-a", "a-worker", "case_worker")
        self.key_path = os.path.join(self.server.data, "keys", "master.key")
        # TOTP secrets are sealed with the organization key, recovery codes hashed with a key
        # from the master key: both must survive the rotation.
        self.server.start()
        s = sign_in(self.server, "a-worker")
        self.secret = s.totp_secret
        self.recovery = s.body["recovery_codes"]
        self.server.stop()
        run_cli("audit", "checkpoint", "--data", self.server.data)

    def tearDown(self):
        self.server.cleanup()

    def rotate(self, check=True):
        return run_cli("keys", "rotate", "--data", self.server.data, check=check)

    def test_rotation_replaces_the_key_and_old_data_still_opens(self):
        old_key = read(self.key_path)
        old_public = run_cli("audit", "public-key", "--data", self.server.data).stdout.strip()
        out = self.rotate().stdout
        self.assertIn("version 1 to 2", out)
        self.assertIn("re-wrapped 1 organization key", out)
        self.assertIn("NEW keys/master.key", out)
        self.assertIn("새 keys/master.key", out)
        new_key = read(self.key_path)
        self.assertNotEqual(new_key, old_key)
        self.assertEqual(len(new_key), 32)
        self.assertEqual(stat.S_IMODE(os.stat(self.key_path).st_mode), 0o600)
        self.assertEqual(os.listdir(os.path.dirname(self.key_path)), ["master.key"])
        # Checkpoints signed before the rotation still verify; new ones use the new key.
        self.assertEqual(verify(self.server).returncode, 0, verify(self.server).stderr)
        new_public = run_cli("audit", "public-key", "--data", self.server.data).stdout.strip()
        self.assertNotEqual(new_public, old_public)
        self.assertIn(new_public, out)

        self.server.start()
        c = self.server.client()
        r = c.post("/api/v1/session", body={"username": "a-worker", "password": PASSWORD,
                                             "totp": totp(self.secret, server_now(c), 1)})
        self.assertEqual(r.status, 200, r.body)
        c2 = self.server.client()
        r = c2.post("/api/v1/session", body={"username": "a-worker", "password": PASSWORD,
                                              "recovery_code": self.recovery[0]})
        self.assertEqual(r.status, 200, r.body)
        self.server.stop()

        # A second rotation keeps everything working too.
        self.assertIn("version 2 to 3", self.rotate().stdout)
        self.assertEqual(verify(self.server).returncode, 0)

    def test_the_old_key_no_longer_opens_the_database(self):
        old_key_path = os.path.join(self.server.tmp, "old.key")
        with open(old_key_path, "wb") as f:
            f.write(read(self.key_path))
        os.chmod(old_key_path, 0o600)
        self.rotate()
        env = dict(os.environ, DANDELION_MASTER_KEY_FILE=old_key_path)
        proc = subprocess.run([BIN, "serve", "--data", self.server.data, "--listen",
                               "127.0.0.1:0"], env=env, capture_output=True, text=True,
                              timeout=60)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("did not authenticate", proc.stderr)
        proc = subprocess.run([BIN, "audit", "verify", "--data", self.server.data], env=env,
                              capture_output=True, text=True, timeout=60)
        self.assertNotEqual(proc.returncode, 0)

    def test_rotation_is_refused_while_a_server_runs(self):
        old_key = read(self.key_path)
        self.server.start()
        proc = self.rotate(check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("stop the server", proc.stderr)
        self.assertEqual(read(self.key_path), old_key)
        self.server.stop()

    def test_rotation_is_audited(self):
        self.rotate()
        last = "SELECT action || ' ' || remote || ' ' || entity_id FROM audit_log " \
               "WHERE seq = (SELECT MAX(seq) FROM audit_log)"
        self.assertEqual(scalar(self.server, last), "keys.rotate cli 2")
        self.assertEqual(scalar(self.server, "SELECT value FROM kv_settings "
                                             "WHERE key = 'master_key_version'"), "2")

    def test_an_interrupted_rotation_before_commit_is_rolled_back(self):
        old_key = read(self.key_path)
        next_path = self.key_path + ".next"
        with open(next_path, "wb") as f:
            f.write(secrets.token_bytes(32))
        os.chmod(next_path, 0o600)
        proc = verify(self.server)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("rolled back", proc.stderr)
        self.assertFalse(os.path.exists(next_path))
        self.assertEqual(read(self.key_path), old_key)

    def test_an_interrupted_rotation_after_commit_is_finished(self):
        old_key = read(self.key_path)
        self.rotate()
        new_key = read(self.key_path)
        # The state a crash between the commit and the rename leaves behind.
        with open(self.key_path + ".next", "wb") as f:
            f.write(new_key)
        os.chmod(self.key_path + ".next", 0o600)
        with open(self.key_path, "wb") as f:
            f.write(old_key)
        self.server.start()
        self.assertIn("finished an interrupted master key rotation", self.server.server_log())
        self.assertEqual(read(self.key_path), new_key)
        self.assertFalse(os.path.exists(self.key_path + ".next"))
        c = self.server.client()
        r = c.post("/api/v1/session", body={"username": "a-worker", "password": PASSWORD,
                                             "totp": totp(self.secret, server_now(c), 1)})
        self.assertEqual(r.status, 200, r.body)


class AuditEndpointTest(unittest.TestCase):
    """GET /api/v1/audit: organization scope, the network's auditor, refusals, paging."""

    @classmethod
    def setUpClass(cls):
        s = cls.server = Server()
        add_org(s, "sec", "secretariat", "KR-11", "전국연대 사무국")
        add_org(s, "org-a", "counseling_center", "KR-11", "가 상담소")
        add_org(s, "org-b", "support_facility", "KR-26", "나 지원시설")
        add_user(s, "sec", "net-auditor", "auditor")
        cls.ids = {}
        for org in ["org-a", "org-b"]:
            for role in ["auditor", "case_worker"]:
                name = f"{org}-{role.replace('_', '-')}"
                out = run_cli("user", "add", "--data", s.data, "--org", org, "--username", name,
                              "--role", role, "--display-name", f"비밀이름 {name}",
                              "--password-stdin", input_text=PASSWORD + "\n").stdout
                cls.ids[name] = re.search(r"\((\w+)\)", out).group(1)
        s.start()
        cls.a_auditor = sign_in(s, "org-a-auditor")
        cls.b_auditor = sign_in(s, "org-b-auditor")
        cls.net_auditor = sign_in(s, "net-auditor")
        cls.a_worker = sign_in(s, "org-a-case-worker")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def entries(self, session, query=""):
        r = session.client.get("/api/v1/audit" + query)
        self.assertEqual(r.status, 200, r.body)
        return r

    def test_an_organization_auditor_sees_her_own_organization_only(self):
        r = self.entries(self.a_auditor, "?limit=500")
        ids = {e["entity_id"] for e in r.json()["items"]}
        self.assertIn(self.ids["org-a-case-worker"], ids)
        self.assertNotIn(self.ids["org-b-case-worker"], ids)
        self.assertNotIn(self.ids["org-b-auditor"], ids)
        self.assertNotIn(self.b_auditor.org_id, r.body.decode())

    def test_the_secretariat_auditor_sees_every_organization(self):
        ids = {e["entity_id"] for e in self.entries(self.net_auditor, "?limit=500").json()["items"]}
        self.assertIn(self.ids["org-a-case-worker"], ids)
        self.assertIn(self.ids["org-b-case-worker"], ids)

    def test_filters_and_entry_shape(self):
        uid = self.ids["org-a-case-worker"]
        items = self.entries(self.a_auditor, f"?entity_type=user&entity_id={uid}").json()["items"]
        self.assertTrue(items)
        for e in items:
            self.assertEqual(e["entity_id"], uid)
            self.assertRegex(e["at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            self.assertEqual(set(e), {"seq", "at", "actor", "action", "entity_type", "entity_id",
                                      "outcome", "fields"})
        self.assertIn("user.create", {e["action"] for e in items})
        mine = self.entries(self.a_auditor, f"?actor={self.a_auditor.user_id}&action=audit.read")
        self.assertTrue(mine.json()["items"])

    def test_entries_hold_no_personal_values(self):
        body = self.entries(self.net_auditor, "?limit=500").body.decode()
        for secret in [PASSWORD, "비밀이름", "org-a-case-worker", self.a_worker.totp_secret]:
            self.assertNotIn(secret, body)

    def test_newest_first_with_a_cursor(self):
        first = self.entries(self.net_auditor, "?limit=3").json()
        seqs = [e["seq"] for e in first["items"]]
        self.assertEqual(len(seqs), 3)
        self.assertEqual(seqs, sorted(seqs, reverse=True))
        self.assertEqual(first["next_cursor"], str(seqs[-1]))
        second = self.entries(self.net_auditor, f"?limit=3&cursor={first['next_cursor']}").json()
        self.assertTrue(all(e["seq"] < seqs[-1] for e in second["items"]))
        everything = self.entries(self.net_auditor, "?limit=500").json()
        self.assertIsNone(everything["next_cursor"])

    def test_reading_is_audited(self):
        self.entries(self.b_auditor, "?entity_type=user")
        items = self.entries(self.b_auditor, "?action=audit.read&limit=1").json()["items"]
        self.assertEqual(items[0]["actor"], self.b_auditor.user_id)

    def test_bad_parameters_are_named(self):
        for query, field in [("?limit=0", "limit"), ("?limit=abc", "limit"),
                             ("?limit=501", "limit"), ("?cursor=-4", "cursor"),
                             ("?colour=red", "colour"), ("?entity_id=" + "x" * 65, "entity_id")]:
            r = self.a_auditor.client.get("/api/v1/audit" + query)
            self.assertEqual(r.status, 400, query)
            self.assertIn(field, r.json()["error"]["fields"], query)

    def test_a_non_auditor_is_refused(self):
        for path in ["/api/v1/audit", "/api/v1/audit/checkpoints"]:
            self.assertEqual(self.a_worker.client.get(path).status, 403, path)
        self.assertEqual(self.a_worker.client.post("/api/v1/audit/checkpoints").status, 403)
        self.assertEqual(self.server.client().get("/api/v1/audit").status, 401)

    def test_an_organizations_auditor_cannot_checkpoint_the_whole_network(self):
        before = self.entries(self.net_auditor, "?action=audit.checkpoint&limit=500").json()
        r = self.a_auditor.client.post("/api/v1/audit/checkpoints")
        self.assertEqual(r.status, 403, r.body)
        self.assertIn("사무국", r.json()["error"]["message"])
        after = self.entries(self.net_auditor, "?action=audit.checkpoint&limit=500").json()
        self.assertEqual(len(after["items"]), len(before["items"]))

    def test_checkpoints_sign_now_and_export_after_reauthentication(self):
        s = self.net_auditor
        r = s.client.post("/api/v1/audit/checkpoints")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.header("content-type").startswith("text/plain"))
        self.assertIn("Dandelion audit checkpoint v1", r.body.decode())
        csrf, s.client.csrf = s.client.csrf, None
        self.assertEqual(s.client.post("/api/v1/audit/checkpoints").status, 403)
        s.client.csrf = csrf

        self.assertEqual(s.client.get("/api/v1/audit/checkpoints").status, 403)
        advance(s.client, 30)  # a fresh TOTP step: a used code is refused
        r = s.client.post("/api/v1/session/reauth", body={
            "password": PASSWORD, "totp": totp(s.totp_secret, server_now(s.client))})
        self.assertEqual(r.status, 204, r.body)
        r = s.client.get("/api/v1/audit/checkpoints")
        self.assertEqual(r.status, 200, r.body)
        self.assertIn("attachment", r.header("content-disposition"))
        self.assertGreaterEqual(r.body.decode().count("Dandelion audit checkpoint v1"), 1)
        exported = self.entries(s, "?action=audit.checkpoints_export&limit=1").json()["items"]
        self.assertEqual(exported[0]["actor"], s.user_id)


if __name__ == "__main__":
    unittest.main()


class AuditVerificationOverHttpTest(unittest.TestCase):
    """An auditor sees whether the chain holds from her screen (GET /api/v1/audit/verification);
    which row broke goes to the server's log, for the operator to find with `audit verify`."""

    def setUp(self):
        self.server = Server()
        small_network(self.server)
        add_user(self.server, "org-a", "a-auditor", "auditor")
        self.server.start()
        self.auditor = sign_in(self.server, "a-auditor")
        self.worker = sign_in(self.server, "a-worker")

    def tearDown(self):
        self.server.cleanup()

    def test_an_auditor_sees_the_chain_intact_then_broken(self):
        r = self.auditor.client.get("/api/v1/audit/verification")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["intact"], True)
        self.assertGreater(r.json()["entries"], 5)
        self.assertEqual(self.worker.client.get("/api/v1/audit/verification").status, 403)
        tamper(self.server, "UPDATE audit_log SET action = 'x' WHERE seq = 3;")
        r = self.auditor.client.get("/api/v1/audit/verification")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["intact"], False)
        self.assertNotIn("row", r.body.decode())
        checks = scalar(self.server, "SELECT COUNT(*) FROM audit_log WHERE action = 'audit.verify'")
        self.assertEqual(int(checks), 2)
