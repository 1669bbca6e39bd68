"""Black-box tests of the network's public site (`/` and `/en/`): its pages in both languages
with no cookie, no script and no personal data; only what the editors published; a support
facility counted but never named; registration for an event from its page with a plain HTML
form (a ticket, her alias in the attendee list, never her name on a public page); bad input
answered on the form and nothing written; a flood answered 429; the map page agreeing with the
public map API. Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import http.client
import re
import time
import unittest
import urllib.parse

from harness import Server
from network import add_user, advance, build_network, server_now, sign_in

EVENTS = "/api/v1/events"
REFERENCE = re.compile(r">([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4})<")
TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
LEGAL_NAME = "은하수-법적이름-4410"
ALIAS = "들꽃"


def fetch(port, method, path, form=None, raw=None, source="127.0.0.1"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    headers = {}
    data = raw
    if form is not None:
        data = urllib.parse.urlencode(form).encode("ascii")
    if data is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read().decode("utf-8")
    finally:
        conn.close()


class SiteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "sec", "sec-advocate", "advocate")
        cls.server.start()
        cls.sign_in_all()

    @classmethod
    def sign_in_all(cls):
        old = getattr(cls, "adv", None)
        cls.adv = sign_in(cls.server, "sec-advocate",
                          totp_secret=old.totp_secret if old else None)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def advance(self, seconds):
        advance(self.server.client(), seconds)
        if seconds > 60:
            type(self).sign_in_all()

    def page(self, path, status=200, **kw):
        code, headers, body = fetch(self.server.port, "GET", path, **kw)
        self.assertEqual(code, status, body[:500])
        self.assertNotIn("set-cookie", headers)
        if status != 308:
            self.assertTrue(headers["content-type"].startswith("text/html"), headers)
            self.assertNotIn("<script", body)
        return headers, body

    def fresh(self, path):
        """The page after the site's few seconds of caching have passed on the server's clock."""
        self.advance(3)
        return self.page(path)[1]

    def event(self, **extra):
        now = server_now(self.server.client())
        starts = time.strftime("%Y-%m-%dT%H:00:00+09:00", time.gmtime(now + 9 * 3600 + 3 * 86400))
        ends = time.strftime("%Y-%m-%dT%H:00:00+09:00",
                             time.gmtime(now + 9 * 3600 + 3 * 86400 + 2 * 3600))
        body = {"kind": "rally", "title_ko": "성매매 집결지 폐쇄 집회", "title_en": "Rally",
                "starts_at": starts, "ends_at": ends, "venue": "부산 완월동",
                "region": "KR-26", "capacity": 1, "registration_open": True, "published": True}
        body.update(extra)
        r = self.adv.client.post(EVENTS, body=body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def attendees(self, event_id):
        r = self.adv.client.get(f"{EVENTS}/{event_id}/registrations")
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def register(self, event_id, source, lang="", **fields):
        _, body = self.page(f"{lang}/events/{event_id}", source=source)
        token = TOKEN.search(body).group(1)
        self.advance(3)  # a person reads and types
        form = {"name": "참가자", "contact": "010-7000-0000", "alias": "", "form_token": token}
        form.update(fields)
        return fetch(self.server.port, "POST", f"{lang}/events/{event_id}", form=form,
                     source=source)

    def test_home_in_both_languages_without_cookie_or_script(self):
        headers, ko = self.page("/")
        self.assertIn("default-src 'self'", headers["content-security-policy"])
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertIn('<html lang="ko">', ko)
        self.assertIn('href="/help"', ko)
        self.assertIn("민들레순례", ko)
        _, en = self.page("/en/")
        self.assertIn('<html lang="en">', en)
        self.assertIn('href="/help/en"', en)
        self.assertIn("Dandelion Pilgrimage", en)
        self.page("/en", status=308)
        css = re.search(r'href="(/site\.css\?v=[0-9a-f]+)"', ko).group(1)
        code, css_headers, text = fetch(self.server.port, "GET", css)
        self.assertEqual(code, 200)
        self.assertIn("immutable", css_headers["cache-control"])
        self.assertIn(".tiles", text)

    def test_members_are_listed_but_a_shelter_is_only_counted(self):
        body = self.fresh("/")
        self.assertIn("가 상담소", body)
        self.assertNotIn("나 지원시설", body)
        self.assertIn("지원시설(쉼터) 1곳", body)
        self.assertNotIn("전국연대 사무국</h3>", body)

    def test_only_published_events_and_statements_appear(self):
        shown = self.event(title_ko="공개 행사 가나다")
        hidden = self.event(title_ko="비공개 행사 라마바", published=False)
        s = self.adv.client.post("/api/v1/policy/statements",
                                 body={"title_ko": "공개 성명 하나", "title_en": "Statement one",
                                       "body_ko": "첫 줄\n둘째 줄", "body_en": "Line"})
        self.assertEqual(s.status, 201, s.body)
        draft = s.json()
        body = self.fresh("/")
        self.assertIn("공개 행사 가나다", body)
        self.assertNotIn("비공개 행사 라마바", body)
        self.assertNotIn("공개 성명 하나", body)
        self.page(f"/events/{hidden['id']}", status=404)
        self.page(f"/statements/{draft['id']}", status=404)
        r = self.adv.client.request("PATCH", f"/api/v1/policy/statements/{draft['id']}",
                                    body={"published": True})
        self.assertEqual(r.status, 200, r.body)
        body = self.fresh("/statements")
        self.assertIn("공개 성명 하나", body)
        _, one = self.page(f"/statements/{draft['id']}")
        self.assertIn("<p>둘째 줄</p>", one)
        _, en = self.page(f"/en/statements/{draft['id']}")
        self.assertIn("Statement one", en)
        self.page(f"/events/{shown['id']}")

    def test_register_from_the_page_under_an_alias(self):
        e = self.event()
        self.advance(3)
        code, headers, body = self.register(e["id"], "127.0.5.1", name=LEGAL_NAME, alias=ALIAS,
                                            contact="010-7000-0001", photo_consent="yes")
        self.assertEqual(code, 201, body[:800])
        self.assertNotIn("set-cookie", headers)
        self.assertEqual(headers["cache-control"], "no-store")
        reference = REFERENCE.search(body).group(1)
        self.assertIn("<svg", body)
        self.assertNotIn(LEGAL_NAME, body)
        listed = self.attendees(e["id"])
        self.assertEqual([(i["reference"], i["name"]) for i in listed["items"]],
                         [(reference, ALIAS)])
        # The second registration waits (capacity 1), in English.
        code, _, body = self.register(e["id"], "127.0.5.2", lang="/en", contact="010-7000-0002")
        self.assertEqual(code, 201, body[:800])
        self.assertIn("waiting list", body)
        for path in ["/", "/en/", f"/events/{e['id']}", f"/en/events/{e['id']}"]:
            self.assertNotIn(LEGAL_NAME, self.fresh(path))
            self.assertNotIn(ALIAS, self.fresh(path))

    def test_bad_input_is_answered_on_the_form_and_changes_nothing(self):
        e = self.event(capacity=10)
        self.advance(3)
        cases = [
            ({"contact": ""}, 400, "연락처"),
            ({"name": "가" * 201}, 400, "값이 너무 깁니다"),
            ({"form_token": "forged.1.x"}, 400, None),
        ]
        for i, (fields, status, words) in enumerate(cases):
            code, _, body = self.register(e["id"], f"127.0.6.{i + 1}", **fields)
            self.assertEqual(code, status, (fields, body[:800]))
            self.assertIn('role="alert"', body)
            if words:
                self.assertIn(words, body)
            self.assertIsNotNone(TOKEN.search(body), "the form comes back with a fresh token")
        # Invalid UTF-8 and a broken escape.
        for raw in [b"name=%C3%28&contact=010-1", b"name=%ZZ"]:
            code, _, body = fetch(self.server.port, "POST", f"/events/{e['id']}", raw=raw,
                                  source="127.0.6.9")
            self.assertEqual(code, 400, body[:300])
        code, _, body = fetch(self.server.port, "POST", "/events/not-an-event",
                              form={"name": "x"}, source="127.0.6.10")
        self.assertEqual(code, 404)
        self.assertEqual(self.attendees(e["id"])["items"], [])

    def test_a_flood_from_one_address_is_refused(self):
        e = self.event(capacity=100)
        self.advance(3)
        codes = []
        for n in range(8):
            code, _, _ = self.register(e["id"], "127.0.7.1", contact=f"010-7100-00{n:02d}")
            codes.append(code)
        self.assertEqual(codes[:5], [201] * 5)
        self.assertIn(429, codes[5:])

    def test_the_map_page_agrees_with_the_public_map(self):
        r = self.server.client().get("/api/v1/public/policy/map")
        self.assertEqual(r.status, 200, r.body)
        body = self.fresh("/en/policy")
        words = {"in_force": "Regional ordinance in force", "municipal": "Municipal ordinances only",
                 "considering": "Ordinance under discussion", "none": "No ordinance"}
        names = {"KR-11": "Seoul", "KR-41": "Gyeonggi", "KR-26": "Busan"}
        for region in r.json()["regions"]:
            if region["code"] in names:
                row = re.search(r"<tr><th scope=\"row\">" + names[region["code"]] +
                                r"</th><td>([^<]+)</td><td>(\d+)</td>", body)
                self.assertIsNotNone(row, region)
                self.assertEqual(row.group(1), words[region["status"]])
                self.assertEqual(int(row.group(2)), region["ordinances"])

    def test_unknown_pages_and_methods(self):
        self.page("/events/00000000-0000-7000-8000-000000000000", status=404)
        self.page("/en/statements/nope", status=404)
        code, _, _ = fetch(self.server.port, "DELETE", "/")
        self.assertEqual(code, 405)


if __name__ == "__main__":
    unittest.main()
