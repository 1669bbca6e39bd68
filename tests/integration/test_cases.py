"""Black-box tests of cases: /api/v1/cases, break-glass, timeline, notifications.

Open from intake, read, list, change, assign, restrict, close and reopen in Korean; another
organization's workers get 404 on every route; a restricted case needs break-glass (a reason,
audited, the supervisors notified); bad input names the fields and writes nothing; summaries
never reach the disk in clear.
"""

import os
import time
import unittest

from harness import Server, backend
from network import add_user, advance, build_network, server_now, sign_in
from test_people import MINJI, encodings, sql

CASES = "/api/v1/cases"
INTAKE = {
    "intake_channel": "hotline",
    "situation": ["entertainment_establishment", "online"],
    "risk_level": "high",
    "summary": "업주에게 선불금 채무를 강요받고 있으며 야간에만 외출 가능",
    "safety_plan": "연락은 오후 2시~4시 사이 문자로만",
}


class CasesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "org-a", "org-a-second-worker", "case_worker")
        add_user(cls.server, "org-a", "org-a-third-worker", "case_worker")
        cls.server.start()
        cls.names = {"a": cls.users["org-a"]["case_worker"], "a2": "org-a-second-worker",
                     "a_super": cls.users["org-a"]["supervisor"],
                     "b": cls.users["org-b"]["case_worker"],
                     "b_super": cls.users["org-b"]["supervisor"],
                     "auditor": cls.users["org-a"]["auditor"]}
        for attr, name in cls.names.items():
            setattr(cls, attr, sign_in(cls.server, name))
        r = cls.a.client.post("/api/v1/people", body=MINJI)
        assert r.status == 201, r.body
        cls.person = r.json()

    @classmethod
    def sign_in_again(cls):
        """New sessions for everyone (after the clock moved past the session timeouts)."""
        for attr, name in cls.names.items():
            setattr(cls, attr, sign_in(cls.server, name, totp_secret=getattr(cls, attr).totp_secret))

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_a_list_shows_at_once_what_another_process_changed(self):
        """The server keeps the rows of lists while nothing they show changed
        (cases/list_cache.h): a change made in the database itself, behind the server, shows
        at the very next read."""
        case = self.open_case(risk_level="low")

        def risk():
            r = self.a.client.get(CASES + "?status=open&assigned=me")
            self.assertEqual(r.status, 200, r.body)
            return {c["id"]: c["risk_level"] for c in r.json()["items"]}[case["id"]]

        self.assertEqual(risk(), "low")
        self.assertEqual(risk(), "low")
        sql(self.server, "UPDATE cases SET risk_level = 'critical', risk_rank = 3 "
                         f"WHERE id = '{case['id']}'")
        self.assertEqual(risk(), "critical")

    def test_a_case_read_refuses_at_once_a_session_changed_behind_the_server(self):
        """A case read, a list or the caseload home may take the caller's session from memory
        and confirm it in its own statement (security/session_confirmation.h): her roles changed, her account disabled or
        her session ended in the database itself, behind the server, are seen by the very next
        read, and undoing a change is seen as soon."""
        case = self.open_case()
        path = f"{CASES}/{case['id']}"
        third = sign_in(self.server, "org-a-third-worker")
        user = third.user_id

        def read():
            """The case, a kept list (twice: the second is kept), the caseload home, and a bad
            query: the same answer from all, 200s for the good ones or one refusal."""
            got = [third.client.get(p).status
                   for p in (path, CASES + "?status=open", CASES + "?status=open",
                             CASES + "?status=open&assigned=me", "/api/v1/caseload",
                             CASES + "?risk=extreme")]
            self.assertIn(got[-1], (400, got[0]), got)
            self.assertEqual(len(set(got[:-1])), 1, got)
            return got[0]

        self.assertEqual([read(), read(), read()], [200, 200, 200])
        roles = sql(self.server, f"SELECT roles FROM users WHERE id = '{user}'")
        sql(self.server, f"UPDATE users SET roles = 'advocate' WHERE id = '{user}'")
        self.assertEqual([read(), read()], [403, 403])
        sql(self.server, f"UPDATE users SET roles = '{roles}' WHERE id = '{user}'")
        self.assertEqual([read(), read()], [200, 200])
        sql(self.server, "UPDATE users SET disabled_at = '2026-01-01T00:00:00Z' "
                         f"WHERE id = '{user}'")
        self.assertEqual([read(), read()], [401, 401])
        sql(self.server, f"UPDATE users SET disabled_at = NULL WHERE id = '{user}'")
        self.assertEqual([read(), read()], [200, 200])
        sql(self.server, "UPDATE sessions SET ended_at = 1 "
                         f"WHERE csrf_token = '{third.client.csrf}'")
        r = third.client.get(CASES + "?status=open")
        self.assertEqual(r.status, 401, r.body)
        self.assertEqual(r.json()["error"]["code"], "unauthenticated")
        self.assertEqual(read(), 401)
        self.assertEqual(third.client.get(CASES + "?risk=extreme").status, 401)

    def open_case(self, session=None, **extra):
        body = {**INTAKE, "person_id": self.person["id"], **extra}
        r = (session or self.a).client.post(CASES, body=body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def count(self):
        return int(sql(self.server, "SELECT COUNT(*) FROM cases"))

    def test_caseload_home(self):
        mine = self.open_case(risk_level="critical")
        quiet = self.open_case(risk_level="low")
        other = self.open_case(self.a2)
        now = server_now(self.a.client)
        soon = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 3600))
        later = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 3 * 86400))
        for at in (soon, later):
            r = self.a.client.post(f"{CASES}/{mine['id']}/appointments",
                                   body={"starts_at": at, "kind": "counseling", "place": "상담실 2"})
            self.assertEqual(r.status, 201, r.body)
        r = self.a.client.get("/api/v1/caseload")
        self.assertEqual(r.status, 200, r.body)
        home = r.json()
        ids = [c["id"] for c in home["open_cases"]]
        self.assertIn(mine["id"], ids)
        self.assertNotIn(other["id"], ids)
        self.assertLess(ids.index(mine["id"]), ids.index(quiet["id"]))  # riskiest first
        week = [a for a in home["appointments_week"] if a["case_id"] == mine["id"]]
        self.assertEqual(len(week), 2)
        self.assertEqual(week[0]["person"]["safe_contact"], MINJI["safe_contact"])
        self.assertEqual(self.b.client.get("/api/v1/caseload").json()["open_cases"], [])
        self.assertEqual(self.auditor.client.get("/api/v1/caseload").status, 403)
        # A month without contact puts her cases on the list; a service takes them off.
        advance(self.a.client, 31 * 86400)
        self.sign_in_again()
        stale = [c["id"] for c in self.a.client.get("/api/v1/caseload").json()["no_contact_30_days"]]
        self.assertIn(quiet["id"], stale)
        today = time.strftime("%Y-%m-%d", time.gmtime(server_now(self.a.client)))
        r = self.a.client.post(f"{CASES}/{quiet['id']}/services",
                               body={"type": "counseling", "date": today, "minutes": 50})
        self.assertEqual(r.status, 201, r.body)
        stale = [c["id"] for c in self.a.client.get("/api/v1/caseload").json()["no_contact_30_days"]]
        self.assertNotIn(quiet["id"], stale)

    def test_open_read_list_change_close_reopen(self):
        c = self.open_case()
        self.assertRegex(c["number"], r"^ORGA-C-\d{4}-\d{4}$")
        self.assertEqual(c["status"], "open")
        self.assertEqual(c["summary"], INTAKE["summary"])
        self.assertEqual(c["person"]["safe_contact"], MINJI["safe_contact"])
        self.assertEqual([w["user_id"] for w in c["assigned"]], [self.a.user_id])
        self.assertEqual(c["access"], "assigned")
        r = self.a2.client.get(f"{CASES}/{c['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["access"], "organization")
        r = self.a.client.get(f"{CASES}?status=open&assigned=me")
        self.assertEqual(r.status, 200, r.body)
        self.assertIn(c["id"], [i["id"] for i in r.json()["items"]])
        self.assertNotIn(c["id"], [i["id"] for i in
                                   self.a2.client.get(f"{CASES}?assigned=me").json()["items"]])
        r = self.a.client.request("PATCH", f"{CASES}/{c['id']}",
                                  body={"risk_level": "critical", "safety_plan": ""})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["risk_level"], "critical")
        self.assertIsNone(r.json()["safety_plan"])
        listed = self.a.client.get(f"{CASES}?person_id={self.person['id']}").json()["items"]
        self.assertEqual(listed[0]["risk_level"], "critical")  # riskiest first
        r = self.a.client.post(f"{CASES}/{c['id']}/close",
                               body={"reason": "goals_met", "note": "자립 주거 마련"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "closed")
        self.assertEqual(r.json()["closure_note"], "자립 주거 마련")
        r = self.a.client.post(f"{CASES}/{c['id']}/close", body={"reason": "goals_met"})
        self.assertEqual(r.status, 409, r.body)
        r = self.a.client.post(f"{CASES}/{c['id']}/reopen", body={"reason": "다시 도움 요청"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "open")
        self.assertEqual(r.json()["reopen_reason"], "다시 도움 요청")
        self.assertIsNone(r.json()["closed_at"])
        events = self.a.client.get(f"{CASES}/{c['id']}/timeline").json()["items"]
        self.assertEqual([e["kind"] for e in events][:3],
                         ["case_reopened", "case_closed", "case_opened"])
        # Each event says who did it, by name as well as by id.
        self.assertEqual(events[1]["actor_id"], self.a.user_id)
        self.assertEqual(events[1]["actor_name"], self.a.body["user"]["display_name"])

    def test_assign_is_for_supervisors_and_checks_the_workers(self):
        c = self.open_case()
        r = self.a.client.post(f"{CASES}/{c['id']}/assign", body={"user_ids": [self.a2.user_id]})
        self.assertEqual(r.status, 403, r.body)
        r = self.a_super.client.post(f"{CASES}/{c['id']}/assign",
                                     body={"user_ids": [self.a2.user_id, self.a.user_id]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(sorted(w["user_id"] for w in r.json()["assigned"]),
                         sorted([self.a2.user_id, self.a.user_id]))
        for bad in ([self.b.user_id], [self.auditor.user_id], ["nobody"], []):
            r = self.a_super.client.post(f"{CASES}/{c['id']}/assign", body={"user_ids": bad})
            self.assertEqual(r.status, 400, (bad, r.body))
            self.assertIn("user_ids", r.json()["error"]["fields"])

    def test_restricted_case_needs_break_glass(self):
        c = self.open_case(restricted=True)
        cid = c["id"]
        r = self.a2.client.get(f"{CASES}/{cid}")
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(r.json()["error"]["code"], "break_glass_required")
        listed = {i["id"]: i for i in self.a2.client.get(CASES).json()["items"]}
        self.assertIsNone(listed[cid]["person"])  # listed, but nothing of her shown
        self.assertEqual(self.a2.client.get(f"{CASES}/{cid}/timeline").status, 403)
        self.assertEqual(self.a.client.get(f"{CASES}/{cid}/timeline").status, 200)
        # Both are on record: the refused attempt and her worker's read.
        seen = sql(self.server, "SELECT outcome FROM audit_log WHERE action = 'case.timeline' "
                                f"AND entity_id = '{cid}' ORDER BY seq").splitlines()
        self.assertEqual(seen, ["break_glass_required", "ok"])
        # Supervisors and assigned workers read it without breaking anything.
        self.assertEqual(self.a_super.client.get(f"{CASES}/{cid}").status, 200)
        self.assertEqual(self.a.client.get(f"{CASES}/{cid}").status, 200)
        r = self.a2.client.post(f"{CASES}/{cid}/break-glass", body={"reason": "  "})
        self.assertEqual(r.status, 400, r.body)
        r = self.a2.client.post(f"{CASES}/{cid}/break-glass",
                                body={"reason": "야간 긴급 전화, 담당자 부재"})
        self.assertEqual(r.status, 200, r.body)
        r = self.a2.client.get(f"{CASES}/{cid}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["access"], "break_glass")
        notes = self.a_super.client.get("/api/v1/notifications").json()["items"]
        mine = [n for n in notes if n["case_id"] == cid and n["kind"] == "break_glass"]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["actor_id"], self.a2.user_id)
        r = self.a_super.client.post(f"/api/v1/notifications/{mine[0]['id']}/read")
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(self.a2.client.post(f"/api/v1/notifications/{mine[0]['id']}/read").status,
                         404)
        audit = self.auditor.client.get(f"/api/v1/audit?entity_type=case&entity_id={cid}")
        actions = [(e["action"], e["outcome"]) for e in audit.json()["items"]]
        self.assertIn(("case.read", "break_glass_required"), actions)
        self.assertIn(("case.break_glass", "ok"), actions)
        self.assertIn(("case.read", "break_glass"), actions)
        self.assertNotIn("야간 긴급", audit.body.decode("utf-8"))
        # The grant runs out after a working day.
        advance(self.a2.client, 9 * 3600)
        self.sign_in_again()
        self.assertEqual(self.a2.client.get(f"{CASES}/{cid}").status, 403)

    def test_another_organization_gets_404_everywhere(self):
        c = self.open_case(restricted=True)
        cid = c["id"]
        for s in (self.b, self.b_super):
            self.assertEqual(s.client.get(f"{CASES}/{cid}").status, 404)
            self.assertEqual(s.client.get(f"{CASES}/{cid}/timeline").status, 404)
            for path, body in [(f"{CASES}/{cid}/close", {"reason": "other"}),
                               (f"{CASES}/{cid}/reopen", {"reason": "x"}),
                               (f"{CASES}/{cid}/break-glass", {"reason": "x"})]:
                self.assertEqual(s.client.post(path, body=body).status, 404, path)
            r = s.client.request("PATCH", f"{CASES}/{cid}", body={"risk_level": "nope"})
            self.assertEqual(r.status, 404, r.body)
            self.assertNotIn(cid, [i["id"] for i in s.client.get(CASES).json()["items"]])
        r = self.b_super.client.post(f"{CASES}/{cid}/assign", body={"user_ids": [self.b.user_id]})
        self.assertEqual(r.status, 404, r.body)
        # Her person is not theirs to open a case for either.
        r = self.b.client.post(CASES, body={**INTAKE, "person_id": self.person["id"]})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("person_id", r.json()["error"]["fields"])

    def test_bad_input_names_the_fields_and_writes_nothing(self):
        before = self.count()
        pid = self.person["id"]
        cases = [
            ({**INTAKE, "person_id": pid, "intake_channel": "carrier_pigeon"}, "intake_channel"),
            ({**INTAKE, "person_id": pid, "risk_level": "extreme"}, "risk_level"),
            ({**INTAKE, "person_id": pid, "situation": ["space"]}, "situation"),
            ({**INTAKE, "person_id": pid, "situation": "online"}, "situation"),
            ({**INTAKE, "person_id": pid, "summary": ""}, "summary"),
            ({**INTAKE, "person_id": pid, "restricted": "yes"}, "restricted"),
            ({**INTAKE}, "person_id"),
            ({**INTAKE, "person_id": "0" * 26}, "person_id"),
            ({**INTAKE, "person_id": pid, "colour": "red"}, "colour"),
        ]
        for body, field in cases:
            messages = {}
            for lang in ("ko", "en"):
                self.a.client.lang = lang
                r = self.a.client.post(CASES, body=body)
                self.a.client.lang = "ko"
                self.assertEqual(r.status, 400, (field, r.body))
                self.assertIn(field, r.json()["error"]["fields"], (field, r.body))
                messages[lang] = r.json()["error"]["message"]
            self.assertNotEqual(messages["ko"], messages["en"])
        c = self.open_case()
        before = self.count()
        for path, body, field in [(f"{CASES}/{c['id']}/close", {"reason": "bored"}, "reason"),
                                  (f"{CASES}/{c['id']}/close", {}, "reason"),
                                  (f"{CASES}/{c['id']}/reopen", {"reason": 5}, "reason")]:
            r = self.a.client.post(path, body=body)
            self.assertEqual(r.status, 400, (path, r.body))
            self.assertIn(field, r.json()["error"]["fields"])
        r = self.a.client.request("PATCH", f"{CASES}/{c['id']}", body={"person_id": "x"})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(self.a.client.get(f"{CASES}/{c['id']}").json()["status"], "open")
        self.assertEqual(self.count(), before)
        self.assertEqual(self.a.client.get(f"{CASES}?status=maybe").status, 400)
        self.assertEqual(self.a.client.get(f"{CASES}?assigned=you").status, 400)

    def test_summaries_never_reach_the_disk_in_clear(self):
        secret = "사례요약-비밀-7731"
        c = self.open_case(summary=secret, safety_plan="안전계획-비밀-9917")
        self.assertEqual(self.a.client.get(f"{CASES}/{c['id']}").json()["summary"], secret)
        if backend() != "sqlite":
            return  # the PostgreSQL files belong to the server process; see test_people
        for root, _, names in os.walk(self.server.tmp):
            for name in names:
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read()
                for value in (secret, "안전계획-비밀-9917"):
                    for form in encodings(value):
                        self.assertNotIn(form, data, (name, value))


if __name__ == "__main__":
    unittest.main()
