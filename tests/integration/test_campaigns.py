"""Black-box tests of campaigns and partners (docs/api-campaigns.md): creating and editing a
campaign, the route's order, linking events (another organization's refused), the public answers
(published only, no contact, no cookie), bad input that writes nothing, another organization's
staff answered 404, the secretariat editing every campaign, and partners' contacts sealed and
hidden from those who may not edit the partner. Runs on SQLite, or on PostgreSQL with
DANDELION_TEST_PG_URL set.
"""

import http.client
import json
import time
import unittest

from harness import Server
from network import add_user, advance, build_network, server_now, sign_in
from test_people import sql

CAMPAIGNS = "/api/v1/campaigns"
PARTNERS = "/api/v1/partners"
PUBLIC = "/api/v1/public/campaigns"
CONTACT_NAME = "연락담당-홍길순-5521"
CONTACT_PHONE = "010-7777-5521"


def anonymous(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": "ko"})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


class CampaignsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "sec", "sec-advocate", "advocate")
        add_user(cls.server, "sec", "sec-worker", "case_worker")
        cls.server.start()
        cls.sign_in_all()

    @classmethod
    def sign_in_all(cls):
        for attr, username in [("adv", "sec-advocate"),
                               ("sec_worker", "sec-worker"),
                               ("a_adv", cls.users["org-a"]["advocate"]),
                               ("a_worker", cls.users["org-a"]["case_worker"]),
                               ("b_adv", cls.users["org-b"]["advocate"])]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, username,
                                       totp_secret=old.totp_secret if old else None))

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def today(self, days=0):
        now = server_now(self.server.client())
        return time.strftime("%Y-%m-%d", time.gmtime(now + 9 * 3600 + days * 86400))

    def campaign(self, session=None, **extra):
        body = {"title_ko": "제22회 민들레 순례", "title_en": "22nd Dandelion Pilgrimage",
                "summary_ko": "군산 화재 참사 현장까지", "starts_on": self.today(-10),
                "ends_on": self.today(20), "themes": ["memorial", "curbing_demand"],
                "status": "active"}
        body.update(extra)
        r = (session or self.adv).client.post(CAMPAIGNS, body=body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def stop(self, campaign_id, days, session=None, expect=201, **extra):
        body = {"date": self.today(days), "region": "KR-45", "city": "군산시",
                "venue": "개복동 화재 현장", "activities": ["memorial", "vigil"]}
        body.update(extra)
        r = (session or self.adv).client.post(f"{CAMPAIGNS}/{campaign_id}/stops", body=body)
        self.assertEqual(r.status, expect, r.body)
        return r.json()

    def event(self, session, days=2):
        now = server_now(self.server.client())
        starts = time.strftime("%Y-%m-%dT10:00:00+09:00",
                               time.gmtime(now + 9 * 3600 + days * 86400))
        r = session.client.post("/api/v1/events", body={
            "kind": "pilgrimage_stop", "title_ko": "순례 행사", "starts_at": starts,
            "ends_at": starts.replace("T10:", "T12:"), "venue": "군산", "region": "KR-45",
            "published": True})
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def partner(self, session=None, **extra):
        body = {"kind": "womens_rights", "name_ko": "군산여성연대", "name_en": "Gunsan Women",
                "website": "https://example.org/gunsan"}
        body.update(extra)
        r = (session or self.adv).client.post(PARTNERS, body=body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def count(self, table):
        return int(sql(self.server, f"SELECT COUNT(*) FROM {table}"))

    # -- campaigns and the route -----------------------------------------------------------------

    def test_create_edit_and_the_route_in_date_order(self):
        c = self.campaign()
        self.assertEqual(c["status"], "active")
        self.assertFalse(c["published"])
        self.assertTrue(c["can_edit"])
        self.assertEqual(c["stops"], [])
        # Stops placed by date whatever order they are added in.
        self.stop(c["id"], 5, city="부산광역시", region="KR-26")
        self.stop(c["id"], -5, city="서울특별시", region="KR-11")
        d = self.stop(c["id"], 0, city="대구광역시", region="KR-27")
        self.assertEqual([s["city"] for s in d["stops"]], ["서울특별시", "대구광역시", "부산광역시"])
        self.assertEqual([s["position"] for s in d["stops"]], [1, 2, 3])
        self.assertEqual([s["done"] for s in d["stops"]], [True, False, False])
        self.assertEqual(d["progress"]["stops_total"], 3)
        self.assertEqual(d["progress"]["stops_done"], 1)
        self.assertEqual(d["progress"]["next_stop_on"], self.today(0))
        ids = [s["id"] for s in d["stops"]]
        # A reorder that would put a later date first is refused, nothing changes.
        r = self.adv.client.request("PUT", f"{CAMPAIGNS}/{c['id']}/route",
                                    body={"stop_ids": [ids[2], ids[0], ids[1]]})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["message"],
                         "경로의 날짜가 뒤로 가지 않도록 순서를 정해 주세요.")
        r = self.adv.client.request("PUT", f"{CAMPAIGNS}/{c['id']}/route",
                                    body={"stop_ids": ids[:2]})
        self.assertEqual(r.status, 400, r.body)
        # Two stops on one day may swap.
        e = self.stop(c["id"], 0, city="광주광역시", region="KR-29")
        ids = [s["id"] for s in e["stops"]]
        self.assertEqual([s["city"] for s in e["stops"]],
                         ["서울특별시", "대구광역시", "광주광역시", "부산광역시"])
        r = self.adv.client.request("PUT", f"{CAMPAIGNS}/{c['id']}/route",
                                    body={"stop_ids": [ids[0], ids[2], ids[1], ids[3]]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual([s["city"] for s in r.json()["stops"]],
                         ["서울특별시", "광주광역시", "대구광역시", "부산광역시"])
        # Moving a stop's date past the next one is refused.
        r = self.adv.client.request("PATCH", f"{CAMPAIGNS}/{c['id']}/stops/{ids[0]}",
                                  body={"date": self.today(10)})
        self.assertEqual(r.status, 409, r.body)
        # Removing one closes up the positions.
        r = self.adv.client.request("DELETE", f"{CAMPAIGNS}/{c['id']}/stops/{ids[1]}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual([s["position"] for s in r.json()["stops"]], [1, 2, 3])
        # The period cannot shrink past a stop.
        r = self.adv.client.request("PATCH", f"{CAMPAIGNS}/{c['id']}", body={"ends_on": self.today(1)})
        self.assertEqual(r.status, 409, r.body)
        r = self.adv.client.request("PATCH", f"{CAMPAIGNS}/{c['id']}",
                                  body={"title_en": "22nd Pilgrimage", "published": True})
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["published"])
        actions = sql(self.server, "SELECT action FROM audit_log WHERE action LIKE 'campaign.%'")
        for action in ("campaign.create", "campaign.stop.add", "campaign.route.reorder",
                       "campaign.stop.remove", "campaign.update"):
            self.assertIn(action, actions)

    def test_bad_input_answers_400_and_writes_nothing(self):
        before = self.count("campaigns")
        for body in [{}, {"title_ko": 5, "starts_on": self.today(), "ends_on": self.today()},
                     {"title_ko": "x", "starts_on": self.today(3), "ends_on": self.today()},
                     {"title_ko": "x", "starts_on": "2026-02-30", "ends_on": self.today()},
                     {"title_ko": "x", "starts_on": self.today(), "ends_on": self.today(),
                      "themes": ["nonsense"]},
                     {"title_ko": "x", "starts_on": self.today(), "ends_on": self.today(),
                      "extra": 1},
                     {"title_ko": "x" * 201, "starts_on": self.today(), "ends_on": self.today()}]:
            r = self.adv.client.post(CAMPAIGNS, body=body)
            self.assertEqual(r.status, 400, (body, r.body))
        self.assertEqual(self.count("campaigns"), before)
        c = self.campaign()
        stops = self.count("campaign_stops")
        for body in [{"date": self.today(40), "region": "KR-45", "city": "군산",
                      "venue": "v", "activities": ["vigil"]},
                     {"date": self.today(), "region": "KR-99", "city": "군산", "venue": "v",
                      "activities": ["vigil"]},
                     {"date": self.today(), "region": "KR-45", "city": "군산", "venue": "v",
                      "activities": ["picnic"]},
                     {"date": self.today(), "region": "KR-45", "city": "군산", "venue": "v",
                      "activities": ["vigil"], "host_partner_id": "0" * 26},
                     {"date": self.today(), "region": "KR-45", "city": "군산", "venue": "v",
                      "activities": ["vigil"], "event_id": "0" * 26}]:
            r = self.adv.client.post(f"{CAMPAIGNS}/{c['id']}/stops", body=body)
            self.assertEqual(r.status, 400, (body, r.body))
        self.assertEqual(self.count("campaign_stops"), stops)
        r = self.adv.client.post(f"{CAMPAIGNS}/{c['id']}/press",
                                 body={"date": self.today(), "outlet": "신문", "title": "t",
                                       "url": "javascript:alert(1)"})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(self.count("campaign_press"), 0)

    def test_linking_events_checks_both_belong_together(self):
        c = self.campaign()
        mine = self.event(self.adv)
        r = self.adv.client.post(f"{CAMPAIGNS}/{c['id']}/events", body={"event_id": mine["id"]})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual([e["id"] for e in r.json()["events"]], [mine["id"]])
        self.assertEqual(r.json()["events"][0]["counts"], {"registered": 0, "checked_in": 0})
        # A stop may point at a linked event.
        d = self.stop(c["id"], 2, event_id=mine["id"])
        self.assertEqual(d["stops"][0]["event_id"], mine["id"])
        # Another organization's event: not the secretariat advocate's to edit → 404, unlinked.
        theirs = self.event(self.a_adv)
        r = self.adv.client.post(f"{CAMPAIGNS}/{c['id']}/events", body={"event_id": theirs["id"]})
        self.assertEqual(r.status, 404, r.body)
        self.assertEqual(sql(self.server, f"SELECT COALESCE(campaign_id, '') FROM events "
                                          f"WHERE id = '{theirs['id']}'"), "")
        # Its own staff cannot link it either: the secretariat's campaign is not theirs to edit.
        r = self.a_adv.client.post(f"{CAMPAIGNS}/{c['id']}/events",
                                   body={"event_id": theirs["id"]})
        self.assertEqual(r.status, 404, r.body)
        r = self.a_adv.client.request("PATCH", f"/api/v1/events/{theirs['id']}",
                                    body={"campaign_id": c["id"]})
        self.assertEqual(r.status, 400, r.body)
        # A member's own campaign: its own event links; the secretariat's event does not belong
        # (the secretariat neither runs it nor hosts a stop).
        member = self.campaign(self.a_adv)
        r = self.a_adv.client.request("PATCH", f"/api/v1/events/{theirs['id']}",
                                    body={"campaign_id": member["id"]})
        self.assertEqual(r.status, 200, r.body)
        other = self.event(self.adv)
        r = self.adv.client.post(f"{CAMPAIGNS}/{member['id']}/events",
                                 body={"event_id": other["id"]})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["code"], "conflict")
        # Unlinking clears the stop's pointer.
        r = self.adv.client.request("DELETE", f"{CAMPAIGNS}/{c['id']}/events/{mine['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["events"], [])
        self.assertIsNone(r.json()["stops"][0]["event_id"])

    def test_another_organizations_staff_get_404_and_the_secretariat_edits_all(self):
        c = self.campaign(self.a_adv)
        for s in (self.b_adv,):
            client = s.client
            self.assertEqual(client.get(f"{CAMPAIGNS}/{c['id']}").status, 404)
            self.assertEqual(client.request("PATCH", f"{CAMPAIGNS}/{c['id']}", body={"title_ko": 5}).status,
                             404)
            self.assertEqual(client.post(f"{CAMPAIGNS}/{c['id']}/stops", body={}).status, 404)
            self.assertNotIn(c["id"], [x["id"] for x in client.get(CAMPAIGNS).json()["items"]])
        # Her own organization's case worker reads but may not write.
        self.assertEqual(self.a_worker.client.get(f"{CAMPAIGNS}/{c['id']}").status, 200)
        self.assertEqual(self.a_worker.client.request("PATCH", f"{CAMPAIGNS}/{c['id']}",
                                                    body={}).status, 403)
        # The secretariat's advocate edits a member's campaign; its case worker only reads.
        r = self.adv.client.request("PATCH", f"{CAMPAIGNS}/{c['id']}", body={"status": "finished"})
        self.assertEqual(r.status, 200, r.body)
        r = self.sec_worker.client.get(f"{CAMPAIGNS}/{c['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertFalse(r.json()["can_edit"])

    # -- the public ------------------------------------------------------------------------------

    def test_public_shows_only_published_with_no_contact_and_no_cookie(self):
        p = self.partner(name_ko="공개이름-협력단체")
        r = self.adv.client.post(f"{PARTNERS}/{p['id']}/contacts",
                                 body={"name": CONTACT_NAME, "phone": CONTACT_PHONE})
        self.assertEqual(r.status, 201, r.body)
        hidden = self.campaign(title_ko="비공개-캠페인-제목")
        shown = self.campaign(title_ko="공개-캠페인-제목", published=True)
        self.stop(shown["id"], -1, host_partner_id=p["id"])
        self.stop(shown["id"], 3, host_org_id=self.a_adv.org_id)
        ev = self.event(self.adv)
        self.adv.client.post(f"{CAMPAIGNS}/{shown['id']}/events", body={"event_id": ev["id"]})
        r = self.adv.client.post(f"{CAMPAIGNS}/{shown['id']}/materials?title=route&name=r.txt"
                                 "&public=true", raw=b"route", headers={"Content-Type":
                                                                       "text/plain"})
        self.assertEqual(r.status, 201, r.body)
        public_material = r.json()["id"]
        r = self.adv.client.post(f"{CAMPAIGNS}/{shown['id']}/materials?title=plan&name=p.txt",
                                 raw=b"internal", headers={"Content-Type": "text/plain"})
        internal_material = r.json()["id"]
        status, headers, body = anonymous(self.server.port, PUBLIC)
        self.assertEqual(status, 200, body)
        self.assertNotIn("set-cookie", headers)
        listed = [c["id"] for c in json.loads(body)["campaigns"]]
        self.assertIn(shown["id"], listed)
        self.assertNotIn(hidden["id"], listed)
        status, headers, body = anonymous(self.server.port, f"{PUBLIC}/{shown['id']}")
        self.assertEqual(status, 200, body)
        self.assertNotIn("set-cookie", headers)
        text = body.decode("utf-8")
        for secret in (CONTACT_NAME, CONTACT_PHONE, "checked_in", "counts", "created_by",
                       "internal", "p.txt"):
            self.assertNotIn(secret, text)
        d = json.loads(body)
        self.assertEqual([s["host"] for s in d["stops"]],
                         [{"kind": "partner", "name": "공개이름-협력단체"},
                          {"kind": "member", "name": "가 상담소"}])
        self.assertEqual(d["progress"]["stops_done"], 1)
        self.assertEqual([e["id"] for e in d["events"]], [ev["id"]])
        self.assertEqual([m["id"] for m in d["materials"]], [public_material])
        status, _, body = anonymous(self.server.port,
                                    f"{PUBLIC}/{shown['id']}/materials/{public_material}/file")
        self.assertEqual((status, body), (200, b"route"))
        status, _, _ = anonymous(self.server.port,
                                 f"{PUBLIC}/{shown['id']}/materials/{internal_material}/file")
        self.assertEqual(status, 404)
        status, _, _ = anonymous(self.server.port, f"{PUBLIC}/{hidden['id']}")
        self.assertEqual(status, 404)
        # The public site's pages agree: the campaign and its hosts, nothing hidden or personal.
        advance(self.server.client(), 3)  # past the site's seconds of caching
        status, headers, body = anonymous(self.server.port, f"/campaigns/{shown['id']}")
        self.assertEqual(status, 200, body[:300])
        self.assertNotIn("set-cookie", headers)
        page = body.decode("utf-8")
        self.assertIn("공개-캠페인-제목", page)
        self.assertIn("맞이하는 곳: 공개이름-협력단체", page)
        for secret in (CONTACT_NAME, CONTACT_PHONE, "internal", "p.txt"):
            self.assertNotIn(secret, page)
        status, _, body = anonymous(self.server.port, "/")
        home = body.decode("utf-8")
        self.assertIn("공개-캠페인-제목", home)
        self.assertNotIn("비공개-캠페인-제목", home)
        status, _, _ = anonymous(self.server.port, f"/campaigns/{hidden['id']}")
        self.assertEqual(status, 404)

    # -- partners --------------------------------------------------------------------------------

    def test_partner_contacts_are_sealed_and_shown_only_to_its_editors(self):
        p = self.partner(self.a_adv, kind="hospital", name_ko="한빛병원")
        r = self.a_adv.client.post(f"{PARTNERS}/{p['id']}/contacts",
                                   body={"name": CONTACT_NAME, "role": "사회복지사",
                                         "phone": CONTACT_PHONE})
        self.assertEqual(r.status, 201, r.body)
        # Sealed in the database.
        self.assertNotIn(CONTACT_NAME, sql(self.server, "SELECT * FROM partner_contacts"))
        r = self.a_adv.client.get(f"{PARTNERS}/{p['id']}/contacts")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["items"][0]["name"], CONTACT_NAME)
        self.assertIn("partner.contacts.read",
                      sql(self.server, "SELECT action FROM audit_log"))
        # Not in the partner's own answer, nor in the list.
        for path in (f"{PARTNERS}/{p['id']}", PARTNERS):
            r = self.a_worker.client.get(path)
            self.assertEqual(r.status, 200, r.body)
            self.assertNotIn(CONTACT_NAME, r.body.decode("utf-8"))
        # A reader of her organization: refused; another organization's editor: 404;
        # the secretariat's case worker sees the partner, not its contacts.
        self.assertEqual(self.a_worker.client.get(f"{PARTNERS}/{p['id']}/contacts").status, 403)
        self.assertEqual(self.b_adv.client.get(f"{PARTNERS}/{p['id']}/contacts").status, 404)
        self.assertEqual(self.b_adv.client.get(f"{PARTNERS}/{p['id']}").status, 404)
        self.assertEqual(self.sec_worker.client.get(f"{PARTNERS}/{p['id']}").status, 200)
        self.assertEqual(self.sec_worker.client.get(f"{PARTNERS}/{p['id']}/contacts").status,
                         403)
        # Alliances, agreements, interactions.
        r = self.a_adv.client.post(f"{PARTNERS}/{p['id']}/alliances",
                                   body={"name": "공동행동", "since": "2019-03-08"})
        self.assertEqual(r.status, 201, r.body)
        r = self.a_adv.client.post(f"{PARTNERS}/{p['id']}/agreements",
                                   body={"title": "의료지원 협약", "signed_on": self.today(-30),
                                         "expires_on": self.today(300)})
        self.assertEqual(r.status, 201, r.body)
        self.assertTrue(r.json()["active"])
        agreement = r.json()["id"]
        r = self.a_adv.client.request(
            "PUT", f"{PARTNERS}/{p['id']}/agreements/{agreement}/file?name=a.pdf",
            raw=b"%PDF-1.4 a", headers={"Content-Type": "application/pdf"})
        self.assertEqual(r.status, 200, r.body)
        r = self.a_adv.client.post(f"{PARTNERS}/{p['id']}/interactions",
                                   body={"date": self.today(1), "kind": "meeting",
                                         "summary": "간담회"})
        self.assertEqual(r.status, 400, r.body)
        r = self.a_adv.client.post(f"{PARTNERS}/{p['id']}/interactions",
                                   body={"date": self.today(), "kind": "meeting",
                                         "summary": "간담회"})
        self.assertEqual(r.status, 201, r.body)
        d = self.a_adv.client.get(f"{PARTNERS}/{p['id']}").json()
        self.assertEqual(len(d["alliances"]), 1)
        self.assertEqual(d["agreements"][0]["file"]["name"], "a.pdf")
        self.assertEqual(d["interactions"][0]["summary"], "간담회")
        r = self.a_worker.client.get(f"{PARTNERS}/{p['id']}/agreements/{agreement}/file")
        self.assertEqual(r.status, 200, r.body)

    def test_a_partner_co_organizes_an_event(self):
        p = self.partner()
        ev = self.event(self.adv)
        r = self.adv.client.post(f"/api/v1/events/{ev['id']}/co-organizers",
                                 body={"partner_id": p["id"]})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual([x["id"] for x in r.json()["items"]], [p["id"]])
        # Another organization's event answers 404, its partner is unknown to the caller.
        theirs = self.event(self.a_adv)
        r = self.adv.client.post(f"/api/v1/events/{theirs['id']}/co-organizers",
                                 body={"partner_id": p["id"]})
        self.assertEqual(r.status, 404, r.body)
        r = self.a_adv.client.post(f"/api/v1/events/{theirs['id']}/co-organizers",
                                   body={"partner_id": p["id"]})
        self.assertEqual(r.status, 400, r.body)
        r = self.adv.client.request("DELETE", f"/api/v1/events/{ev['id']}/co-organizers/{p['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["items"], [])


if __name__ == "__main__":
    unittest.main()
