"""Black-box tests of double support across members: a woman known to two organizations, paid
housing support by one, is flagged on the other's application without the first organization's
name, and with it once her consent there allows sharing with the asking member; the token never
leaves the server; a reversal clears the flag and a new payment brings it back; a payment waiting
for a second approval marks nothing until approved; erasure clears her marks; a master key
rotation keeps her matching; a woman with another birth date (or none) is not flagged; the
secretariat's counts are suppressed below k; bad input is refused.

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import time
import unittest

from harness import Server, run_cli
from network import PASSWORD, add_user, advance, build_network, server_now, sign_in, totp
from test_people import sql

SOURCES = "/api/v1/funding-sources"
DOUBLE = "/api/v1/funds/double-support"
KIND = "housing_deposit"


class DoubleSupportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "org-a", "org-a-finance2", "finance")
        cls.users["org-a"]["finance2"] = "org-a-finance2"
        cls.server.start()
        cls.sign_in_all()
        now = server_now(cls.a_fin.client)
        cls.year = int(time.strftime("%Y", time.gmtime(now + 9 * 3600)))
        cls.paid_on = f"{cls.year}-03-10"
        orgs = cls.a_worker.client.get("/api/v1/organizations").json()["items"]
        cls.org_a = next(o for o in orgs if o["slug"] == "org-a")
        cls.org_b = next(o for o in orgs if o["slug"] == "org-b")
        rules = {KIND: {"cap": 14_000_000}, "training": {"cap": 7_000_000}}
        cls.src_a = cls.make_source(cls.a_admin, rules)
        cls.src_b = cls.make_source(cls.b_admin, rules)

    @classmethod
    def sign_in_all(cls):
        for attr, org, role in [("a_admin", "org-a", "org_admin"),
                                ("a_fin", "org-a", "finance"),
                                ("a_fin2", "org-a", "finance2"),
                                ("a_worker", "org-a", "case_worker"),
                                ("a_super", "org-a", "supervisor"),
                                ("b_admin", "org-b", "org_admin"),
                                ("b_fin", "org-b", "finance"),
                                ("b_worker", "org-b", "case_worker"),
                                ("b_super", "org-b", "supervisor"),
                                ("sec", "sec", "network_admin")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, cls.users[org][role],
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        r = self.a_fin.client.get(SOURCES)
        if r.status == 401:
            type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # -- helpers ---------------------------------------------------------------------------------

    @classmethod
    def make_source(cls, admin, rules):
        r = admin.client.post(SOURCES, body={"name": "주거지원", "year": cls.year,
                                             "budget": 500_000_000, "rules": rules})
        assert r.status == 201, r.body
        return r.json()["id"]

    def person(self, worker, legal_name, birth_date=None):
        body = {"legal_name": legal_name}
        if birth_date:
            body["birth_date"] = birth_date
        r = worker.client.post("/api/v1/people", body=body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()["id"]

    def pay_a(self, her, amount=3_000_000, kind=KIND):
        r = self.a_fin.client.post(f"/api/v1/people/{her}/disbursements", body={
            "source_id": self.src_a, "kind": kind, "amount": amount, "paid_on": self.paid_on})
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def apply_b(self, her, kind=KIND):
        r = self.b_worker.client.post(f"/api/v1/people/{her}/fund-applications", body={
            "source_id": self.src_b, "kind": kind, "amount": 2_000_000, "reason": "보증금"})
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def flags(self, her, who=None):
        r = (who or self.b_worker).client.get(f"/api/v1/people/{her}/fund-applications")
        self.assertEqual(r.status, 200, r.body)
        items = r.json()["items"]
        self.assertTrue(items)
        return items[0]["elsewhere"]

    def unnamed(self):
        return [{"kind": KIND, "year": self.year, "organization": None}]

    def named(self):
        return [{"kind": KIND, "year": self.year,
                 "organization": {"id": self.org_a["id"], "name": self.org_a["name"]}}]

    def reauth(self, s):
        advance(self.server.client(), 31)
        r = s.client.post("/api/v1/session/reauth", body={
            "password": PASSWORD, "totp": totp(s.totp_secret, server_now(self.server.client()))})
        self.assertEqual(r.status, 204, r.body)

    # -- the flag --------------------------------------------------------------------------------

    def test_a_the_flag_follows_her_marks_and_her_consent(self):
        her_a = self.person(self.a_worker, "김 하 늘", "1990-05-06")
        her_b = self.person(self.b_worker, "김하늘", "1990-05-06")
        # Not yet supported anywhere: no flag.
        app = self.apply_b(her_b)
        self.assertEqual(app["elsewhere"], [])
        paid = self.pay_a(her_a)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM support_marks WHERE "
                                          f"entry_id = '{paid['id']}'"), "1")
        # B sees the flag on her application without A's name: on the list, the pending list,
        # and on a new application.
        self.assertEqual(self.flags(her_b), self.unnamed())
        self.assertEqual(self.flags(her_b, self.b_fin), self.unnamed())
        pending = self.b_super.client.get("/api/v1/fund-applications")
        self.assertEqual(pending.status, 200, pending.body)
        mine = [a for a in pending.json()["items"] if a["person_id"] == her_b]
        self.assertEqual(mine[0]["elsewhere"], self.unnamed())
        self.assertEqual(self.apply_b(her_b)["elsewhere"], self.unnamed())
        # Another kind is not flagged; A's own application is not flagged by A's own mark.
        self.assertEqual(self.apply_b(her_b, "training")["elsewhere"], [])
        r = self.a_worker.client.post(f"/api/v1/people/{her_a}/fund-applications", body={
            "source_id": self.src_a, "kind": KIND, "amount": 1_000_000, "reason": "추가"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["elsewhere"], [])
        # The token never leaves the server.
        token = sql(self.server, f"SELECT token FROM support_marks WHERE entry_id = '{paid['id']}'")
        self.assertEqual(len(token), 64)
        for who in (self.b_worker, self.b_super):
            body = who.client.get(f"/api/v1/people/{her_b}/fund-applications").body.decode()
            self.assertNotIn(token, body)
            self.assertNotIn(token.upper(), body)
        # Her consent in A to share with B names A; a consent naming another member does not.
        consents = f"/api/v1/people/{her_a}/consents"
        r = self.a_worker.client.post(consents, body={
            "kind": "referral_sharing", "method": "written",
            "scope": {"fields": [], "org_id": self.org_a["id"]}})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.flags(her_b), self.unnamed())
        r = self.a_worker.client.post(consents, body={
            "kind": "referral_sharing", "method": "written",
            "scope": {"fields": [], "org_id": self.org_b["id"]}})
        self.assertEqual(r.status, 201, r.body)
        consent = r.json()
        self.assertEqual(self.flags(her_b), self.named())
        # Revoked: unnamed again.
        r = self.a_super.client.post(f"/api/v1/consents/{consent['id']}/revoke",
                                     body={"reason": "본인 요청"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.flags(her_b), self.unnamed())
        # Reads are audited, naming the flag.
        rows = sql(self.server, "SELECT fields FROM audit_log WHERE action = "
                                "'funds.application.list' AND entity_id = '" + her_b + "'")
        self.assertIn("elsewhere", rows)

    def test_b_a_reversal_clears_the_flag_and_a_new_payment_brings_it_back(self):
        her_a = self.person(self.a_worker, "박소연", "1988-01-02")
        her_b = self.person(self.b_worker, "박 소연", "1988-01-02")
        self.apply_b(her_b)
        paid = self.pay_a(her_a, 4_000_000)
        self.assertEqual(self.flags(her_b), self.unnamed())
        # A partial reversal leaves some support standing: still flagged.
        r = self.a_fin.client.post(f"/api/v1/disbursements/{paid['id']}/reversal",
                                   body={"reason": "entry_error", "amount": 1_000_000})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.flags(her_b), self.unnamed())
        r = self.a_fin.client.post(f"/api/v1/disbursements/{paid['id']}/reversal",
                                   body={"reason": "entry_error"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.flags(her_b), [])
        self.pay_a(her_a, 1_000_000)
        self.assertEqual(self.flags(her_b), self.unnamed())

    def test_c_a_payment_waiting_for_approval_marks_nothing_until_approved(self):
        her_a = self.person(self.a_worker, "정유나", "1979-09-09")
        her_b = self.person(self.b_worker, "정 유나", "1979-09-09")
        self.apply_b(her_b)
        r = self.a_admin.client.request("PUT", "/api/v1/funds/settings",
                                        body={"two_person_above": 5_000_000})
        self.assertEqual(r.status, 200, r.body)
        try:
            entry = self.pay_a(her_a, 6_000_000)
            self.assertEqual(entry["status"], "pending_approval")
            self.assertEqual(self.flags(her_b), [])
            r = self.a_fin2.client.post(f"/api/v1/disbursements/{entry['id']}/approval",
                                        body={"approve": True})
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(self.flags(her_b), self.unnamed())
        finally:
            r = self.a_admin.client.request("PUT", "/api/v1/funds/settings",
                                            body={"two_person_above": None})
            self.assertEqual(r.status, 200, r.body)

    def test_d_another_birth_date_or_none_is_not_flagged(self):
        her_a = self.person(self.a_worker, "이서연", "1995-07-07")
        other = self.person(self.b_worker, "이서연", "1995-07-08")
        self.pay_a(her_a)
        self.apply_b(other)
        self.assertEqual(self.flags(other), [])
        # Without a birth date there is no token: no mark, no flag.
        nodate_a = self.person(self.a_worker, "최민아")
        nodate_b = self.person(self.b_worker, "최민아")
        paid = self.pay_a(nodate_a)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM support_marks WHERE "
                                          f"entry_id = '{paid['id']}'"), "0")
        self.apply_b(nodate_b)
        self.assertEqual(self.flags(nodate_b), [])

    def test_e_erasing_her_deletes_her_marks(self):
        her_a = self.person(self.a_worker, "한겨울", "1992-12-12")
        her_b = self.person(self.b_worker, "한겨울", "1992-12-12")
        self.apply_b(her_b)
        paid = self.pay_a(her_a)
        self.assertEqual(self.flags(her_b), self.unnamed())
        self.reauth(self.a_super)
        r = self.a_super.client.post(f"/api/v1/people/{her_a}/erase", body={"reason": "본인 요청"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM support_marks m JOIN fund_entries e "
                                          f"ON e.id = m.entry_id WHERE e.person_id = '{her_a}'"),
                         "0")
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM fund_entries WHERE "
                                          f"id = '{paid['id']}'"), "1")  # the ledger stays
        self.assertEqual(self.flags(her_b), [])

    # -- the secretariat's counts ------------------------------------------------------------------

    def test_f_counts_for_the_secretariat_are_suppressed_below_k(self):
        # Three women paid housing support by both members.
        for day in ("10", "11", "12"):
            her_a = self.person(self.a_worker, "오가을", f"1985-10-{day}")
            her_b = self.person(self.b_worker, "오가을", f"1985-10-{day}")
            self.pay_a(her_a)
            r = self.b_fin.client.post(f"/api/v1/people/{her_b}/disbursements", body={
                "source_id": self.src_b, "kind": KIND, "amount": 1_000_000,
                "paid_on": self.paid_on})
            self.assertEqual(r.status, 201, r.body)
        r = self.sec.client.get(f"{DOUBLE}?year={self.year}")
        self.assertEqual(r.status, 200, r.body)
        body = r.json()
        self.assertEqual(body["year"], self.year)
        by_kind = {i["kind"]: i for i in body["items"]}
        # A few women at most: suppressed, never a token, a name or an organization.
        self.assertEqual(by_kind[KIND], {"kind": KIND, "count": None, "suppressed": True})
        self.assertEqual(by_kind["grant"], {"kind": "grant", "count": 0, "suppressed": False})
        text = r.body.decode()
        self.assertNotIn(self.org_a["id"], text)
        self.assertNotIn("오가을", text)
        self.assertIn("funds.double_support.read",
                      sql(self.server, "SELECT action FROM audit_log WHERE "
                                       "action = 'funds.double_support.read'"))
        # With k lowered to 3 (the statistics setting's least), the count shows.
        sql(self.server, "INSERT INTO kv_settings (key, value) VALUES ('stats_k', '3') "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        try:
            r = self.sec.client.get(f"{DOUBLE}?year={self.year}")
            counts = {i["kind"]: i["count"] for i in r.json()["items"]}
            self.assertGreaterEqual(counts[KIND], 3)
            r = self.sec.client.get(f"{DOUBLE}?year={self.year - 5}")
            self.assertEqual({i["kind"]: i["count"] for i in r.json()["items"]}[KIND], 0)
        finally:
            sql(self.server, "DELETE FROM kv_settings WHERE key = 'stats_k'")
        for who in (self.a_fin, self.b_super, self.a_admin):
            self.assertEqual(who.client.get(f"{DOUBLE}?year={self.year}").status, 403)

    def test_g_bad_input_is_refused(self):
        for q in ("", "?year=abc", "?year=1999", "?year=20261", "?year=2026.5"):
            r = self.sec.client.get(DOUBLE + q)
            self.assertEqual(r.status, 400, (q, r.body))
            self.assertIn("year", r.json()["error"]["fields"])


class MatchAfterRotationTest(unittest.TestCase):
    def test_she_still_matches_after_a_key_rotation(self):
        server = Server()
        try:
            users = build_network(server)
            server.start()
            a_admin = sign_in(server, users["org-a"]["org_admin"])
            b_admin = sign_in(server, users["org-b"]["org_admin"])
            a_fin = sign_in(server, users["org-a"]["finance"])
            a_worker = sign_in(server, users["org-a"]["case_worker"])
            b_worker = sign_in(server, users["org-b"]["case_worker"])
            year = int(time.strftime("%Y", time.gmtime(server_now(a_fin.client) + 9 * 3600)))
            srcs = []
            for admin in (a_admin, b_admin):
                r = admin.client.post(SOURCES, body={"name": "주거", "year": year,
                                                     "budget": 100_000_000,
                                                     "rules": {KIND: {"cap": 14_000_000}}})
                self.assertEqual(r.status, 201, r.body)
                srcs.append(r.json()["id"])
            her_a = a_worker.client.post("/api/v1/people", body={
                "legal_name": "윤봄", "birth_date": "1993-04-04"}).json()["id"]
            her_b = b_worker.client.post("/api/v1/people", body={
                "legal_name": "윤 봄", "birth_date": "1993-04-04"}).json()["id"]
            r = a_fin.client.post(f"/api/v1/people/{her_a}/disbursements", body={
                "source_id": srcs[0], "kind": KIND, "amount": 1_000_000,
                "paid_on": f"{year}-02-01"})
            self.assertEqual(r.status, 201, r.body)
            wrapped = sql(server, "SELECT value FROM kv_settings WHERE key = 'network_match_key'")
            self.assertTrue(wrapped)
            server.stop()
            run_cli("keys", "rotate", "--data", server.data)
            self.assertNotEqual(
                sql(server, "SELECT value FROM kv_settings WHERE key = 'network_match_key'"),
                wrapped)
            server.start()
            advance(server.client(), 31)
            b_worker = sign_in(server, users["org-b"]["case_worker"],
                               totp_secret=b_worker.totp_secret)
            r = b_worker.client.post(f"/api/v1/people/{her_b}/fund-applications", body={
                "source_id": srcs[1], "kind": KIND, "amount": 1_000_000, "reason": "보증금"})
            self.assertEqual(r.status, 201, r.body)
            self.assertEqual(r.json()["elsewhere"],
                             [{"kind": KIND, "year": year, "organization": None}])
            self.assertIn("network_match_key",
                          sql(server, "SELECT fields FROM audit_log WHERE action = 'keys.rotate'"))
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
