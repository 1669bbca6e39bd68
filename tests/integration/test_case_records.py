"""Black-box tests of a case's records: services, notes, appointments and the calendar, legal
matters and hearings, consents, assessments, plan goals and files (docs/api-cases.md, "Case records").

Every route works for the case roles of the organization; another organization's user gets 404;
a case worker not assigned to a restricted case gets 403 break_glass_required; bad input answers
400 naming the fields in Korean and English and writes nothing; notes cannot be edited or
deleted, by route or in the database; a file round-trips and is never on disk in clear; a
revoked consent is revoked at once.
"""

import os
import socket
import subprocess
import unittest

from harness import Server, backend
from network import add_user, build_network, sign_in
from test_people import MINJI, encodings, sql

CASES = "/api/v1/cases"
INTAKE = {"intake_channel": "outreach", "situation": ["online"], "risk_level": "medium",
          "summary": "온라인 성착취 피해, 상담 희망"}
SERVICE = {"type": "counseling", "date": "2026-01-15", "minutes": 50, "provider": "상담소",
           "notes": "서비스메모-비밀-4471", "outcome": "다음 주 재상담"}
PDF = b"%PDF-1.4\n" + "진단서-비밀-내용-5520 외상 후 스트레스".encode("utf-8") + bytes(range(256)) * 64


class CaseRecordsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "org-a", "org-a-records-worker", "case_worker")
        cls.server.start()
        cls.a = sign_in(cls.server, cls.users["org-a"]["case_worker"])
        cls.a2 = sign_in(cls.server, "org-a-records-worker")
        cls.a_super = sign_in(cls.server, cls.users["org-a"]["supervisor"])
        cls.b = sign_in(cls.server, cls.users["org-b"]["case_worker"])
        cls.b_super = sign_in(cls.server, cls.users["org-b"]["supervisor"])
        r = cls.a.client.post("/api/v1/people", body=MINJI)
        assert r.status == 201, r.body
        cls.person = r.json()
        # Restricted cases are another woman's: a restricted case closes all of a woman's cases
        # to workers who are not hers (test_restricted_person), and Minji's open case is read
        # by the second worker throughout.
        r = cls.a.client.post("/api/v1/people", body={"legal_name": "박서연", "alias": "바람"})
        assert r.status == 201, r.body
        cls.restricted_person = r.json()
        cls.case = cls.open_case()
        cls.restricted = cls.open_case(restricted=True)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    @classmethod
    def open_case(cls, **extra):
        person = cls.restricted_person if extra.get("restricted") else cls.person
        r = cls.a.client.post(CASES, body={**INTAKE, "person_id": person["id"], **extra})
        assert r.status == 201, r.body
        return r.json()

    def post(self, session, path, body, status=201):
        r = session.client.post(path, body=body)
        self.assertEqual(r.status, status, (path, r.body))
        return r.json()

    def count(self, table):
        return int(sql(self.server, f"SELECT COUNT(*) FROM {table}"))

    def upload(self, session, case_id, content=PDF, kind="medical_letter", name="진단서 2026.pdf"):
        from urllib.parse import quote
        return session.client.request(
            "POST", f"{CASES}/{case_id}/files?kind={kind}&name={quote(name)}", raw=content,
            headers={"Content-Type": "application/octet-stream"})

    # -- every record kind, for both case roles ------------------------------------------------

    def test_each_record_kind_works_for_the_case_roles(self):
        cid = self.case["id"]
        for s in (self.a, self.a_super):
            svc = self.post(s, f"{CASES}/{cid}/services", SERVICE)
            self.assertEqual(svc["notes"], SERVICE["notes"])
            self.assertIsNone(svc["amount"])
            items = s.client.get(f"{CASES}/{cid}/services").json()["items"]
            self.assertIn(svc["id"], [i["id"] for i in items])

            note = self.post(s, f"{CASES}/{cid}/notes", {"text": "첫 상담, 안전 확인"})
            self.assertEqual(note["author"]["user_id"], s.user_id)
            fix = self.post(s, f"{CASES}/{cid}/notes", {"text": "정정: 둘째 상담", "amends": note["id"]})
            self.assertEqual(fix["amends"], note["id"])
            notes = s.client.get(f"{CASES}/{cid}/notes").json()["items"]
            self.assertLess([n["id"] for n in notes].index(note["id"]),
                            [n["id"] for n in notes].index(fix["id"]))

            appt = self.post(s, f"{CASES}/{cid}/appointments",
                             {"starts_at": "2026-06-01T05:00:00Z", "ends_at": "2026-06-01T06:00:00Z",
                              "kind": "therapy", "with_whom": "임상심리사", "place": "마음센터 3층"})
            self.assertEqual(appt["status"], "scheduled")
            self.assertEqual(appt["person"]["alias"], MINJI["alias"])
            self.assertEqual(appt["worker_id"], s.user_id)
            done = self.post(s, f"/api/v1/appointments/{appt['id']}/done", None, 200)
            self.assertEqual(done["status"], "done")
            again = s.client.post(f"/api/v1/appointments/{appt['id']}/cancel", body={})
            self.assertEqual(again.status, 409, again.body)

            legal = self.post(s, f"{CASES}/{cid}/legal-matters",
                              {"kind": "prosecution_against_her", "authority": "서울중앙지방검찰청",
                               "case_number": "2026형제1234", "status": "investigation"})
            hearing = self.post(s, f"/api/v1/legal-matters/{legal['id']}/hearings",
                                {"at": "2026-07-01T01:00:00Z", "court": "서울중앙지법",
                                 "kind": "trial"})
            # The timeline dates an appointment and a hearing when they happen, not when booked.
            events = s.client.get(f"{CASES}/{cid}/timeline").json()["items"]
            when = {e["id"]: e["at"] for e in events if e["kind"] in ("appointment", "hearing")}
            self.assertEqual(when[appt["id"]], "2026-06-01T05:00:00Z")
            self.assertEqual(when[hearing["id"]], "2026-07-01T01:00:00Z")
            r = s.client.request("PATCH", f"/api/v1/legal-matters/{legal['id']}",
                                 body={"status": "concluded", "outcome": "무혐의"})
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.json()["hearings"][0]["id"], hearing["id"])
            listed = s.client.get(f"{CASES}/{cid}/legal-matters").json()["items"]
            mine = next(m for m in listed if m["id"] == legal["id"])
            self.assertEqual((mine["status"], mine["outcome"], mine["case_number"]),
                             ("concluded", "무혐의", "2026형제1234"))

            ass = self.post(s, f"{CASES}/{cid}/assessments",
                            {"ratings": {"safety": 1, "debt": 4}, "notes": {"debt": "선불금 채무"}})
            self.assertEqual(ass["ratings"], {"debt": 4, "safety": 1})
            self.assertIn(ass["id"], [i["id"] for i in
                                      s.client.get(f"{CASES}/{cid}/assessments").json()["items"]])

            goal = self.post(s, f"{CASES}/{cid}/goals", {"title": "자립 주거", "target_date": "2026-12-31"})
            self.assertEqual(goal["status"], "planned")
            r = s.client.request("PATCH", f"/api/v1/goals/{goal['id']}", body={"status": "in_progress"})
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.json()["status"], "in_progress")
            self.assertIn(goal["id"], [g["id"] for g in s.client.get(f"{CASES}/{cid}/goals").json()["items"]])

        timeline = self.a.client.get(f"{CASES}/{cid}/timeline").json()["items"]
        kinds = {e["kind"] for e in timeline}
        for kind in ("service", "note", "appointment", "legal_matter", "hearing", "assessment", "goal"):
            self.assertIn(kind, kinds)
        self.assertNotIn("서비스메모", str(timeline))
        case = self.a.client.get(f"{CASES}/{cid}").json()
        self.assertIsNotNone(case["last_contact_at"])

    def test_the_calendar_shows_the_organization_and_hides_restricted_people(self):
        start = "2030-01-07T00:00:00Z"
        self.post(self.a, f"{CASES}/{self.case['id']}/appointments",
                  {"starts_at": "2030-01-08T01:00:00Z", "kind": "counseling", "place": "상담실 A"})
        self.post(self.a, f"{CASES}/{self.restricted['id']}/appointments",
                  {"starts_at": "2030-01-09T01:00:00Z", "kind": "hearing", "place": "비공개-장소-7781"})
        week = f"/api/v1/appointments?from={start}&to=2030-01-14T00:00:00Z"
        mine = self.a.client.get(week + "&scope=me").json()["items"]
        self.assertEqual(len(mine), 2)
        self.assertEqual([i["person"]["id"] for i in mine],
                         [self.person["id"], self.restricted_person["id"]])
        self.assertEqual(self.a2.client.get(week + "&scope=me").json()["items"], [])
        org = {i["case_id"]: i for i in self.a2.client.get(week + "&scope=organization").json()["items"]}
        self.assertEqual(org[self.case["id"]]["place"], "상담실 A")
        hidden = org[self.restricted["id"]]
        self.assertIsNone(hidden["person"])
        self.assertIsNone(hidden["place"])
        self.assertEqual(hidden["kind"], "hearing")
        sup = {i["case_id"]: i for i in
               self.a_super.client.get(week + "&scope=organization").json()["items"]}
        self.assertEqual(sup[self.restricted["id"]]["place"], "비공개-장소-7781")
        self.assertEqual(self.b.client.get(week + "&scope=organization").json()["items"], [])
        for bad, field in [("?from=2030-01-01&to=2030-01-02T00:00:00Z", "from"),
                           (f"?from={start}&to=2030-06-01T00:00:00Z", "to"),
                           (f"?from={start}&to=2030-01-08T00:00:00Z&scope=everyone", "scope")]:
            r = self.a.client.get("/api/v1/appointments" + bad)
            self.assertEqual(r.status, 400, r.body)
            self.assertIn(field, r.json()["error"]["fields"])

    # -- who may not -----------------------------------------------------------------------------

    def record_routes(self, cid, ids):
        """(method, path, body) of every case-record route, on case cid and records ids."""
        return [
            ("POST", f"{CASES}/{cid}/services", SERVICE),
            ("GET", f"{CASES}/{cid}/services", None),
            ("POST", f"{CASES}/{cid}/notes", {"text": "x"}),
            ("GET", f"{CASES}/{cid}/notes", None),
            ("POST", f"{CASES}/{cid}/appointments", {"starts_at": "2026-06-01T05:00:00Z", "kind": "visit"}),
            ("POST", f"{CASES}/{cid}/legal-matters", {"kind": "family", "status": "trial"}),
            ("GET", f"{CASES}/{cid}/legal-matters", None),
            ("POST", f"{CASES}/{cid}/assessments", {"ratings": {"safety": 2}}),
            ("GET", f"{CASES}/{cid}/assessments", None),
            ("POST", f"{CASES}/{cid}/goals", {"title": "x"}),
            ("GET", f"{CASES}/{cid}/goals", None),
            ("GET", f"{CASES}/{cid}/files", None),
            ("POST", f"/api/v1/appointments/{ids['appointment']}/cancel", {}),
            ("POST", f"/api/v1/appointments/{ids['appointment']}/done", None),
            ("PATCH", f"/api/v1/legal-matters/{ids['legal']}", {"status": "appeal"}),
            ("POST", f"/api/v1/legal-matters/{ids['legal']}/hearings", {"at": "2026-07-01T01:00:00Z"}),
            ("PATCH", f"/api/v1/goals/{ids['goal']}", {"status": "achieved"}),
            ("GET", f"/api/v1/files/{ids['file']}", None),
        ]

    def make_records(self, case_id):
        ids = {"appointment": self.post(self.a, f"{CASES}/{case_id}/appointments",
                                        {"starts_at": "2026-06-01T05:00:00Z", "kind": "visit"})["id"],
               "legal": self.post(self.a, f"{CASES}/{case_id}/legal-matters",
                                  {"kind": "civil_debt", "status": "investigation"})["id"],
               "goal": self.post(self.a, f"{CASES}/{case_id}/goals", {"title": "채무 무효"})["id"]}
        r = self.upload(self.a, case_id)
        self.assertEqual(r.status, 201, r.body)
        ids["file"] = r.json()["id"]
        return ids

    def test_another_organization_gets_404_and_changes_nothing(self):
        c = self.open_case()
        ids = self.make_records(c["id"])
        tables = ["case_services", "case_notes", "appointments", "legal_matters", "hearings",
                  "assessments", "plan_goals", "case_files", "consents"]
        before = {t: self.count(t) for t in tables}
        for s in (self.b, self.b_super):
            for method, path, body in self.record_routes(c["id"], ids):
                r = s.client.request(method, path, body=body)
                self.assertEqual(r.status, 404, (method, path, r.body))
            r = self.upload(s, c["id"])
            self.assertEqual(r.status, 404, r.body)
            for method, path, body in [
                    ("POST", f"/api/v1/people/{self.person['id']}/consents",
                     {"kind": "statistics", "method": "verbal"}),
                    ("GET", f"/api/v1/people/{self.person['id']}/consents", None)]:
                self.assertEqual(s.client.request(method, path, body=body).status, 404, path)
        self.assertEqual({t: self.count(t) for t in tables}, before)
        self.assertEqual(int(sql(self.server, "SELECT COUNT(*) FROM appointments WHERE "
                                 f"id = '{ids['appointment']}' AND status = 'scheduled'")), 1)

    def test_a_restricted_case_needs_break_glass(self):
        c = self.open_case(restricted=True)
        ids = self.make_records(c["id"])
        for method, path, body in self.record_routes(c["id"], ids):
            r = self.a2.client.request(method, path, body=body)
            self.assertEqual(r.status, 403, (method, path, r.body))
            self.assertEqual(r.json()["error"]["code"], "break_glass_required")
        self.assertEqual(self.upload(self.a2, c["id"]).status, 403)
        # The supervisor reads it without breaking anything.
        self.assertEqual(self.a_super.client.get(f"{CASES}/{c['id']}/notes").status, 200)
        r = self.a2.client.post(f"{CASES}/{c['id']}/break-glass", body={"reason": "야간 긴급 상담"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.a2.client.get(f"{CASES}/{c['id']}/notes").status, 200)
        self.assertEqual(self.a2.client.get(f"/api/v1/files/{ids['file']}").status, 200)

    def test_every_read_of_her_records_is_on_the_log_when_it_is_answered(self):
        """Reads of a case's records and of her consents are audited before the reply leaves,
        refusals too."""
        c = self.open_case(restricted=True)
        auditor = sign_in(self.server, self.users["org-a"]["auditor"])
        kinds = {"services": "service.list", "notes": "note.list",
                 "appointments": "appointment.list", "legal-matters": "legal_matter.list",
                 "assessments": "assessment.list", "goals": "goal.list", "files": "file.list"}
        for kind, action in kinds.items():
            self.assertEqual(self.a_super.client.get(f"{CASES}/{c['id']}/{kind}").status, 200)
            self.assertEqual(self.a2.client.get(f"{CASES}/{c['id']}/{kind}").status, 403)
            self.assertEqual(self.b.client.get(f"{CASES}/{c['id']}/{kind}").status, 404)
            r = auditor.client.get(f"/api/v1/audit?entity_type=case&entity_id={c['id']}")
            self.assertEqual(r.status, 200, r.body)
            seen = {(e["action"], e["actor"], e["outcome"]) for e in r.json()["items"]}
            self.assertIn((action, self.a_super.user_id, "ok"), seen, kind)
            self.assertIn((action, self.a2.user_id, "break_glass_required"), seen, kind)
        # Her consents, read through her person (whom a2 reaches: she works her other case).
        consents = f"/api/v1/people/{c['person_id']}/consents"
        self.assertEqual(self.a_super.client.get(consents).status, 200)
        self.assertEqual(self.b.client.get(consents).status, 404)
        r = auditor.client.get(f"/api/v1/audit?entity_type=person&entity_id={c['person_id']}")
        self.assertEqual(r.status, 200, r.body)
        seen = {(e["action"], e["actor"], e["outcome"]) for e in r.json()["items"]}
        self.assertIn(("consent.list", self.a_super.user_id, "ok"), seen)
        # The calendar, and the caseload home, which reads her open cases and her week.
        def entries(action):
            r = auditor.client.get(f"/api/v1/audit?actor={self.a2.user_id}&action={action}")
            self.assertEqual(r.status, 200, r.body)
            return len(r.json()["items"])
        calendar = ("/api/v1/appointments?scope=organization&from=2026-01-01T00:00:00Z"
                    "&to=2026-02-01T00:00:00Z")
        for path, actions in [(calendar, ["appointment.list"]),
                              ("/api/v1/caseload", ["appointment.list", "case.list"])]:
            before = {action: entries(action) for action in actions}
            self.assertEqual(self.a2.client.get(path).status, 200, path)
            for action in actions:
                self.assertEqual(entries(action), before[action] + 1, (path, action))

    # -- validation ------------------------------------------------------------------------------

    def test_bad_input_names_the_fields_in_both_languages_and_writes_nothing(self):
        cid = self.case["id"]
        tables = ["case_services", "case_notes", "appointments", "legal_matters", "assessments",
                  "plan_goals", "case_files", "consents", "case_timeline"]
        before = {t: self.count(t) for t in tables}
        cases = [
            (f"{CASES}/{cid}/services", {**SERVICE, "type": "haircut"}, "type"),
            (f"{CASES}/{cid}/services", {**SERVICE, "date": "2026-02-30"}, "date"),
            (f"{CASES}/{cid}/services", {**SERVICE, "minutes": -10}, "minutes"),
            (f"{CASES}/{cid}/services", {**SERVICE, "amount": -1}, "amount"),
            (f"{CASES}/{cid}/services", {**SERVICE, "notes": "가" * 4001}, "notes"),
            (f"{CASES}/{cid}/services", {**SERVICE, "date": "2099-01-01"}, "date"),
            (f"{CASES}/{cid}/notes", {"text": "   "}, "text"),
            (f"{CASES}/{cid}/notes", {"text": "x", "amends": "0" * 26}, "amends"),
            (f"{CASES}/{cid}/notes", {"text": "x", "colour": "red"}, "colour"),
            (f"{CASES}/{cid}/appointments", {"starts_at": "2026-06-01T05:00:00Z", "kind": "party"}, "kind"),
            (f"{CASES}/{cid}/appointments", {"starts_at": "2026-06-31T05:00:00Z", "kind": "visit"}, "starts_at"),
            (f"{CASES}/{cid}/appointments", {"starts_at": "2026-06-01T05:00:00Z",
                                             "ends_at": "2026-06-01T04:00:00Z", "kind": "visit"}, "ends_at"),
            (f"{CASES}/{cid}/legal-matters", {"kind": "parking", "status": "trial"}, "kind"),
            (f"{CASES}/{cid}/legal-matters", {"kind": "family", "status": "won"}, "status"),
            (f"{CASES}/{cid}/assessments", {"ratings": {"safety": 7}}, "ratings.safety"),
            (f"{CASES}/{cid}/assessments", {"ratings": {"luck": 2}}, "ratings.luck"),
            (f"{CASES}/{cid}/assessments", {"ratings": {"safety": "high"}}, "ratings.safety"),
            (f"{CASES}/{cid}/goals", {"title": "x", "target_date": "2026-13-01"}, "target_date"),
            (f"{CASES}/{cid}/goals", {"title": "x", "status": "someday"}, "status"),
            (f"/api/v1/people/{self.person['id']}/consents", {"kind": "gossip", "method": "verbal"}, "kind"),
            (f"/api/v1/people/{self.person['id']}/consents",
             {"kind": "statistics", "method": "verbal", "expires_at": "2001-01-01T00:00:00Z"}, "expires_at"),
            (f"/api/v1/people/{self.person['id']}/consents",
             {"kind": "referral_sharing", "method": "written"}, "scope.org_id"),
        ]
        for path, body, field in cases:
            messages = {}
            for lang in ("ko", "en"):
                self.a.client.lang = lang
                r = self.a.client.post(path, body=body)
                self.a.client.lang = "ko"
                self.assertEqual(r.status, 400, (path, field, r.body))
                self.assertIn(field, r.json()["error"]["fields"], (path, r.body))
                messages[lang] = r.json()["error"]["fields"][field]
            self.assertNotEqual(messages["ko"], messages["en"], field)
        for query, field in [("kind=selfie&name=a.jpg", "kind"), ("kind=other&name=..%2Fx", "name"),
                             ("kind=other", "name")]:
            r = self.a.client.request("POST", f"{CASES}/{cid}/files?{query}", raw=b"abc",
                                      headers={"Content-Type": "application/octet-stream"})
            self.assertEqual(r.status, 400, (query, r.body))
            self.assertIn(field, r.json()["error"]["fields"])
        self.assertEqual({t: self.count(t) for t in tables}, before)

    # -- notes are append-only -------------------------------------------------------------------

    def test_notes_cannot_be_edited_or_deleted(self):
        note = self.post(self.a, f"{CASES}/{self.case['id']}/notes", {"text": "원래 기록"})
        for method in ("PATCH", "PUT", "DELETE"):
            r = self.a.client.request(method, f"{CASES}/{self.case['id']}/notes",
                                      body={"text": "x"} if method != "DELETE" else None)
            self.assertEqual(r.status, 405, (method, r.body))
            r = self.a.client.request(method, f"{CASES}/{self.case['id']}/notes/{note['id']}")
            self.assertEqual(r.status, 404, (method, r.body))
        # Nor can anyone holding the database: the triggers refuse.
        for statement in (f"UPDATE case_notes SET author_id = 'x' WHERE id = '{note['id']}'",
                          f"DELETE FROM case_notes WHERE id = '{note['id']}'"):
            with self.assertRaises(subprocess.CalledProcessError):
                sql(self.server, statement)
        self.assertEqual(sql(self.server, f"SELECT author_id FROM case_notes WHERE id = '{note['id']}'"),
                         self.a.user_id)

    # -- files -----------------------------------------------------------------------------------

    def declare_upload(self, case_id, length):
        """Sends only the headers of an upload of length bytes; returns the reply's first bytes."""
        client = self.a.client
        cookies = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        head = (f"POST {CASES}/{case_id}/files?kind=other&name=big HTTP/1.1\r\n"
                f"Host: 127.0.0.1\r\nCookie: {cookies}\r\nX-CSRF-Token: {client.csrf}\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {length}\r\n\r\n")
        with socket.create_connection(("127.0.0.1", client.port), timeout=30) as sock:
            sock.sendall(head.encode("ascii"))
            return sock.recv(4096)

    def test_a_file_round_trips_and_is_never_on_disk_in_clear(self):
        cid = self.case["id"]
        r = self.upload(self.a, cid, name='동의서 "스캔" 1.pdf')
        self.assertEqual(r.status, 201, r.body)
        f = r.json()
        self.assertEqual((f["kind"], f["size"]), ("medical_letter", len(PDF)))
        listed = self.a2.client.get(f"{CASES}/{cid}/files").json()["items"]
        self.assertIn(f["id"], [i["id"] for i in listed])
        r = self.a2.client.get(f"/api/v1/files/{f['id']}")
        self.assertEqual(r.status, 200, r.body[:200])
        self.assertEqual(r.body, PDF)
        self.assertEqual(r.header("content-type"), "application/octet-stream")
        disposition = r.header("content-disposition")
        self.assertTrue(disposition.startswith('attachment; filename="'), disposition)
        self.assertNotIn('"스캔"', disposition)
        self.assertIn("filename*=UTF-8''", disposition)
        self.assertEqual(r.header("x-content-type-options"), "nosniff")
        # 10 MiB is the limit; more is refused from its declared length, before it is read.
        full = self.upload(self.a, cid, content=os.urandom(10 * 1024 * 1024), kind="other")
        self.assertEqual(full.status, 201, full.body[:200])
        self.assertEqual(self.declare_upload(cid, 10 * 1024 * 1024 + 1)[:12], b"HTTP/1.1 413")
        self.assertEqual(self.a.client.request("POST", f"{CASES}/{cid}/notes",
                                               raw=b"{" + b" " * (2 << 20) + b"}").status, 413)
        if backend() != "sqlite":
            return  # the PostgreSQL files belong to the server process; see test_people
        needles = [PDF[:64], PDF[-64:]]
        for value in ("진단서-비밀-내용-5520", '동의서 "스캔" 1.pdf'):
            needles.extend(encodings(value))
        for root, _, names in os.walk(self.server.tmp):
            for name in names:
                with open(os.path.join(root, name), "rb") as fh:
                    data = fh.read()
                for form in needles:
                    self.assertNotIn(form, data, name)

    def test_sealed_fields_never_reach_the_disk_in_clear(self):
        cid = self.case["id"]
        secrets = {"notes": "서비스-봉인-8812", "place": "쉼터-주소-3391", "authority": "검찰-봉인-6620",
                   "text": "메모-봉인-2207", "assess": "평가-봉인-5530", "title": "목표-봉인-9904"}
        self.post(self.a, f"{CASES}/{cid}/services", {**SERVICE, "notes": secrets["notes"]})
        self.post(self.a, f"{CASES}/{cid}/appointments",
                  {"starts_at": "2026-06-01T05:00:00Z", "kind": "visit", "place": secrets["place"]})
        self.post(self.a, f"{CASES}/{cid}/legal-matters",
                  {"kind": "family", "status": "trial", "authority": secrets["authority"]})
        self.post(self.a, f"{CASES}/{cid}/notes", {"text": secrets["text"]})
        self.post(self.a, f"{CASES}/{cid}/assessments",
                  {"ratings": {"housing": 2}, "notes": {"housing": secrets["assess"]}})
        self.post(self.a, f"{CASES}/{cid}/goals", {"title": secrets["title"]})
        if backend() != "sqlite":
            return
        for root, _, names in os.walk(self.server.tmp):
            for name in names:
                with open(os.path.join(root, name), "rb") as fh:
                    data = fh.read()
                for value in secrets.values():
                    for form in encodings(value):
                        self.assertNotIn(form, data, (name, value))

    # -- consents --------------------------------------------------------------------------------

    def test_consent_revocation_takes_effect_at_once(self):
        pid = self.person["id"]
        orgs = self.a.client.get("/api/v1/organizations").json()["items"]
        org_b = next(o["id"] for o in orgs if o["slug"] == "org-b")
        c = self.post(self.a, f"/api/v1/people/{pid}/consents",
                      {"kind": "referral_sharing", "method": "written",
                       "scope": {"fields": ["legal_name", "phone"], "org_id": org_b}})
        self.assertEqual(c["state"], "active")
        self.assertEqual(c["scope"], {"fields": ["legal_name", "phone"], "org_id": org_b,
                                      "external": None})
        r = self.a_super.client.post(f"/api/v1/consents/{c['id']}/revoke",
                                     body={"reason": "본인 요청-철회사유-4410"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["state"], "revoked")
        listed = {i["id"]: i for i in self.a.client.get(f"/api/v1/people/{pid}/consents").json()["items"]}
        self.assertEqual(listed[c["id"]]["state"], "revoked")
        self.assertIsNotNone(listed[c["id"]]["revoked_at"])
        self.assertEqual(self.a.client.post(f"/api/v1/consents/{c['id']}/revoke", body={}).status, 409)
        self.assertEqual(self.b.client.post(f"/api/v1/consents/{c['id']}/revoke", body={}).status, 404)
        hex_of = "hex" if backend() == "sqlite" else "encode"
        stored = sql(self.server, f"SELECT {hex_of}(revoke_reason"
                     + ("" if backend() == "sqlite" else ", 'hex'") + f") FROM consents "
                     f"WHERE id = '{c['id']}'").lower()
        self.assertTrue(stored)
        self.assertNotIn("철회사유".encode("utf-8").hex(), stored)


if __name__ == "__main__":
    unittest.main()
