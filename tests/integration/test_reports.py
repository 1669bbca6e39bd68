"""Black-box tests of periodic reports (docs/api-reports.md): a small data set built over HTTP,
every figure counted by hand and asserted exactly, the life cycle from draft to filed and
corrected, the signed file verified offline by `dandelion report verify`.

The data set of org-a (a counseling center), Y = this year in Korea, L = last year:

  P1  hotline.          Services: counseling Y-01-01, medical Y-01-01. Legal: complaint_by_her.
  P2  walk_in.          Service: counseling Y-01-01.
  P3  police_referral.  Services: counseling L-03-31 (the last day of Q1), counseling L-04-01.
                        Legal: prosecution_against_her, concluded with the outcome "acquitted".
  The three cases and two legal matters are opened now, in Y.

  Report Y:     people.served 2, people.new_cases 3, services.total 3, services.counseling 2,
                services.medical 1, intake.hotline / walk_in / police_referral 1 each,
                legal.opened.complaint_by_her 1, legal.opened.prosecution_against_her 1,
                legal.concluded 1, legal.outcome.acquitted 1; everything else 0.
  Report L-Q1:  people.served 1, services.total 1, services.counseling 1; everything else 0.

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import json
import os
import time
import unittest

from harness import Server, run_cli
from network import advance, build_network, server_now, sign_in
from test_accounts import reauth

REPORTS = "/api/v1/reports"


class ReportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.sign_in_all()
        now = server_now(cls.a_worker.client)
        cls.year = int(time.strftime("%Y", time.gmtime(now + 9 * 3600)))
        cls.last = cls.year - 1
        cls.build()

    @classmethod
    def sign_in_all(cls):
        for attr, org, role in [("a_worker", "org-a", "case_worker"),
                                ("a_super", "org-a", "supervisor"),
                                ("a_admin", "org-a", "org_admin"),
                                ("b_admin", "org-b", "org_admin"),
                                ("b_super", "org-b", "supervisor"),
                                ("a_finance", "org-a", "finance"),
                                ("network_admin", "sec", "network_admin")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, cls.users[org][role],
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        # Sessions expire after 15 idle minutes on the test clock; sign in again when needed.
        if self.a_admin.client.get("/api/v1/me").status == 401:
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
    def woman(cls, alias, channel):
        s = cls.a_worker
        person = cls.post(s, "/api/v1/people", {
            "legal_name": "보고 " + alias, "alias": alias, "birth_date": "1990-05-05",
            "nationality": "KR", "categories": []})
        return cls.post(s, "/api/v1/cases", {
            "person_id": person["id"], "intake_channel": channel, "situation": ["online"],
            "risk_level": "low", "summary": "보고서 시험"})

    @classmethod
    def service(cls, case, kind, day):
        cls.post(cls.a_worker, f"/api/v1/cases/{case['id']}/services",
                 {"type": kind, "date": day, "minutes": 30})

    @classmethod
    def build(cls):
        y, l = cls.year, cls.last
        c1 = cls.woman("하나", "hotline")
        cls.c2 = c2 = cls.woman("둘", "walk_in")
        c3 = cls.woman("셋", "police_referral")
        cls.service(c1, "counseling", f"{y}-01-01")
        cls.service(c1, "medical", f"{y}-01-01")
        cls.service(c2, "counseling", f"{y}-01-01")
        cls.service(c3, "counseling", f"{l}-03-31")
        cls.service(c3, "counseling", f"{l}-04-01")
        cls.post(cls.a_worker, f"/api/v1/cases/{c1['id']}/legal-matters",
                 {"kind": "complaint_by_her", "status": "investigation"})
        legal = cls.post(cls.a_worker, f"/api/v1/cases/{c3['id']}/legal-matters",
                         {"kind": "prosecution_against_her", "status": "investigation"})
        r = cls.a_worker.client.request("PATCH", f"/api/v1/legal-matters/{legal['id']}",
                                        body={"status": "concluded", "outcome": "acquitted"})
        assert r.status == 200, r.body

    # -- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def values(report):
        return {row["key"]: row["value"] for s in report["sections"] for row in s["rows"]}

    def nonzero(self, report):
        return {k: v for k, v in self.values(report).items() if v != 0}

    def draft(self, period):
        r = self.a_admin.client.post(REPORTS, body={"period": period})
        if r.status == 409:  # left open by an earlier test
            items = self.a_admin.client.get(f"{REPORTS}?period={period}").json()["items"]
            return next(i for i in items if i["status"] in ("draft", "reviewed"))
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def file(self, report_id):
        reauth(self.a_admin, self.server)
        r = self.a_admin.client.post(f"{REPORTS}/{report_id}/file", body={})
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def expected_year(self):
        return {"served.people": 2, "served.new_cases": 3, "services.total": 3,
                "services.counseling": 2, "services.medical": 1, "intake.hotline": 1,
                "intake.walk_in": 1, "intake.police_referral": 1,
                "legal.opened.complaint_by_her": 1, "legal.opened.prosecution_against_her": 1,
                "legal.concluded": 1, "legal.outcome.acquitted": 1}

    # -- figures ---------------------------------------------------------------------------------

    def test_a_quarter_counts_its_last_day_and_not_the_next(self):
        r = self.a_admin.client.post(REPORTS, body={"period": f"{self.last}-Q1"})
        self.assertEqual(r.status, 201, r.body)
        report = r.json()
        self.assertEqual(report["status"], "draft")
        self.assertEqual(report["template"], "counseling_center")
        self.assertEqual(report["period"], f"{self.last}-Q1")
        self.assertEqual(self.nonzero(report),
                         {"served.people": 1, "services.total": 1, "services.counseling": 1})
        section = report["sections"][0]
        self.assertEqual(set(section["title"]), {"ko", "en"})
        self.assertEqual(set(section["rows"][0]), {"key", "label", "unit", "value"})
        self.assertEqual(set(section["rows"][0]["label"]), {"ko", "en"})
        self.assertEqual(report["annotations"], {})
        self.assertTrue(report["created_at"])
        # One open draft per period.
        again = self.a_admin.client.post(REPORTS, body={"period": f"{self.last}-Q1"})
        self.assertEqual(again.status, 409, again.body)

    def test_the_full_life_cycle(self):
        y = str(self.year)
        report = self.draft(y)
        self.assertEqual(self.nonzero(report), self.expected_year())
        rid = report["id"]
        units = {row["key"]: row["unit"] for s in report["sections"] for row in s["rows"]}
        self.assertEqual(units["served.people"], "people")
        self.assertEqual(units["services.counseling"], "services")

        # Annotations: a draft's rows only, at most 2000 characters; "" removes.
        note = "상담 인력 1명 충원으로 상담 건수가 늘었음"
        r = self.a_admin.client.request("PUT", f"{REPORTS}/{rid}/annotations",
                                    body={"services.counseling": note, "services.medical": "x"})
        self.assertEqual(r.status, 200, r.body)
        r = self.a_admin.client.request("PUT", f"{REPORTS}/{rid}/annotations",
                                        body={"services.medical": ""})
        self.assertEqual(r.json()["annotations"], {"services.counseling": note})
        for bad in [{"no.such.row": "x"}, {"services.counseling": "가" * 2001},
                    {"services.counseling": 5}]:
            r = self.a_admin.client.request("PUT", f"{REPORTS}/{rid}/annotations", body=bad)
            self.assertEqual(r.status, 400, (bad, r.body))
        self.assertEqual(self.a_admin.client.get(f"{REPORTS}/{rid}").json()["annotations"],
                         {"services.counseling": note})

        # Filing needs a review, then a fresh re-authentication.
        r = self.a_admin.client.post(f"{REPORTS}/{rid}/file", body={})
        self.assertEqual(r.status, 409, r.body)
        r = self.a_super.client.post(f"{REPORTS}/{rid}/review", body={})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "reviewed")
        advance(self.server.client(), 301)
        r = self.a_admin.client.post(f"{REPORTS}/{rid}/file", body={})
        self.assertEqual(r.json()["error"]["code"], "reauth_required", r.body)
        filed = self.file(rid)
        self.assertEqual(filed["status"], "filed")
        self.assertTrue(filed["filed_at"])
        self.assertTrue(filed["filed_by"])

        got = self.a_super.client.get(f"{REPORTS}/{rid}").json()
        self.assertEqual(got["status"], "filed")
        self.assertFalse(got["changed_since_filed"])
        self.assertEqual(got["changes"], [])
        self.assertEqual(self.nonzero(got), self.expected_year())
        # A filed report never changes.
        for path, body in [(f"{REPORTS}/{rid}/refresh", {}), (f"{REPORTS}/{rid}/review", {})]:
            self.assertEqual(self.a_admin.client.post(path, body=body).status, 409)
        r = self.a_admin.client.request("PUT", f"{REPORTS}/{rid}/annotations",
                                        body={"services.total": "x"})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(self.a_admin.client.post(REPORTS, body={"period": y}).status, 409)

        # The signed file verifies offline, against the server's key only.
        r = self.a_admin.client.get(f"{REPORTS}/{rid}/signed")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.header("content-type").startswith("application/json"))
        self.assertIn("attachment", r.header("content-disposition"))
        signed = r.json()
        self.assertEqual(signed["algorithm"], "ed25519")
        self.assertEqual(signed["snapshot"]["period"], y)
        self.assertEqual(signed["snapshot"]["organization"]["name"], "가 상담소")
        self.assertEqual(signed["snapshot"]["annotations"], {"services.counseling": note})
        key = run_cli("audit", "public-key", "--data", self.server.data).stdout.strip()
        self.assertEqual(signed["public_key"], key)
        path = os.path.join(self.server.tmp, "report.json")
        with open(path, "wb") as f:
            f.write(r.body)
        ok = run_cli("report", "verify", path, "--public-key", key, check=False)
        self.assertEqual(ok.returncode, 0, ok.stderr)
        self.assertIn("가 상담소", ok.stdout)
        self.assertIn(y, ok.stdout)
        self.assertIn("OK", ok.stdout)
        ok = run_cli("report", "verify", path, "--data", self.server.data, check=False)
        self.assertEqual(ok.returncode, 0, ok.stderr)

        # One figure altered: refused, plainly.
        altered = json.loads(r.body)
        for s in altered["snapshot"]["sections"]:
            for row in s["rows"]:
                if row["key"] == "services.counseling":
                    row["value"] = 20
        bad_path = os.path.join(self.server.tmp, "altered.json")
        with open(bad_path, "w", encoding="utf-8") as f:
            json.dump(altered, f, ensure_ascii=False, indent=2)
        bad = run_cli("report", "verify", bad_path, "--public-key", key, check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("signature does not verify", bad.stderr)
        self.assertNotIn("OK", bad.stdout)
        # Another key (say, the one printed inside a forged file) is not trusted either.
        other = "11" * 32
        bad = run_cli("report", "verify", path, "--public-key", other, check=False)
        self.assertNotEqual(bad.returncode, 0)
        bad = run_cli("report", "verify", os.path.join(self.server.tmp, "none.json"),
                      "--public-key", key, check=False)
        self.assertNotEqual(bad.returncode, 0)

        # A service added after filing: the filed report says what changed.
        self.post(self.a_worker, f"/api/v1/cases/{self.c2['id']}/services",
                  {"type": "counseling", "date": f"{y}-01-01", "minutes": 30})
        got = self.a_admin.client.get(f"{REPORTS}/{rid}").json()
        self.assertTrue(got["changed_since_filed"])
        self.assertEqual(got["changes"], [
            {"key": "services.total", "filed": 3, "now": 4},
            {"key": "services.counseling", "filed": 2, "now": 3}])
        self.assertEqual(self.values(got)["services.counseling"], 2)  # the filed figures stay

        # A correction: a new draft for the period that corrects the filed one.
        r = self.a_admin.client.post(f"{REPORTS}/{rid}/correction", body={})
        self.assertEqual(r.status, 201, r.body)
        correction = r.json()
        self.assertEqual(correction["status"], "draft")
        self.assertEqual(correction["corrects"], rid)
        self.assertEqual(correction["period"], y)
        self.assertEqual(self.values(correction)["services.counseling"], 3)
        self.assertEqual(correction["annotations"], {"services.counseling": note})
        r = self.a_admin.client.post(f"{REPORTS}/{rid}/correction", body={})
        self.assertEqual(r.status, 409, r.body)
        self.post(self.a_admin, f"{REPORTS}/{correction['id']}/review", {}, 200)
        refiled = self.file(correction["id"])
        self.assertEqual(refiled["status"], "filed")
        earlier = self.a_admin.client.get(f"{REPORTS}/{rid}").json()
        self.assertEqual(earlier["status"], "superseded")
        r = self.a_admin.client.get(f"{REPORTS}/{rid}/signed")
        self.assertEqual(r.status, 200)  # the earlier stays, signed
        signed = self.a_admin.client.get(f"{REPORTS}/{correction['id']}/signed").json()
        self.assertEqual(signed["snapshot"]["corrects"], rid)
        r = self.a_admin.client.post(f"{REPORTS}/{rid}/correction", body={})
        self.assertEqual(r.status, 409, r.body)

        # The secretariat: every member's filing status, the filed figures, never a draft.
        b_draft = self.b_admin.client.post(REPORTS, body={"period": y})
        self.assertEqual(b_draft.status, 201, b_draft.body)
        self.assertEqual(b_draft.json()["template"], "support_facility")
        keys = [s["key"] for s in b_draft.json()["sections"]]
        self.assertEqual(keys, ["admissions", "occupancy", "exits", "people", "services"])
        r = self.network_admin.client.get(f"{REPORTS}/filings?period={y}")
        self.assertEqual(r.status, 200, r.body)
        by_slug = {i["organization"]["slug"]: i for i in r.json()["items"]}
        self.assertEqual(set(by_slug), {"org-a", "org-b"})
        self.assertEqual(by_slug["org-a"]["status"], "corrected")
        self.assertEqual(by_slug["org-a"]["template"], "counseling_center")
        self.assertEqual(by_slug["org-a"]["report_id"], correction["id"])
        self.assertTrue(by_slug["org-a"]["filed_at"])
        self.assertEqual(by_slug["org-b"]["status"], "draft")
        self.assertIsNone(by_slug["org-b"]["filed_at"])
        r = self.network_admin.client.get(f"{REPORTS}/filings?period={self.last}")
        statuses = {i["organization"]["slug"]: i["status"] for i in r.json()["items"]}
        self.assertEqual(statuses["org-b"], "not_started")
        r = self.network_admin.client.get(f"{REPORTS}/{correction['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.values(r.json())["services.counseling"], 3)
        self.assertEqual(self.network_admin.client.get(
            f"{REPORTS}/{correction['id']}/signed").status, 200)
        self.assertEqual(self.network_admin.client.get(
            f"{REPORTS}/{b_draft.json()['id']}").status, 404)
        listed = self.network_admin.client.get(f"{REPORTS}?period={y}").json()["items"]
        self.assertEqual({i["status"] for i in listed}, {"filed", "superseded"})

        # Another organization's report is not found, for reading and writing alike.
        for method, path in [("GET", f"{REPORTS}/{rid}"), ("GET", f"{REPORTS}/{rid}/signed"),
                             ("POST", f"{REPORTS}/{rid}/correction")]:
            r = self.b_admin.client.request(method, path, body={} if method == "POST" else None)
            self.assertEqual(r.status, 404, (path, r.body))
        r = self.b_admin.client.post(f"{REPORTS}/{b_draft.json()['id']}/review", body={})
        self.assertEqual(r.status, 200)
        r = self.a_super.client.post(f"{REPORTS}/{b_draft.json()['id']}/review", body={})
        self.assertEqual(r.status, 404)

    def test_bad_input(self):
        for body in [{"period": "2026-Q5"}, {"period": 2026}, {}, {"period": "2026", "x": 1},
                     {"period": "1999"}]:
            r = self.a_admin.client.post(REPORTS, body=body)
            self.assertEqual(r.status, 400, (body, r.body))
            self.assertIn("error", r.json())
        r = self.a_admin.client.post(REPORTS, body={"period": "2026-Q5"})
        self.assertIn("period", r.json()["error"]["fields"])
        r = self.a_admin.client.request("POST", REPORTS, raw=b"{not json",
                                        headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400)
        for path in [f"{REPORTS}/nope", f"{REPORTS}/nope/signed"]:
            self.assertEqual(self.a_admin.client.get(path).status, 404)
        for path in ["refresh", "review", "file", "correction"]:
            r = self.a_admin.client.post(f"{REPORTS}/nope/{path}", body={})
            self.assertEqual(r.status, 404, (path, r.body))
        self.assertEqual(self.a_admin.client.get(f"{REPORTS}?period=bad").status, 400)
        self.assertEqual(self.network_admin.client.get(f"{REPORTS}/filings").status, 400)
        # The secretariat files no report of its own.
        r = self.network_admin.client.post(REPORTS, body={"period": "2026"})
        self.assertEqual(r.status, 403, r.body)

    def test_roles(self):
        # A supervisor reads and reviews but neither prepares nor files; finance sees nothing.
        self.assertEqual(self.a_super.client.post(REPORTS, body={"period": "2025"}).status, 403)
        self.assertEqual(self.a_finance.client.get(REPORTS).status, 403)
        self.assertEqual(self.a_admin.client.get(f"{REPORTS}/filings?period=2026").status, 403)
        self.assertEqual(self.a_super.client.get(REPORTS).status, 200)


class VerifyAfterRotationTest(unittest.TestCase):
    """A report filed before a master key rotation still verifies against the data dir, by the
    retired key the new one endorses; the new key alone does not vouch for it."""

    def test_a_report_filed_before_a_rotation_verifies_by_the_retired_key(self):
        server = Server()
        try:
            users = build_network(server)
            server.start()
            admin = sign_in(server, users["org-a"]["org_admin"])
            year = str(time.strftime("%Y", time.gmtime(server_now(admin.client) + 9 * 3600)))
            r = admin.client.post(REPORTS, body={"period": year})
            self.assertEqual(r.status, 201, r.body)
            rid = r.json()["id"]
            self.assertEqual(admin.client.post(f"{REPORTS}/{rid}/review", body={}).status, 200)
            reauth(admin, server)
            r = admin.client.post(f"{REPORTS}/{rid}/file", body={})
            self.assertEqual(r.status, 200, r.body)
            signed = admin.client.get(f"{REPORTS}/{rid}/signed")
            path = os.path.join(server.tmp, "filed-before-rotation.json")
            with open(path, "wb") as f:
                f.write(signed.body)
            old_key = run_cli("audit", "public-key", "--data", server.data).stdout.strip()
            server.stop()
            run_cli("keys", "rotate", "--data", server.data)
            new_key = run_cli("audit", "public-key", "--data", server.data).stdout.strip()
            self.assertNotEqual(new_key, old_key)

            ok = run_cli("report", "verify", path, "--data", server.data, check=False)
            self.assertEqual(ok.returncode, 0, ok.stderr)
            self.assertIn("retired", ok.stdout)
            self.assertIn("OK", ok.stdout)
            ok = run_cli("report", "verify", path, "--public-key", old_key, check=False)
            self.assertEqual(ok.returncode, 0, ok.stderr)
            bad = run_cli("report", "verify", path, "--public-key", new_key, check=False)
            self.assertNotEqual(bad.returncode, 0)
            # An altered copy is refused by every key the data dir knows.
            altered = json.loads(signed.body)
            altered["snapshot"]["period"] = str(int(year) - 1)
            bad_path = os.path.join(server.tmp, "altered.json")
            with open(bad_path, "w", encoding="utf-8") as f:
                json.dump(altered, f, ensure_ascii=False)
            bad = run_cli("report", "verify", bad_path, "--data", server.data, check=False)
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn("signature does not verify", bad.stderr)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
