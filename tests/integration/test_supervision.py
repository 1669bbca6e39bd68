"""Black-box tests of supervision: a supervisor's team, her team caseload's filters, and the acts
waiting for her review (break-glass into a restricted case, closing a case).

A supervisor sees each worker's open cases, high-risk cases and cases with no contact for N days,
and the cases nobody works; filters the organization's cases by worker, risk and silence; reads
the break-glass reasons and closings of the last 30 days and marks them reviewed, once. Other
roles are refused; another organization's supervisor sees none of it and cannot review it; bad
input names the field and writes nothing.
"""

import unittest

from harness import Server
from network import add_user, advance, build_network, sign_in
from test_cases import CASES, INTAKE
from test_people import MINJI, sql

TEAM = "/api/v1/supervision/team"
WAITING = "/api/v1/supervision/waiting"
REVIEWS = "/api/v1/supervision/reviews"


class SupervisionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "org-a", "org-a-second-worker", "case_worker")
        add_user(cls.server, "org-a", "org-a-leaving-worker", "case_worker")
        cls.server.start()
        cls.names = {"a": cls.users["org-a"]["case_worker"], "a2": "org-a-second-worker",
                     "sup": cls.users["org-a"]["supervisor"],
                     "adm": cls.users["org-a"]["org_admin"],
                     "leaving": "org-a-leaving-worker",
                     "b_sup": cls.users["org-b"]["supervisor"]}
        cls.sign_in_all()
        r = cls.a.client.post("/api/v1/people", body=MINJI)
        assert r.status == 201, r.body
        cls.person = r.json()

    @classmethod
    def sign_in_all(cls):
        for attr, name in cls.names.items():
            if attr == "leaving" and hasattr(cls, attr):
                continue  # disabled by then
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, name,
                                       totp_secret=old.totp_secret if old else None))

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def open_case(self, session, person=None, **extra):
        person_id = (person or self.person)["id"]
        r = session.client.post(CASES, body={**INTAKE, "person_id": person_id, **extra})
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def worker(self, team, user_id):
        return next(w for w in team["workers"] if w["user_id"] == user_id)

    def test_team_workload_and_the_team_caseload_filters(self):
        before = self.sup.client.get(TEAM).json()
        critical = self.open_case(self.a, risk_level="critical")
        self.open_case(self.a, risk_level="low")
        theirs = self.open_case(self.a2, risk_level="medium")
        # A case whose only worker has left counts as nobody's.
        nobody = self.open_case(self.leaving, risk_level="high")
        r = self.adm.client.post(
            f"/api/v1/organizations/{self.adm.org_id}/users/{self.leaving.user_id}/disable")
        self.assertEqual(r.status, 200, r.body)

        r = self.sup.client.get(TEAM)
        self.assertEqual(r.status, 200, r.body)
        team = r.json()
        a, a_before = self.worker(team, self.a.user_id), self.worker(before, self.a.user_id)
        self.assertEqual(a["open_cases"] - a_before["open_cases"], 2)
        self.assertEqual(a["high_risk"] - a_before["high_risk"], 1)
        self.assertEqual(a["display_name"], self.a.body["user"]["display_name"])
        self.assertIn("case_worker", a["roles"])
        self.assertEqual(team["unassigned_open_cases"] - before["unassigned_open_cases"], 1)
        # Only active staff with a case role are on the team: not the org admin, not who left.
        names = {w["user_id"] for w in team["workers"]}
        self.assertIn(self.sup.user_id, names)
        self.assertNotIn(self.adm.user_id, names)
        self.assertNotIn(self.leaving.user_id, names)
        self.assertTrue(all({"case_worker", "supervisor"} & set(w["roles"])
                            for w in team["workers"]))

        mine = self.sup.client.get(f"{CASES}?status=open&worker={self.a2.user_id}").json()
        self.assertEqual([c["id"] for c in mine["items"]], [theirs["id"]])
        unassigned = self.sup.client.get(f"{CASES}?status=open&worker=none").json()["items"]
        self.assertIn(nobody["id"], [c["id"] for c in unassigned])
        risky = self.sup.client.get(f"{CASES}?status=open&risk=critical").json()["items"]
        self.assertIn(critical["id"], [c["id"] for c in risky])
        self.assertTrue(all(c["risk_level"] == "critical" for c in risky))

        # Thirty-one quiet days: every one of her open cases has gone without contact.
        silent = self.sup.client.get(f"{CASES}?status=open&no_contact_days=30").json()["items"]
        self.assertNotIn(critical["id"], [c["id"] for c in silent])
        advance(self.sup.client, 31 * 86400)
        self.sign_in_all()
        silent = self.sup.client.get(f"{CASES}?status=open&no_contact_days=30").json()["items"]
        self.assertIn(critical["id"], [c["id"] for c in silent])
        team = self.sup.client.get(f"{TEAM}?no_contact_days=30").json()
        self.assertEqual(self.worker(team, self.a.user_id)["no_contact"],
                         self.worker(team, self.a.user_id)["open_cases"])

    def test_break_glass_and_closings_wait_for_review_once(self):
        # Her own person: restricting a case closes the woman to unassigned workers everywhere.
        r = self.a.client.post("/api/v1/people", body={**MINJI, "phone": "01077770000"})
        self.assertEqual(r.status, 201, r.body)
        restricted = self.open_case(self.a, person=r.json())
        r = self.sup.client.post(f"{CASES}/{restricted['id']}/restrict", body={"restricted": True})
        self.assertEqual(r.status, 200, r.body)
        r = self.a2.client.post(f"{CASES}/{restricted['id']}/break-glass",
                                body={"reason": "야간 긴급 전화, 담당자 부재"})
        self.assertEqual(r.status, 200, r.body)
        closing = self.open_case(self.a)
        r = self.a.client.post(f"{CASES}/{closing['id']}/close", body={"reason": "goals_met"})
        self.assertEqual(r.status, 200, r.body)

        r = self.sup.client.get(WAITING)
        self.assertEqual(r.status, 200, r.body)
        items = r.json()["items"]
        glass = next(i for i in items if i["kind"] == "break_glass"
                     and i["case_id"] == restricted["id"])
        self.assertEqual(glass["reason"], "야간 긴급 전화, 담당자 부재")
        self.assertEqual(glass["actor"]["user_id"], self.a2.user_id)
        self.assertEqual(glass["case_number"], restricted["number"])
        closed = next(i for i in items if i["kind"] == "closure" and i["case_id"] == closing["id"])
        self.assertEqual(closed["reason_code"], "goals_met")
        self.assertEqual(closed["actor"]["user_id"], self.a.user_id)
        self.assertEqual(int(sql(self.server, "SELECT COUNT(*) FROM audit_log WHERE action = "
                                 "'supervision.waiting'")) >= 1, True)

        # Another organization's supervisor sees none of it and cannot review it.
        theirs = self.b_sup.client.get(WAITING).json()["items"]
        self.assertNotIn(restricted["id"], [i["case_id"] for i in theirs])
        r = self.b_sup.client.post(REVIEWS, body={"kind": "break_glass",
                                                  "subject_id": glass["subject_id"]})
        self.assertEqual(r.status, 404, r.body)

        for item in (glass, closed):
            r = self.sup.client.post(REVIEWS, body={"kind": item["kind"],
                                                    "subject_id": item["subject_id"]})
            self.assertEqual(r.status, 201, r.body)
        r = self.sup.client.post(REVIEWS, body={"kind": "closure",
                                                "subject_id": closed["subject_id"]})
        self.assertEqual(r.status, 409, r.body)
        self.assertIn("이미 검토한", r.json()["error"]["message"])
        left = {i["subject_id"] for i in self.sup.client.get(WAITING).json()["items"]}
        self.assertNotIn(glass["subject_id"], left)
        self.assertNotIn(closed["subject_id"], left)
        reviewed = sql(self.server, "SELECT COUNT(*) FROM audit_log WHERE action = "
                       "'supervision.review' AND outcome = 'ok'")
        self.assertGreaterEqual(int(reviewed), 2)

    def test_other_roles_are_refused(self):
        for path in (TEAM, WAITING):
            self.assertEqual(self.a.client.get(path).status, 403, path)
        r = self.a.client.post(REVIEWS, body={"kind": "closure", "subject_id": "x"})
        self.assertEqual(r.status, 403, r.body)

    def test_bad_input_names_the_field_and_writes_nothing(self):
        before = sql(self.server, "SELECT COUNT(*) FROM supervision_reviews")
        for days in ("abc", "0", "400"):
            r = self.sup.client.get(f"{TEAM}?no_contact_days={days}")
            self.assertEqual(r.status, 400, r.body)
            self.assertIn("no_contact_days", r.json()["error"]["fields"])
        for query in ("risk=extreme", "worker=someone%20else", "no_contact_days=-3"):
            r = self.sup.client.get(f"{CASES}?{query}")
            self.assertEqual(r.status, 400, (query, r.body))
        for body in ({"kind": "holiday", "subject_id": "01m8tamb69herhp9c7jgds4sr4"},
                     {"kind": "closure"}, {"kind": 3, "subject_id": []},
                     {"kind": "closure", "subject_id": "01m8tamb69herhp9c7jgds4sr4"}):
            r = self.sup.client.post(REVIEWS, body=body)
            self.assertIn(r.status, (400, 404), (body, r.body))
            self.assertIn("error", r.json())
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM supervision_reviews"), before)


if __name__ == "__main__":
    unittest.main()
