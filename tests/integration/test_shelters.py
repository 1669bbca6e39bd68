"""Black-box tests of shelters: rooms and beds, the bed board, admissions (also two at once into
one bed), stay limits from the settings, outings and the overdue alert, exit with follow-ups, a
dispatcher's bed hold, and the network's free-bed counts.

A facility's shelter staff admit women of their own organization to their beds; a second
admission to a taken bed answers 409 however the requests race; other organizations see counts
only and a stay of another facility answers 404; outing destinations and exit notes are sealed.
Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import threading
import unittest

from harness import Server
from network import advance, build_network, server_now, sign_in
from test_people import sql

ROOMS = "/api/v1/shelter/rooms"
BOARD = "/api/v1/shelter/board"
HOME = "/api/v1/shelter/home"
STAYS = "/api/v1/shelter/stays"
BEDS = "/api/v1/network/beds"
LIMITS = "/api/v1/shelter/limits"
DESTINATION = "은하수병원-외래-7731"
EXIT_NOTE = "새벽별-임대주택-열쇠-4420"
READINESS_NOTE = "주민등록증-재발급-접수-5521"


class SheltersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.sign_in_all()
        r = cls.staff.client.post(ROOMS, body={"name": "201호", "beds": 3})
        assert r.status == 201, r.body
        cls.room = r.json()
        cls.beds = [b["id"] for b in cls.room["beds"]]

    @classmethod
    def sign_in_all(cls):
        """Signs everyone in (again, after the clock has moved past the idle timeout)."""
        for attr, org, role in [("staff", "org-b", "shelter_staff"),
                                ("worker", "org-b", "case_worker"),
                                ("a_staff", "org-a", "shelter_staff"),
                                ("a_dispatcher", "org-a", "dispatcher"),
                                ("admin", "sec", "network_admin")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, cls.users[org][role],
                                       totp_secret=old.totp_secret if old else None))

    def advance(self, seconds):
        advance(self.staff.client, seconds)
        type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def person(self, alias):
        r = self.worker.client.post("/api/v1/people", body={"legal_name": "입소 " + alias,
                                                            "alias": alias})
        self.assertEqual(r.status, 201, r.body)
        return r.json()["id"]

    def today(self):
        import time
        return time.strftime("%Y-%m-%d", time.gmtime(server_now(self.staff.client) + 9 * 3600))

    def admit(self, person_id, bed_id, **extra):
        return self.staff.client.post(STAYS, body={"person_id": person_id, "bed_id": bed_id,
                                                   "admitted_on": self.today(), **extra})

    def exit(self, stay_id, **extra):
        body = {"exited_on": self.today(), "reason": "completed", "destination": "family", **extra}
        r = self.staff.client.post(f"{STAYS}/{stay_id}/exit", body=body)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def board_bed(self, bed_id):
        r = self.staff.client.get(BOARD)
        self.assertEqual(r.status, 200, r.body)
        return next(b for b in r.json()["beds"] if b["id"] == bed_id)

    def test_1_parallel_admissions_to_one_bed_admit_exactly_one(self):
        people = [self.person(f"동시{i}") for i in range(8)]
        today = self.today()
        results = [None] * len(people)

        def admit(i):
            c = self.staff.client.clone()
            results[i] = c.post(STAYS, body={"person_id": people[i], "bed_id": self.beds[0],
                                             "admitted_on": today})

        threads = [threading.Thread(target=admit, args=(i,)) for i in range(len(people))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(r.status for r in results)
        self.assertEqual(statuses, [201] + [409] * 7, [r.body for r in results])
        for r in results:
            if r.status == 409:
                self.assertEqual(r.json()["error"]["code"], "conflict")
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM shelter_stays WHERE open_bed = "
                                          f"'{self.beds[0]}'"), "1")
        bed = self.board_bed(self.beds[0])
        self.assertEqual(bed["state"], "occupied")
        admitted = next(r.json() for r in results if r.status == 201)
        self.assertEqual(bed["stay"]["id"], admitted["id"])
        self.assertTrue(bed["stay"]["person"]["alias"].startswith("동시"))
        self.exit(admitted["id"])
        self.assertEqual(self.board_bed(self.beds[0])["state"], "free")

    def test_2_bad_admissions_name_the_field_and_write_nothing(self):
        before = sql(self.server, "SELECT COUNT(*) FROM shelter_stays")
        r = self.staff.client.post(STAYS, body={"bed_id": self.beds[1], "admitted_on": "2026-02-30"})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(set(r.json()["error"]["fields"]), {"admitted_on"})
        r = self.staff.client.post(STAYS, body={"bed_id": self.beds[1], "admitted_on": self.today(),
                                                "house_rules_agreed_on": "2099-01-01"})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(set(r.json()["error"]["fields"]), {"person_id", "house_rules_agreed_on"})
        # A woman of another organization is no resident here: refused like an unknown id.
        a_worker = sign_in(self.server, self.users["org-a"]["case_worker"])
        other = a_worker.client.post("/api/v1/people", body={"legal_name": "다른 기관"})
        r = self.admit(other.json()["id"], self.beds[1])
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(r.json()["error"]["fields"],
                         {"person_id": "이 시설에 등록된 분을 찾을 수 없습니다."})
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM shelter_stays"), before)

    def test_3_the_stay_limit_follows_the_setting(self):
        r = self.admit(self.person("한도1"), self.beds[1])
        self.assertEqual(r.status, 201, r.body)
        first = r.json()
        y, m, d = map(int, first["admitted_on"].split("-"))
        self.assertEqual(first["planned_end_on"][:7], f"{y + 1:04d}-{m:02d}")
        r = self.admin.client.request("PUT", LIMITS, body={
            "general": {"months": 6, "extension_months": 6}})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["limits"]["general"], {"months": 6, "extension_months": 6})
        self.assertEqual(self.staff.client.request("PUT", LIMITS, body={
            "general": {"months": 1, "extension_months": 0}}).status, 403)
        r = self.admit(self.person("한도2"), self.beds[2])
        self.assertEqual(r.status, 201, r.body)
        second = r.json()
        m6 = m + 6
        self.assertEqual(second["planned_end_on"][:7],
                         f"{y + (m6 - 1) // 12:04d}-{(m6 - 1) % 12 + 1:02d}")
        # The earlier stay keeps the end it was given.
        r = self.staff.client.get(f"{STAYS}/{first['id']}")
        self.assertEqual(r.json()["planned_end_on"], first["planned_end_on"])
        r = self.admin.client.request("PUT", LIMITS, body={
            "general": {"months": 12, "extension_months": 18}})
        self.assertEqual(r.status, 200, r.body)
        self.exit(first["id"])
        self.exit(second["id"])

    def test_3b_an_extension_past_the_legal_maximum_is_refused_in_words(self):
        r = self.admit(self.person("연장"), self.beds[1])
        self.assertEqual(r.status, 201, r.body)
        stay = r.json()
        r = self.staff.client.post(f"{STAYS}/{stay['id']}/extensions", body={
            "until_on": "2099-01-01", "reason": "자립 준비가 더 필요함"})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("법이 허용하는 최대 입소 기간을 넘습니다", r.json()["error"]["fields"]["until_on"])
        r = self.staff.client.post(f"{STAYS}/{stay['id']}/extensions", body={
            "until_on": stay["max_end_on"], "reason": "자립 준비가 더 필요함"})
        self.assertEqual(r.status, 201, r.body)
        supervisor = sign_in(self.server, self.users["org-b"]["supervisor"])
        pending = supervisor.client.get("/api/v1/shelter/extensions").json()["items"]
        self.assertEqual([p["id"] for p in pending], [r.json()["id"]])
        self.assertEqual(pending[0]["reason"], "자립 준비가 더 필요함")
        d = supervisor.client.post(f"/api/v1/shelter/extensions/{r.json()['id']}/decision",
                                   body={"approve": True})
        self.assertEqual(d.status, 200, d.body)
        got = self.staff.client.get(f"{STAYS}/{stay['id']}").json()
        self.assertEqual(got["planned_end_on"], stay["max_end_on"])
        self.exit(stay["id"])

    def test_3c_the_waitlist_puts_the_most_urgent_first_and_admission_clears_her(self):
        waiting = {}
        for alias, urgency in [("대기1", "medium"), ("대기2", "critical"), ("대기3", "medium")]:
            pid = self.person(alias)
            r = self.staff.client.post("/api/v1/shelter/waitlist", body={
                "person_id": pid, "urgency": urgency, "source": "rescue", "note": "쪽지-" + alias})
            self.assertEqual(r.status, 201, r.body)
            waiting[alias] = (pid, r.json()["id"])
        r = self.staff.client.post("/api/v1/shelter/waitlist", body={
            "person_id": waiting["대기1"][0], "urgency": "low", "source": "rescue"})
        self.assertEqual(r.status, 409, r.body)
        items = self.staff.client.get("/api/v1/shelter/waitlist").json()["items"]
        self.assertEqual([i["person"]["alias"] for i in items], ["대기2", "대기1", "대기3"])
        self.assertEqual(items[0]["note"], "쪽지-대기2")
        self.assertEqual(self.a_staff.client.post(
            f"/api/v1/shelter/waitlist/{waiting['대기3'][1]}/remove",
            body={"reason": "withdrawn"}).status, 404)
        r = self.admit(waiting["대기2"][0], self.beds[1])
        self.assertEqual(r.status, 201, r.body)
        r2 = self.staff.client.post(f"/api/v1/shelter/waitlist/{waiting['대기3'][1]}/remove",
                                    body={"reason": "withdrawn"})
        self.assertEqual(r2.status, 200, r2.body)
        items = self.staff.client.get("/api/v1/shelter/waitlist").json()["items"]
        self.assertEqual([i["person"]["alias"] for i in items], ["대기1"])
        self.exit(r.json()["id"])

    def test_4_other_organizations_see_counts_only(self):
        r = self.admit(self.person("숨은별쉼터"), self.beds[1])
        self.assertEqual(r.status, 201, r.body)
        stay = r.json()
        self.assertEqual(self.a_staff.client.get(f"{STAYS}/{stay['id']}").status, 404)
        self.assertEqual(self.a_staff.client.post(f"{STAYS}/{stay['id']}/exit", body={
            "exited_on": self.today(), "reason": "completed", "destination": "family"}).status, 404)
        r = self.a_dispatcher.client.get(BEDS)
        self.assertEqual(r.status, 200, r.body)
        text = r.body.decode("utf-8")
        for secret in ("숨은별쉼터", stay["person"]["code"], stay["person"]["id"], "201호"):
            self.assertNotIn(secret, text)
        mine = next(i for i in r.json()["items"] if i["org_id"] == self.staff.org_id)
        self.assertEqual(mine["kinds"]["standard"]["total"], 3)
        self.assertEqual(mine["free"], 2)
        # The network directory shows the same count, and never a resident.
        entry = self.a_dispatcher.client.get(f"/api/v1/directory/{self.staff.org_id}")
        self.assertEqual(entry.status, 200, entry.body)
        self.assertEqual(entry.json()["free_beds"], 2)
        self.assertNotIn(stay["person"]["code"], entry.body.decode("utf-8"))
        self.exit(stay["id"])

    def test_5_an_overdue_outing_alerts_the_staff_and_destinations_are_sealed(self):
        r = self.admit(self.person("외출"), self.beds[1])
        self.assertEqual(r.status, 201, r.body)
        stay = r.json()
        import time
        now = server_now(self.staff.client)
        fmt = lambda t: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
        r = self.staff.client.post(f"{STAYS}/{stay['id']}/outings", body={
            "kind": "outing", "left_at": fmt(now), "planned_return_at": fmt(now + 3600),
            "destination": DESTINATION})
        self.assertEqual(r.status, 201, r.body)
        outing = r.json()
        home = self.staff.client.get(HOME).json()
        self.assertEqual([o["id"] for o in home["out"]], [outing["id"]])
        self.assertFalse(home["out"][0]["overdue"])
        self.assertIsNone(home["out"][0]["alerted_at"])
        self.assertEqual(home["out"][0]["destination"], DESTINATION)
        self.advance(3600 + 61 * 60)
        home = self.staff.client.get(HOME).json()
        self.assertTrue(home["out"][0]["overdue"])
        # The read that first saw her overdue raised the alert, and says so.
        self.assertIsNotNone(home["out"][0]["alerted_at"])
        kinds = [n["kind"] for n in self.staff.client.get("/api/v1/notifications").json()["items"]]
        self.assertEqual(kinds.count("shelter_overdue"), 1)
        self.staff.client.get(BOARD)
        kinds = [n["kind"] for n in self.staff.client.get("/api/v1/notifications").json()["items"]]
        self.assertEqual(kinds.count("shelter_overdue"), 1)
        r = self.staff.client.post(f"/api/v1/shelter/outings/{outing['id']}/return", body={})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.staff.client.get(HOME).json()["out"], [])
        out = self.exit(stay["id"], destination="public_rental", destination_safe=True,
                        note=EXIT_NOTE)
        self.assertEqual(out["exit_note"], EXIT_NOTE)
        self.assertEqual([f["months"] for f in out["follow_ups"]], [1, 3, 6])
        for table, column, value in [("shelter_outings", "destination", DESTINATION),
                                     ("shelter_stays", "exit_note", EXIT_NOTE)]:
            stored = sql(self.server, f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")
            self.assertTrue(stored)
            self.assertNotIn(value, stored)
        # The first follow-up, recorded once.
        f = out["follow_ups"][0]
        r = self.staff.client.post(f"/api/v1/shelter/follow-ups/{f['id']}", body={
            "done_on": self.today(), "outcome": "stable"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["outcome"], "stable")
        r = self.staff.client.post(f"/api/v1/shelter/follow-ups/{f['id']}", body={
            "done_on": self.today(), "outcome": "stable"})
        self.assertEqual(r.status, 409, r.body)

    def test_5b_her_readiness_checklist_keeps_every_answer_and_refuses_bad_ones(self):
        r = self.admit(self.person("자립준비"), self.beds[1])
        self.assertEqual(r.status, 201, r.body)
        stay = r.json()
        url = f"{STAYS}/{stay['id']}/readiness"
        page = self.staff.client.get(f"{STAYS}/{stay['id']}").json()
        self.assertEqual([a["item"] for a in page["readiness"]],
                         ["housing_application", "income", "savings", "id_documents",
                          "self_reliance_referral", "legal_matters"])
        self.assertEqual({a["status"] for a in page["readiness"]}, {"not_started"})
        r = self.staff.client.request("PUT", f"{url}/id_documents",
                                      body={"status": "in_progress", "note": READINESS_NOTE})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["note"], READINESS_NOTE)
        r = self.staff.client.request("PUT", f"{url}/id_documents", body={"status": "done"})
        self.assertEqual(r.status, 200, r.body)
        count = f"SELECT COUNT(*) FROM shelter_readiness WHERE stay_id = '{stay['id']}'"
        self.assertEqual(sql(self.server, count), "2")
        stored = sql(self.server, "SELECT note FROM shelter_readiness WHERE note IS NOT NULL")
        self.assertTrue(stored)
        self.assertNotIn(READINESS_NOTE, stored)
        page = self.staff.client.get(f"{STAYS}/{stay['id']}").json()
        item = next(a for a in page["readiness"] if a["item"] == "id_documents")
        self.assertEqual((item["status"], item["note"]), ("done", None))
        # Bad answers name the field, in the user's language, and write nothing.
        for path, body, field in [("income", {"status": 3}, "status"),
                                  ("income", {}, "status"),
                                  ("income", {"status": "finished"}, "status"),
                                  ("income", {"status": "done", "note": "x" * 2001}, "note"),
                                  ("lottery", {"status": "done"}, "item")]:
            r = self.staff.client.request("PUT", f"{url}/{path}", body=body)
            self.assertEqual(r.status, 400, (path, body, r.body))
            self.assertIn(field, r.json()["error"]["fields"], r.body)
        r = self.staff.client.request("PUT", f"{url}/income", raw=b"\xff\xfe",
                                      headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400, r.body)
        # Another facility's staff: like an unknown stay.
        r = self.a_staff.client.request("PUT", f"{url}/income", body={"status": "done"})
        self.assertEqual(r.status, 404, r.body)
        self.assertEqual(sql(self.server, count), "2")
        self.exit(stay["id"])
        r = self.staff.client.request("PUT", f"{url}/income", body={"status": "done"})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(sql(self.server, count), "2")

    def test_6_a_held_bed_waits_for_its_admission_and_frees_itself(self):
        def free():
            items = self.a_dispatcher.client.get(BEDS).json()["items"]
            return next(i for i in items if i["org_id"] == self.staff.org_id)["free"]

        before = free()
        r = self.a_dispatcher.client.post("/api/v1/network/beds/holds", body={
            "org_id": self.staff.org_id, "kind": "standard"})
        self.assertEqual(r.status, 201, r.body)
        hold = r.json()
        self.assertEqual(free(), before - 1)
        self.assertEqual(self.board_bed(hold["bed_id"])["state"], "held")
        self.assertEqual(self.board_bed(hold["bed_id"])["hold_id"], hold["id"])
        r = self.admit(self.person("긴급"), hold["bed_id"])
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["message"],
                         "긴급 입소를 위해 잡아 둔 침대입니다. 잡아 둔 시간이 끝난 뒤에 쓸 수 있습니다.")
        r = self.admit(self.person("긴급2"), hold["bed_id"], hold_id=hold["id"], source="rescue")
        self.assertEqual(r.status, 201, r.body)
        self.exit(r.json()["id"])
        # A second hold runs out by itself after 90 minutes: its stored expiry decides on read,
        # so no timer has to outlive a restart.
        r = self.a_dispatcher.client.post("/api/v1/network/beds/holds", body={
            "org_id": self.staff.org_id, "kind": "standard"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(free(), before - 1)
        self.advance(91 * 60)
        self.assertEqual(free(), before)


if __name__ == "__main__":
    unittest.main()
