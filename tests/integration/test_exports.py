"""Black-box tests of export jobs (docs/api-exports.md): a statistics table written as CSV, XLSX
or PDF off the request thread, followed through server-sent events, downloaded once done.

The data set: in org-a, one woman with a statistics consent and three services last year
(counseling twice, medical once); in org-b, one woman with a statistics consent and one
counseling service. Every network cell is then a count from 1 to 4 or 0, so a researcher's
export must show `<5` and never a small count.

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import io
import json
import os
import re
import subprocess
import tempfile
import time
import unittest
import urllib.parse
import zipfile
from xml.etree import ElementTree

from harness import Server
from network import PASSWORD, advance, build_network, server_now, sign_in, totp
from test_people import sql

EXPORTS = "/api/v1/exports"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def reauth(session, server):
    advance(server.client(), 31)  # a fresh TOTP step: codes are single-use
    body = {"password": PASSWORD}
    if session.totp_secret:
        body["totp"] = totp(session.totp_secret, server_now(server.client()))
    r = session.client.post("/api/v1/session/reauth", body=body)
    assert r.status == 204, r.body


class ExportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.sign_in_all()
        now = server_now(cls.a_worker.client)
        cls.year = int(time.strftime("%Y", time.gmtime(now + 9 * 3600))) - 1
        cls.query = {"from": f"{cls.year}-01-01", "to": f"{cls.year}-12-31"}
        cls.build()

    @classmethod
    def sign_in_all(cls):
        for attr, org, role in [("a_worker", "org-a", "case_worker"),
                                ("a_super", "org-a", "supervisor"),
                                ("a_admin", "org-a", "org_admin"),
                                ("b_worker", "org-b", "case_worker"),
                                ("b_admin", "org-b", "org_admin"),
                                ("researcher", "org-a", "researcher"),
                                ("network_admin", "sec", "network_admin")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, cls.users[org][role],
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        # Sessions expire after 15 idle minutes on the test clock; sign in again when needed.
        if self.a_worker.client.get("/api/v1/me").status == 401:
            type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    @classmethod
    def post(cls, session, path, body, status=201):
        r = session.client.post(path, body=body)
        assert r.status == status, (path, r.status, r.body)
        return r.json()

    @classmethod
    def woman(cls, session, alias, services):
        person = cls.post(session, "/api/v1/people", {
            "legal_name": "내보내기 " + alias, "alias": alias, "birth_date": "1990-05-05",
            "nationality": "KR"})
        case = cls.post(session, "/api/v1/cases", {
            "person_id": person["id"], "intake_channel": "hotline", "situation": ["online"],
            "risk_level": "low", "summary": "내보내기 시험"})
        cls.post(session, f"/api/v1/people/{person['id']}/consents",
                 {"kind": "statistics", "method": "written"})
        for kind, day in services:
            cls.post(session, f"/api/v1/cases/{case['id']}/services",
                     {"type": kind, "date": f"{cls.year}-{day}", "minutes": 30})

    @classmethod
    def build(cls):
        cls.woman(cls.a_worker, "하나", [("counseling", "03-15"), ("counseling", "03-31"),
                                         ("medical", "04-01")])
        cls.woman(cls.b_worker, "둘", [("counseling", "05-02")])

    # -- helpers -----------------------------------------------------------------------------

    def create(self, session, body, status=202):
        r = session.client.post(EXPORTS, body=body)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def follow(self, session, job_id):
        """The progress events until the stream closes."""
        r = session.client.get(f"{EXPORTS}/{job_id}/events")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.header("Content-Type").startswith("text/event-stream"))
        events = []
        for block in r.body.decode("utf-8").split("\n\n"):
            lines = block.strip().splitlines()
            if lines and lines[0] == "event: progress":
                events.append(json.loads(lines[1][len("data: "):]))
        return events

    def export(self, session, body):
        reauth(session, self.server)
        job = self.create(session, body)
        events = self.follow(session, job["id"])
        self.assertTrue(events)
        self.assertEqual(events[-1]["status"], "done", events)
        progress = [e["progress"] for e in events]
        self.assertEqual(progress, sorted(progress))
        r = session.client.get(f"{EXPORTS}/{job['id']}/file")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        return job["id"], events[-1], r

    def own_query(self, by, measure="services"):
        return {"kind": "stats.own", "by": by, "measure": measure, **self.query}

    def count_jobs(self):
        return int(sql(self.server, "SELECT COUNT(*) FROM export_jobs"))

    # -- tests -------------------------------------------------------------------------------

    def test_csv_export_has_the_numbers_of_the_statistics(self):
        job_id, state, r = self.export(self.a_admin, {**self.own_query("service_type"),
                                                      "format": "csv"})
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        disposition = r.header("Content-Disposition")
        self.assertTrue(disposition.startswith("attachment;"), disposition)
        name = urllib.parse.unquote(disposition.split("filename*=UTF-8''")[1])
        self.assertEqual(name, f"통계_{self.year}-01-01_{self.year}-12-31.csv")
        self.assertEqual(state["file_name"], name)
        self.assertEqual(state["size"], len(r.body))
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        text = r.body[3:].decode("utf-8")
        self.assertIn("\r\n", text)
        lines = text.split("\r\n")
        self.assertEqual(lines[0], "서비스 유형,서비스(건)")
        cells = dict(line.split(",") for line in lines[1:] if line)
        stats = self.a_admin.client.get(
            f"/api/v1/stats/own?from={self.query['from']}&to={self.query['to']}&by=service_type")
        self.assertEqual(stats.status, 200, stats.body)
        by_key = {row["key"]: row["count"] for row in stats.json()["rows"]}
        self.assertEqual(cells["상담"], str(by_key["counseling"]))
        self.assertEqual(cells["상담"], "2")
        self.assertEqual(cells["의료 지원"], "1")
        self.assertEqual(cells["합계"], str(by_key[None]))
        self.assertEqual(cells["합계"], "3")
        # The job's state answers the contract's shape.
        got = self.a_admin.client.get(f"{EXPORTS}/{job_id}").json()
        self.assertEqual(got["status"], "done")
        self.assertEqual(got["progress"], 100)
        self.assertEqual(got["kind"], "stats.own")
        self.assertEqual(got["format"], "csv")
        self.assertIn("created_at", got)
        self.assertIn("finished_at", got)
        listed = self.a_admin.client.get(EXPORTS).json()["items"]
        self.assertIn(job_id, [j["id"] for j in listed])
        # Creation and download are audited with the kind and format, never the contents.
        actions = sql(self.server,
                      f"SELECT action FROM audit_log WHERE entity_id = '{job_id}'").splitlines()
        self.assertIn("export.create", actions)
        self.assertIn("export.download", actions)
        # At rest the file is encrypted: the figures are not in it.
        stored = self.server.data + f"/exports/{job_id}.bin"
        with open(stored, "rb") as f:
            raw = f.read()
        self.assertNotIn("상담".encode("utf-8"), raw)
        self.assertNotIn(b"\xef\xbb\xbf", raw[:8])

    def test_xlsx_export_has_numbers_as_numbers_and_korean_names(self):
        _, state, r = self.export(self.a_super, {**self.own_query("service_type"),
                                                 "format": "xlsx"})
        self.assertEqual(r.header("Content-Type"),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertTrue(state["file_name"].endswith(".xlsx"))
        book = zipfile.ZipFile(io.BytesIO(r.body))
        strings = [si.findtext(".//m:t", namespaces=NS) for si in
                   ElementTree.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS)]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        rows = {}
        for row in sheet.findall(".//m:row", NS):
            values = []
            for c in row.findall("m:c", NS):
                v = c.findtext("m:v", namespaces=NS)
                values.append(strings[int(v)] if c.get("t") == "s" else float(v))
            rows[int(row.get("r"))] = values
        self.assertEqual(rows[4], ["서비스 유형", "서비스(건)"])
        table = {v[0]: v[1] for r_, v in rows.items() if r_ > 4}
        self.assertEqual(table["상담"], 2.0)
        self.assertEqual(table["의료 지원"], 1.0)
        self.assertEqual(table["합계"], 3.0)
        self.assertIn("단위: 건", rows[1][0])
        workbook = book.read("xl/workbook.xml").decode("utf-8")
        self.assertIn("통계", workbook)
        self.assertNotIn("설명", workbook)

    def test_pdf_export_is_a_pdf_with_korean_text(self):
        _, _, r = self.export(self.a_admin, {**self.own_query("month"), "format": "pdf"})
        self.assertEqual(r.header("Content-Type"), "application/pdf")
        self.assertTrue(r.body.startswith(b"%PDF-"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(r.body)
            f.flush()
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", f.name, "-"],
                                  capture_output=True, check=True).stdout.decode("utf-8")
        self.assertIn("기관 통계", text)
        self.assertIn(f"{self.year}년 3월", text)
        self.assertIn("합계", text)

    def test_researcher_network_export_hides_small_counts(self):
        _, _, r = self.export(self.researcher, {"kind": "stats.network", "format": "csv",
                                                "by": "region", **self.query})
        text = r.body[3:].decode("utf-8")
        lines = [line for line in text.split("\r\n")[1:] if line]
        values = [line.rsplit(",", 1)[1] for line in lines]
        self.assertIn("<5", values)
        for v in values:
            if v.isdigit():
                self.assertFalse(1 <= int(v) <= 4, lines)
        # The XLSX of the same explains suppression on a second sheet.
        _, _, x = self.export(self.researcher, {"kind": "stats.network", "format": "xlsx",
                                                "by": "region", **self.query})
        book = zipfile.ZipFile(io.BytesIO(x.body))
        self.assertIn("설명", book.read("xl/workbook.xml").decode("utf-8"))
        shared = book.read("xl/sharedStrings.xml").decode("utf-8")
        self.assertIn("&lt;5", shared)
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        numbers = [float(c.findtext("m:v", namespaces=NS)) for c in sheet.iter(f"{{{NS['m']}}}c")
                   if c.get("t") != "s"]
        self.assertTrue(numbers)
        for n in numbers:
            self.assertFalse(1 <= n <= 4, numbers)

    def test_creating_needs_a_recent_reauthentication(self):
        advance(self.server.client(), 6 * 60)  # any earlier re-authentication is too old
        if self.a_admin.client.get("/api/v1/me").status == 401:
            type(self).sign_in_all()
        before = self.count_jobs()
        r = self.a_admin.client.post(EXPORTS, body={**self.own_query("region"), "format": "csv"})
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(r.json()["error"]["code"], "reauth_required")
        self.assertEqual(self.count_jobs(), before)

    def test_bad_bodies_are_refused_and_nothing_is_queued(self):
        reauth(self.a_admin, self.server)
        before = self.count_jobs()
        good = {**self.own_query("region"), "format": "csv"}
        for body, field in [
                ({**good, "format": "docx"}, "format"),
                ({**good, "kind": "people"}, "kind"),
                ({k: v for k, v in good.items() if k != "kind"}, "kind"),
                ({k: v for k, v in good.items() if k != "by"}, "by"),
                ({**good, "by": "shoe_size"}, "by"),
                ({**good, "by": 7}, "by"),
                ({**good, "measure": "hours"}, "measure"),
                ({**good, "from": "2025-02-30"}, "from"),
                ({**good, "from": "2026-05-01", "to": "2026-01-01"}, "to"),
                ({**good, "extra": 1}, "extra")]:
            r = self.a_admin.client.post(EXPORTS, body=body)
            self.assertEqual(r.status, 400, (body, r.body))
            self.assertIn(field, r.json()["error"]["fields"], (body, r.body))
        en = self.a_admin.client.post(EXPORTS, body={**good, "format": "docx"},
                                      headers={"Accept-Language": "en"})
        self.assertEqual(en.status, 400)
        self.assertEqual(self.count_jobs(), before)

    def test_the_kind_needs_the_permission_of_its_statistics(self):
        reauth(self.researcher, self.server)
        r = self.researcher.client.post(EXPORTS, body={**self.own_query("region"),
                                                       "format": "csv"})
        self.assertEqual(r.status, 403, r.body)
        reauth(self.a_admin, self.server)
        r = self.a_admin.client.post(EXPORTS, body={"kind": "stats.network", "format": "csv",
                                                    "by": "region", **self.query})
        self.assertEqual(r.status, 403, r.body)
        r = self.a_worker.client.post(EXPORTS, body={**self.own_query("region"), "format": "csv"})
        self.assertEqual(r.status, 403, r.body)

    def test_another_users_job_is_not_found(self):
        job_id, _, _ = self.export(self.a_admin, {**self.own_query("region"), "format": "csv"})
        for other in (self.a_super, self.b_admin):
            for path in (f"{EXPORTS}/{job_id}", f"{EXPORTS}/{job_id}/file",
                         f"{EXPORTS}/{job_id}/events"):
                r = other.client.get(path)
                self.assertEqual(r.status, 404, (path, r.body))
            self.assertNotIn(job_id, [j["id"] for j in other.client.get(EXPORTS).json()["items"]])
        self.assertEqual(self.a_admin.client.get(f"{EXPORTS}/{'0' * 26}").status, 404)

    def test_a_user_has_at_most_three_unfinished_jobs(self):
        reauth(self.b_admin, self.server)
        # Jobs held queued in the database as if the workers were busy.
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(server_now(self.server.client())))
        user = sql(self.server, "SELECT id, org_id FROM users WHERE username = "
                                f"'{self.users['org-b']['org_admin']}'").split("|")
        for i in range(3):
            sql(self.server, "INSERT INTO export_jobs (id, org_id, user_id, kind, format, params, "
                             "status, progress, step, created_at) VALUES "
                             f"('HELD{i}', '{user[1]}', '{user[0]}', 'stats.own', 'csv', '{{}}', "
                             f"'running', 10, 'exports.step.reading', '{now}')")
        try:
            r = self.b_admin.client.post(EXPORTS, body={**self.own_query("region"),
                                                        "format": "csv"})
            self.assertEqual(r.status, 429, r.body)
            self.assertTrue(r.json()["error"]["message"])
            r = self.b_admin.client.get(f"{EXPORTS}/HELD0/file")
            self.assertEqual(r.status, 409, r.body)
        finally:
            sql(self.server, "DELETE FROM export_jobs WHERE id LIKE 'HELD%'")

    def test_zz_interrupted_jobs_fail_and_files_go_after_24_hours(self):
        # Runs last (it restarts the server and moves the clock a day on).
        job_id, _, _ = self.export(self.a_admin, {**self.own_query("region"), "format": "csv"})
        stored = os.path.join(self.server.data, "exports", f"{job_id}.bin")
        self.assertTrue(os.path.exists(stored))
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(server_now(self.server.client())))
        user = sql(self.server, "SELECT id, org_id FROM users WHERE username = "
                                f"'{self.users['org-a']['org_admin']}'").split("|")
        sql(self.server, "INSERT INTO export_jobs (id, org_id, user_id, kind, format, params, "
                         "status, progress, step, created_at) VALUES "
                         f"('CRASHED', '{user[1]}', '{user[0]}', 'stats.own', 'csv', '{{}}', "
                         f"'running', 40, 'exports.step.writing', '{now}')")
        stray = os.path.join(self.server.data, "exports", "STRAY.work")
        with open(stray, "wb") as f:
            f.write(b"plaintext left by a crash")
        self.server.kill9()
        self.server.start()
        # The test clock starts again from now: move it past every TOTP step already used.
        advance(self.server.client(), 3600)
        type(self).sign_in_all()
        got = self.a_admin.client.get(f"{EXPORTS}/CRASHED").json()
        self.assertEqual(got["status"], "failed")
        self.assertEqual(got["error"], "exports.interrupted")
        self.assertFalse(os.path.exists(stray))
        self.assertTrue(os.path.exists(stored))
        # A day later the job and its file are gone.
        advance(self.server.client(), 24 * 3600 + 60)
        type(self).sign_in_all()
        deadline = time.time() + 10
        while os.path.exists(stored) and time.time() < deadline:
            time.sleep(0.2)
        self.assertFalse(os.path.exists(stored))
        self.assertEqual(self.a_admin.client.get(f"{EXPORTS}/{job_id}").status, 404)
        self.assertEqual(sql(self.server, f"SELECT COUNT(*) FROM export_jobs WHERE id = '{job_id}'"),
                         "0")


if __name__ == "__main__":
    unittest.main()
