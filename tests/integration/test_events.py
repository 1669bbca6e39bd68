"""Black-box tests of events: public registration without an account (time token, flood
control, no cookie), the waitlist and its promotion, duplicates, bad input that changes nothing,
QR tickets, check-in (twice, replayed from a phone's queue, by reference or from the list), the
public list without personal data, aliases in the attendee list, and another organization's
staff answered 404. Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import http.client
import json
import re
import time
import unittest
import xml.etree.ElementTree as ET

from harness import Server
from network import add_user, advance, build_network, server_now, sign_in
from test_people import sql

EVENTS = "/api/v1/events"
PUBLIC = "/api/v1/public/events"
REFERENCE = re.compile(r"^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$")
LEGAL_NAME = "은하수-법적이름-8812"
ALIAS = "민들레홀씨"


def public_request(port, method, path, body=None, source="127.0.0.1", raw=None):
    """An anonymous browser from a chosen local address (each test its own)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    headers = {"Accept-Language": "ko"}
    data = raw
    if body is not None:
        data = json.dumps(body).encode("utf-8")
    if data is not None:
        headers["Content-Type"] = "application/json"
    try:
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        payload = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, payload
    finally:
        conn.close()


class EventsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "sec", "sec-advocate", "advocate")
        cls.server.start()
        cls.sign_in_all()

    @classmethod
    def sign_in_all(cls):
        for attr, org, username in [("adv", "sec", "sec-advocate"),
                                    ("a_admin", "org-a", cls.users["org-a"]["org_admin"]),
                                    ("b_adv", "org-b", cls.users["org-b"]["advocate"]),
                                    ("auditor", "sec", cls.users["sec"]["auditor"])]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, username,
                                       totp_secret=old.totp_secret if old else None))

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def advance(self, seconds):
        advance(self.server.client(), seconds)
        if seconds > 60:
            type(self).sign_in_all()

    def event(self, session=None, **extra):
        session = session or self.adv
        now = server_now(self.server.client())
        starts = time.strftime("%Y-%m-%dT%H:00:00+09:00", time.gmtime(now + 9 * 3600 + 2 * 86400))
        ends = time.strftime("%Y-%m-%dT%H:00:00+09:00", time.gmtime(now + 9 * 3600 + 2 * 86400
                                                                    + 3 * 3600))
        body = {"kind": "forum", "title_ko": "수요 차단 포럼", "title_en": "Forum on demand",
                "starts_at": starts, "ends_at": ends, "venue": "서울 중구 교육장",
                "region": "KR-11", "capacity": 2, "registration_open": True, "published": True}
        body.update(extra)
        r = session.client.post(EVENTS, body=body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def token(self, source):
        status, headers, body = public_request(self.server.port, "GET", PUBLIC, source=source)
        self.assertEqual(status, 200, body)
        self.assertNotIn("set-cookie", headers)
        return json.loads(body)["form_token"]

    def register(self, event_id, source, token=None, **fields):
        if token is None:
            token = self.token(source)
            self.advance(3)
        body = {"name": "참가자", "contact": "010-1111-2222", "photo_consent": False,
                "form_token": token}
        body.update(fields)
        status, headers, payload = public_request(
            self.server.port, "POST", f"{PUBLIC}/{event_id}/registrations", body, source=source)
        return status, headers, (json.loads(payload) if payload else {})

    def attendees(self, event_id, session=None):
        r = (session or self.adv).client.get(f"{EVENTS}/{event_id}/registrations")
        self.assertEqual(r.status, 200, r.body)
        return r

    # -- public registration ---------------------------------------------------------------------

    def test_registration_without_an_account_gives_a_reference_and_a_qr_ticket(self):
        e = self.event()
        status, headers, body = self.register(e["id"], "127.0.1.1", contact="010-2000-0001")
        self.assertEqual(status, 201, body)
        self.assertNotIn("set-cookie", headers)
        self.assertEqual(set(body), {"reference", "ticket_qr_svg", "status"})
        self.assertRegex(body["reference"], REFERENCE)
        self.assertEqual(body["status"], "registered")
        svg = ET.fromstring(body["ticket_qr_svg"])  # well-formed XML
        self.assertEqual(svg.tag, "{http://www.w3.org/2000/svg}svg")
        self.assertNotIn("script", body["ticket_qr_svg"])
        items = self.attendees(e["id"]).json()["items"]
        self.assertEqual([(i["reference"], i["source"], i["status"]) for i in items],
                         [(body["reference"], "public", "registered")])

    def test_over_capacity_waits_and_a_cancellation_promotes_the_oldest(self):
        e = self.event(capacity=1)
        statuses = []
        for n in range(3):
            s, _, b = self.register(e["id"], f"127.0.2.{n + 1}", contact=f"010-3000-000{n}",
                                    name=f"순서{n}")
            self.assertEqual(s, 201, b)
            statuses.append(b["status"])
        self.assertEqual(statuses, ["registered", "waitlisted", "waitlisted"])
        listed = self.attendees(e["id"]).json()
        self.assertEqual(listed["counts"], {"registered": 1, "waitlisted": 2, "cancelled": 0,
                                            "checked_in": 0})
        first, second, third = listed["items"]
        r = self.adv.client.post(f"{EVENTS}/{e['id']}/registrations/{first['id']}/cancel", body={})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["registration"]["status"], "cancelled")
        self.assertEqual(r.json()["promoted"]["id"], second["id"])
        self.assertEqual(r.json()["promoted"]["status"], "registered")
        r = self.adv.client.post(f"{EVENTS}/{e['id']}/registrations/{first['id']}/cancel", body={})
        self.assertEqual(r.status, 409, r.body)
        # The public list shows the waitlist, never who is on it.
        status, _, body = public_request(self.server.port, "GET", PUBLIC, source="127.0.2.9")
        mine = next(x for x in json.loads(body)["events"] if x["id"] == e["id"])
        self.assertEqual((mine["places_left"], mine["availability"]), (0, "waitlist"))
        # The public shape: the event and its places, the organizer by name only, no counts.
        self.assertEqual(set(mine["organizer"]), {"name"})
        for staff_only in ("counts", "capacity", "published", "campaign_id", "created_at"):
            self.assertNotIn(staff_only, mine)
        # A larger capacity promotes the next one.
        r = self.adv.client.request("PATCH", f"{EVENTS}/{e['id']}", body={"capacity": 3})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["counts"]["registered"], 2)
        self.assertEqual(r.json()["counts"]["waitlisted"], 0)
        statuses = {i["id"]: i["status"] for i in self.attendees(e["id"]).json()["items"]}
        self.assertEqual(statuses[third["id"]], "registered")

    def test_the_same_contact_twice_is_a_duplicate(self):
        e = self.event(capacity=10)
        s, _, b = self.register(e["id"], "127.0.3.1", contact="010-4000-0001")
        self.assertEqual(s, 201, b)
        s, _, b = self.register(e["id"], "127.0.3.2", contact="01040000001", name="다른 이름")
        self.assertEqual(s, 409, b)
        self.assertEqual(b["error"]["code"], "conflict")
        self.assertIn("이미", b["error"]["message"])
        self.assertEqual(len(self.attendees(e["id"]).json()["items"]), 1)
        # The same contact at another event is not a duplicate (the index is bound to the event).
        other = self.event(capacity=10)
        s, _, b = self.register(other["id"], "127.0.3.3", contact="010-4000-0001")
        self.assertEqual(s, 201, b)
        # In the database the contact is sealed and its index is not the number.
        stored = sql(self.server, "SELECT count(*) FROM event_registrations WHERE event_id = '"
                     + e["id"] + "' AND contact_index IS NOT NULL AND contact IS NOT NULL")
        self.assertEqual(stored, "1")

    def test_bad_input_is_refused_and_changes_nothing(self):
        e = self.event(capacity=10)
        source = "127.0.4.1"
        token = self.token(source)
        self.advance(3)
        cases = [
            ({"photo_consent": "yes"}, "photo_consent"),
            ({"name": 7}, "name"),
            ({"name": None}, "name"),
            ({"contact": "   "}, "contact"),
            ({"contact": "아무것도"}, "contact"),
            ({"name": "가" * 201}, "name"),
            ({"unexpected": 1}, "unexpected"),
        ]
        for n, (change, field) in enumerate(cases):
            body = {"name": "참가자", "contact": "010-5000-0001", "photo_consent": True,
                    "form_token": token, **change}
            body = {k: v for k, v in body.items() if not (k == "name" and v is None)}
            status, _, payload = public_request(self.server.port, "POST",
                                                f"{PUBLIC}/{e['id']}/registrations", body,
                                                source=f"127.0.4.{10 + n}")
            self.assertEqual(status, 400, (change, payload))
            self.assertIn(field, json.loads(payload)["error"]["fields"], (change, payload))
        # Ill-formed UTF-8, and a body over the anonymous limit.
        raw = b'{"name":"\xff\xfe","contact":"010-5000-0001","photo_consent":true,"form_token":"' \
            + token.encode() + b'"}'
        status, _, payload = public_request(self.server.port, "POST",
                                            f"{PUBLIC}/{e['id']}/registrations", raw=raw,
                                            source="127.0.4.30")
        self.assertEqual(status, 400, payload)
        try:
            status, _, payload = public_request(
                self.server.port, "POST", f"{PUBLIC}/{e['id']}/registrations",
                raw=b'{"name":"' + b"a" * (2 << 20) + b'"}', source="127.0.4.31")
            self.assertEqual(status, 413, payload)
        except (ConnectionResetError, BrokenPipeError):
            pass  # refused before the body was read
        self.assertEqual(self.attendees(e["id"]).json()["items"], [])
        self.assertEqual(sql(self.server, "SELECT count(*) FROM event_registrations WHERE "
                             "event_id = '" + e["id"] + "'"), "0")
        # The token was never used: it still brings in one registration.
        s, _, b = self.register(e["id"], "127.0.4.40", token=token, contact="010-5000-0001")
        self.assertEqual(s, 201, b)

    def test_the_form_token_is_required_single_use_and_not_the_help_forms(self):
        e = self.event(capacity=10)
        s, _, b = self.register(e["id"], "127.0.5.1", token="", contact="010-6000-0001")
        self.assertEqual(s, 400, b)
        self.assertIn("form_token", b["error"]["fields"])
        body = {"name": "참가자", "contact": "010-6000-0001", "photo_consent": False}
        status, _, payload = public_request(self.server.port, "POST",
                                            f"{PUBLIC}/{e['id']}/registrations", body,
                                            source="127.0.5.2")
        self.assertEqual(status, 400, payload)
        self.assertIn("form_token", json.loads(payload)["error"]["fields"])
        token = self.token("127.0.5.3")
        s, _, b = self.register(e["id"], "127.0.5.3", token=token, contact="010-6000-0002")
        self.assertEqual(s, 400, b)  # posted at once, as a script would
        self.assertIn("기다렸다가", b["error"]["fields"]["form_token"])
        self.advance(3)
        s, _, b = self.register(e["id"], "127.0.5.3", token=token, contact="010-6000-0002")
        self.assertEqual(s, 201, b)
        s, _, b = self.register(e["id"], "127.0.5.4", token=token, contact="010-6000-0003")
        self.assertEqual(s, 400, b)
        self.assertIn("이미 보내졌습니다", b["error"]["fields"]["form_token"])
        status, _, payload = public_request(self.server.port, "GET", "/api/v1/public/help-form",
                                            source="127.0.5.5")
        help_token = json.loads(payload)["form_token"]
        self.advance(3)
        s, _, b = self.register(e["id"], "127.0.5.5", token=help_token, contact="010-6000-0004")
        self.assertEqual(s, 400, b)
        self.assertIn("올바르지 않습니다", b["error"]["fields"]["form_token"])

    def test_a_flood_from_one_address_is_refused_with_429(self):
        e = self.event(capacity=100)
        source = "127.0.6.1"
        token = self.token(source)
        self.advance(3)
        codes = []
        for n in range(7):
            s, headers, b = self.register(e["id"], source, token=token, contact="not a phone")
            codes.append(s)
        self.assertEqual(codes[:5], [400] * 5)
        self.assertEqual(codes[5:], [429, 429])
        self.assertIn("retry-after", headers)
        # Another address is not held back by it.
        s, _, b = self.register(e["id"], "127.0.6.2", contact="010-7000-0001")
        self.assertEqual(s, 201, b)

    def test_closed_unpublished_or_unknown_events(self):
        closed = self.event(registration_open=False)
        s, _, b = self.register(closed["id"], "127.0.7.1", contact="010-8000-0001")
        self.assertEqual(s, 409, b)
        hidden = self.event(published=False)
        s, _, b = self.register(hidden["id"], "127.0.7.2", contact="010-8000-0002")
        self.assertEqual(s, 404, b)
        s, _, b = self.register("0" * 26, "127.0.7.3", contact="010-8000-0003")
        self.assertEqual(s, 404, b)
        status, _, body = public_request(self.server.port, "GET", PUBLIC, source="127.0.7.4")
        ids = [x["id"] for x in json.loads(body)["events"]]
        self.assertIn(closed["id"], ids)
        self.assertNotIn(hidden["id"], ids)

    # -- what the public and the staff see -------------------------------------------------------

    def test_the_public_list_shows_no_personal_data_and_the_staff_list_shows_the_alias(self):
        e = self.event(capacity=10)
        s, _, b = self.register(e["id"], "127.0.8.1", name=LEGAL_NAME, alias=ALIAS,
                                contact="010-9000-0001", photo_consent=False)
        self.assertEqual(s, 201, b)
        status, headers, body = public_request(self.server.port, "GET", PUBLIC,
                                               source="127.0.8.2")
        self.assertEqual(status, 200)
        self.assertNotIn("set-cookie", headers)
        text = body.decode("utf-8")
        for secret in (LEGAL_NAME, ALIAS, "010-9000-0001", b["reference"]):
            self.assertNotIn(secret, text)
        mine = next(x for x in json.loads(body)["events"] if x["id"] == e["id"])
        self.assertEqual(mine["places_left"], 9)
        self.assertNotIn("counts", mine)
        r = self.attendees(e["id"])
        self.assertNotIn(LEGAL_NAME, r.body.decode("utf-8"))
        self.assertNotIn("010-9000-0001", r.body.decode("utf-8"))
        item = r.json()["items"][0]
        self.assertEqual((item["name"], item["alias"], item["photo_consent"]),
                         (ALIAS, True, False))
        # The read of the list is audited.
        r = self.auditor.client.get("/api/v1/audit?action=event.attendees.read")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(any(x["entity_id"] == e["id"] for x in r.json()["items"]), r.body[:300])
        # Her registration was audited without a word of what she wrote.
        r = self.auditor.client.get("/api/v1/audit?action=event.registration.create")
        self.assertEqual(r.status, 200, r.body)
        text = r.body.decode("utf-8")
        self.assertIn("alias", text)
        for secret in (LEGAL_NAME, ALIAS, "010-9000-0001"):
            self.assertNotIn(secret, text)

    def test_another_organizations_staff_get_404(self):
        e = self.event(capacity=10)
        r = self.adv.client.post(f"{EVENTS}/{e['id']}/registrations", body={"name": "연사",
                                                                            "role": "speaker"})
        self.assertEqual(r.status, 201, r.body)
        rid = r.json()["id"]
        for session in (self.a_admin, self.b_adv):
            c = session.client
            self.assertEqual(c.get(f"{EVENTS}/{e['id']}").status, 404)
            self.assertEqual(c.get(f"{EVENTS}/{e['id']}/registrations").status, 404)
            self.assertEqual(c.get(f"{EVENTS}/{e['id']}/attendance").status, 404)
            self.assertEqual(c.request("PATCH", f"{EVENTS}/{e['id']}",
                                       body={"title_ko": 5}).status, 404)
            self.assertEqual(c.post(f"{EVENTS}/{e['id']}/registrations", body={}).status, 404)
            self.assertEqual(c.post(f"{EVENTS}/{e['id']}/registrations/{rid}/cancel",
                                    body={}).status, 404)
            self.assertEqual(c.post(f"{EVENTS}/{e['id']}/check-ins",
                                    body={"registration_id": rid,
                                          "idempotency_key": "phone-other-1"}).status, 404)
            self.assertNotIn(e["id"], c.get(EVENTS).body.decode())
        # A member runs its own event.
        own = self.event(session=self.b_adv, region="KR-26")
        self.assertEqual(own["organizer"]["name"], "나 지원시설")
        self.assertEqual(self.adv.client.get(f"{EVENTS}/{own['id']}").status, 404)

    # -- check-in ----------------------------------------------------------------------------------

    def test_check_in_twice_replay_and_bounds(self):
        e = self.event(capacity=10)
        c = self.adv.client
        r = c.post(f"{EVENTS}/{e['id']}/registrations", body={
            "name": "자원활동가", "contact": "010-1200-0001", "role": "volunteer",
            "photo_consent": True})
        self.assertEqual(r.status, 201, r.body)
        reg = r.json()
        ET.fromstring(reg["ticket_qr_svg"])
        token = reg["ticket_token"]
        self.assertNotIn("자원활동가", token)
        path = f"{EVENTS}/{e['id']}/check-ins"
        # Before the event's day (in Korea), or in the future: refused.
        r = c.post(path, body={"token": token, "idempotency_key": "phone-a-0001",
                               "checked_in_at": "2001-01-01T00:00:00Z"})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("입장 시각", r.json()["error"]["fields"]["checked_in_at"])
        r = c.post(path, body={"token": token, "idempotency_key": "phone-a-0001",
                               "checked_in_at": "2100-01-01T00:00:00Z"})
        self.assertEqual(r.status, 400, r.body)
        # A forged token, a token of another event.
        forged = token[:-1] + ("0" if token[-1] != "0" else "1")
        r = c.post(path, body={"token": forged, "idempotency_key": "phone-a-0002"})
        self.assertEqual(r.status, 400, r.body)
        other = self.event(capacity=10)
        r = c.post(f"{EVENTS}/{other['id']}/check-ins",
                   body={"token": token, "idempotency_key": "phone-a-0003"})
        self.assertEqual(r.status, 404, r.body)
        # The event's day has come.
        self.advance(2 * 86400)
        c = self.adv.client
        r = c.post(path, body={"token": token, "idempotency_key": "phone-a-0004"})
        self.assertEqual(r.status, 201, r.body)
        first = r.json()
        self.assertEqual(first["registration"]["check_in_method"], "qr")
        self.assertFalse(first["replayed"])
        # The phone's queue replays the same check-in: the same answer, nothing new.
        r = c.post(path, body={"token": token, "idempotency_key": "phone-a-0004"})
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["replayed"])
        self.assertEqual(r.json()["checked_in_at"], first["checked_in_at"])
        # Another phone scans her again: 409 with the time of the first.
        r = c.post(path, body={"reference": reg["reference"].lower(),
                               "idempotency_key": "phone-b-0001"})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["refs"]["checked_in_at"], [first["checked_in_at"]])
        # By reference and from the list, with the phone's own (past) time.
        r2 = c.post(f"{EVENTS}/{e['id']}/registrations", body={"name": "기자", "role": "press"})
        r3 = c.post(f"{EVENTS}/{e['id']}/registrations", body={"name": "참가자"})
        now = server_now(self.server.client())
        earlier = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - 60))
        r = c.post(path, body={"reference": r2.json()["reference"],
                               "idempotency_key": "phone-a-0005", "checked_in_at": earlier})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["checked_in_at"], earlier)
        r = c.post(path, body={"registration_id": r3.json()["id"],
                               "idempotency_key": "phone-a-0006"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["registration"]["check_in_method"], "list")
        # Exactly one way, a key of the right shape.
        r = c.post(path, body={"reference": r2.json()["reference"], "token": token,
                               "idempotency_key": "phone-a-0007"})
        self.assertEqual(r.status, 400, r.body)
        r = c.post(path, body={"reference": r2.json()["reference"], "idempotency_key": "x"})
        self.assertEqual(r.status, 400, r.body)
        # A checked-in registration is not cancelled; attendance counts them.
        r = c.post(f"{EVENTS}/{e['id']}/registrations/{reg['id']}/cancel", body={})
        self.assertEqual(r.status, 409, r.body)
        r = c.get(f"{EVENTS}/{e['id']}/attendance")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["counts"]["checked_in"], 3)
        self.assertEqual(r.json()["by_role"]["press"], 1)


if __name__ == "__main__":
    unittest.main()
