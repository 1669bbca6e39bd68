"""Black-box tests of the statistics (docs/api-stats.md, docs/statistics.md): a small data set
built over HTTP, every figure counted by hand and asserted exactly.

The data set, all in last year (services cannot be dated in the future):

  org-a (counseling center, KR-11)
    P1  born 1990, KR, online_exploitation; hotline; situation online + street;
        statistics consent. Services: counseling 03-15, counseling 03-31 (last day of Q1),
        medical 04-01. Legal: complaint_by_her.
    P2  born 1990, VN, migrant; walk_in; situation online; statistics consent, then revoked.
        Service: counseling 03-31.
    P3  born 1990, KR; police_referral; situation red_light_district; no consent.
        Services: legal_assistance 02-10, counseling 02-11. Legal: prosecution_against_her.
    A training payment of 300,000 KRW to P1 on 06-01 from the source "A시 자립지원금".
  org-b (support facility, KR-26)
    P4  statistics consent. Services: counseling on six days of January. In the shelter from
        12-20 to 12-31 (11 nights, exit to family).
    P5  no case; in the shelter from 12-30, still there at the end of the year (2 nights).

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import json
import time
import unittest

from harness import Server
from network import build_network, server_now, sign_in
from test_people import sql

NETWORK = "/api/v1/stats/network"
OWN = "/api/v1/stats/own"
SETTINGS = "/api/v1/stats/settings"
REGIONS = 17


class StatsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.sign_in_all()
        now = server_now(cls.a_worker.client)
        cls.year = int(time.strftime("%Y", time.gmtime(now + 9 * 3600))) - 1
        cls.period = f"from={cls.year}-01-01&to={cls.year}-12-31"
        cls.build()

    @classmethod
    def sign_in_all(cls):
        for attr, org, role in [("a_worker", "org-a", "case_worker"),
                                ("a_super", "org-a", "supervisor"),
                                ("a_admin", "org-a", "org_admin"),
                                ("b_worker", "org-b", "case_worker"),
                                ("b_super", "org-b", "supervisor"),
                                ("b_staff", "org-b", "shelter_staff"),
                                ("a_finance", "org-a", "finance"),
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

    # -- the data set ----------------------------------------------------------------------------

    @classmethod
    def post(cls, session, path, body, status=201):
        r = session.client.post(path, body=body)
        assert r.status == status, (path, r.status, r.body)
        return r.json()

    @classmethod
    def woman(cls, session, alias, nationality, categories, channel, situation, consent):
        person = cls.post(session, "/api/v1/people", {
            "legal_name": "통계 " + alias, "alias": alias, "birth_date": "1990-05-05",
            "nationality": nationality, "categories": categories})
        case = cls.post(session, "/api/v1/cases", {
            "person_id": person["id"], "intake_channel": channel, "situation": situation,
            "risk_level": "low", "summary": "통계 시험"})
        c = None
        if consent:
            c = cls.post(session, f"/api/v1/people/{person['id']}/consents",
                         {"kind": "statistics", "method": "written"})
        return person, case, c

    @classmethod
    def service(cls, session, case, kind, day):
        cls.post(session, f"/api/v1/cases/{case['id']}/services",
                 {"type": kind, "date": f"{cls.year}-{day}", "minutes": 30})

    @classmethod
    def build(cls):
        a, b = cls.a_worker, cls.b_worker
        cls.p1, c1, _ = cls.woman(a, "하나", "KR", ["online_exploitation"], "hotline",
                                  ["online", "street"], True)
        cls.p2, c2, consent2 = cls.woman(a, "둘", "VN", ["migrant"], "walk_in", ["online"], True)
        cls.p3, c3, _ = cls.woman(a, "셋", "KR", [], "police_referral", ["red_light_district"],
                                  False)
        cls.p4, c4, _ = cls.woman(b, "넷", "KR", [], "walk_in", ["online"], True)
        cls.service(a, c1, "counseling", "03-15")
        cls.service(a, c1, "counseling", "03-31")
        cls.service(a, c1, "medical", "04-01")
        cls.service(a, c2, "counseling", "03-31")
        cls.service(a, c3, "legal_assistance", "02-10")
        cls.service(a, c3, "counseling", "02-11")
        for day in range(5, 11):
            cls.service(b, c4, "counseling", f"01-{day:02d}")
        cls.post(cls.a_super, f"/api/v1/consents/{consent2['id']}/revoke",
                 {"reason": "통계 동의 철회"}, 200)
        cls.post(a, f"/api/v1/cases/{c1['id']}/legal-matters",
                 {"kind": "complaint_by_her", "status": "investigation"})
        cls.post(a, f"/api/v1/cases/{c3['id']}/legal-matters",
                 {"kind": "prosecution_against_her", "status": "investigation"})
        source = cls.post(cls.a_admin, "/api/v1/funding-sources", {
            "name": "A시 자립지원금", "year": cls.year, "budget": 10_000_000,
            "rules": {"training": {"cap": 7_200_000}}})
        cls.post(cls.a_finance, f"/api/v1/people/{cls.p1['id']}/disbursements", {
            "source_id": source["id"], "kind": "training", "amount": 300_000,
            "paid_on": f"{cls.year}-06-01"})
        room = cls.post(cls.b_staff, "/api/v1/shelter/rooms", {"name": "101호", "beds": 2})
        beds = [bed["id"] for bed in room["beds"]]
        p5 = cls.post(b, "/api/v1/people", {"legal_name": "통계 다섯", "alias": "다섯"})
        stay = cls.post(cls.b_staff, "/api/v1/shelter/stays", {
            "person_id": cls.p4["id"], "bed_id": beds[0], "admitted_on": f"{cls.year}-12-20"})
        cls.post(cls.b_staff, f"/api/v1/shelter/stays/{stay['id']}/exit", {
            "exited_on": f"{cls.year}-12-31", "reason": "completed", "destination": "family"},
            200)
        cls.post(cls.b_staff, "/api/v1/shelter/stays", {
            "person_id": p5["id"], "bed_id": beds[1], "admitted_on": f"{cls.year}-12-30"})
        cls.ids = [p["id"] for p in (cls.p1, cls.p2, cls.p3, cls.p4)] + [
            c["id"] for c in (c1, c2, c3, c4)]

    # -- helpers ---------------------------------------------------------------------------------

    def get(self, session, path, status=200):
        r = session.client.get(path)
        self.assertEqual(r.status, status, (path, r.body))
        return r.json()

    def counts(self, body):
        """{key: count} with a two-way key as a tuple; the total under None / (None, None)."""
        return {tuple(r["key"]) if isinstance(r["key"], list) else r["key"]: r["count"]
                for r in body["rows"]}

    def own(self, by, measure="services", session=None, period=None):
        return self.get(session or self.a_admin,
                        f"{OWN}?{period or self.period}&by={by}&measure={measure}")

    def network(self, by, measure="services", session=None):
        return self.get(session or self.researcher,
                        f"{NETWORK}?{self.period}&by={by}&measure={measure}")

    def nonzero(self, counts):
        return {k: v for k, v in counts.items() if v != 0}

    # -- an organization's own figures -----------------------------------------------------------

    def test_own_services_and_people_by_quarter_count_the_last_day_of_a_quarter_in_it(self):
        y = self.year
        body = self.own("quarter")
        self.assertEqual(body["unit"], "services")
        self.assertEqual(self.counts(body), {f"{y}-Q1": 5, f"{y}-Q2": 1, f"{y}-Q3": 0,
                                             f"{y}-Q4": 0, None: 6})
        self.assertTrue(all(r["suppressed"] is False for r in body["rows"]))
        # 명: a woman served twice in a quarter counts once there, once in the year's total.
        people = self.own("quarter", "people")
        self.assertEqual(people["unit"], "people")
        self.assertEqual(self.counts(people), {f"{y}-Q1": 3, f"{y}-Q2": 1, f"{y}-Q3": 0,
                                               f"{y}-Q4": 0, None: 3})
        by_month = self.nonzero(self.counts(self.own("month")))
        self.assertEqual(by_month, {f"{y}-02": 2, f"{y}-03": 3, f"{y}-04": 1, None: 6})
        self.assertEqual(self.counts(self.own("year", "people")), {str(y): 3, None: 3})

    def test_own_figures_by_the_womens_and_cases_fields(self):
        self.assertEqual(self.nonzero(self.counts(self.own("service_type"))),
                         {"counseling": 4, "medical": 1, "legal_assistance": 1, None: 6})
        self.assertEqual(self.nonzero(self.counts(self.own("intake_channel", "people"))),
                         {"hotline": 1, "walk_in": 1, "police_referral": 1, None: 3})
        self.assertEqual(self.nonzero(self.counts(self.own("nationality", "people"))),
                         {"KR": 2, "VN": 1, None: 3})
        self.assertEqual(self.nonzero(self.counts(self.own("age_band", "people"))),
                         {"30_39": 3, None: 3})
        self.assertEqual(self.nonzero(self.counts(self.own("region", "people"))),
                         {"KR-11": 3, None: 3})
        # Multi-choice fields are mentions: they add up to more than the women.
        situation = self.own("situation", "people")
        self.assertEqual(situation["unit"], "mentions")
        self.assertEqual(self.nonzero(self.counts(situation)),
                         {"online": 2, "street": 1, "red_light_district": 1, None: 3})
        category = self.own("category", "people")
        self.assertEqual(category["unit"], "mentions")
        self.assertEqual(self.nonzero(self.counts(category)),
                         {"online_exploitation": 1, "migrant": 1, None: 3})

    def test_own_two_way_table_has_its_totals(self):
        y = self.year
        counts = self.nonzero(self.counts(self.own("quarter,service_type")))
        self.assertEqual(counts, {
            (f"{y}-Q1", "counseling"): 4, (f"{y}-Q1", "legal_assistance"): 1,
            (f"{y}-Q2", "medical"): 1,
            (f"{y}-Q1", None): 5, (f"{y}-Q2", None): 1,
            (None, "counseling"): 4, (None, "legal_assistance"): 1, (None, "medical"): 1,
            (None, None): 6})

    def test_own_legal_matters_by_kind_and_status(self):
        counts = self.nonzero(self.counts(self.get(self.a_super, f"{OWN}?by=legal_kind")))
        self.assertEqual(counts, {"complaint_by_her": 1, "prosecution_against_her": 1, None: 2})
        counts = self.nonzero(self.counts(self.get(self.a_super,
                                                   f"{OWN}?by=legal_kind,legal_status")))
        self.assertEqual(counts[("prosecution_against_her", "investigation")], 1)
        self.assertEqual(counts[(None, None)], 2)
        # Last year had none.
        self.assertEqual(self.nonzero(self.counts(self.own("legal_kind"))), {})

    def test_own_reports_of_their_own_shape_answer_for_an_empty_organization(self):
        # org-a has no help request, referral or shelter (its payment: the test below).
        for by in ["emergency_response", "referral_outcome", "shelter_exit_destination",
                   "shelter_nights"]:
            body = self.own(by)
            self.assertTrue(all((r["count"] or 0) == 0 for r in body["rows"]), (by, body))
        body = self.own("emergency_response")
        self.assertEqual(self.counts(body), {"received": 0, "acknowledged": 0})
        self.assertNotIn("median_seconds", body)

    def test_own_shelter_nights_exits_and_money_paid(self):
        b = self.b_super
        self.assertEqual(self.counts(self.own("shelter_exit_destination", session=b)),
                         {"family": 1})
        self.assertEqual(self.counts(self.own("shelter_nights", session=b)),
                         {"nights": 13, "stays": 2})
        # December alone: the same; November: nobody.
        december = f"from={self.year}-12-01&to={self.year}-12-31"
        self.assertEqual(self.counts(self.own("shelter_nights", session=b, period=december)),
                         {"nights": 13, "stays": 2})
        self.assertEqual(self.counts(self.own("shelter_nights", session=b,
                                              period=f"from={self.year}-12-21&to={self.year}-12-30")),
                         {"nights": 11, "stays": 2})
        money = self.own("fund_source_kind")
        self.assertEqual(money["unit"], "won")
        self.assertEqual(self.counts(money), {("A시 자립지원금", "training"): 300_000,
                                              (None, None): 300_000})

    def test_each_organization_sees_only_its_own(self):
        counts = self.nonzero(self.counts(self.own("service_type", session=self.b_super)))
        self.assertEqual(counts, {"counseling": 6, None: 6})

    # -- the network's figures -------------------------------------------------------------------

    def test_network_counts_only_consenting_women_and_hides_small_cells(self):
        body = self.network("region")
        self.assertEqual(body["k"], 5)
        rows = {r["key"]: r for r in body["rows"]}
        self.assertEqual(len(rows), REGIONS + 1)
        # KR-11: P1's three services (P2 revoked, P3 never consented): 3 < 5, hidden; the
        # smallest other count (KR-26's 6) is hidden with it, or 9 - 6 would give it away.
        self.assertEqual(rows["KR-11"], {"key": "KR-11", "count": None, "suppressed": True})
        self.assertEqual(rows["KR-26"], {"key": "KR-26", "count": None, "suppressed": True})
        self.assertEqual(rows[None], {"key": None, "count": 9, "suppressed": False})
        self.assertEqual(rows["KR-41"], {"key": "KR-41", "count": 0, "suppressed": False})
        # A researcher never gets a record: no id, alias or name anywhere in the answer.
        text = json.dumps(body, ensure_ascii=False)
        for secret in self.ids + ["하나", "둘", "셋", "넷", "통계"]:
            self.assertNotIn(secret, text)

    def test_network_two_way_table_shows_no_small_count_and_none_can_be_worked_out(self):
        body = self.network("region,service_type", session=self.network_admin)
        k = body["k"]
        shown = {tuple(r["key"]): r["count"] for r in body["rows"] if not r["suppressed"]}
        hidden = [tuple(r["key"]) for r in body["rows"] if r["suppressed"]]
        for key, count in shown.items():
            self.assertFalse(1 <= count < k, (key, count))
        for r in body["rows"]:
            self.assertEqual(r["count"] is None, r["suppressed"], r)
        # (KR-11, counseling) is 2 and (KR-11, medical) 1: both hidden; so is KR-11's total (3).
        for key in [("KR-11", "counseling"), ("KR-11", "medical"), ("KR-11", None),
                    (None, "medical")]:
            self.assertIn(key, hidden)
        # No line of the table (a row, a column, the totals' lines) has exactly one hidden cell.
        for line in self.lines(body):
            self.assertNotEqual(sum(1 for key in line if key in hidden), 1, line)

    def lines(self, body):
        keys = [tuple(r["key"]) for r in body["rows"]]
        rows = sorted({a for a, _ in keys if a is not None})
        cols = sorted({b for _, b in keys if b is not None})
        out = [[(a, b) for b in cols] + [(a, None)] for a in rows]
        out += [[(a, b) for a in rows] + [(None, b)] for b in cols]
        out.append([(a, None) for a in rows] + [(None, None)])
        out.append([(None, b) for b in cols] + [(None, None)])
        return out

    def test_network_people_measure_and_a_lower_k(self):
        body = self.network("region", "people")
        counts = self.counts(body)
        self.assertIsNone(counts["KR-11"])
        self.assertIsNone(counts["KR-26"])
        self.assertIsNone(counts[None])  # 2 women: the total itself is small
        # network_admin lowers k to 3: KR-11's three services are shown.
        r = self.network_admin.client.request("PUT", SETTINGS, body={"k": 3})
        self.assertEqual(r.status, 200, r.body)
        try:
            self.assertEqual(self.get(self.researcher, SETTINGS), {"k": 3})
            counts = self.counts(self.network("region"))
            self.assertEqual((counts["KR-11"], counts["KR-26"], counts[None]), (3, 6, 9))
            self.assertEqual(int(sql(self.server, "SELECT COUNT(*) FROM audit_log WHERE "
                                     "action = 'stats.settings.update'")), 1)
        finally:
            r = self.network_admin.client.request("PUT", SETTINGS, body={"k": 5})
            self.assertEqual(r.status, 200, r.body)

    def test_network_by_organization_keeps_a_small_member_out_of_its_regions_total(self):
        body = self.network("organization", session=self.network_admin)
        rows = {tuple(r["key"]): r for r in body["rows"]}
        self.assertTrue(rows[("KR-11", "org-a")]["suppressed"])
        # org-a's 3 is hidden; KR-11's total (sec + org-a) would reveal it, and so would the
        # grand total minus KR-26: enough is hidden that none of these subtractions works.
        self.assertNotIn(rows[("KR-11", None)]["count"], (3,))
        self.assertTrue(rows[("KR-11", None)]["suppressed"] or rows[("KR-11", "sec")]["suppressed"])

    def test_every_statistics_read_is_audited(self):
        before = int(sql(self.server, "SELECT COUNT(*) FROM audit_log WHERE action IN "
                                      "('stats.network.read', 'stats.own.read')"))
        self.network("year")
        self.own("year")
        after = before
        for _ in range(50):
            after = int(sql(self.server, "SELECT COUNT(*) FROM audit_log WHERE action IN "
                                         "('stats.network.read', 'stats.own.read')"))
            if after == before + 2:
                break
            time.sleep(0.1)
        self.assertEqual(after, before + 2)

    # -- CSV ---------------------------------------------------------------------------------------

    def test_csv_exports_are_utf8_with_bom_korean_columns_and_hide_what_the_json_hides(self):
        y = self.year
        r = self.a_admin.client.get(f"/api/v1/stats/own.csv?{self.period}&by=quarter")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.header("content-type").startswith("text/csv"))
        self.assertIn("attachment", r.header("content-disposition"))
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        lines = r.body[3:].decode("utf-8").split("\r\n")
        # Values in words, as on the screen and in exports: a quarter as 분기, a region by name.
        self.assertEqual(lines[:6], ["분기,서비스(건)", f"{y}년 1분기,5", f"{y}년 2분기,1",
                                     f"{y}년 3분기,0", f"{y}년 4분기,0", "합계,6"])
        r = self.researcher.client.get(f"/api/v1/stats/network.csv?{self.period}&by=region")
        self.assertEqual(r.status, 200, r.body)
        lines = r.body[3:].decode("utf-8").split("\r\n")
        self.assertEqual(lines[0], "지역,서비스(건)")
        self.assertIn("서울특별시,<5", lines)
        self.assertIn("부산광역시,<5", lines)
        self.assertNotIn("KR-11", r.body.decode("utf-8"))
        self.assertIn("합계,9", lines)
        for secret in self.ids:
            self.assertNotIn(secret.encode(), r.body)
        self.assertEqual(self.a_worker.client.get(
            f"/api/v1/stats/network.csv?{self.period}&by=region").status, 403)
        self.assertEqual(self.researcher.client.get(
            f"/api/v1/stats/own.csv?{self.period}&by=region").status, 403)
        self.assertEqual(self.a_admin.client.get("/api/v1/stats/own.csv?by=nope").status, 400)

    # -- who may ask, and bad questions ----------------------------------------------------------

    def test_roles_without_the_permission_are_refused(self):
        for session in [self.a_worker, self.a_admin, self.a_super]:
            self.assertEqual(session.client.get(f"{NETWORK}?by=region").status, 403)
        for session in [self.a_worker, self.researcher, self.network_admin]:
            self.assertEqual(session.client.get(f"{OWN}?by=region").status, 403)
        r = self.researcher.client.request("PUT", SETTINGS, body={"k": 3})
        self.assertEqual(r.status, 403, r.body)

    def test_bad_questions_answer_400_naming_the_field(self):
        cases = [
            (NETWORK, "by=region,region", "by"),
            (NETWORK, "by=age_band", "by"),  # not offered to the network
            (NETWORK, "by=month,year", "by"),
            (NETWORK, "by=organization,region", "by"),
            (NETWORK, "", "by"),
            (NETWORK, "by=region&measure=cases", "measure"),
            (NETWORK, "by=region&from=2025-02-30", "from"),
            (NETWORK, "by=region&from=2025-03-01&to=2025-02-01", "to"),
            (NETWORK, "by=region&from=2001-01-01&to=2025-01-01", "from"),
            (OWN, "by=emergency_response,year", "by"),
            (OWN, "by=legal_kind,service_type", "by"),
            (OWN, "by=x", "by"),
        ]
        for path, query, field in cases:
            session = self.network_admin if path == NETWORK else self.a_admin
            r = session.client.get(f"{path}?{query}")
            self.assertEqual(r.status, 400, (path, query, r.body))
            self.assertIn(field, json.dumps(r.json()), (path, query, r.body))
        for body in [{"k": 2}, {"k": 21}, {"k": "5"}, {}, {"k": 5, "extra": 1}]:
            r = self.network_admin.client.request("PUT", SETTINGS, body=body)
            self.assertEqual(r.status, 400, (body, r.body))
        self.assertEqual(self.get(self.network_admin, SETTINGS), {"k": 5})


if __name__ == "__main__":
    unittest.main()
