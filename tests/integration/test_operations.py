"""Black-box tests of operating a data dir: a lost database is never replaced silently, restores
that cannot half-happen, verified backups, logs that explain a 500, the console's wording and
exit codes, and several servers on one PostgreSQL database.

Faults are made as an operator or a failing disk would make them: files deleted, truncated,
overwritten or copied back by hand, tables dropped under a running server.
"""

import http.client
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest

from harness import BIN, PG_URL, Server, backend, flush_audit, run_cli
from network import (PASSWORD, add_org, add_user, advance, build_network, server_now,
                     sign_in, totp)
from test_audit_keys import database_url, tamper
from test_emergency import submit

EXIT_BROKEN = 1
EXIT_CANNOT_OPEN = 3
EXIT_BACKUP_EXPIRED = 4
PEOPLE = "/api/v1/people"


def db_path(server):
    return os.path.join(server.data, "dandelion.db")


def serve_refusal(server):
    """Runs `serve` expecting it to refuse; returns its stderr."""
    proc = subprocess.run([BIN, "serve", "--data", server.data, "--listen", "127.0.0.1:0"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0, "serve started: " + proc.stdout
    return proc.stderr


def plain_copy(server, out):
    """A consistent unencrypted copy of the database, as a person copying it by hand makes."""
    src = sqlite3.connect(db_path(server))
    dest = sqlite3.connect(out)
    try:
        src.backup(dest)
    finally:
        src.close()
        dest.close()
    os.chmod(out, 0o600)


def remove_database(server):
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(db_path(server) + suffix):
            os.remove(db_path(server) + suffix)


@unittest.skipIf(backend() != "sqlite", "the file of a SQLite database")
class LostDatabaseTest(unittest.TestCase):
    def setUp(self):
        self.server = Server(test_mode=False)
        add_org(self.server, "seoul", "counseling_center", "KR-11")

    def tearDown(self):
        self.server.cleanup()

    def put_back(self, copy):
        """The database replaced by hand with an older copy of it."""
        remove_database(self.server)
        shutil.copyfile(copy, db_path(self.server))
        os.chmod(db_path(self.server), 0o600)

    def assert_every_command_refuses(self, word):
        self.assertIn(word, serve_refusal(self.server))
        out = os.path.join(self.server.tmp, "backup.db")
        proc = run_cli("backup", "--data", self.server.data, "--out", out, check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn(word, proc.stderr)
        self.assertFalse(os.path.exists(out))
        proc = run_cli("audit", "verify", "--data", self.server.data, check=False)
        self.assertEqual(proc.returncode, EXIT_CANNOT_OPEN, proc.stderr)
        self.assertIn(word, proc.stderr)
        self.assertNotIn("intact", proc.stdout)
        org_add = ["org", "add", "--data", self.server.data, "--slug", "x", "--name", "x",
                   "--kind", "counseling_center", "--region", "KR-11"]
        for args in [["migrate", "--data", self.server.data], org_add]:
            proc = run_cli(*args, check=False)
            self.assertNotEqual(proc.returncode, 0, args)
            self.assertIn(word, proc.stderr)
            # The console has no request id to quote.
            self.assertNotIn("request id", proc.stderr)

    def test_a_deleted_database_is_reported_and_never_recreated(self):
        remove_database(self.server)
        self.assert_every_command_refuses("missing")
        self.assertFalse(os.path.exists(db_path(self.server)))

    def test_an_emptied_database_is_reported_and_left_as_it_is(self):
        remove_database(self.server)
        os.close(os.open(db_path(self.server), os.O_CREAT | os.O_WRONLY, 0o600))
        self.assert_every_command_refuses("empty")
        self.assertEqual(os.path.getsize(db_path(self.server)), 0)

    def test_a_database_copied_back_by_hand_has_lost_entries(self):
        old = os.path.join(self.server.tmp, "old.db")
        plain_copy(self.server, old)
        add_org(self.server, "busan", "counseling_center", "KR-26")
        run_cli("audit", "checkpoint", "--data", self.server.data)
        self.put_back(old)
        proc = run_cli("audit", "verify", "--data", self.server.data, check=False)
        self.assertEqual(proc.returncode, EXIT_BROKEN, proc.stderr)
        self.assertIn("lost entries", proc.stderr)
        self.assertIn("lost entries", serve_refusal(self.server))

    def test_serve_keeps_a_checkpoint_outside_the_database(self):
        kept = os.path.join(self.server.data, "audit-checkpoint.txt")
        self.assertFalse(os.path.exists(kept))
        self.server.start()
        self.server.stop()
        with open(kept, encoding="utf-8") as f:
            self.assertIn("Dandelion audit checkpoint", f.read())
        self.assertEqual(os.stat(kept).st_mode & 0o777, 0o600)
        run_cli("audit", "verify", "--data", self.server.data)


    def test_removing_the_kept_checkpoint_does_not_let_an_older_copy_in(self):
        kept = os.path.join(self.server.data, "audit-checkpoint.txt")
        self.server.start()
        self.server.stop()
        old = os.path.join(self.server.tmp, "old.db")
        plain_copy(self.server, old)
        add_org(self.server, "busan", "counseling_center", "KR-26")
        run_cli("audit", "checkpoint", "--data", self.server.data)
        # The older copy put back, and the checkpoint that would show it removed with it.
        self.put_back(old)
        os.remove(kept)
        proc = run_cli("audit", "verify", "--data", self.server.data, check=False)
        self.assertEqual(proc.returncode, EXIT_BROKEN, proc.stderr)
        self.assertIn("audit-checkpoint.txt", proc.stderr)
        self.assertNotIn("intact", proc.stdout)
        self.assertIn("is missing", serve_refusal(self.server))
        # Removed on purpose: once a new checkpoint is kept, the server starts again.
        run_cli("audit", "checkpoint", "--data", self.server.data)
        self.server.start()
        self.server.stop()
        run_cli("audit", "verify", "--data", self.server.data)

@unittest.skipIf(not PG_URL, "PostgreSQL only")
class EmptiedPostgresTest(unittest.TestCase):
    def test_a_database_emptied_by_hand_is_refused(self):
        server = Server(test_mode=False)
        try:
            add_org(server, "seoul", "counseling_center", "KR-11")
            run_cli("audit", "checkpoint", "--data", server.data)
            subprocess.run(["psql", database_url(server), "-qc",
                            "DROP SCHEMA public CASCADE; CREATE SCHEMA public"],
                           check=True, capture_output=True)
            self.assertIn("no Dandelion tables", serve_refusal(server))
            proc = run_cli("audit", "verify", "--data", server.data, check=False)
            self.assertEqual(proc.returncode, EXIT_CANNOT_OPEN)
            # The one way to put Dandelion's tables in a new, empty database is explicit.
            run_cli("migrate", "--new-database", "--data", server.data)
            proc = run_cli("audit", "verify", "--data", server.data, check=False)
            self.assertEqual(proc.returncode, EXIT_BROKEN, proc.stderr)
            self.assertIn("lost entries", proc.stderr)
        finally:
            server.cleanup()


@unittest.skipIf(backend() != "sqlite", "backup and restore of PostgreSQL use pg_dump")
class RestoreTest(unittest.TestCase):
    def setUp(self):
        self.server = Server(test_mode=False)
        add_org(self.server, "seoul", "counseling_center", "KR-11")
        self.backup = os.path.join(self.server.tmp, "backup.db")
        run_cli("backup", "--data", self.server.data, "--out", self.backup)

    def tearDown(self):
        self.server.cleanup()

    def orgs(self):
        con = sqlite3.connect(db_path(self.server))
        try:
            return sorted(r[0] for r in con.execute("SELECT slug FROM organizations"))
        finally:
            con.close()

    def assert_refused_and_untouched(self, proc, reason):
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("untouched", proc.stderr)
        self.assertIn(reason, proc.stderr)
        self.assertEqual(self.orgs(), ["busan", "seoul"])
        self.assertEqual([f for f in os.listdir(self.server.data) if ".restore-tmp" in f
                          or ".replaced-" in f], [])
        run_cli("audit", "verify", "--data", self.server.data)
        self.server.start()

    def test_a_backup_from_before_a_key_rotation_replaces_nothing(self):
        run_cli("keys", "rotate", "--data", self.server.data)
        add_org(self.server, "busan", "counseling_center", "KR-26")
        proc = run_cli("restore", "--data", self.server.data, "--from", self.backup, check=False)
        self.assert_refused_and_untouched(proc, "master key")

    def test_a_backup_from_a_newer_version_replaces_nothing(self):
        add_org(self.server, "busan", "counseling_center", "KR-26")
        # A plain copy, as an older Dandelion wrote backups (restore still accepts one): the
        # file a newer version would have written.
        os.remove(self.backup)
        plain_copy(self.server, self.backup)
        con = sqlite3.connect(self.backup)
        con.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                    "VALUES (9999, 'from_the_future', '2030-01-01')")
        con.commit()
        con.close()
        proc = run_cli("restore", "--data", self.server.data, "--from", self.backup, check=False)
        self.assert_refused_and_untouched(proc, "newer")

    def test_a_restore_keeps_the_replaced_database_and_says_so(self):
        add_org(self.server, "busan", "counseling_center", "KR-26")
        proc = run_cli("restore", "--data", self.server.data, "--from", self.backup)
        kept = [f for f in os.listdir(self.server.data) if ".replaced-" in f
                and not f.endswith(("-wal", "-shm", ".audit-checkpoint", "-read-audit"))]
        self.assertEqual(len(kept), 1, os.listdir(self.server.data))
        self.assertIn(kept[0], proc.stdout)
        # The read audit journal belongs to the replaced database and goes with it; the restored
        # one starts its own.
        self.assertIn(kept[0] + "-read-audit", os.listdir(self.server.data))
        self.assertNotIn("dandelion.db-read-audit", os.listdir(self.server.data))
        self.assertEqual(self.orgs(), ["seoul"])
        con = sqlite3.connect(os.path.join(self.server.data, kept[0]))
        self.assertEqual(sorted(r[0] for r in con.execute("SELECT slug FROM organizations")),
                         ["busan", "seoul"])
        con.close()
        run_cli("audit", "verify", "--data", self.server.data)
        self.server.start()


@unittest.skipIf(backend() != "sqlite", "backup and restore of PostgreSQL use pg_dump")
class BackupErasureTest(unittest.TestCase):
    """Each backup has its own key, kept in the data dir's register and destroyed when the
    backup expires; the erasure journal reaches backups made before an erasure."""

    @classmethod
    def setUpClass(cls):
        # The network is built once (never served) and each test starts from a copy of it.
        cls.template = Server()
        cls.users = build_network(cls.template)

    @classmethod
    def tearDownClass(cls):
        cls.template.cleanup()

    def setUp(self):
        self.server = Server(data_from=self.template.data)
        self.server.start()
        self.worker_name = self.users["org-a"]["case_worker"]
        self.super_name = self.users["org-a"]["supervisor"]
        self.worker = sign_in(self.server, self.worker_name)
        self.sup = sign_in(self.server, self.super_name)
        self.pids = {}
        for name in ["이지우", "박서윤"]:
            r = self.worker.client.post(PEOPLE, body={"legal_name": name})
            self.assertEqual(r.status, 201, r.body)
            self.pids[name] = r.json()["id"]

    def tearDown(self):
        self.server.cleanup()

    def path(self, *names):
        return os.path.join(self.server.data, *names)

    def backup(self, name):
        out = os.path.join(self.server.tmp, name)
        proc = run_cli("backup", "--data", self.server.data, "--out", out)
        self.assertIn("Backup written to " + out, proc.stdout)
        self.assertIn("its own key", proc.stdout)
        return out

    def erase(self, name):
        advance(self.server.client(), 31)  # a fresh verification code
        r = self.sup.client.post("/api/v1/session/reauth", body={
            "password": PASSWORD,
            "totp": totp(self.sup.totp_secret, server_now(self.server.client()))})
        self.assertEqual(r.status, 204, r.body)
        r = self.sup.client.post(f"{PEOPLE}/{self.pids[name]}/erase", body={"reason": "본인 요청"})
        self.assertEqual(r.status, 200, r.body)

    def query(self, sql):
        flush_audit(self.server.data, sql)
        con = sqlite3.connect(self.path("dandelion.db"))
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    def on_record(self):
        return sorted(r[0] for r in self.query("SELECT id FROM people WHERE erased_at IS NULL"))

    def key_file(self, backup):
        with open(backup, "rb") as f:
            header = f.read(200).decode("utf-8", "replace")
        backup_id = re.search(r"^id ([0-9a-f]{32})$", header, re.M).group(1)
        return self.path("backup-keys", backup_id + ".key")

    def age(self, backup, days):
        """Moves the day a backup was made back, as the passing of days would."""
        key = self.key_file(backup)
        with open(key, encoding="utf-8") as f:
            text = f.read()
        made = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - days * 86400))
        with open(key, "w", encoding="utf-8") as f:
            f.write(re.sub(r"^made .*$", "made " + made, text, flags=re.M))

    def assert_no_leftovers(self, replaced=False):
        self.assertEqual([f for f in os.listdir(self.server.data) if ".restore-" in f
                          or (".replaced-" in f and not replaced) or f.startswith(".backup-")],
                         [])

    def test_a_backup_is_encrypted_under_a_key_kept_only_in_the_register(self):
        backup = self.backup("b.bin")
        with open(backup, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"Dandelion backup 1\n"))
        self.assertNotIn(b"SQLite format 3", data)
        self.assertNotIn(b"schema_migrations", data)
        self.assertTrue(os.path.exists(self.key_file(backup)))
        self.assertEqual(os.stat(self.key_file(backup)).st_mode & 0o777, 0o600)
        self.assertEqual(os.stat(self.path("backup-keys")).st_mode & 0o777, 0o700)
        listed = run_cli("backups", "list", "--data", self.server.data).stdout
        self.assertIn(os.path.basename(self.key_file(backup))[:-4], listed)
        self.assertIn("expires", listed)
        self.assert_no_leftovers()

    def test_a_restored_backup_does_not_bring_back_a_woman_erased_after_it(self):
        backup = self.backup("before-erasure.bin")
        self.erase("이지우")
        erased = self.pids["이지우"]
        journal = self.path("erasures.journal")
        with open(journal, "rb") as f:
            text = f.read()
        self.assertIn(erased.encode(), text)
        self.assertNotIn("이지우".encode(), text)
        self.assertEqual(os.stat(journal).st_mode & 0o777, 0o600)
        self.server.stop()
        proc = run_cli("restore", "--data", self.server.data, "--from", backup)
        self.assertIn("Erased again 1", proc.stdout)
        self.assertEqual(self.on_record(), [self.pids["박서윤"]])
        self.assertEqual(self.query(f"SELECT COUNT(*) FROM person_keys WHERE person_id = "
                                    f"'{erased}'"), [(0,)])
        self.assertEqual(self.query("SELECT legal_name FROM people WHERE id = "
                                    f"'{erased}'"), [(None,)])
        actions = [r[0] for r in self.query("SELECT action FROM audit_log ORDER BY seq")]
        self.assertEqual(actions[-2:], ["person.erase_reapplied", "data.restore"])
        run_cli("audit", "verify", "--data", self.server.data)
        self.server.start()
        advance(self.server.client(), 31)
        worker = sign_in(self.server, self.worker_name, totp_secret=self.worker.totp_secret)
        self.assertEqual(worker.client.get(f"{PEOPLE}/{erased}").status, 404)
        self.assertEqual(worker.client.get(f"{PEOPLE}/{self.pids['박서윤']}").status, 200)
        self.assert_no_leftovers(replaced=True)

    def test_a_restored_backup_does_not_bring_back_a_member_who_left_after_it(self):
        # A survivors' network member is no person, but her leaving reaches older backups the
        # same way: her id in the journal, her key destroyed again by the restore.
        self.server.stop()
        add_org(self.server, "survivors", "survivor_network", "KR-11")
        add_user(self.server, "survivors", "sv-admin", "org_admin")
        add_user(self.server, "survivors", "sv-wildflower", "survivor_member")
        self.server.start()
        admin = sign_in(self.server, "sv-admin").client
        her_account = sign_in(self.server, "sv-wildflower").user_id
        r = admin.post("/api/v1/survivors/groups", body={"name": "서울 모임", "region": "KR-11"})
        self.assertEqual(r.status, 201, r.body)
        group = r.json()["id"]
        members = {}
        for alias in ("들꽃", "바람"):
            r = admin.post("/api/v1/survivors/members", body={
                "alias": alias, "group_id": group, "contact": "010-2222-3333"})
            self.assertEqual(r.status, 201, r.body)
            members[alias] = r.json()["id"]
        r = admin.request("PUT", f"/api/v1/survivors/members/{members['들꽃']}/account",
                          body={"user_id": her_account})
        self.assertEqual(r.status, 200, r.body)
        backup = self.backup("before-she-left.bin")
        left = members["들꽃"]
        r = admin.request("DELETE", f"/api/v1/survivors/members/{left}")
        self.assertEqual(r.status, 200, r.body)
        with open(self.path("erasures.journal"), encoding="utf-8") as f:
            journal = f.read()
        self.assertIn(left, journal)
        self.assertNotIn("들꽃", journal)
        self.server.stop()
        proc = run_cli("restore", "--data", self.server.data, "--from", backup)
        self.assertIn("Erased again 1", proc.stdout)
        self.assertEqual(self.query("SELECT COUNT(*) FROM survivor_member_keys WHERE member_id = "
                                    f"'{left}'"), [(0,)])
        self.assertEqual(self.query(f"SELECT status, alias, contact FROM survivor_members WHERE "
                                    f"id = '{left}'"), [("erased", "", None)])
        self.assertEqual(self.query("SELECT status FROM survivor_members WHERE id = "
                                    f"'{members['바람']}'"), [("active",)])
        # The backup held her account open and linked; the restore closed it again.
        self.assertEqual(self.query("SELECT disabled_at IS NOT NULL FROM users WHERE id = "
                                    f"'{her_account}'"), [(1,)])
        actions = [r[0] for r in self.query("SELECT action FROM audit_log ORDER BY seq")]
        self.assertEqual(actions[-2:], ["survivor.member.erase_reapplied", "data.restore"])
        run_cli("audit", "verify", "--data", self.server.data)
        self.server.start()

    def test_an_erasure_missing_from_the_journal_is_taken_from_the_database(self):
        backup = self.backup("before-erasure.bin")
        self.erase("이지우")
        self.server.stop()
        # As if a crash came between the erasure's commit and its journal line.
        os.remove(self.path("erasures.journal"))
        proc = run_cli("restore", "--data", self.server.data, "--from", backup)
        self.assertIn("Erased again 1", proc.stdout)
        self.assertEqual(self.on_record(), [self.pids["박서윤"]])
        with open(self.path("erasures.journal"), encoding="utf-8") as f:
            self.assertIn(self.pids["이지우"], f.read())

    def test_an_expired_backup_cannot_be_restored_and_replaces_nothing(self):
        backup = self.backup("old.bin")
        self.age(backup, 36)  # [backup] keep_days = 35 by default
        key = self.key_file(backup)
        r = self.worker.client.post(PEOPLE, body={"legal_name": "최하은"})
        self.assertEqual(r.status, 201, r.body)
        before = self.on_record()
        self.server.stop()
        proc = run_cli("restore", "--data", self.server.data, "--from", backup, check=False)
        self.assertEqual(proc.returncode, EXIT_BACKUP_EXPIRED, proc.stderr)
        self.assertIn("expired", proc.stderr)
        self.assertIn("untouched", proc.stderr)
        self.assertIn("destroyed the key of backup", proc.stdout)
        self.assertFalse(os.path.exists(key))
        self.assertEqual(self.on_record(), before)
        self.assert_no_leftovers()
        run_cli("audit", "verify", "--data", self.server.data)
        actions = [r[0] for r in self.query("SELECT action FROM audit_log ORDER BY seq")]
        self.assertNotIn("data.restore", actions)
        self.server.start()

    def test_prune_and_each_backup_destroy_expired_keys_only(self):
        old = self.backup("old.bin")
        self.age(old, 40)
        recent = self.backup("recent.bin")  # this backup already pruned the old one
        self.assertFalse(os.path.exists(self.key_file(old)))
        self.age(recent, 30)
        proc = run_cli("backups", "prune", "--data", self.server.data)
        self.assertIn("0 expired backup key(s) destroyed; 1 backup(s) can be restored", proc.stdout)
        self.server.set_config("# keep_days = 35", "keep_days = 7")
        proc = run_cli("backups", "prune", "--data", self.server.data)
        self.assertIn("1 expired backup key(s) destroyed; 0 backup(s) can be restored", proc.stdout)
        self.assertFalse(os.path.exists(self.key_file(recent)))
        actions = [r[0] for r in self.query("SELECT action FROM audit_log ORDER BY seq")]
        self.assertEqual(actions.count("data.backup_key_destroyed"), 2)
        self.server.stop()
        for backup in [old, recent]:
            proc = run_cli("restore", "--data", self.server.data, "--from", backup, check=False)
            self.assertEqual(proc.returncode, EXIT_BACKUP_EXPIRED, proc.stderr)
        self.assertEqual(len(self.on_record()), 2)


@unittest.skipIf(backend() != "sqlite", "damage to a SQLite file")
class DamagedDatabaseTest(unittest.TestCase):
    def test_no_backup_of_a_damaged_database_and_serve_refuses_it(self):
        server = Server(test_mode=False)
        try:
            for i in range(3):
                add_org(server, f"org{i}", "counseling_center", "KR-11")
            size = os.path.getsize(db_path(server))
            with open(db_path(server), "r+b") as f:
                f.seek(size // 2 // 4096 * 4096)
                f.write(b"\x5a" * 4096 * 4)
            out = os.path.join(server.tmp, "backup.db")
            proc = run_cli("backup", "--data", server.data, "--out", out, check=False)
            self.assertNotEqual(proc.returncode, 0)
            self.assertFalse(os.path.exists(out))
            self.assertRegex(proc.stderr, "damaged|malformed")
            self.assertNotIn("written", proc.stdout)
            self.assertRegex(serve_refusal(server), "damaged|malformed")
        finally:
            server.cleanup()


class LogTest(unittest.TestCase):
    def test_an_unknown_log_level_is_refused_at_start(self):
        for level in ["INFO", "debugg"]:
            server = Server()
            server.set_config('# level = "info"', f'level = "{level}"')
            try:
                stderr = serve_refusal(server)
                self.assertIn("log.level", stderr)
                self.assertIn(level, stderr)
                self.assertNotIn("request id", stderr)
            finally:
                server.cleanup()

    def test_a_500_is_logged_with_its_cause_and_request_id_in_json_lines(self):
        server = Server().start()
        try:
            c = server.client()
            self.assertEqual(c.post("/api/v1/test/probe-writes", body={"payload": "a"}).status,
                             201)
            if backend() == "sqlite":
                # The server files its audit journal once a second: wait for its write lock.
                subprocess.run(["sqlite3", "-cmd", ".timeout 5000", db_path(server),
                                "DROP TABLE probe_writes"], check=True)
            else:
                subprocess.run(["psql", database_url(server), "-qc", "DROP TABLE probe_writes"],
                               check=True)
            r = c.post("/api/v1/test/probe-writes", body={"payload": "b"})
            self.assertEqual(r.status, 500)
            request_id = r.header("x-request-id")
            server.stop()
            lines = [json.loads(line) for line in server.server_log().splitlines() if line]
            failures = [line for line in lines if line.get("event") == "request_failed"]
            self.assertEqual(len(failures), 1, failures)
            self.assertEqual(failures[0]["request_id"], request_id)
            self.assertEqual(failures[0]["status"], 500)
            self.assertIn("probe_writes", failures[0]["cause"])
            self.assertTrue(all("time" in line for line in lines))
        finally:
            server.cleanup()


class ConsoleTest(unittest.TestCase):
    def test_audit_verify_tells_a_broken_chain_from_an_unopenable_database(self):
        server = Server(test_mode=False)
        try:
            add_org(server, "seoul", "counseling_center", "KR-11")
            tamper(server, "UPDATE audit_log SET action = 'org.delete' WHERE seq = 1")
            proc = run_cli("audit", "verify", "--data", server.data, check=False)
            self.assertEqual(proc.returncode, EXIT_BROKEN, proc.stderr)
            with open(os.path.join(server.data, "config.toml"), "a", encoding="utf-8") as f:
                f.write("\n[nonsense]\n")
            proc = run_cli("audit", "verify", "--data", server.data, check=False)
            self.assertEqual(proc.returncode, EXIT_CANNOT_OPEN, proc.stderr)
            self.assertIn("configuration", proc.stderr)
            self.assertNotIn("request id", proc.stderr)
            self.assertNotIn("marked fields", proc.stderr)
        finally:
            server.cleanup()


@unittest.skipIf(not PG_URL, "several servers share a PostgreSQL database")
class SharedPostgresTest(unittest.TestCase):
    def test_every_servers_stream_sees_a_request_that_came_through_another(self):
        first = Server()
        first.set_config("# public_help_per_minute = 30", "public_help_per_minute = 100000")
        users = build_network(first)
        # A second server on the same database: a copy of the data dir (config and master key).
        second = Server.__new__(Server)
        second.tmp = tempfile.mkdtemp(prefix="dandelion-second-")
        second.data = os.path.join(second.tmp, "data")
        second.proc, second.port = None, None
        second.log_path = os.path.join(second.tmp, "server.log")
        shutil.copytree(first.data, second.data)
        try:
            first.start()
            second.start()
            # Sessions live in the database: one sign-in holds a stream on each server.
            dispatcher = sign_in(first, users["org-a"]["dispatcher"])
            readers = [EventReader(server, dispatcher) for server in (first, second)]
            for through in (first, second):
                for reader in readers:
                    reader.events.clear()
                status, _, body = submit(through, "KR-11", "127.0.0.31")
                self.assertEqual(status, 202, body)
                for reader in readers:
                    self.assertTrue(reader.wait_for("request"),
                                    f"posted through {through.port}, nothing on "
                                    f"{reader.port}")
        finally:
            second.cleanup()
            first.cleanup()


class EventReader:
    """Reads a dispatcher's event stream in a thread and remembers the event names."""

    def __init__(self, server, session):
        self.port = server.port
        self.events = []
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        cookie = "; ".join(f"{k}={v}" for k, v in session.client.cookies.items())
        self.conn.request("GET", "/api/v1/emergency/events", headers={"Cookie": cookie})
        self.response = self.conn.getresponse()
        assert self.response.status == 200, self.response.status
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            while True:
                line = self.response.fp.readline()
                if not line:
                    return
                line = line.decode("utf-8").strip()
                if line.startswith("event:"):
                    self.events.append(line[6:].strip())
        except (OSError, ValueError):
            return

    def wait_for(self, name, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if name in self.events:
                return True
            time.sleep(0.05)
        return False


if __name__ == "__main__":
    unittest.main()
