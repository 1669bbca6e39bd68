"""Black-box tests of the two other report templates, counted by hand: a support facility's
(admissions, women who lived there, nights, exits by destination) and a self-reliance center's
(programs, enrolments, completions, outcomes, money by kind and source), each filled from a
small data set written over HTTP for last year, with records of the years around it that must
not count. The counseling center's template is in test_reports.py.

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import time
import unittest

from harness import Server
from network import add_org, add_user, build_network, server_now, sign_in

REPORTS = "/api/v1/reports"
PROGRAMS = "/api/v1/programs"


class ReportTemplatesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_org(cls.server, "org-c", "self_reliance_center", "KR-41", "다 자활지원센터")
        for role in ("org_admin", "case_worker", "finance"):
            add_user(cls.server, "org-c", f"org-c-{role.replace('_', '-')}", role)
        cls.server.start()
        cls.sign_in_all()
        now = server_now(cls.b_admin.client)
        cls.last = int(time.strftime("%Y", time.gmtime(now + 9 * 3600))) - 1

    @classmethod
    def sign_in_all(cls):
        for attr, username in [("b_admin", cls.users["org-b"]["org_admin"]),
                               ("b_worker", cls.users["org-b"]["case_worker"]),
                               ("b_staff", cls.users["org-b"]["shelter_staff"]),
                               ("c_admin", "org-c-org-admin"),
                               ("c_worker", "org-c-case-worker"),
                               ("c_finance", "org-c-finance")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, username,
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        if self.b_admin.client.get("/api/v1/me").status == 401:
            type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def ok(self, r, status=200):
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def person(self, who, alias):
        return self.ok(who.client.post("/api/v1/people", body={
            "legal_name": "보고 " + alias, "alias": alias}), 201)["id"]

    def report(self, who):
        r = self.ok(who.client.post(REPORTS, body={"period": str(self.last)}), 201)
        values = {row["key"]: row["value"] for s in r["sections"] for row in s["rows"]}
        return r["template"], {k: v for k, v in values.items() if v != 0}

    def test_a_support_facility_counts_stays_nights_and_exits(self):
        y, before = self.last, self.last - 1
        beds = [b["id"] for b in self.ok(self.b_staff.client.post(
            "/api/v1/shelter/rooms", body={"name": "보고서실", "beds": 3}), 201)["beds"]]
        first, second, earlier = (self.person(self.b_worker, a) for a in ("가을", "겨울", "봄"))

        def admit(person, bed, on):
            return self.ok(self.b_staff.client.post("/api/v1/shelter/stays", body={
                "person_id": person, "bed_id": bed, "admitted_on": on}), 201)["id"]

        def leave(stay, on, destination):
            self.ok(self.b_staff.client.post(f"/api/v1/shelter/stays/{stay}/exit", body={
                "exited_on": on, "reason": "completed", "destination": destination}))

        # Admitted the year before, left on 5 January: 4 nights of the year, one exit.
        leave(admit(earlier, beds[2], f"{before}-12-01"), f"{y}-01-05", "own_housing")
        # 10 nights (10 to 20 January), left for her family.
        leave(admit(first, beds[0], f"{y}-01-10"), f"{y}-01-20", "family")
        # Came on 25 December and stays: 7 nights of the year (25 to 31 December).
        admit(second, beds[1], f"{y}-12-25")

        template, figures = self.report(self.b_admin)
        self.assertEqual(template, "support_facility")
        self.assertEqual(figures, {
            "stay.admissions": 2, "stay.admitted_people": 2, "stay.residents": 3,
            "stay.nights": 4 + 10 + 7, "stay.exits": 2, "stay.exit.family": 1,
            "stay.exit.own_housing": 1})

    def test_a_self_reliance_center_counts_programs_outcomes_and_money(self):
        y = self.last
        done, dropped, later = (self.person(self.c_worker, a) for a in ("수료", "중단", "올해"))
        program = self.ok(self.c_worker.client.post(PROGRAMS, body={
            "name": "바리스타 과정", "kind": "vocational_course", "provider": "own",
            "starts_on": f"{y}-03-01", "ends_on": f"{y}-06-30", "capacity": 10}), 201)["id"]
        # A program of this year does not run in last year.
        this_year = self.ok(self.c_worker.client.post(PROGRAMS, body={
            "name": "제과 과정", "kind": "vocational_course", "provider": "own",
            "starts_on": f"{y + 1}-01-05", "capacity": 10}), 201)["id"]

        def enroll(program_id, person, on):
            return self.ok(self.c_worker.client.post(f"{PROGRAMS}/{program_id}/enrollments",
                                                     body={"person_id": person,
                                                           "enrolled_on": on}), 201)["id"]

        def end(enrollment, status, on):
            self.ok(self.c_worker.client.post(f"/api/v1/enrollments/{enrollment}/end", body={
                "status": status, "ended_on": on}))

        end(enroll(program, done, f"{y}-03-01"), "completed", f"{y}-06-30")
        end(enroll(program, dropped, f"{y}-03-02"), "dropped", f"{y}-04-15")
        enroll(this_year, later, f"{y + 1}-01-05")
        self.ok(self.c_worker.client.post(f"/api/v1/people/{done}/outcomes", body={
            "kind": "employment", "started_on": f"{y}-07-01", "job_kind": "바리스타",
            "employer_kind": "social_enterprise", "employer": "가 카페"}), 201)
        self.ok(self.c_worker.client.post(f"/api/v1/people/{later}/outcomes", body={
            "kind": "school_entered", "started_on": f"{y + 1}-03-02", "school": "나 고등학교"}),
            201)

        sources = {}
        for year in (y, y + 1):  # a source is one year's budget
            sources[year] = self.ok(self.c_admin.client.post("/api/v1/funding-sources", body={
                "name": f"다시 자립지원금 {year}", "year": year, "budget": 100_000_000,
                "rules": {"training": {"cap": 7_200_000}}}), 201)["id"]
        source = sources[y]
        for person, amount, paid_on in ((done, 600_000, f"{y}-04-01"),
                                        (dropped, 400_000, f"{y}-03-20"),
                                        (done, 900_000, f"{y + 1}-01-10")):
            self.ok(self.c_finance.client.post(f"/api/v1/people/{person}/disbursements", body={
                "source_id": sources[int(paid_on[:4])], "kind": "training", "amount": amount,
                "paid_on": paid_on}), 201)

        template, figures = self.report(self.c_admin)
        self.assertEqual(template, "self_reliance_center")
        self.assertEqual(figures, {
            "program.running": 1, "program.participants": 2, "program.enrolled": 2,
            "program.completed": 1, "program.dropped": 1, "outcomes.employment": 1,
            "money.total": 1_000_000, "money.kind.training": 1_000_000,
            f"money.source.{source}": 1_000_000})


if __name__ == "__main__":
    unittest.main()
