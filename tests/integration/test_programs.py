"""Black-box tests of self-reliance programs: programs, sessions, the class and its capacity,
attendance for a whole class (all or nothing, a changed mark kept), the end of an enrollment and
the pass rule, certificates with a case file of kind "certificate", outcomes with follow-ups at
3, 6 and 12 months, the follow-ups due, her self-reliance page (finance: money only), bad input
writing nothing, and another organization's user answered 404 on every route.

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import time
import unittest
from urllib.parse import quote

from harness import Server
from network import build_network, server_now, sign_in
from test_people import sql

PROGRAMS = "/api/v1/programs"
EMPLOYER = "주식회사-비밀고용주-7731"
END_REASON = "중도포기-사유-비밀-2291"
PDF = b"%PDF-1.4 certificate\n"


def day(unix):
    """The day in Korea at unix seconds."""
    return time.strftime("%Y-%m-%d", time.gmtime(unix + 9 * 3600))


def rfc3339(unix):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(unix))


class ProgramsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.sign_in_all()
        cls.now = server_now(cls.admin.client)
        cls.today = day(cls.now)

    @classmethod
    def sign_in_all(cls):
        for attr, org, role in [("admin", "org-a", "org_admin"),
                                ("finance", "org-a", "finance"),
                                ("worker", "org-a", "case_worker"),
                                ("supervisor", "org-a", "supervisor"),
                                ("b_worker", "org-b", "case_worker"),
                                ("b_supervisor", "org-b", "supervisor"),
                                ("b_admin", "org-b", "org_admin"),
                                ("b_finance", "org-b", "finance")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, cls.users[org][role],
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        r = self.worker.client.get(PROGRAMS)
        if r.status == 401:
            type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # -- helpers ---------------------------------------------------------------------------------

    def ok(self, r, status=200):
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def person(self, alias, who=None):
        who = who or self.worker
        return self.ok(who.client.post("/api/v1/people", body={
            "legal_name": "자립 " + alias, "alias": alias}), 201)["id"]

    def program(self, who=None, **extra):
        body = {"name": "바리스타 과정", "kind": "vocational_course", "provider": "own",
                "starts_on": day(self.now - 30 * 86400), "capacity": 12, **extra}
        return self.ok((who or self.worker).client.post(PROGRAMS, body=body), 201)

    def sessions(self, program_id, *offsets, who=None):
        body = {"sessions": [{"starts_at": rfc3339(self.now + o), "minutes": 120,
                              "topic": f"회차 {i}"} for i, o in enumerate(offsets)]}
        return self.ok((who or self.worker).client.post(
            f"{PROGRAMS}/{program_id}/sessions", body=body), 201)["items"]

    def enroll(self, program_id, person_id, who=None):
        return (who or self.worker).client.post(f"{PROGRAMS}/{program_id}/enrollments", body={
            "person_id": person_id, "enrolled_on": day(self.now - 20 * 86400)})

    def mark(self, session_id, marks, who=None):
        return (who or self.worker).client.request(
            "PUT", f"/api/v1/program-sessions/{session_id}/attendance",
            body={"marks": [{"enrollment_id": e, "status": s} for e, s in marks]})

    def count(self, table):
        return int(sql(self.server, f"SELECT COUNT(*) FROM {table}"))

    def case_of(self, person_id, who=None):
        return self.ok((who or self.worker).client.post("/api/v1/cases", body={
            "person_id": person_id, "intake_channel": "hotline", "risk_level": "low",
            "summary": "자립"}), 201)["id"]

    # -- programs, the class, attendance ---------------------------------------------------------

    def test_a_program_is_defined_listed_and_changed(self):
        p = self.program(who=self.admin, provider="partner", provider_name="가 직업전문학교",
                         ends_on=day(self.now + 60 * 86400), pass_rate=70,
                         description="주 2회")
        self.assertEqual(p["status"], "running")
        self.assertEqual(p["pass_rate"], 70)
        self.assertEqual(p["provider_name"], "가 직업전문학교")
        self.assertEqual((p["enrolled"], p["completed"], p["sessions"]), (0, 0, 0))
        planned = self.program(name="검정고시 준비", kind="schooling",
                               starts_on=day(self.now + 10 * 86400))
        self.assertEqual(planned["status"], "planned")
        self.assertEqual(planned["pass_rate"], 80)
        items = self.ok(self.admin.client.get(PROGRAMS + "?status=planned"))["items"]
        self.assertIn(planned["id"], [x["id"] for x in items])
        self.assertNotIn(p["id"], [x["id"] for x in items])
        self.ok(self.worker.client.get(PROGRAMS + "?status=soon"), 400)
        changed = self.ok(self.admin.client.request("PUT", f"{PROGRAMS}/{p['id']}", body={
            "name": "바리스타 심화", "kind": "certificate_course", "provider": "own",
            "starts_on": p["starts_on"], "capacity": 8}))
        self.assertEqual(changed["name"], "바리스타 심화")
        self.assertIsNone(changed["provider_name"])
        self.assertEqual(changed["pass_rate"], 80)
        # The administrator keeps definitions, never the class.
        self.ok(self.admin.client.get(f"{PROGRAMS}/{p['id']}"), 403)
        self.ok(self.admin.client.post(f"{PROGRAMS}/{p['id']}/enrollments", body={}), 403)
        # A partner program needs the partner's name.
        r = self.worker.client.post(PROGRAMS, body={
            "name": "x", "kind": "schooling", "provider": "partner",
            "starts_on": self.today, "capacity": 3})
        self.assertIn("협력 기관", self.ok(r, 400)["error"]["fields"]["provider_name"])

    def test_the_class_fills_to_capacity_and_attendance_is_all_or_nothing(self):
        p = self.program(capacity=2, pass_rate=75)
        a, b, c = self.person("하나"), self.person("두리"), self.person("세리")
        ea = self.ok(self.enroll(p["id"], a), 201)
        self.assertEqual(ea["person_label"], "하나")
        self.assertEqual(ea["status"], "active")
        self.assertIsNone(ea["passed"])
        self.assertEqual(ea["attendance"], {"sessions": 0, "present": 0, "rate": None})
        again = self.enroll(p["id"], a)
        self.assertEqual(again.status, 409, again.body)
        self.assertIn("이미", again.json()["error"]["message"])
        eb = self.ok(self.enroll(p["id"], b), 201)
        full = self.enroll(p["id"], c)
        self.assertEqual(full.status, 409, full.body)
        self.assertIn("정원", full.json()["error"]["message"])
        s = self.sessions(p["id"], -7 * 86400, -3 * 86400, -86400, -3600, 5 * 86400)
        self.assertEqual(len(s), 5)
        self.assertFalse(s[0]["taken"])
        # One bad mark (an enrollment of another program) and none is written.
        other = self.program(name="다른 과정")
        stranger = self.ok(self.enroll(other["id"], c), 201)
        before = self.count("program_attendance")
        for bad in ([(ea["id"], "present"), (stranger["id"], "present")],
                    [(ea["id"], "present"), (eb["id"], "asleep")],
                    [(ea["id"], "present"), (ea["id"], "absent")]):
            r = self.mark(s[0]["id"], bad)
            self.assertEqual(r.status, 400, r.body)
            self.assertEqual(self.count("program_attendance"), before)
        # The whole class at once; then the four past sessions.
        marks = {0: ("present", "absent"), 1: ("present", "present"), 2: ("late", "excused"),
                 3: ("absent", "present")}
        for i, (ma, mb) in marks.items():
            sheet = self.ok(self.mark(s[i]["id"], [(ea["id"], ma), (eb["id"], mb)]))
            self.assertTrue(sheet["session"]["taken"])
            self.assertEqual({m["enrollment_id"]: m["status"] for m in sheet["marks"]},
                             {ea["id"]: ma, eb["id"]: mb})
        # A session more than a day ahead cannot be marked yet.
        r = self.mark(s[4]["id"], [(ea["id"], "present")])
        self.assertEqual(r.status, 409, r.body)
        self.assertIn("아직 열리지 않은", r.json()["error"]["message"])
        # A changed mark: the one it replaced is kept.
        changes = self.count("program_attendance_changes")
        sheet = self.ok(self.mark(s[3]["id"], [(ea["id"], "present")]))
        self.assertEqual({m["enrollment_id"]: m["status"] for m in sheet["marks"]}[ea["id"]],
                         "present")
        self.assertEqual(self.count("program_attendance_changes"), changes + 1)
        self.assertEqual(sql(self.server, "SELECT previous FROM program_attendance_changes "
                                          f"WHERE enrollment_id = '{ea['id']}' AND status = "
                                          "'present' AND previous IS NOT NULL"), "absent")
        got = self.ok(self.worker.client.get(f"/api/v1/program-sessions/{s[2]['id']}/attendance"))
        self.assertEqual(len(got["marks"]), 2)
        self.assertEqual(got["session"]["present"], 1)
        self.assertEqual(got["session"]["absent"], 1)
        # The program with its schedule and class: a: 4 of 4; b: 2 of 3 (excused left out).
        d = self.ok(self.supervisor.client.get(f"{PROGRAMS}/{p['id']}"))
        self.assertEqual(d["enrolled"], 2)
        self.assertEqual(d["sessions"], 5)
        self.assertEqual(len(d["session_list"]), 5)
        by_id = {e["id"]: e for e in d["enrollments"]}
        self.assertEqual(by_id[ea["id"]]["attendance"], {"sessions": 4, "present": 4, "rate": 100})
        self.assertEqual(by_id[eb["id"]]["attendance"], {"sessions": 3, "present": 2, "rate": 66})
        # The end of an enrollment: the pass rule (rate >= 75).
        done = self.ok(self.worker.client.post(f"/api/v1/enrollments/{ea['id']}/end", body={
            "status": "completed", "ended_on": self.today}))
        self.assertEqual(done["status"], "completed")
        self.assertTrue(done["passed"])
        done_b = self.ok(self.worker.client.post(f"/api/v1/enrollments/{eb['id']}/end", body={
            "status": "completed", "ended_on": self.today}))
        self.assertFalse(done_b["passed"])
        r = self.worker.client.post(f"/api/v1/enrollments/{ea['id']}/end", body={
            "status": "dropped", "ended_on": self.today})
        self.assertEqual(r.status, 409, r.body)
        # Room again: both ended; she is dropped with a sealed reason.
        ec = self.ok(self.enroll(p["id"], c), 201)
        dropped = self.ok(self.worker.client.post(f"/api/v1/enrollments/{ec['id']}/end", body={
            "status": "dropped", "ended_on": self.today, "reason": END_REASON}))
        self.assertFalse(dropped["passed"])
        self.assertNotIn(END_REASON, str(dropped))
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM program_enrollments WHERE "
                                          f"CAST(end_reason AS TEXT) LIKE '%{END_REASON}%'"), "0")
        listed = self.ok(self.worker.client.get(PROGRAMS))["items"]
        mine = next(x for x in listed if x["id"] == p["id"])
        self.assertEqual((mine["enrolled"], mine["completed"]), (0, 2))
        # Capacity cannot go below the women enrolled now.
        self.ok(self.enroll(p["id"], a), 201)
        self.ok(self.enroll(p["id"], b), 201)
        r = self.worker.client.request("PUT", f"{PROGRAMS}/{p['id']}", body={
            "name": "바리스타 과정", "kind": "vocational_course", "provider": "own",
            "starts_on": p["starts_on"], "capacity": 1})
        self.assertEqual(r.status, 409, r.body)

    # -- certificates, outcomes, follow-ups ------------------------------------------------------

    def test_certificates_go_with_a_certificate_file_of_hers(self):
        her = self.person("자격")
        case_id = self.case_of(her)
        def upload(kind):
            return self.ok(self.worker.client.request(
                "POST", f"/api/v1/cases/{case_id}/files?kind={kind}&name={quote('자격증.pdf')}",
                raw=PDF, headers={"Content-Type": "application/octet-stream"}), 201)["id"]
        letter, cert_file = upload("medical_letter"), upload("certificate")
        p = self.program(kind="certificate_course")
        e = self.ok(self.enroll(p["id"], her), 201)
        before = self.count("certificates")
        r = self.worker.client.post(f"/api/v1/people/{her}/certificates", body={
            "name": "바리스타 2급", "obtained_on": self.today, "file_id": letter})
        self.assertIn("(certificate)", r.json()["error"]["fields"]["file_id"])
        other = self.person("남")
        r = self.worker.client.post(f"/api/v1/people/{other}/certificates", body={
            "name": "바리스타 2급", "obtained_on": self.today, "file_id": cert_file,
            "enrollment_id": e["id"]})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(set(r.json()["error"]["fields"]), {"file_id", "enrollment_id"})
        self.assertEqual(self.count("certificates"), before)
        c = self.ok(self.worker.client.post(f"/api/v1/people/{her}/certificates", body={
            "name": "바리스타 2급", "obtained_on": self.today, "file_id": cert_file,
            "enrollment_id": e["id"]}), 201)
        self.assertEqual((c["name"], c["file_id"], c["enrollment_id"]),
                         ("바리스타 2급", cert_file, e["id"]))
        page = self.ok(self.worker.client.get(f"/api/v1/people/{her}/self-reliance"))
        self.assertEqual([x["name"] for x in page["certificates"]], ["바리스타 2급"])

    def test_employment_is_followed_up_and_the_employer_is_never_listed(self):
        her = self.person("취업")
        o = self.ok(self.worker.client.post(f"/api/v1/people/{her}/outcomes", body={
            "kind": "employment", "started_on": "2026-01-31", "job_kind": "바리스타",
            "employer_kind": "social_enterprise", "employer": EMPLOYER, "note": "주 5일"}), 201)
        self.assertEqual([(f["months"], f["due_on"], f["status"]) for f in o["follow_ups"]],
                         [(3, "2026-04-30", "due"), (6, "2026-07-31", "due"),
                          (12, "2027-01-31", "due")])
        self.assertEqual(o["employer"], EMPLOYER)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM outcomes WHERE CAST(employer AS "
                                          f"TEXT) LIKE '%{EMPLOYER}%'"), "0")
        school = self.ok(self.worker.client.post(f"/api/v1/people/{her}/outcomes", body={
            "kind": "school_entered", "started_on": "2026-03-02", "school": "가 방송통신고"}),
            201)
        self.assertEqual(school["follow_ups"], [])
        due = self.ok(self.worker.client.get("/api/v1/follow-ups?due_by=2026-05-01"))["items"]
        mine = [d for d in due if d["person_id"] == her]
        self.assertEqual([d["due_on"] for d in mine], ["2026-04-30"])
        self.assertEqual(mine[0]["person_label"], "취업")
        self.assertEqual(mine[0]["outcome_kind"], "employment")
        self.assertNotIn(EMPLOYER, str(due))
        every = self.ok(self.worker.client.get("/api/v1/follow-ups"))["items"]
        self.assertEqual(len([d for d in every if d["person_id"] == her]), 3)
        dues = [d["due_on"] for d in every]
        self.assertEqual(dues, sorted(dues))
        self.ok(self.worker.client.get("/api/v1/follow-ups?due_by=tomorrow"), 400)
        checked = self.ok(self.worker.client.post(
            f"/api/v1/outcome-follow-ups/{o['follow_ups'][0]['id']}",
            body={"status": "employed", "checked_on": "2026-05-02"}))
        self.assertEqual(checked["follow_ups"][0]["status"], "employed")
        self.assertEqual(checked["follow_ups"][0]["checked_on"], "2026-05-02")
        r = self.worker.client.post(f"/api/v1/outcome-follow-ups/{o['follow_ups'][1]['id']}",
                                    body={"status": "employed", "checked_on": "2025-12-01"})
        self.assertEqual(r.status, 400, r.body)
        due = self.ok(self.worker.client.get("/api/v1/follow-ups?due_by=2026-05-01"))["items"]
        self.assertEqual([d for d in due if d["person_id"] == her], [])
        page = self.ok(self.worker.client.get(f"/api/v1/people/{her}/self-reliance"))
        self.assertEqual([x["kind"] for x in page["outcomes"]], ["employment", "school_entered"])
        self.assertNotIn(EMPLOYER, r.body.decode() + str(page))
        self.assertNotIn("employer", page["outcomes"][0])

    # -- her page --------------------------------------------------------------------------------

    def test_her_page_has_her_goals_and_money_and_finance_sees_money_only(self):
        her = self.person("자립")
        case_id = self.case_of(her)
        self.ok(self.worker.client.post(f"/api/v1/cases/{case_id}/goals", body={
            "title": "바리스타 취업", "target_date": "2026-12-31"}), 201)
        p = self.program()
        self.ok(self.enroll(p["id"], her), 201)
        year = int(self.today[:4])
        src = self.ok(self.admin.client.post("/api/v1/funding-sources", body={
            "name": "A시 자립지원금", "year": year, "budget": 10_000_000,
            "rules": {"training": {"cap": 7_200_000}}}), 201)
        self.ok(self.finance.client.post(f"/api/v1/people/{her}/disbursements", body={
            "source_id": src["id"], "kind": "training", "amount": 300_000,
            "paid_on": f"{year}-01-05"}), 201)
        page = self.ok(self.worker.client.get(f"/api/v1/people/{her}/self-reliance"))
        self.assertEqual([g["title"] for g in page["goals"]], ["바리스타 취업"])
        self.assertEqual([e["program_id"] for e in page["enrollments"]], [p["id"]])
        self.assertEqual(page["money"], [{"source_id": src["id"], "source_name": "A시 자립지원금",
                                          "kind": "training", "paid": 300_000}])
        money = self.ok(self.finance.client.get(f"/api/v1/people/{her}/self-reliance"))
        self.assertEqual(set(money), {"money"})
        self.assertEqual(money["money"][0]["paid"], 300_000)
        self.assertNotIn("바리스타", str(money))
        # Someone with no case yet: no goals.
        plain = self.person("새내기")
        self.assertEqual(self.ok(self.worker.client.get(
            f"/api/v1/people/{plain}/self-reliance"))["goals"], [])
        self.ok(self.admin.client.get(f"/api/v1/people/{her}/self-reliance"), 403)

    # -- bad input -------------------------------------------------------------------------------

    def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(self):
        p = self.program()
        her = self.person("입력")
        e = self.ok(self.enroll(p["id"], her), 201)
        s = self.sessions(p["id"], -3600)[0]
        tables = ["programs", "program_sessions", "program_enrollments", "program_attendance",
                  "certificates", "outcomes", "outcome_follow_ups"]
        before = {t: self.count(t) for t in tables}
        base = {"name": "x", "kind": "schooling", "provider": "own", "starts_on": self.today,
                "capacity": 3}
        unknown = "0" * 26
        cases = [
            ("POST", PROGRAMS, {**base, "capacity": "3"}, 400, "capacity"),
            ("POST", PROGRAMS, {**base, "capacity": 0}, 400, "capacity"),
            ("POST", PROGRAMS, {**base, "pass_rate": 101}, 400, "pass_rate"),
            ("POST", PROGRAMS, {**base, "kind": "sewing"}, 400, "kind"),
            ("POST", PROGRAMS, {**base, "starts_on": "2026-02-30"}, 400, "starts_on"),
            ("POST", PROGRAMS, {**base, "ends_on": "2000-01-01"}, 400, "ends_on"),
            ("POST", PROGRAMS, {k: v for k, v in base.items() if k != "name"}, 400, "name"),
            ("POST", PROGRAMS, {**base, "colour": "red"}, 400, "colour"),
            ("POST", f"{PROGRAMS}/{p['id']}/sessions", {"sessions": "monday"}, 400, "sessions"),
            ("POST", f"{PROGRAMS}/{p['id']}/sessions", {"sessions": []}, 400, "sessions"),
            ("POST", f"{PROGRAMS}/{p['id']}/sessions",
             {"sessions": [{"starts_at": rfc3339(self.now), "minutes": 60}, {"minutes": 60}]},
             400, "sessions.1.starts_at"),
            ("POST", f"{PROGRAMS}/{p['id']}/sessions",
             {"sessions": [{"starts_at": rfc3339(self.now), "minutes": 60}] * 201}, 400,
             "sessions"),
            ("POST", f"{PROGRAMS}/{p['id']}/enrollments", {"person_id": unknown,
                                                          "enrolled_on": self.today}, 400,
             "person_id"),
            ("POST", f"{PROGRAMS}/{p['id']}/enrollments", {"person_id": her}, 400,
             "enrolled_on"),
            ("POST", f"/api/v1/enrollments/{e['id']}/end", {"status": "finished",
                                                          "ended_on": self.today}, 400, "status"),
            ("POST", f"/api/v1/enrollments/{e['id']}/end", {"status": "completed",
                                                          "ended_on": "1999-01-01"}, 400,
             "ended_on"),
            ("PUT", f"/api/v1/program-sessions/{s['id']}/attendance", {"marks": {}}, 400,
             "marks"),
            ("PUT", f"/api/v1/program-sessions/{s['id']}/attendance",
             {"marks": [{"enrollment_id": e["id"]}]}, 400, "marks.0.status"),
            ("PUT", f"/api/v1/program-sessions/{s['id']}/attendance",
             {"marks": [{"enrollment_id": e["id"], "status": "present"}, 5]}, 400, "marks.1"),
            ("POST", f"/api/v1/people/{her}/certificates", {"name": "x",
                                                           "obtained_on": "2999-01-01"}, 400,
             "obtained_on"),
            ("POST", f"/api/v1/people/{her}/certificates", {"name": "x", "obtained_on": self.today,
                                                           "file_id": unknown}, 400, "file_id"),
            ("POST", f"/api/v1/people/{her}/outcomes", {"kind": "lottery",
                                                       "started_on": self.today}, 400, "kind"),
            ("POST", f"/api/v1/people/{her}/outcomes", {"kind": "school_entered",
                                                       "started_on": self.today,
                                                       "employer": "x"}, 400, "employer_kind"),
            ("POST", f"/api/v1/people/{her}/outcomes", {"kind": "employment",
                                                       "started_on": 20260101}, 400,
             "started_on"),
        ]
        for method, path, body, status, field in cases:
            r = self.worker.client.request(method, path, body=body)
            self.assertEqual(r.status, status, (path, body, r.body))
            self.assertIn(field, r.json()["error"]["fields"], (path, r.body))
            self.assertTrue(r.json()["error"]["message"], r.body)
        # Unknown ids answer 404.
        for method, path, body in [
                ("GET", f"{PROGRAMS}/{unknown}", None),
                ("PUT", f"{PROGRAMS}/{unknown}", base),
                ("POST", f"{PROGRAMS}/{unknown}/sessions", {"sessions": []}),
                ("POST", f"{PROGRAMS}/nope/enrollments", {}),
                ("POST", f"/api/v1/enrollments/{unknown}/end", {}),
                ("GET", f"/api/v1/program-sessions/{unknown}/attendance", None),
                ("PUT", f"/api/v1/program-sessions/{unknown}/attendance", {}),
                ("POST", f"/api/v1/people/{unknown}/certificates", {}),
                ("POST", f"/api/v1/people/{unknown}/outcomes", {}),
                ("POST", f"/api/v1/outcome-follow-ups/{unknown}", {}),
                ("GET", f"/api/v1/people/{unknown}/self-reliance", None)]:
            r = self.worker.client.request(method, path, body=body)
            self.assertEqual(r.status, 404, (method, path, r.body))
        # A huge body is refused before it is read, and the English message is there too.
        huge = {"sessions": [{"starts_at": rfc3339(self.now), "minutes": 60,
                              "topic": "x" * (1 << 20)}]}
        r = self.worker.client.post(f"{PROGRAMS}/{p['id']}/sessions", body=huge)
        self.assertEqual(r.status, 413, r.body[:200])
        self.assertEqual(r.json()["error"]["code"], "too_large")
        self.assertEqual({t: self.count(t) for t in tables}, before)

    # -- another organization --------------------------------------------------------------------

    def test_another_organizations_user_gets_404_on_each(self):
        p = self.program()
        her = self.person("우리")
        e = self.ok(self.enroll(p["id"], her), 201)
        s = self.sessions(p["id"], -3600)[0]
        self.ok(self.mark(s["id"], [(e["id"], "present")]))
        o = self.ok(self.worker.client.post(f"/api/v1/people/{her}/outcomes", body={
            "kind": "employment", "started_on": self.today}), 201)
        b_her = self.person("남의", who=self.b_worker)
        before = {t: self.count(t) for t in ["program_sessions", "program_enrollments",
                                             "program_attendance", "certificates", "outcomes"]}
        for who in (self.b_worker, self.b_supervisor):
            for method, path, body in [
                    ("GET", f"{PROGRAMS}/{p['id']}", None),
                    ("PUT", f"{PROGRAMS}/{p['id']}", {}),
                    ("POST", f"{PROGRAMS}/{p['id']}/sessions", {}),
                    ("POST", f"{PROGRAMS}/{p['id']}/enrollments", {"person_id": b_her,
                                                                  "enrolled_on": self.today}),
                    ("POST", f"/api/v1/enrollments/{e['id']}/end", {}),
                    ("GET", f"/api/v1/program-sessions/{s['id']}/attendance", None),
                    ("PUT", f"/api/v1/program-sessions/{s['id']}/attendance", {}),
                    ("POST", f"/api/v1/people/{her}/certificates", {}),
                    ("POST", f"/api/v1/people/{her}/outcomes", {}),
                    ("POST", f"/api/v1/outcome-follow-ups/{o['follow_ups'][0]['id']}", {}),
                    ("GET", f"/api/v1/people/{her}/self-reliance", None)]:
                r = who.client.request(method, path, body=body)
                self.assertEqual(r.status, 404, (method, path, r.body))
        self.ok(self.b_admin.client.request("PUT", f"{PROGRAMS}/{p['id']}", body={}), 404)
        self.ok(self.b_finance.client.get(f"/api/v1/people/{her}/self-reliance"), 404)
        # Lists show only one's own organization's.
        self.assertNotIn(p["id"], [x["id"] for x in self.ok(
            self.b_worker.client.get(PROGRAMS))["items"]])
        self.assertNotIn(her, [x["person_id"] for x in self.ok(
            self.b_worker.client.get("/api/v1/follow-ups"))["items"]])
        self.assertEqual({t: self.count(t) for t in before}, before)


if __name__ == "__main__":
    unittest.main()
