"""Black-box tests of the command line: init, help, backup and restore."""

import os
import shutil
import stat
import tempfile
import unittest

from harness import Server, backend, flush_audit, run_cli


class InitTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dandelion-cli-")
        self.data = os.path.join(self.tmp, "data")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_init_creates_config_key_and_database(self):
        out = run_cli("init", "--data", self.data)
        self.assertIn("master.key", out.stdout)
        key = os.path.join(self.data, "keys", "master.key")
        self.assertEqual(stat.S_IMODE(os.stat(key).st_mode), 0o600)
        self.assertEqual(os.path.getsize(key), 32)
        self.assertTrue(os.path.exists(os.path.join(self.data, "dandelion.db")))
        with open(os.path.join(self.data, "config.toml"), encoding="utf-8") as f:
            config = f.read()
        for setting in ["listen", "body_limit_bytes", "url", "master_key_path", "level"]:
            self.assertIn("# " + setting, config)

    def test_init_refuses_to_overwrite_an_existing_data_dir(self):
        run_cli("init", "--data", self.data)
        key_path = os.path.join(self.data, "keys", "master.key")
        with open(key_path, "rb") as f:
            key = f.read()
        proc = run_cli("init", "--data", self.data, check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("not empty", proc.stderr)
        with open(key_path, "rb") as f:
            self.assertEqual(f.read(), key)

    def test_failed_init_leaves_nothing_behind(self):
        proc = run_cli("init", "--data", self.data, "--database-url", "mysql://nope", check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertEqual(os.listdir(self.tmp), [])

    def test_every_command_has_help(self):
        for cmd in [[], ["init"], ["serve"], ["migrate"], ["backup"], ["restore"]]:
            proc = run_cli(*cmd, "--help")
            self.assertIn("--", proc.stdout, cmd)

    def test_unknown_command_fails(self):
        self.assertNotEqual(run_cli("frobnicate", check=False).returncode, 0)


@unittest.skipIf(backend() != "sqlite", "backup and restore of PostgreSQL use pg_dump")
class BackupRestoreTest(unittest.TestCase):
    def test_backup_while_serving_then_restore_brings_back_the_data(self):
        server = Server().start()
        try:
            c = server.client()
            ids = [c.post("/api/v1/test/probe-writes", body={"payload": f"p{i}"}).json()["id"]
                   for i in range(20)]
            backup = os.path.join(server.tmp, "backup.db")
            run_cli("backup", "--data", server.data, "--out", backup)
            # A second backup to the same file is refused rather than overwriting it.
            self.assertNotEqual(
                run_cli("backup", "--data", server.data, "--out", backup, check=False).returncode, 0)
            # Restore is refused while the server holds the data dir.
            proc = run_cli("restore", "--data", server.data, "--from", backup, check=False)
            self.assertNotEqual(proc.returncode, 0)
            later = c.post("/api/v1/test/probe-writes", body={"payload": "later"}).json()["id"]
            server.stop()
            run_cli("restore", "--data", server.data, "--from", backup)
            server.start()
            c = server.client()
            for id_ in ids:
                self.assertEqual(c.get(f"/api/v1/test/probe-writes/{id_}").status, 200)
            self.assertEqual(c.get(f"/api/v1/test/probe-writes/{later}").status, 404)
            # Both operations are in the audit log, and the restored chain is intact.
            import subprocess
            flush_audit(server.data)
            actions = subprocess.run(
                ["sqlite3", os.path.join(server.data, "dandelion.db"),
                 "SELECT action FROM audit_log WHERE actor_user_id = '' AND entity_type = "
                 "'database' ORDER BY seq"], capture_output=True, text=True).stdout.split()
            self.assertEqual(actions, ["data.backup", "data.restore"])
            run_cli("audit", "verify", "--data", server.data)
        finally:
            server.cleanup()

    def test_restore_refuses_a_corrupt_file_and_keeps_the_database(self):
        server = Server().start()
        try:
            c = server.client()
            id_ = c.post("/api/v1/test/probe-writes", body={"payload": "keep"}).json()["id"]
            server.stop()
            bad = os.path.join(server.tmp, "bad.db")
            with open(bad, "wb") as f:
                f.write(b"SQLite format 3\x00" + os.urandom(8192))
            proc = run_cli("restore", "--data", server.data, "--from", bad, check=False)
            self.assertNotEqual(proc.returncode, 0)
            server.start()
            self.assertEqual(server.client().get(f"/api/v1/test/probe-writes/{id_}").status, 200)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
