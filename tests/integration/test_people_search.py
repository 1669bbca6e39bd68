"""Black-box tests of finding a woman by the beginning of her name, alias or phone (?q=), and of
the organization's list of people (GET /api/v1/people with filters), docs/security.md "Finding a
person".

Prefix search finds by legal name, alias and phone prefix; never another organization's people;
re-checks each candidate after decrypting; restricted women appear as stubs to those who may not
open them; bad queries are refused naming q; every search is audited by field name only. The list
pages newest first and filters by category, age band and open case. After a key rotation and a
restart, exact and prefix search still find her (the start-up re-index). Erasure removes her
terms.
"""

import unittest
import urllib.parse

from harness import Server, run_cli
from network import (PASSWORD, add_user, advance, build_network, server_now, sign_in,
                     totp)
from test_people import sql

PEOPLE = "/api/v1/people"

WOMEN = [
    {"legal_name": "김민지", "alias": "들꽃", "phone": "010-2345-6789", "categories": ["youth"]},
    {"legal_name": "김민서", "alias": "바람소리", "phone": "010-2345-1111",
     "birth_date": "1990-05-01", "categories": ["migrant"]},
    {"legal_name": "박하늘", "alias": "김민트", "phone": "02-555-0000"},
    {"legal_name": "Anna Lee", "alias": "Spring", "phone": "010-9999-0000"},
]


def q(client, text):
    return client.get(PEOPLE + "?" + urllib.parse.urlencode({"q": text}))


def names(response):
    return sorted(i.get("legal_name", "?" + i["code"]) for i in response.json()["items"])


class PeopleSearchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "org-a", "org-a-searcher", "case_worker")
        cls.server.start()
        cls.a = sign_in(cls.server, cls.users["org-a"]["case_worker"])
        cls.a_super = sign_in(cls.server, cls.users["org-a"]["supervisor"])
        cls.b = sign_in(cls.server, cls.users["org-b"]["case_worker"])
        cls.ids = {}
        for w in WOMEN:
            r = cls.a.client.post(PEOPLE, body=w)
            assert r.status == 201, r.body
            cls.ids[w["legal_name"]] = r.json()["id"]
        # The same name in another organization must never be found from org-a.
        r = cls.b.client.post(PEOPLE, body={"legal_name": "김민지", "phone": "010-2345-6789"})
        assert r.status == 201, r.body
        cls.b_minji = r.json()["id"]
        # A case for 김민지 (open), none for the others.
        r = cls.a.client.post("/api/v1/cases", body={"person_id": cls.ids["김민지"],
                                                      "intake_channel": "hotline",
                                                      "summary": "첫 상담",
                                                      "risk_level": "medium"})
        assert r.status == 201, r.body

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_prefix_of_name_alias_and_phone(self):
        self.assertEqual(names(q(self.a.client, "김민")), ["김민서", "김민지", "박하늘"])  # 김민트
        self.assertEqual(names(q(self.a.client, "김민지")), ["김민지"])
        self.assertEqual(names(q(self.a.client, "김 민 서")), ["김민서"])  # spaces ignored
        self.assertEqual(names(q(self.a.client, "바람")), ["김민서"])
        self.assertEqual(names(q(self.a.client, "바람소리")), ["김민서"])
        self.assertEqual(names(q(self.a.client, "spr")), ["Anna Lee"])  # case-folded
        self.assertEqual(names(q(self.a.client, "010-2345")), ["김민서", "김민지"])
        self.assertEqual(names(q(self.a.client, "0102345678")), ["김민지"])
        self.assertEqual(names(q(self.a.client, "민지")), [])  # beginnings only
        self.assertEqual(names(q(self.a.client, "김민수")), [])
        r = q(self.a.client, "들꽃")
        self.assertEqual(r.status, 200, r.body)
        item = r.json()["items"][0]
        self.assertEqual(item["alias"], "들꽃")
        self.assertIn("safe_contact", item)  # travels with every view that might lead to her
        self.assertFalse(r.json()["more"])

    def test_another_organization_finds_only_its_own(self):
        found = q(self.b.client, "김민").json()["items"]
        self.assertEqual([i["id"] for i in found], [self.b_minji])
        self.assertEqual([i["id"] for i in q(self.b.client, "010-2345").json()["items"]],
                         [self.b_minji])
        listed = self.b.client.get(PEOPLE).json()["items"]
        self.assertEqual([i["id"] for i in listed], [self.b_minji])

    def test_short_or_bad_queries_are_refused_naming_q(self):
        for text in ["김", "", "  ", "010-23", "x" * 101]:
            r = q(self.a.client, text)
            self.assertEqual(r.status, 400, (text, r.body))
            self.assertIn("q", r.json()["error"]["fields"], text)
        r = self.a.client.get(PEOPLE + "?q=%FF%FE")
        self.assertEqual(r.status, 400, r.body)

    def test_finding_refuses_at_once_a_session_changed_behind_the_server(self):
        """Finding people may take the caller's session from memory and confirm it in the read
        (security/session_confirmation.h): her roles changed, her account disabled or her
        session ended in the database itself, behind the server, are seen by the very next
        search of any kind, one that finds no one and a bad query included."""
        searcher = sign_in(self.server, "org-a-searcher")
        user = searcher.user_id
        ways = ["?phone=010-2345-6789", "?name=" + urllib.parse.quote("김민지"),
                "?phone=010-0000-0000", "?q=" + urllib.parse.quote("김민"), "",
                "?category=youth"]

        def find():
            """Every way, then two bad queries: the same answer from all, or one refusal."""
            got = [searcher.client.get(PEOPLE + w).status for w in ways]
            bad = [searcher.client.get(PEOPLE + w).status
                   for w in ("?phone=---", "?phone=1&name=x")]
            self.assertEqual(len(set(got)), 1, got)
            for status in bad:
                self.assertIn(status, (400, got[0]), bad)
            return got[0]

        self.assertEqual([find(), find()], [200, 200])
        found = searcher.client.get(PEOPLE + "?phone=010-2345-6789").json()["items"]
        self.assertEqual([i["id"] for i in found], [self.ids["김민지"]])
        sql(self.server, f"UPDATE users SET roles = 'advocate' WHERE id = '{user}'")
        self.assertEqual([find(), find()], [403, 403])
        sql(self.server, f"UPDATE users SET roles = 'case_worker' WHERE id = '{user}'")
        self.assertEqual([find(), find()], [200, 200])
        sql(self.server, "UPDATE users SET disabled_at = '2026-01-01T00:00:00Z' "
                         f"WHERE id = '{user}'")
        self.assertEqual([find(), find()], [401, 401])
        sql(self.server, f"UPDATE users SET disabled_at = NULL WHERE id = '{user}'")
        self.assertEqual(find(), 200)
        sql(self.server, "UPDATE sessions SET ended_at = 1 "
                         f"WHERE csrf_token = '{searcher.client.csrf}'")
        r = searcher.client.get(PEOPLE + "?phone=010-2345-6789")
        self.assertEqual(r.status, 401, r.body)
        self.assertEqual(r.json()["error"]["code"], "unauthenticated")
        self.assertEqual(find(), 401)

    def test_list_pages_and_filters(self):
        r = self.a.client.get(PEOPLE)
        self.assertEqual(r.status, 200, r.body)
        listed = r.json()["items"]
        self.assertEqual(len(listed), 4)
        codes = [i["code"] for i in listed]
        self.assertEqual(codes, sorted(codes, reverse=True))  # newest first
        self.assertIsNone(r.json()["next_cursor"])
        self.assertEqual(names(self.a.client.get(PEOPLE + "?category=youth")), ["김민지"])
        self.assertEqual(names(self.a.client.get(PEOPLE + "?open_case=yes")), ["김민지"])
        self.assertEqual(len(self.a.client.get(PEOPLE + "?open_case=no").json()["items"]), 3)
        self.assertEqual(names(self.a.client.get(PEOPLE + "?age_band=30_39")), ["김민서"])
        page = self.a.client.get(PEOPLE + "?cursor=" + codes[1]).json()["items"]
        self.assertEqual([i["code"] for i in page], codes[2:])
        for bad in ["?category=nope", "?open_case=maybe", "?age_band=old", "?limit=5"]:
            r = self.a.client.get(PEOPLE + bad)
            self.assertEqual(r.status, 400, (bad, r.body))

    def test_searches_and_lists_are_audited_by_field_name(self):
        q(self.a.client, "바람")
        self.a.client.get(PEOPLE + "?category=youth")
        rows = sql(self.server, "SELECT action, fields FROM audit_log WHERE action IN "
                                "('person.search', 'person.list') ORDER BY seq DESC LIMIT 20")
        self.assertIn("person.search", rows)
        self.assertIn("name_prefix", rows)
        self.assertIn("person.list", rows)
        self.assertNotIn("바람", rows)

    def test_terms_are_short_tags_and_leave_with_her(self):
        r = self.a.client.post(PEOPLE, body={"legal_name": "최지우", "alias": "새벽",
                                             "phone": "010-7777-1234"})
        pid = r.json()["id"]
        lengths = sql(self.server, "SELECT DISTINCT length(term) FROM person_search_terms "
                                   f"WHERE person_id = '{pid}'")
        self.assertEqual(lengths.split(), ["2"])
        count = int(sql(self.server, "SELECT COUNT(*) FROM person_search_terms "
                                     f"WHERE person_id = '{pid}'"))
        self.assertEqual(count, 4)  # 최지, 최지우, 새벽 and 0107777
        advance(self.server.client(), 31)  # past the step of the code she signed in with
        r = self.a_super.client.post("/api/v1/session/reauth", body={
            "password": PASSWORD,
            "totp": totp(self.a_super.totp_secret, server_now(self.server.client()))})
        self.assertEqual(r.status, 204, r.body)
        r = self.a_super.client.post(f"{PEOPLE}/{pid}/erase", body={"reason": "요청"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM person_search_terms "
                                          f"WHERE person_id = '{pid}'"), "0")
        self.assertEqual(names(q(self.a.client, "최지")), [])


class SearchAfterRotationTest(unittest.TestCase):
    def test_found_again_after_a_key_rotation_and_restart(self):
        server = Server()
        try:
            users = build_network(server)
            server.start()
            a = sign_in(server, users["org-a"]["case_worker"])
            r = a.client.post(PEOPLE, body={"legal_name": "한가람", "phone": "010-4444-5555"})
            self.assertEqual(r.status, 201, r.body)
            server.stop()
            run_cli("keys", "rotate", "--data", server.data)
            # As a database from before search terms existed: no terms, no version.
            sql(server, "DELETE FROM person_search_terms")
            sql(server, "UPDATE people SET search_key_version = NULL")
            # ...and from before cards (migration 0028): the start-up walk seals hers.
            sql(server, "UPDATE people SET card = NULL")
            server.start()
            advance(server.client(), 31)  # a fresh sign-in code: the last one was used
            a = sign_in(server, users["org-a"]["case_worker"], totp_secret=a.totp_secret)
            self.assertEqual(names(a.client.get(PEOPLE + "?name=%ED%95%9C%EA%B0%80%EB%9E%8C")),
                             ["한가람"])
            self.assertEqual(names(q(a.client, "한가")), ["한가람"])
            self.assertEqual(names(q(a.client, "010-4444-5")), ["한가람"])
            # The start-up indexing read her fields: on record, by field name only.
            rows = sql(server, "SELECT fields FROM audit_log WHERE action = 'person.reindex'")
            self.assertIn("legal_name", rows)
            self.assertNotIn("한가람", rows)
            self.assertEqual(sql(server, "SELECT COUNT(*) FROM people WHERE card IS NULL"), "0")
            rows = sql(server, "SELECT fields FROM audit_log WHERE action = 'person.card_seal'")
            self.assertIn("safe_contact", rows)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
