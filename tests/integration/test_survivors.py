"""Black-box tests of the survivors' network (docs/api-survivors.md): admission by vouching (a
non-facilitator refused), erasure at once (sealed fields gone, signature no longer counted),
collective statements and their minimum (nothing public below it, a count and no name at it, a
withdrawal takes it down), a member's own page and contact, meetings with sealed places,
idempotent attendance, peer contacts, bad input that changes nothing, other organizations and the
secretariat refused, and the unlinkability test: a person in a counseling center and a member
with the same name and phone share no stored value and no API finds one from the other. Runs on
SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import http.client
import re
import unittest

from harness import Server, backend
from network import PASSWORD, add_org, add_user, advance, build_network, sign_in
from test_people import assert_gone_from_files, sql, wrapped_key_before_erasure

BASE = "/api/v1/survivors"
NAME = "김민지"
PHONE = "010-1234-5678"
TIMESTAMP = re.compile(r"^'?\d{4}-\d\d-\d\d")


def public_get(port, path, lang="ko"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": lang})
        r = conn.getresponse()
        return r.status, r.read().decode("utf-8")
    finally:
        conn.close()


def columns(server, table):
    if backend() == "sqlite":
        out = sql(server, f"SELECT name FROM pragma_table_info('{table}')")
    else:
        out = sql(server, "SELECT column_name FROM information_schema.columns "
                          f"WHERE table_name = '{table}'")
    return [c for c in out.splitlines() if c]


def stored_values(server, table, where):
    """Every non-null cell of the rows, as the database shows it (quote() / ::text)."""
    cols = columns(server, table)
    sep = " || '\x1f' || "
    if backend() == "sqlite":
        expr = sep.join(f"COALESCE(quote({c}), '')" for c in cols)
    else:
        expr = sep.join(f"COALESCE({c}::text, '')" for c in cols)
    out = sql(server, f"SELECT {expr} FROM {table} WHERE {where}")
    values = set()
    for line in out.splitlines():
        values.update(v for v in line.split("\x1f") if v and v != "NULL")
    return values


def keyed(table):
    """A statistics table's counts by key, a key always a tuple (a one-way key is a string)."""
    return {tuple(row["key"]) if isinstance(row["key"], list) else (row["key"],): row["count"]
            for row in table["rows"]}


class SurvivorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_org(cls.server, "survivors", "survivor_network", "KR-11", "당사자 네트워크")
        add_user(cls.server, "survivors", "sv-admin", "org_admin")
        for name in ("sv-coord", "sv-fac", "sv-fac2", "sv-leaving", "sv-peer", "sv-plain"):
            add_user(cls.server, "survivors", name, "survivor_member")
        cls.server.start()
        cls.sign_in_all()
        c = cls.admin.client
        r = c.post(BASE + "/groups", body={"name": "서울 모임", "region": "KR-11"})
        assert r.status == 201, r.body
        cls.g1 = r.json()["id"]
        r = c.post(BASE + "/groups", body={"name": "부산 모임", "region": "KR-26"})
        assert r.status == 201, r.body
        cls.g2 = r.json()["id"]
        # Founding members, admitted by the organization's administrator.
        cls.m = {}
        for user, alias, group, roles in [
                ("sv-fac", "진행자해", cls.g1, ["facilitator"]),
                ("sv-fac2", "진행자달", cls.g2, ["facilitator"]),
                ("sv-coord", "조정자별", cls.g1, ["coordinator"]),
                ("sv-peer", "동료봄", cls.g1, ["peer_supporter"]),
                ("sv-plain", "회원구름", cls.g1, [])]:
            body = {"alias": alias, "group_id": group, "roles": roles}
            if user not in ("sv-fac", "sv-fac2"):
                body["vouched_by"] = cls.m["sv-fac"]
            r = c.post(BASE + "/members", body=body)
            assert r.status == 201, (user, r.body)
            cls.m[user] = r.json()["id"]
            r = c.request("PUT", f"{BASE}/members/{cls.m[user]}/account",
                          body={"user_id": cls.uid[user]})
            assert r.status == 200, r.body

    @classmethod
    def sign_in_all(cls):
        cls.admin = sign_in(cls.server, "sv-admin")
        cls.s = {n: sign_in(cls.server, n) for n in
                 ("sv-coord", "sv-fac", "sv-fac2", "sv-leaving", "sv-peer", "sv-plain")}
        cls.uid = {n: s.user_id for n, s in cls.s.items()}
        cls.a_worker = sign_in(cls.server, cls.users["org-a"]["case_worker"])
        cls.a_admin = sign_in(cls.server, cls.users["org-a"]["org_admin"])
        cls.net_admin = sign_in(cls.server, cls.users["sec"]["network_admin"])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def c(self, name):
        return self.s[name].client

    def admit(self, alias, session=None, group=None, **extra):
        body = {"alias": alias, "group_id": group or self.g1, **extra}
        return (session or self.c("sv-fac")).post(BASE + "/members", body=body)

    # -- members and vouching ------------------------------------------------------------------

    def test_member_accounts_need_no_second_factor(self):
        self.assertFalse(self.s["sv-plain"].body["mfa_enrollment_required"])
        r = self.c("sv-plain").get(BASE + "/me")
        self.assertEqual(r.status, 200, r.body)
        me = r.json()
        self.assertEqual(me["member"]["alias"], "회원구름")
        self.assertEqual(me["group"]["id"], self.g1)

    def test_vouching_by_a_facilitator_of_her_group_only(self):
        r = self.admit("새싹하나")
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["vouched_by"]["id"], self.m["sv-fac"])
        self.assertNotIn("legal_name", r.json())  # a facilitator never sees sealed fields
        # A plain member, a peer supporter, and a facilitator of another group are refused.
        for who in ("sv-plain", "sv-peer", "sv-fac2"):
            r = self.admit("새싹둘-" + who, self.c(who))
            self.assertEqual(r.status, 403, (who, r.body))
            self.assertIn("message", r.json()["error"])
        # A coordinator must name a facilitator of that group.
        r = self.admit("새싹셋", self.c("sv-coord"), vouched_by=self.m["sv-plain"])
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("vouched_by", r.json()["error"]["fields"])
        r = self.admit("새싹셋", self.c("sv-coord"), vouched_by=self.m["sv-fac2"])
        self.assertEqual(r.status, 400, r.body)
        r = self.admit("새싹셋", self.c("sv-coord"), vouched_by=self.m["sv-fac"])
        self.assertEqual(r.status, 201, r.body)
        audit = sql(self.server, "SELECT COUNT(*) FROM audit_log WHERE action = "
                                 f"'survivor.member.admit' AND entity_id = '{r.json()['id']}'")
        self.assertEqual(audit, "1")
        names = [m["alias"] for m in self.c("sv-coord").get(BASE + "/members").json()["items"]]
        self.assertEqual(names.count("새싹셋"), 1)
        self.assertNotIn("새싹둘-sv-plain", names)

    def test_bad_input_changes_nothing(self):
        before = sql(self.server, "SELECT COUNT(*) FROM survivor_members")
        for body in [{}, {"alias": 42, "group_id": self.g1}, {"alias": "x"},
                     {"alias": "x", "group_id": self.g1, "roles": ["boss"]},
                     {"alias": "x", "group_id": "0" * 26},
                     {"alias": "x" * 61, "group_id": self.g1},
                     {"alias": "x", "group_id": self.g1, "extra": 1}]:
            r = self.c("sv-fac").post(BASE + "/members", body=body)
            self.assertEqual(r.status, 400, (body, r.body))
            self.assertTrue(r.json()["error"]["fields"], body)
        r = self.c("sv-fac").post(BASE + "/members", body={"alias": "회원구름", "group_id": self.g1})
        self.assertEqual(r.status, 409, r.body)
        en = self.server.client("en")
        en.cookies, en.csrf = self.c("sv-plain").cookies, self.c("sv-plain").csrf
        r = en.post(BASE + "/members", body={"alias": "y", "group_id": self.g1})
        self.assertEqual(r.status, 403)
        self.assertIn("survivors' network", r.json()["error"]["message"])
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM survivor_members"), before)

    # -- the unlinkability test ----------------------------------------------------------------

    def test_member_and_person_with_same_name_and_phone_cannot_be_linked(self):
        r = self.a_worker.client.post("/api/v1/people", body={
            "legal_name": NAME, "phone": PHONE, "alias": "들꽃"})
        self.assertEqual(r.status, 201, r.body)
        person = r.json()["id"]
        r = self.c("sv-coord").post(BASE + "/members", body={
            "alias": "같은이름", "group_id": self.g1, "vouched_by": self.m["sv-fac"],
            "legal_name": NAME, "contact": PHONE, "safe_contact": PHONE})
        self.assertEqual(r.status, 201, r.body)
        member = r.json()["id"]
        r = self.c("sv-coord").get(f"{BASE}/members/{member}")
        self.assertEqual(r.json()["legal_name"], NAME)
        # Her sealed fields were read: audited, naming the fields and never their values.
        fields = sql(self.server, "SELECT fields FROM audit_log WHERE action = "
                                  f"'survivor.member.read' AND entity_id = '{member}'")
        self.assertIn("legal_name", fields)
        self.assertNotIn(NAME, fields)
        mine = stored_values(self.server, "survivor_members", f"id = '{member}'")
        mine |= stored_values(self.server, "survivor_member_keys", f"member_id = '{member}'")
        hers = stored_values(self.server, "people", f"id = '{person}'")
        hers |= stored_values(self.server, "person_keys", f"person_id = '{person}'")
        hers |= stored_values(self.server, "person_search_terms", f"person_id = '{person}'")
        self.assertTrue(len(mine) >= 6 and len(hers) >= 6, (mine, hers))
        shared = {v for v in mine & hers if not TIMESTAMP.match(v) and len(v) > 12}
        self.assertEqual(shared, set())
        # Neither the name nor the phone is stored in clear on the member's row.
        for v in mine:
            self.assertNotIn(NAME, v)
            self.assertNotIn(PHONE, v)
        # No API of either side finds the other.
        for q in ("name=%EA%B9%80%EB%AF%BC%EC%A7%80", "phone=01012345678"):
            r = self.a_worker.client.get(f"/api/v1/people?{q}")
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual([i["id"] for i in r.json()["items"]], [person], q)
        r = self.a_worker.client.get(f"/api/v1/people/{member}")
        self.assertEqual(r.status, 404)
        for who in (self.a_admin, self.net_admin):
            self.assertIn(who.client.get(f"{BASE}/members/{member}").status, (403, 404))
        r = self.c("sv-coord").get(f"{BASE}/members?group_id={self.g1}")
        self.assertNotIn(person, [m["id"] for m in r.json()["items"]])
        self.assertEqual(self.c("sv-coord").get(f"{BASE}/members/{person}").status, 404)

    # -- erasure -------------------------------------------------------------------------------

    def test_erasure_at_once(self):
        r = self.c("sv-coord").post(BASE + "/members", body={
            "alias": "떠나는이", "group_id": self.g1, "vouched_by": self.m["sv-fac"],
            "legal_name": "떠날사람", "contact": "010-9999-0000"})
        self.assertEqual(r.status, 201, r.body)
        mid = r.json()["id"]
        leaving = self.s["sv-leaving"]
        r = self.c("sv-coord").request("PUT", f"{BASE}/members/{mid}/account",
                                       body={"user_id": leaving.user_id})
        self.assertEqual(r.status, 200, r.body)
        sid = self.statement("떠나기 전 서명", open_it=True)
        r = leaving.client.request("PUT", f"{BASE}/statements/{sid}/signature")
        self.assertEqual(r.json()["signatures"], 1)
        meeting = self.meeting()
        r = self.c("sv-fac").request("PUT", f"{BASE}/meetings/{meeting}/attendance/{mid}")
        self.assertEqual(r.json()["count"], 1)
        self.assertEqual(self.c("sv-plain").delete(f"{BASE}/members/{mid}").status, 403)
        wrapped = wrapped_key_before_erasure(self.server, "survivor_member_keys", "wrapped_key",
                                             "member_id", mid)
        r = self.c("sv-coord").delete(f"{BASE}/members/{mid}")
        self.assertEqual(r.status, 200, r.body)
        assert_gone_from_files(self, self.server, wrapped)
        self.assertEqual(self.c("sv-coord").get(f"{BASE}/members/{mid}").status, 404)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM survivor_member_keys "
                                          f"WHERE member_id = '{mid}'"), "0")
        row = sql(self.server, "SELECT alias, legal_name IS NULL, contact IS NULL, status FROM "
                               f"survivor_members WHERE id = '{mid}'")
        self.assertIn("erased", row)
        self.assertNotIn("떠나는이", row)
        r = self.c("sv-coord").get(BASE + "/statements")
        st = [s for s in r.json()["items"] if s["id"] == sid][0]
        self.assertEqual(st["signatures"], 0)
        r = self.c("sv-fac").get(f"{BASE}/meetings/{meeting}/attendance")
        self.assertEqual(r.json(), {"items": [], "anonymous": 1, "count": 1})
        # Her sign-in went with her: its session ended, the account disabled.
        self.assertEqual(leaving.client.get("/api/v1/me").status, 401)
        r = self.server.client().post("/api/v1/session", body={
            "username": "sv-leaving", "password": PASSWORD})
        self.assertNotEqual(r.status, 200, r.body)
        self.assertEqual(sql(self.server, "SELECT disabled_at IS NOT NULL FROM users WHERE id = "
                                          f"'{leaving.user_id}'").lower() in ("1", "t", "true"),
                         True)

    # -- statements and the public site --------------------------------------------------------

    def statement(self, title, open_it=False):
        r = self.c("sv-coord").post(BASE + "/statements", body={
            "title_ko": title, "title_en": "Statement " + title, "body_ko": "우리는 말한다."})
        self.assertEqual(r.status, 201, r.body)
        sid = r.json()["id"]
        if open_it:
            r = self.c("sv-coord").post(f"{BASE}/statements/{sid}/open")
            self.assertEqual(r.status, 200, r.body)
        return sid

    def test_statement_minimum_and_public_page(self):
        r = self.c("sv-coord").request("PUT", BASE + "/settings", body={"statement_minimum": 3})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.c("sv-plain").request(
            "PUT", BASE + "/settings", body={"statement_minimum": 1}).status, 403)
        sid = self.statement("성착취 없는 세상")
        self.assertEqual(self.c("sv-plain").request(
            "PUT", f"{BASE}/statements/{sid}/signature").status, 404)  # a draft
        r = self.c("sv-coord").post(f"{BASE}/statements/{sid}/open")
        self.assertEqual(r.json()["status"], "open")
        signers = ("sv-plain", "sv-peer", "sv-fac")
        for who in signers[:2]:
            for _ in range(2):  # idempotent
                r = self.c(who).request("PUT", f"{BASE}/statements/{sid}/signature")
                self.assertEqual(r.status, 200, r.body)
                self.assertTrue(r.json()["signed"])
        self.assertEqual(r.json()["signatures"], 2)
        r = self.c("sv-coord").post(f"{BASE}/statements/{sid}/publish")
        self.assertEqual(r.status, 409, r.body)
        advance(self.admin.client, 5)
        status, _ = public_get(self.server.port, f"/statements/{sid}")
        self.assertEqual(status, 404)
        self.c("sv-fac").request("PUT", f"{BASE}/statements/{sid}/signature")
        r = self.c("sv-coord").post(f"{BASE}/statements/{sid}/publish")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["on_site"])
        advance(self.admin.client, 5)
        status, page = public_get(self.server.port, f"/statements/{sid}")
        self.assertEqual(status, 200)
        self.assertIn("당사자 네트워크 회원 3명이 서명했습니다", page)
        for alias in ("회원구름", "동료봄", "진행자해"):
            self.assertNotIn(alias, page)
        status, page = public_get(self.server.port, f"/en/statements/{sid}", "en")
        self.assertIn("Signed by 3 members of the survivors&#39; network", page.replace(
            "&#x27;", "&#39;").replace("'", "&#39;"))
        status, page = public_get(self.server.port, "/statements")
        self.assertIn(f"/statements/{sid}", page)
        r = self.c("sv-plain").get(BASE + "/me")
        st = [s for s in r.json()["statements"] if s["id"] == sid][0]
        self.assertTrue(st["signed"])
        # A withdrawal below the minimum takes it off the site.
        r = self.c("sv-plain").delete(f"{BASE}/statements/{sid}/signature")
        self.assertEqual(r.json()["signatures"], 2)
        self.assertFalse(r.json()["on_site"])
        advance(self.admin.client, 5)
        status, _ = public_get(self.server.port, f"/statements/{sid}")
        self.assertEqual(status, 404)
        status, page = public_get(self.server.port, "/statements")
        self.assertNotIn(f"/statements/{sid}", page)
        self.c("sv-coord").request("PUT", BASE + "/settings", body={"statement_minimum": 10})

    # -- meetings, attendance, peer contacts, her page -------------------------------------------

    def meeting(self):
        r = self.c("sv-fac").post(f"{BASE}/groups/{self.g1}/meetings", body={
            "starts_at": "2030-05-02T19:00:00+09:00", "topic": "봄 모임",
            "place": "마포구 비밀 장소 3층"})
        self.assertEqual(r.status, 201, r.body)
        return r.json()["id"]

    def test_meetings_attendance_and_her_page(self):
        mid = self.meeting()
        self.assertEqual(self.c("sv-fac2").post(f"{BASE}/groups/{self.g1}/meetings", body={
            "starts_at": "2030-05-02T19:00:00+09:00", "topic": "x", "place": "y"}).status, 403)
        hexed = "hex(place)" if backend() == "sqlite" else "encode(place, 'hex')"
        place = sql(self.server, f"SELECT {hexed} FROM survivor_meetings WHERE id = '{mid}'")
        self.assertTrue(place)
        self.assertNotIn("마포구".encode().hex(), place.lower())
        for _ in range(2):
            r = self.c("sv-fac").request(
                "PUT", f"{BASE}/meetings/{mid}/attendance/{self.m['sv-plain']}")
            self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["items"], [{"member_id": self.m["sv-plain"], "alias": "회원구름"}])
        me = self.c("sv-plain").get(BASE + "/me").json()
        meeting = [m for m in me["meetings"] if m["id"] == mid][0]
        self.assertEqual(meeting["place"], "마포구 비밀 장소 3층")
        self.assertEqual(meeting["date"], "2030-05-02")
        r = self.c("sv-plain").request("PATCH", BASE + "/me/contact",
                                       body={"safe_contact": "문자만"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["safe_contact"], "문자만")
        self.assertEqual(self.c("sv-plain").get(f"{BASE}/groups/{self.g1}/meetings").status, 403)

    def test_gathering_is_never_published(self):
        body = {"kind": "gathering", "title_ko": "전국 당사자 모임", "venue": "대전",
                "region": "KR-30", "starts_at": "2030-10-03T10:00:00+09:00",
                "ends_at": "2030-10-04T16:00:00+09:00", "published": True}
        r = self.admin.client.post("/api/v1/events", body=body)
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("published", r.json()["error"]["fields"])
        body["published"] = False
        r = self.admin.client.post("/api/v1/events", body=body)
        self.assertEqual(r.status, 201, r.body)
        eid = r.json()["id"]
        r = self.admin.client.request("PATCH", f"/api/v1/events/{eid}", body={"published": True})
        self.assertEqual(r.status, 400, r.body)
        me = self.c("sv-plain").get(BASE + "/me").json()
        self.assertEqual(me["gathering"]["id"], eid)

    def test_peer_contacts(self):
        body = {"date": "2026-01-05", "region": "KR-11", "mode": "phone", "minutes": 30,
                "note": "힘든 하루였다고 함"}
        self.assertEqual(self.c("sv-plain").post(BASE + "/peer-contacts", body=body).status, 403)
        r = self.c("sv-peer").post(BASE + "/peer-contacts", body=body)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["note"], body["note"])
        self.assertNotIn("case", "".join(r.json().keys()))
        r = self.c("sv-peer").post(BASE + "/peer-contacts", body={**body, "mode": "telepathy"})
        self.assertEqual(r.status, 400)
        items = self.c("sv-coord").get(BASE + "/peer-contacts").json()["items"]
        self.assertTrue(any(i["note"] == body["note"] for i in items))
        note = sql(self.server, "SELECT COUNT(*) FROM survivor_peer_contacts WHERE "
                                "note IS NOT NULL")
        self.assertNotEqual(note, "0")

    def test_counts_are_suppressed_below_k(self):
        body = {"date": "2026-01-06", "mode": "in_person", "minutes": 20}
        for region, n in (("KR-47", 5), ("KR-48", 6), ("KR-50", 1)):
            for _ in range(n):
                r = self.c("sv-peer").post(BASE + "/peer-contacts", body={**body, "region": region})
                self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.c("sv-plain").get(BASE + "/stats").status, 403)
        r = self.c("sv-coord").get(BASE + "/stats")
        self.assertEqual(r.status, 200, r.body)
        stats = r.json()
        k = stats["k"]
        peer = {row["key"]: row["count"] for row in stats["peer_support"]["rows"]}
        self.assertIsNone(peer["KR-50"])
        self.assertEqual(peer["KR-48"], 6)
        for table in (stats["peer_support"], stats["members"]):
            for n in [row["count"] for row in table["rows"]] + [table["total"]]:
                self.assertTrue(n is None or n == 0 or n >= k, table)
        members = {row["key"]: row["count"] for row in stats["members"]["rows"]}
        self.assertIsNone(members["부산 모임"])  # one member: hidden
        self.assertNotIn("진행자달", r.body.decode() if isinstance(r.body, bytes) else r.body)

    def test_peer_contacts_are_peer_support_services_in_the_statistics(self):
        """The network's statistics count a peer contact as a `peer_support` service of the
        survivors' organization (its region, its kind), never as a woman; alone in a month it is
        a small cell and hidden; the organization's own figures show it unhidden."""
        researcher = sign_in(self.server, self.users["org-a"]["researcher"])

        def network(by, period="from=2026-03-01&to=2026-03-31", measure="services"):
            r = researcher.client.get(f"/api/v1/stats/network?{period}&by={by}&measure={measure}")
            self.assertEqual(r.status, 200, r.body)
            return keyed(r.json())

        self.assertEqual(network("service_type")[("peer_support",)], 0)
        body = {"date": "2026-03-10", "region": "KR-26", "mode": "phone", "minutes": 40}
        for _ in range(6):
            r = self.c("sv-peer").post(BASE + "/peer-contacts", body=body)
            self.assertEqual(r.status, 201, r.body)
        self.assertEqual(network("service_type")[("peer_support",)], 6)
        self.assertEqual(network("month")[("2026-03",)], 6)
        self.assertEqual(network("org_kind")[("survivor_network",)], 6)
        by_org = network("organization")
        self.assertEqual(by_org[("KR-11", "survivors")], 6)  # the organization's region
        by_region = network("region,service_type")
        self.assertEqual(by_region[("KR-11", "peer_support")], 6)
        self.assertEqual(by_region[("KR-26", "peer_support")], 0)
        self.assertEqual(network("service_type", measure="people")[("peer_support",)], 0)
        # One contact alone in April is a small cell.
        r = self.c("sv-peer").post(BASE + "/peer-contacts", body={**body, "date": "2026-04-02"})
        self.assertEqual(r.status, 201, r.body)
        april = network("service_type", period="from=2026-04-01&to=2026-04-30")
        self.assertIsNone(april[("peer_support",)])
        # The survivors' network's own figures, unhidden.
        r = self.admin.client.get("/api/v1/stats/own?from=2026-03-01&to=2026-04-30"
                                  "&by=service_type")
        self.assertEqual(r.status, 200, r.body)
        own = keyed(r.json())
        self.assertEqual(own[("peer_support",)], 7)
        self.assertEqual(own[("counseling",)], 0)

    # -- other organizations -------------------------------------------------------------------

    def test_other_organizations_and_the_secretariat_are_refused(self):
        routes = [("GET", BASE + "/groups"), ("GET", BASE + "/members"),
                  ("GET", f"{BASE}/members/{self.m['sv-plain']}"),
                  ("GET", BASE + "/statements"), ("GET", BASE + "/peer-contacts"),
                  ("GET", f"{BASE}/groups/{self.g1}/meetings"), ("GET", BASE + "/settings"),
                  ("GET", BASE + "/stats"),
                  ("POST", BASE + "/members"), ("DELETE", f"{BASE}/members/{self.m['sv-plain']}"),
                  ("GET", BASE + "/me")]
        for who in (self.a_admin, self.a_worker, self.net_admin):
            for method, path in routes:
                r = who.client.request(method, path, body={} if method == "POST" else None)
                self.assertIn(r.status, (403, 404), (who.user_id, path))
                if who is self.a_admin and "/me" not in path:
                    self.assertEqual(r.status, 404, path)
        self.assertEqual(self.c("sv-coord").get(f"{BASE}/members/{self.m['sv-plain']}").status, 200)


if __name__ == "__main__":
    unittest.main()
