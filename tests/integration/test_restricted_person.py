"""Black-box tests of restricted survivors (docs/security.md, "Restricted survivors").

A woman with a restricted case is restricted wherever she is reached: her record, search, her
consents, her other (unrestricted) cases and their records, files, appointments and the
calendar, and opening a new case for her. A case worker who is not hers (not assigned to any of
her cases, not a supervisor, no live break-glass grant on one of her restricted cases) gets 403
break_glass_required naming the case whose glass she may break, audited as a refused attempt,
and sees nothing of her in lists; a refused change changes nothing. Her supervisor, her assigned
worker and a worker who broke the glass (whose reads and writes are audited as "break_glass")
reach her.
"""

import unittest
import urllib.parse

from harness import Server
from network import add_user, build_network, sign_in
from test_people import sql

CASES = "/api/v1/cases"
HER = {
    "legal_name": "한제한",
    "alias": "숨은별하나",
    "birth_date": "2004-02-29",
    "phone": "010-7777-0431",
    "safe_contact": "오후에만-연락-보안메모-9071",
}
# What must never reach someone who may not reach her (phone as stored and as digits).
SECRETS = ["한제한", "숨은별하나", "2004-02-29", "010-7777-0431", "01077770431",
           "보안메모-9071", "사례요약-제한-5531", "상담기록-제한-6620"]
INTAKE = {"intake_channel": "hotline", "risk_level": "high", "summary": "사례요약-제한-5531"}
WEEK = "from=2030-03-04T00:00:00Z&to=2030-03-11T00:00:00Z"


class RestrictedPersonTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "org-a", "org-a-outsider", "case_worker")
        add_user(cls.server, "org-a", "org-a-glass", "case_worker")
        cls.server.start()
        cls.assigned = sign_in(cls.server, cls.users["org-a"]["case_worker"])
        cls.supervisor = sign_in(cls.server, cls.users["org-a"]["supervisor"])
        cls.outsider = sign_in(cls.server, "org-a-outsider")
        cls.glass = sign_in(cls.server, "org-a-glass")
        cls.auditor = sign_in(cls.server, cls.users["org-a"]["auditor"])
        a = cls.assigned.client
        r = a.post("/api/v1/people", body=HER)
        assert r.status == 201, r.body
        cls.person = r.json()
        # Her open case first (with its records), then the restricted one.
        r = a.post(CASES, body={**INTAKE, "person_id": cls.person["id"]})
        assert r.status == 201, r.body
        cls.open_case = r.json()["id"]
        case = f"{CASES}/{cls.open_case}"
        made = {
            "appointment": a.post(case + "/appointments", body={
                "starts_at": "2030-03-05T01:00:00Z", "kind": "counseling", "place": "상담실"}),
            "legal": a.post(case + "/legal-matters", body={"kind": "family", "status": "trial"}),
            "goal": a.post(case + "/goals", body={"title": "자립 준비"}),
            "note": a.post(case + "/notes", body={"text": "상담기록-제한-6620"}),
            "file": a.request("POST", case + "/files?kind=other&name=a.txt", raw=b"file-5531",
                              headers={"Content-Type": "application/octet-stream"}),
            "consent": a.post(f"/api/v1/people/{cls.person['id']}/consents",
                              body={"kind": "statistics", "method": "verbal"}),
        }
        cls.ids = {}
        for kind, r in made.items():
            assert r.status == 201, (kind, r.body)
            cls.ids[kind] = r.json()["id"]
        r = a.post(CASES, body={**INTAKE, "person_id": cls.person["id"], "restricted": True})
        assert r.status == 201, r.body
        cls.restricted_case = r.json()["id"]
        r = cls.glass.client.post(f"{CASES}/{cls.restricted_case}/break-glass",
                                  body={"reason": "야간 긴급 상담 요청"})
        assert r.status == 200, r.body

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def routes(self):
        """Every route that reaches her by an id, with a body it accepts."""
        pid, case, ids = self.person["id"], f"{CASES}/{self.open_case}", self.ids
        return [
            ("GET", f"/api/v1/people/{pid}", None),
            ("PATCH", f"/api/v1/people/{pid}", {"safe_contact": "아무 때나 전화"}),
            ("GET", f"/api/v1/people/{pid}/consents", None),
            ("POST", f"/api/v1/people/{pid}/consents", {"kind": "statistics", "method": "written"}),
            ("POST", f"/api/v1/consents/{ids['consent']}/revoke", {}),
            ("POST", CASES, {**INTAKE, "person_id": pid}),
            ("GET", f"{CASES}/{self.restricted_case}", None),
            ("GET", case, None),
            ("PATCH", case, {"risk_level": "critical"}),
            ("GET", case + "/timeline", None),
            ("POST", case + "/close", {"reason": "nonsense"}),
            ("POST", case + "/reopen", {"reason": "다시"}),
            ("GET", case + "/services", None),
            ("POST", case + "/services", {"type": "counseling", "date": "2026-01-02",
                                          "minutes": 30}),
            ("GET", case + "/notes", None),
            ("POST", case + "/notes", {"text": "기록"}),
            ("GET", case + "/appointments", None),
            ("POST", case + "/appointments", {"starts_at": "2030-03-06T01:00:00Z",
                                              "kind": "visit"}),
            ("GET", case + "/legal-matters", None),
            ("POST", case + "/legal-matters", {"kind": "family", "status": "trial"}),
            ("GET", case + "/assessments", None),
            ("POST", case + "/assessments", {"ratings": {"safety": 2}}),
            ("GET", case + "/goals", None),
            ("POST", case + "/goals", {"title": "목표"}),
            ("GET", case + "/files", None),
            ("GET", f"/api/v1/files/{ids['file']}", None),
            ("POST", f"/api/v1/appointments/{ids['appointment']}/done", {}),
            ("POST", f"/api/v1/appointments/{ids['appointment']}/cancel", {}),
            ("PATCH", f"/api/v1/legal-matters/{ids['legal']}", {"status": "appeal"}),
            ("POST", f"/api/v1/legal-matters/{ids['legal']}/hearings",
             {"at": "2030-03-07T01:00:00Z", "kind": "trial"}),
            ("PATCH", f"/api/v1/goals/{ids['goal']}", {"status": "done"}),
        ]

    def assert_hides_her(self, r, where):
        text = r.body.decode("utf-8", "replace")
        for secret in SECRETS:
            self.assertNotIn(secret, text, where)

    def test_a_worker_who_is_not_hers_is_refused_everywhere_and_changes_nothing(self):
        before_consents = int(sql(self.server, "SELECT COUNT(*) FROM consents"))
        before_cases = int(sql(self.server, "SELECT COUNT(*) FROM cases"))
        before_people = sql(self.server, f"SELECT safe_contact, updated_at FROM people "
                                         f"WHERE id = '{self.person['id']}'")
        for method, path, body in self.routes():
            r = self.outsider.client.request(method, path, body=body)
            where = (method, path, r.status, r.body[:200])
            self.assertEqual(r.status, 403, where)
            error = r.json()["error"]
            self.assertEqual(error["code"], "break_glass_required", where)
            self.assertEqual(error["refs"]["break_glass_cases"], [self.restricted_case], where)
            self.assert_hides_her(r, where)
        # Words, not codes, in both languages.
        ko = self.outsider.client.get(f"/api/v1/people/{self.person['id']}")
        self.assertIn("제한된 사례", ko.json()["error"]["message"])
        self.outsider.client.lang = "en"
        try:
            en = self.outsider.client.get(f"/api/v1/people/{self.person['id']}")
        finally:
            self.outsider.client.lang = "ko"
        self.assertIn("restricted case", en.json()["error"]["message"])
        # Nothing changed: her safe-contact note, her consents, no new case, no new record.
        self.assertEqual(int(sql(self.server, "SELECT COUNT(*) FROM consents")), before_consents)
        self.assertEqual(int(sql(self.server, "SELECT COUNT(*) FROM cases")), before_cases)
        self.assertEqual(sql(self.server, f"SELECT safe_contact, updated_at FROM people "
                                          f"WHERE id = '{self.person['id']}'"), before_people)
        self.assertEqual(sql(self.server, f"SELECT revoked_at FROM consents "
                                          f"WHERE id = '{self.ids['consent']}'"), "")
        for table in ("case_notes", "case_services", "plan_goals"):
            self.assertEqual(sql(self.server, f"SELECT COUNT(*) FROM {table} "
                                              f"WHERE case_id = '{self.open_case}'"),
                             "1" if table != "case_services" else "0", table)
        r = self.supervisor.client.get(f"/api/v1/people/{self.person['id']}")
        self.assertEqual(r.json()["safe_contact"], HER["safe_contact"])
        # Each refusal is on record as a refused attempt.
        r = self.auditor.client.get(
            f"/api/v1/audit?entity_type=person&entity_id={self.person['id']}")
        refused = {(e["action"], e["outcome"]) for e in r.json()["items"]
                   if e["actor"] == self.outsider.user_id}
        for action in ("person.read", "person.update", "consent.list", "consent.create",
                       "case.create"):
            self.assertIn((action, "break_glass_required"), refused)
        r = self.auditor.client.get(f"/api/v1/audit?entity_type=case&entity_id={self.open_case}")
        refused = {(e["action"], e["outcome"]) for e in r.json()["items"]
                   if e["actor"] == self.outsider.user_id}
        self.assertIn(("note.list", "break_glass_required"), refused)

    def test_her_supervisor_her_worker_and_a_glass_breaker_reach_her(self):
        for who in (self.supervisor, self.assigned, self.glass):
            for method, path, body in self.routes():
                if method != "GET":
                    continue
                r = who.client.request(method, path, body=body)
                self.assertEqual(r.status, 200, (who.body["user"]["username"], path, r.body[:200]))
            r = who.client.get(f"/api/v1/people/{self.person['id']}")
            self.assertEqual(r.json()["legal_name"], HER["legal_name"])
            self.assertTrue(r.json()["restricted"])
        access = {s.user_id: s.client.get(f"/api/v1/people/{self.person['id']}").json()["access"]
                  for s in (self.supervisor, self.assigned, self.glass)}
        self.assertEqual(sorted(access.values()), ["assigned", "break_glass", "supervisor"])
        # Writes pass the door too (the glass breaker's through her grant).
        r = self.glass.client.post(f"/api/v1/people/{self.person['id']}/consents",
                                   body={"kind": "statistics", "method": "written"})
        self.assertEqual(r.status, 201, r.body)
        r = self.glass.client.request("PATCH", f"/api/v1/people/{self.person['id']}",
                                      body={"languages": ["ko"]})
        self.assertEqual(r.status, 200, r.body)
        # Reads under the grant are audited as such.
        r = self.auditor.client.get(
            f"/api/v1/audit?entity_type=person&entity_id={self.person['id']}")
        mine = {(e["action"], e["outcome"]) for e in r.json()["items"]
                if e["actor"] == self.glass.user_id}
        self.assertIn(("person.read", "break_glass"), mine)
        self.assertIn(("consent.list", "break_glass"), mine)
        self.assertIn(("person.update", "break_glass"), mine)  # writes under it too
        r = self.auditor.client.get("/api/v1/audit?action=consent.create")
        self.assertIn("break_glass", [e["outcome"] for e in r.json()["items"]
                                      if e["actor"] == self.glass.user_id])
        r = self.auditor.client.get(f"/api/v1/audit?entity_type=case&entity_id={self.open_case}")
        mine = {(e["action"], e["outcome"]) for e in r.json()["items"]
                if e["actor"] == self.glass.user_id}
        self.assertIn(("case.read", "break_glass"), mine)
        self.assertIn(("note.list", "break_glass"), mine)

    def test_search_finds_her_as_a_stub_and_records_the_match(self):
        for key, value in [("name", HER["legal_name"]), ("phone", HER["phone"]),
                           ("code", self.person["code"])]:
            query = urllib.parse.urlencode({key: value})
            r = self.outsider.client.get(f"/api/v1/people?{query}")
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.json()["items"], [{"id": self.person["id"],
                                                  "code": self.person["code"],
                                                  "restricted": True, "access": None}])
            self.assert_hides_her(r, key)
            r = self.glass.client.get(f"/api/v1/people?{query}")
            item = r.json()["items"][0]
            self.assertEqual((item["legal_name"], item["restricted"], item["access"]),
                             (HER["legal_name"], True, "break_glass"))
        r = self.auditor.client.get(
            f"/api/v1/audit?entity_type=person&entity_id={self.person['id']}")
        matches = [e for e in r.json()["items"] if e["action"] == "person.search"]
        self.assertEqual(sum(1 for e in matches if e["actor"] == self.outsider.user_id
                             and e["outcome"] == "break_glass_required"), 3)
        self.assertEqual(sum(1 for e in matches if e["actor"] == self.glass.user_id
                             and e["outcome"] == "break_glass"), 3)

    def test_lists_and_the_calendar_show_nothing_of_her(self):
        lists = [f"{CASES}?person_id={self.person['id']}", CASES,
                 f"/api/v1/appointments?{WEEK}&scope=organization", "/api/v1/caseload"]
        for path in lists:
            r = self.outsider.client.get(path)
            self.assertEqual(r.status, 200, (path, r.body))
            self.assert_hides_her(r, path)
        items = self.outsider.client.get(f"{CASES}?person_id={self.person['id']}").json()["items"]
        self.assertEqual({i["id"] for i in items}, {self.open_case, self.restricted_case})
        self.assertEqual([i["person"] for i in items], [None, None])
        week = self.outsider.client.get(f"/api/v1/appointments?{WEEK}&scope=organization")
        hers = [a for a in week.json()["items"] if a["case_id"] == self.open_case]
        self.assertEqual(len(hers), 1)
        self.assertEqual((hers[0]["person"], hers[0]["place"], hers[0]["kind"]),
                         (None, None, "counseling"))
        for who in (self.supervisor, self.glass):
            week = who.client.get(f"/api/v1/appointments?{WEEK}&scope=organization").json()
            hers = [a for a in week["items"] if a["case_id"] == self.open_case]
            self.assertEqual(hers[0]["person"]["alias"], HER["alias"])
            items = who.client.get(f"{CASES}?person_id={self.person['id']}").json()["items"]
            self.assertEqual([i["person"]["legal_name"] for i in items], [HER["legal_name"]] * 2)

    def test_a_woman_without_a_restricted_case_stays_open_to_her_organization(self):
        r = self.assigned.client.post("/api/v1/people", body={"legal_name": "열린사람"})
        other = r.json()
        r = self.assigned.client.post(CASES, body={**INTAKE, "person_id": other["id"]})
        self.assertEqual(r.status, 201, r.body)
        r = self.outsider.client.get(f"/api/v1/people/{other['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual((r.json()["restricted"], r.json()["access"]), (False, "organization"))
        case_id = self.assigned.client.get(f"{CASES}?person_id={other['id']}").json()["items"][0]["id"]
        self.assertEqual(self.outsider.client.get(f"{CASES}/{case_id}").status, 200)
        r = self.outsider.client.get("/api/v1/people?" + urllib.parse.urlencode({"name": "열린사람"}))
        self.assertEqual(r.json()["items"][0]["legal_name"], "열린사람")

if __name__ == "__main__":
    unittest.main()
