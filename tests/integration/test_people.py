"""Black-box tests of survivors' records: /api/v1/people (docs/api-contract.md).

Registration, reading and exact-match search in Korean; another organization's workers learn
nothing (404, empty search); roles without the case permissions are refused; bad input is
refused naming the fields and writes nothing; every read is audited; identifying values never
reach the disk in clear (the grep test); erasure destroys her key.
"""

import base64
import json
import os
import re
import subprocess
import threading
import time
import unicodedata
import unittest

from harness import Server, backend, flush_audit, run_cli
from network import PASSWORD, advance, build_network, server_now, sign_in, totp

PEOPLE = "/api/v1/people"
METRICS_TOKEN = "people-metrics-token-0123456789abcdef"

# Distinctive values, so that a hit in a file can only be a leak.
MINJI = {
    "legal_name": "김민지",
    "alias": "들꽃연두",
    "birth_date": "2007-11-23",
    "phone": "010-1234-5678",
    "nationality": "KR",
    "languages": ["ko"],
    "categories": ["youth", "online_exploitation"],
    "safe_contact": "낮에만 통화 가능, 절대 음성메시지 남기지 말 것",
}


def database_url(server):
    with open(os.path.join(server.data, "config.toml"), encoding="utf-8") as f:
        m = re.search(r'^url\s*=\s*"([^"]+)"', f.read(), re.M)
    return m.group(1) if m else ""


def sql(server, query):
    """Runs a query against the server's database; returns its output as text."""
    flush_audit(server.data, query)
    if backend() == "sqlite":
        cmd = ["sqlite3", "-cmd", ".timeout 5000", os.path.join(server.data, "dandelion.db"),
               query]
    else:
        cmd = ["psql", database_url(server), "-v", "ON_ERROR_STOP=1", "-qAtc", query]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True)
    return proc.stdout.strip()


def wrapped_key_before_erasure(server, table, column, id_column, row_id):
    """A woman's wrapped key as stored, to look for in the files after her erasure (SQLite;
    None on PostgreSQL, which cannot overwrite a deleted row: docs/security.md)."""
    if backend() != "sqlite":
        return None
    key = bytes.fromhex(sql(server, f"SELECT hex({column}) FROM {table} WHERE "
                                    f"{id_column} = '{row_id}'"))
    assert len(key) > 32, key
    return key


def assert_gone_from_files(test, server, wrapped):
    """Her wrapped key is gone from the database's files too, not only from its table: a
    deleted row's bytes would otherwise wait in the database or its log until overwritten."""
    if wrapped is None:
        return
    for name in ("dandelion.db", "dandelion.db-wal"):
        path = os.path.join(server.data, name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                test.assertFalse(wrapped in f.read(), name)


def encodings(value):
    """The forms in which a value might sit on disk if it leaked."""
    raw = value.encode("utf-8")
    forms = {raw, value.encode("utf-16-le"), unicodedata.normalize("NFD", value).encode("utf-8"),
             json.dumps(value).encode("ascii"), base64.b64encode(raw), raw.hex().encode()}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 7:
        forms.add(digits.encode())
    return forms


class PeopleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.server.set_config('# token = ""', f'token = "{METRICS_TOKEN}"')
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.a = sign_in(cls.server, cls.users["org-a"]["case_worker"])
        cls.a_super = sign_in(cls.server, cls.users["org-a"]["supervisor"])
        cls.b = sign_in(cls.server, cls.users["org-b"]["case_worker"])
        cls.auditor = sign_in(cls.server, cls.users["org-a"]["auditor"])
        r = cls.a.client.post(PEOPLE, body=MINJI)
        assert r.status == 201, r.body
        cls.minji = r.json()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def count(self):
        return int(sql(self.server, "SELECT COUNT(*) FROM people"))

    def test_register_read_and_search_in_korean(self):
        p = self.minji
        self.assertRegex(p["code"], r"^ORGA-\d{4}-\d{4}$")
        for k in ("legal_name", "alias", "birth_date", "phone", "safe_contact", "categories"):
            self.assertEqual(p[k], MINJI[k], k)
        self.assertIn(p["age_band"], ["under_19", "19_24"])  # at intake, by the server's clock
        r = self.a_super.client.get(f"{PEOPLE}/{p['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["legal_name"], "김민지")
        self.assertEqual(r.json()["safe_contact"], MINJI["safe_contact"])
        for query in ["name=%EA%B9%80%EB%AF%BC%EC%A7%80", "phone=01012345678",
                      "phone=010-1234-5678", "code=" + p["code"].lower()]:
            r = self.a.client.get(f"{PEOPLE}?{query}")
            self.assertEqual(r.status, 200, (query, r.body))
            body = r.json()
            self.assertEqual([i["id"] for i in body["items"]], [p["id"]], query)
            self.assertIsNone(body["next_cursor"])
            self.assertEqual(body["items"][0]["safe_contact"], MINJI["safe_contact"])
        r = self.a.client.get(PEOPLE + "?name=%EA%B9%80%EB%AF%BC%EC%88%98")  # 김민수
        self.assertEqual(r.json()["items"], [])

    def test_search_needs_exactly_one_key(self):
        for query in ["?name=a&phone=0101234567", "?limit=5", "?name=", "?q=%EA%B9%80%EB%AF%BC&name=a"]:
            r = self.a.client.get(PEOPLE + query)
            self.assertEqual(r.status, 400, (query, r.body))
            self.assertEqual(r.json()["error"]["code"], "invalid")

    def test_another_organization_learns_nothing(self):
        pid = self.minji["id"]
        self.assertEqual(self.b.client.get(f"{PEOPLE}/{pid}").status, 404)
        self.assertEqual(self.b.client.get(f"{PEOPLE}/not-an-id").status, 404)
        r = self.b.client.request("PATCH", f"{PEOPLE}/{pid}", body={"alias": "x"})
        self.assertEqual(r.status, 404, r.body)
        # Even a body that would be refused: her existence is not revealed by a 400.
        r = self.b.client.request("PATCH", f"{PEOPLE}/{pid}", body={"categories": ["tourist"]})
        self.assertEqual(r.status, 404, r.body)
        for query in ["name=%EA%B9%80%EB%AF%BC%EC%A7%80", "phone=01012345678",
                      "code=" + self.minji["code"]]:
            r = self.b.client.get(f"{PEOPLE}?{query}")
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.json()["items"], [], query)
        self.assertEqual(self.a.client.get(f"{PEOPLE}/{pid}").json()["alias"], MINJI["alias"])

    def test_roles_without_case_permissions_are_refused(self):
        for org, role in [("org-a", "advocate"), ("org-a", "researcher"),
                          ("sec", "network_admin"), ("org-a", "auditor")]:
            s = self.auditor if role == "auditor" else sign_in(self.server, self.users[org][role])
            self.assertEqual(s.client.get(f"{PEOPLE}/{self.minji['id']}").status, 403, role)
            self.assertEqual(s.client.get(PEOPLE + "?phone=01012345678").status, 403, role)
            self.assertEqual(s.client.post(PEOPLE, body=MINJI).status, 403, role)

    def test_bad_input_names_the_fields_and_writes_nothing(self):
        before = self.count()
        cases = [
            ({**MINJI, "categories": ["youth", "tourist"]}, "categories"),
            ({**MINJI, "birth_date": "2026-02-30"}, "birth_date"),
            ({**MINJI, "birth_date": "2999-01-01"}, "birth_date"),
            ({**MINJI, "legal_name": 42}, "legal_name"),
            ({**MINJI, "languages": "ko"}, "languages"),
            ({k: v for k, v in MINJI.items() if k != "legal_name"}, "legal_name"),
            ({**MINJI, "favourite_colour": "blue"}, "favourite_colour"),
            ({**MINJI, "nationality": "XX"}, "nationality"),
            ({**MINJI, "phone": "call me"}, "phone"),
        ]
        for body, field in cases:
            messages = {}
            for lang in ("ko", "en"):
                self.a.client.lang = lang
                r = self.a.client.post(PEOPLE, body=body)
                self.a.client.lang = "ko"
                self.assertEqual(r.status, 400, (field, r.body))
                err = r.json()["error"]
                self.assertEqual(err["code"], "invalid")
                self.assertIn(field, err["fields"], (field, err))
                messages[lang] = err["message"]
            self.assertNotEqual(messages["ko"], messages["en"])
        r = self.a.client.request("PATCH", f"{PEOPLE}/{self.minji['id']}",
                                  body={"categories": ["tourist"]})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(self.count(), before)
        self.assertEqual(self.a.client.get(f"{PEOPLE}/{self.minji['id']}").json()["categories"],
                         MINJI["categories"])

    def test_reads_are_audited_without_values(self):
        pid = self.minji["id"]
        self.assertEqual(self.a.client.get(f"{PEOPLE}/{pid}").status, 200)
        r = self.a.client.request("PATCH", f"{PEOPLE}/{pid}", body={"languages": ["ko", "en"]})
        self.assertEqual(r.status, 200, r.body)
        r = self.auditor.client.get(f"/api/v1/audit?entity_type=person&entity_id={pid}")
        self.assertEqual(r.status, 200, r.body)
        actions = [e["action"] for e in r.json()["items"]]
        for action in ("person.create", "person.read", "person.update"):
            self.assertIn(action, actions)
        self.assertEqual(self.a.client.get(PEOPLE + "?phone=01012345678").status, 200)
        r = self.auditor.client.get("/api/v1/audit?action=person.search")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["items"])
        self.assertNotIn("김민지", r.body.decode("utf-8"))

    def test_identifying_values_never_reach_the_disk_in_clear(self):
        values = [MINJI["legal_name"], MINJI["alias"], MINJI["birth_date"], MINJI["phone"],
                  MINJI["safe_contact"], "절대 음성메시지"]
        r = self.a.client.post(PEOPLE, body={**MINJI, "legal_name": "박서연하늘",
                                             "phone": "+82 10-7777-3141"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["phone"], "+82 10-7777-3141")
        values += ["박서연하늘", "+82 10-7777-3141"]
        self.assertEqual(self.a.client.get(f"{PEOPLE}/{r.json()['id']}").status, 200)
        if backend() == "sqlite":
            backup = os.path.join(self.server.tmp, "people-backup.db")
            run_cli("backup", "--data", self.server.data, "--out", backup)
            files = []
            for root, _, names in os.walk(self.server.tmp):
                files += [os.path.join(root, n) for n in names]
            self.assertTrue(any(f.endswith("dandelion.db") for f in files))
            self.assertIn(self.server.log_path, files)
            code_seen = False  # a positive control: her code is stored in clear
            for path in files:
                with open(path, "rb") as f:
                    data = f.read()
                code_seen = code_seen or r.json()["code"].encode() in data
                for value in values:
                    for form in encodings(value):
                        self.assertNotIn(form, data, (path, value, form))
            self.assertTrue(code_seen, "the scan must see what the database holds")
        else:
            # The database files are the server's: look for the values in every column instead.
            columns = sql(self.server, "SELECT table_name || '.' || column_name || '.' || "
                          "data_type FROM information_schema.columns WHERE table_name IN "
                          "('people', 'person_keys', 'audit_log')").split("\n")
            self.assertTrue(columns)
            code = r.json()["code"]  # a positive control: her code is stored in clear
            self.assertEqual(sql(self.server, f"SELECT COUNT(*) FROM people WHERE "
                                              f"code::text LIKE '%{code}%'"), "1")
            for col in columns:
                table, column, data_type = col.split(".", 2)
                for value in values:
                    for form in {value, re.sub(r"\D", "", value) or value}:
                        if data_type == "bytea":
                            where = f"position(convert_to('{form}', 'UTF8') in {column}) > 0"
                        else:
                            where = f"{column}::text LIKE '%{form}%'"
                        n = sql(self.server, f"SELECT COUNT(*) FROM {table} WHERE {where}")
                        self.assertEqual(n, "0", (col, value))

    def kept(self, pattern=r"dandelion_case_list(?:s_kept|_keys_kept)"):
        """The server's gauges of kept case lists and keys (or the metrics pattern names)."""
        r = self.server.client().get("/metrics",
                                      headers={"Authorization": "Bearer " + METRICS_TOKEN})
        self.assertEqual(r.status, 200, r.body)
        return {m.group(1): int(m.group(2)) for m in re.finditer(
            rf"^({pattern}) (\d+)$", r.body.decode(), re.M)}

    def new_case(self, legal_name, phone):
        """A new woman's new case, opened by the case worker; its path."""
        r = self.a.client.post(PEOPLE, body={"legal_name": legal_name, "phone": phone})
        self.assertEqual(r.status, 201, r.body)
        r = self.a.client.post("/api/v1/cases", body={
            "person_id": r.json()["id"], "intake_channel": "hotline", "risk_level": "low",
            "summary": "상담 요청"})
        self.assertEqual(r.status, 201, r.body)
        return f"/api/v1/cases/{r.json()['id']}"

    def test_case_reads_are_counted_kept_or_afresh(self):
        """An operator sees how often a case read is answered from kept rows: the first read of a
        case reads the database, the next is kept, and after a change it reads afresh again."""
        path = self.new_case("한소망", "010-5555-0177")

        def counted():
            got = self.kept(r"dandelion_case_reads_(?:kept|afresh)_total")
            self.assertEqual(len(got), 2, got)
            return got["dandelion_case_reads_kept_total"], got["dandelion_case_reads_afresh_total"]

        kept, afresh = counted()
        for _ in range(2):
            self.assertEqual(self.a.client.get(path).status, 200)
        self.assertEqual(counted(), (kept + 1, afresh + 1))
        r = self.a.client.request("PATCH", path, body={"risk_level": "medium"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.a.client.get(path).status, 200)
        self.assertEqual(counted(), (kept + 1, afresh + 2))

    def test_reads_audit_entries_are_counted(self):
        """An operator sees what the reads' audit entries cost: each read's entry counted once it
        is durable, in groups, none failed; on SQLite the journal is filed into the chain within
        the filer's second (on PostgreSQL the groups go into the chain themselves)."""
        names = (r"dandelion_audit_read_(?:entries|groups|failures)_total"
                 r"|dandelion_audit_journal_unfiled_bytes")
        path = self.new_case("윤다온", "010-5555-0178")
        before = self.kept(names)
        self.assertEqual(len(before), 4, before)
        for _ in range(3):
            self.assertEqual(self.a.client.get(path).status, 200)
        after = self.kept(names)
        self.assertEqual(after["dandelion_audit_read_entries_total"],
                         before["dandelion_audit_read_entries_total"] + 3)
        groups = (after["dandelion_audit_read_groups_total"]
                  - before["dandelion_audit_read_groups_total"])
        self.assertTrue(1 <= groups <= 3, groups)
        self.assertEqual(after["dandelion_audit_read_failures_total"],
                         before["dandelion_audit_read_failures_total"])
        if backend() == "postgres":
            self.assertEqual(after["dandelion_audit_journal_unfiled_bytes"], 0)
            return
        # Journaled (readable: -1 would say the journal could not be read), then filed within a
        # second or so. (Whether the filer has run yet when the reads end is a matter of timing.)
        self.assertGreaterEqual(after["dandelion_audit_journal_unfiled_bytes"], 0)
        deadline = time.monotonic() + 10
        while self.kept(names)["dandelion_audit_journal_unfiled_bytes"] > 0:
            self.assertLess(time.monotonic(), deadline, "the journal was not filed")
            time.sleep(0.2)

    def test_erase_destroys_her_key(self):
        r = self.a.client.post(PEOPLE, body={"legal_name": "이지우", "phone": "010-5555-0101"})
        self.assertEqual(r.status, 201, r.body)
        pid = r.json()["id"]
        # Her caseload is read, so the server keeps its rows and her key unwrapped beside them
        # (cases/list_cache.h) until the erasure.
        r = self.a.client.post("/api/v1/cases", body={
            "person_id": pid, "intake_channel": "hotline", "risk_level": "high",
            "summary": "상담 요청"})
        self.assertEqual(r.status, 201, r.body)
        for _ in range(2):
            r = self.a.client.get("/api/v1/cases?status=open&assigned=me")
            self.assertIn(pid, [c["person"]["id"] for c in r.json()["items"]])
        self.assertGreaterEqual(self.kept()["dandelion_case_list_keys_kept"], 1)
        # A case worker may not erase; a supervisor must re-authenticate first.
        r = self.a.client.post(f"{PEOPLE}/{pid}/erase", body={"reason": "본인 요청"})
        self.assertEqual(r.status, 403, r.body)
        r = self.a_super.client.post(f"{PEOPLE}/{pid}/erase", body={"reason": "본인 요청"})
        self.assertEqual(r.status, 403, r.body)
        advance(self.server.client(), 31)
        r = self.a_super.client.post("/api/v1/session/reauth", body={
            "password": PASSWORD,
            "totp": totp(self.a_super.totp_secret, server_now(self.server.client()))})
        self.assertEqual(r.status, 204, r.body)
        r = self.a_super.client.post(f"{PEOPLE}/{pid}/erase", body={"reason": " "})
        self.assertEqual(r.status, 400, r.body)
        wrapped = wrapped_key_before_erasure(self.server, "person_keys", "wrapped", "person_id",
                                             pid)
        r = self.a_super.client.post(f"{PEOPLE}/{pid}/erase", body={"reason": "본인 요청"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json(), {"id": pid, "erased": True})
        # Every kept list and key went when the erasure committed, not at the next sweep.
        self.assertEqual(self.kept(), {"dandelion_case_lists_kept": 0,
                                       "dandelion_case_list_keys_kept": 0})
        assert_gone_from_files(self, self.server, wrapped)
        r = self.a.client.get(f"{PEOPLE}/{pid}")
        self.assertEqual(r.status, 404, r.body)
        self.assertNotIn("이지우", r.body.decode("utf-8"))
        self.assertEqual(self.a.client.get(PEOPLE + "?phone=01055550101").json()["items"], [])
        self.assertEqual(sql(self.server, f"SELECT COUNT(*) FROM person_keys "
                                          f"WHERE person_id = '{pid}'"), "0")
        self.assertEqual(sql(self.server, f"SELECT COUNT(*) FROM people WHERE id = '{pid}' AND "
                                          "legal_name IS NULL AND phone IS NULL AND "
                                          "erased_at IS NOT NULL"), "1")
        r = self.a_super.client.post(f"{PEOPLE}/{pid}/erase", body={"reason": "again"})
        self.assertEqual(r.status, 404, r.body)


class ReadAuditDurabilityTest(unittest.TestCase):
    def test_every_answered_read_is_in_the_audit_log_after_kill_9(self):
        # On SQLite a read's entry is durable in the audit journal before the reply, and filed
        # into the chain within a second: a server killed in between files it when it starts.
        server = Server()
        try:
            users = build_network(server)
            server.start()
            worker = sign_in(server, users["org-a"]["case_worker"])
            r = worker.client.post(PEOPLE, body=MINJI)
            self.assertEqual(r.status, 201, r.body)
            pid = r.json()["id"]
            answered = []
            lock = threading.Lock()

            def read():
                client = worker.client.clone()
                for _ in range(20):
                    if client.get(f"{PEOPLE}/{pid}").status == 200:
                        with lock:
                            answered.append(pid)

            threads = [threading.Thread(target=read) for _ in range(3)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            server.kill9()
            self.assertEqual(len(answered), 60)
            server.start()
            reads = int(sql(server, "SELECT COUNT(*) FROM audit_log WHERE action = 'person.read' "
                                    f"AND entity_id = '{pid}'"))
            self.assertEqual(reads, 60)
            server.stop()
            run_cli("audit", "verify", "--data", server.data)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
