"""Black-box tests of emergency rescue (docs/emergency.md, api-emergency).

A request from the public form reaches only the organization covering its region; others get
404; nothing she wrote is on disk in clear and her address is in no log; bad input is refused
naming the fields and stores nothing; a flood from one address gets 429 while another address
still gets through; the dispatch board's event stream shows a new request live; a request
nobody acknowledges escalates with the test clock, also across a server restart.
"""

import http.client
import json
import os
import threading
import time
import unittest
from urllib.parse import quote

from harness import Server, backend, run_cli
from network import add_org, add_user, advance, build_network, server_now, sign_in
from test_people import encodings, sql

PUBLIC_FORM = "/api/v1/public/help-form"
PUBLIC_POST = "/api/v1/public/help-requests"
REQUESTS = "/api/v1/emergency/requests"

SITUATION = "포주가 휴대폰을 빼앗아 갔어요 창문없는방"
CONTACT = "010-4321-8765"
SAFE_CONTACT = "오후 3시 편의점 앞에서만 통화"


def public_request(port, method, path, body=None, source="127.0.0.1", lang="ko", headers=None):
    """An anonymous browser: no cookie, from a chosen local address (the whole of 127/8 is
    local, so each test can have its own client address)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                      source_address=(source, 0))
    headers = {"Accept-Language": lang, **(headers or {})}
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=headers)
    r = conn.getresponse()
    payload = r.read()
    result = (r.status, {k.lower(): v for k, v in r.getheaders()}, payload)
    conn.close()
    return result


def form_token(server, source):
    status, headers, body = public_request(server.port, "GET", PUBLIC_FORM, source=source)
    assert status == 200, body
    assert "set-cookie" not in headers
    return json.loads(body)["form_token"]


def submit(server, region, source, token=None, headers=None, lang="ko", **extra):
    """Posts the public form (waiting out the token's minimum age on the test clock)."""
    if token is None:
        token = form_token(server, source)
        advance(server.client(), 3)
    body = {"region": region, "situation": SITUATION, "contact": CONTACT,
            "safe_contact": SAFE_CONTACT, "language": "ko", "form_token": token, "website": ""}
    body.update(extra)
    return public_request(server.port, "POST", PUBLIC_POST, body, source=source, headers=headers,
                          lang=lang)


def find(session, reference):
    r = session.client.get(REQUESTS)
    assert r.status == 200, r.body
    return next((i for i in r.json()["items"] if i["reference"] == reference), None)


# The proxy the suite's server trusts: a reverse proxy on the same machine that sets X-Real-IP.
PROXY = "127.0.0.27"


class EmergencyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.server.set_config("# trusted_proxies = []", f'trusted_proxies = ["{PROXY}"]')
        # These tests post in bursts on a test clock; the network-wide ceiling has its own test
        # (FloodTest) and must not hold their requests at the secretariat.
        cls.server.set_config("# public_help_per_minute = 30", "public_help_per_minute = 100000")
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.a = sign_in(cls.server, cls.users["org-a"]["dispatcher"])
        cls.b = sign_in(cls.server, cls.users["org-b"]["dispatcher"])
        cls.a_worker = sign_in(cls.server, cls.users["org-a"]["case_worker"])
        cls.a_supervisor = sign_in(cls.server, cls.users["org-a"]["supervisor"])
        cls.a_auditor = sign_in(cls.server, cls.users["org-a"]["auditor"])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_the_help_form_needs_no_account_and_sets_no_cookie(self):
        status, headers, body = public_request(self.server.port, "GET", PUBLIC_FORM,
                                               source="127.0.0.20")
        self.assertEqual(status, 200, body)
        form = json.loads(body)
        self.assertEqual(form["police_number"], "112")
        self.assertIn({"code": "KR-26", "name_ko": "부산광역시", "name_en": "Busan"},
                      form["regions"])
        self.assertNotIn("set-cookie", headers)
        status, headers, body = submit(self.server, "KR-11", "127.0.0.20")
        self.assertEqual(status, 202, body)
        self.assertRegex(json.loads(body)["reference"], r"^H-[0-9A-Z]{8}$")
        self.assertNotIn("set-cookie", headers)

    def test_a_request_reaches_only_the_covering_organization(self):
        status, _, body = submit(self.server, "KR-26", "127.0.0.21")
        self.assertEqual(status, 202, body)
        item = find(self.b, json.loads(body)["reference"])
        self.assertIsNotNone(item, "org B covers its own region KR-26")
        self.assertEqual(item["situation"], SITUATION)
        self.assertEqual(item["safe_contact"], SAFE_CONTACT)
        self.assertEqual(item["channel"], "public_web_form")
        self.assertEqual(item["status"], "new")
        self.assertIsNone(find(self.a, json.loads(body)["reference"]))
        r = self.a.client.get(f"{REQUESTS}/{item['id']}")
        self.assertEqual(r.status, 404, r.body)
        r = self.a.client.post(f"{REQUESTS}/{item['id']}/acknowledge")
        self.assertEqual(r.status, 404, r.body)
        r = self.a_worker.client.get(f"{REQUESTS}/{item['id']}")
        self.assertEqual(r.status, 403, r.body)
        # B works it through.
        r = self.b.client.post(f"{REQUESTS}/{item['id']}/acknowledge")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "acknowledged")
        r = self.b.client.post(f"{REQUESTS}/{item['id']}/police", body={
            "station": "부산진경찰서", "notified_at": r.json()["acknowledged_at"],
            "officer": "박순경", "report_number": "2026-0042"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["police"]["officer"], "박순경")
        r = self.b.client.post(f"{REQUESTS}/{item['id']}/resolve", body={"outcome": "rescued"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "resolved")
        r = self.b.client.get("/api/v1/emergency/measures")
        self.assertEqual(r.status, 200, r.body)
        self.assertIn("KR-26", [m["region"] for m in r.json()["by_region"]])

    def test_bad_input_names_the_fields_and_stores_nothing(self):
        before = sql(self.server, "SELECT COUNT(*) FROM help_requests")
        status, _, body = submit(self.server, "KR-99", "127.0.0.22", situation="   ")
        self.assertEqual(status, 400, body)
        fields = json.loads(body)["error"]["fields"]
        for name in ("region", "situation"):
            self.assertIn(name, fields)
        status, _, body = submit(self.server, "KR-11", "127.0.0.22", website="http://x.example",
                                 language="k1")
        self.assertEqual(status, 400, body)
        self.assertEqual(set(json.loads(body)["error"]["fields"]), {"website", "language"})
        # A token posted at once (as a script would) or forged is refused, in English too.
        token = form_token(self.server, "127.0.0.22")
        status, _, body = public_request(self.server.port, "POST", PUBLIC_POST, {
            "region": "KR-11", "situation": SITUATION, "form_token": token},
            source="127.0.0.22", lang="en")
        self.assertEqual(status, 400, body)
        self.assertIn("wait", json.loads(body)["error"]["fields"]["form_token"])
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM help_requests"), before)

    def test_a_flood_from_one_address_is_slowed_while_others_pass(self):
        statuses = [submit(self.server, "KR-11", "127.0.0.23")[0] for _ in range(5)]
        self.assertEqual(statuses, [202] * 5)
        status, headers, body = submit(self.server, "KR-11", "127.0.0.23")
        self.assertEqual(status, 429, body)
        self.assertGreater(int(headers["retry-after"]), 0)
        self.assertIn("112", json.loads(body)["error"]["message"])
        status, _, body = public_request(self.server.port, "POST", PUBLIC_POST, {},
                                         source="127.0.0.23", lang="en")
        self.assertEqual(status, 429, body)
        self.assertIn("Too many", json.loads(body)["error"]["message"])
        status, _, body = submit(self.server, "KR-11", "127.0.0.24")
        self.assertEqual(status, 202, body)

    def test_behind_a_trusted_proxy_each_visitor_has_her_own_allowance(self):
        first = {"X-Real-IP": "203.0.113.5"}
        statuses = [submit(self.server, "KR-11", PROXY, headers=first)[0] for _ in range(6)]
        self.assertEqual(statuses, [202] * 5 + [429])
        status, _, body = submit(self.server, "KR-11", PROXY, headers={"X-Real-IP": "203.0.113.6"})
        self.assertEqual(status, 202, body)

    def test_x_real_ip_from_a_peer_that_is_not_a_configured_proxy_is_ignored(self):
        # Another loopback address is not the configured proxy: a script there that names a
        # fresh address in every post is still one sender.
        statuses = [submit(self.server, "KR-11", "127.0.0.28",
                           headers={"X-Real-IP": f"198.51.100.{i}"})[0] for i in range(6)]
        self.assertEqual(statuses, [202] * 5 + [429])

    def test_a_form_token_brings_in_one_request(self):
        token = form_token(self.server, "127.0.0.29")
        advance(self.server.client(), 3)
        # A post she must correct leaves the token usable...
        status, _, body = submit(self.server, "KR-11", "127.0.0.29", token=token, situation=" ")
        self.assertEqual(status, 400, body)
        self.assertNotIn("form_token", json.loads(body)["error"]["fields"])
        status, _, body = submit(self.server, "KR-11", "127.0.0.29", token=token)
        self.assertEqual(status, 202, body)
        # ...and the accepted one uses it up, from this address or any other.
        before = sql(self.server, "SELECT COUNT(*) FROM help_requests")
        for source in ["127.0.0.29", "127.0.0.30"]:
            status, _, body = submit(self.server, "KR-11", source, token=token, lang="en")
            self.assertEqual(status, 400, body)
            self.assertEqual(json.loads(body)["error"]["fields"]["form_token"],
                             "This form has already been sent. Please reload the page and send "
                             "it again.")
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM help_requests"), before)

    def test_posts_racing_with_one_token_store_one_request(self):
        token = form_token(self.server, "127.0.0.31")
        advance(self.server.client(), 3)
        results = []

        def post(i):
            results.append(submit(self.server, "KR-11", f"127.0.1.{i}", token=token)[0])
        threads = [threading.Thread(target=post, args=(i,)) for i in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [202] + [400] * 19)

    def test_the_board_sees_a_new_request_live(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=20)
        cookie = "; ".join(f"{k}={v}" for k, v in self.a.client.cookies.items())
        conn.request("GET", "/api/v1/emergency/events", headers={"Cookie": cookie})
        r = conn.getresponse()
        self.assertEqual(r.status, 200)
        self.assertTrue(r.getheader("Content-Type").startswith("text/event-stream"))
        self.assertIsNone(r.getheader("Set-Cookie"))
        self.assertEqual(r.fp.readline(), b"retry: 3000\n")
        results = {}
        poster = threading.Thread(target=lambda: results.update(
            post=submit(self.server, "KR-11", "127.0.0.25")))
        poster.start()
        event, data = None, None
        deadline = time.time() + 20
        while time.time() < deadline and data is None:
            line = r.fp.readline().decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                event = line[len("event: "):]
            elif line.startswith("data: ") and event == "request":
                data = json.loads(line[len("data: "):])
        poster.join()
        conn.close()
        self.assertEqual(results["post"][0], 202, results["post"][2])
        self.assertIsNotNone(data, "no event arrived")
        self.assertEqual(data["status"], "new")
        self.assertEqual(data["region"], "KR-11")
        self.assertEqual(set(data), {"id", "status", "region", "received_at", "urgency",
                                     "escalation_level"})
        reference = json.loads(results["post"][2])["reference"]
        self.assertEqual(find(self.a, reference)["id"], data["id"])
        # Another organization's dispatchers may not open org A's stream: theirs is their own,
        # and roles without emergency.read are refused.
        r = self.a_worker.client.get("/api/v1/emergency/events")
        self.assertEqual(r.status, 403, r.body)

    def test_staff_log_requests_and_set_coverage_and_on_call(self):
        r = self.a.client.post(REQUESTS, body={"channel": "hotline", "region": "KR-11",
                                               "situation": "전화로 도움 요청", "urgency": "immediate"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["assigned_org_id"], self.a.org_id)
        r = self.a.client.post(REQUESTS, body={"channel": "public_web_form", "region": "KR-11",
                                               "situation": "x"})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("channel", r.json()["error"]["fields"])
        r = self.a.client.get("/api/v1/emergency/coverage")
        self.assertEqual(r.status, 200, r.body)
        self.assertIn({"org_id": self.a.org_id, "org_name": "가 상담소", "region": "KR-11",
                       "priority": 1, "on_call_now": False, "dispatchers": True,
                       "reachable": True}, r.json()["items"])
        self.assertEqual(r.json()["ack_limit_minutes"], 10)
        r = self.a.client.post("/api/v1/emergency/on-call", body={
            "user_id": self.a.user_id, "starts_at": "2026-01-01T00:00:00Z",
            "ends_at": "2026-01-01T12:00:00Z"})
        self.assertEqual(r.status, 201, r.body)
        r = self.a.client.get("/api/v1/emergency/on-call?from=2026-01-01T00:00:00Z"
                              "&to=2026-01-02T00:00:00Z")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual([s["user_id"] for s in r.json()["items"]], [self.a.user_id])
        r = self.a.client.post("/api/v1/emergency/on-call", body={
            "user_id": self.a_worker.user_id, "starts_at": "2026-01-01T00:00:00Z",
            "ends_at": "2026-01-01T12:00:00Z"})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("user_id", r.json()["error"]["fields"])

    def test_a_request_links_only_to_her_case_at_the_same_organization(self):
        r = self.a.client.post(REQUESTS, body={"channel": "police", "region": "KR-11",
                                               "situation": "경찰 인계"})
        self.assertEqual(r.status, 201, r.body)
        rid = r.json()["id"]
        people = []
        for name in ("연결대상 하나", "연결대상 둘"):
            p = self.a_worker.client.post("/api/v1/people", body={"legal_name": name})
            self.assertEqual(p.status, 201, p.body)
            people.append(p.json()["id"])
        c = self.a_worker.client.post("/api/v1/cases", body={
            "person_id": people[0], "intake_channel": "police_referral", "risk_level": "high",
            "summary": "긴급 구조 후 상담"})
        self.assertEqual(c.status, 201, c.body)
        case_id = c.json()["id"]
        link = f"{REQUESTS}/{rid}/link"
        r = self.a.client.post(link, body={"person_id": people[1], "case_id": case_id})
        self.assertEqual(r.status, 400, r.body)  # not her case
        self.assertIn("case_id", r.json()["error"]["fields"])
        r = self.a.client.post(link, body={"person_id": people[0], "case_id": case_id})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual((r.json()["person_id"], r.json()["case_id"]), (people[0], case_id))

    def log_request(self, session=None):
        r = (session or self.a).client.post(REQUESTS, body={
            "channel": "hotline", "region": "KR-11", "situation": "전화 요청"})
        self.assertEqual(r.status, 201, r.body)
        return r.json()["id"]

    def test_a_resolved_request_is_closed_and_then_changes_no_more(self):
        rid = self.log_request()
        close = f"{REQUESTS}/{rid}/close"
        r = self.a.client.post(close)
        self.assertEqual(r.status, 409, r.body)  # not resolved yet
        self.assertEqual(r.json()["error"]["code"], "conflict")
        r = self.a.client.post(f"{REQUESTS}/{rid}/resolve", body={"outcome": "referred"})
        self.assertEqual(r.status, 200, r.body)
        r = self.b.client.post(close)  # another organization's request is unknown
        self.assertEqual(r.status, 404, r.body)
        r = self.a.client.post(close)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "closed")
        self.assertIsNotNone(r.json()["closed_at"])
        for path, body in (("close", None), ("resolve", {"outcome": "rescued"}),
                           ("police", {"station": "종로서", "notified_at": "2026-01-01T00:00:00Z"}),
                           ("dispatch", {})):
            r = self.a.client.post(f"{REQUESTS}/{rid}/{path}", body=body)
            self.assertEqual(r.status, 409, (path, r.body))
        r = self.a.client.get(f"{REQUESTS}?status=closed")
        self.assertIn(rid, [i["id"] for i in r.json()["items"]])
        r = self.a.client.get(f"{REQUESTS}?status=open")
        self.assertNotIn(rid, [i["id"] for i in r.json()["items"]])

    def test_a_dispatcher_finds_her_by_exact_name_or_phone_as_a_stub(self):
        rid = self.log_request()
        p = self.a_worker.client.post("/api/v1/people", body={
            "legal_name": "후보 가나다", "alias": "별님", "phone": "010-2222-3939",
            "birth_date": "2001-05-05"})
        self.assertEqual(p.status, 201, p.body)
        person = p.json()
        c = self.a_worker.client.post("/api/v1/cases", body={
            "person_id": person["id"], "intake_channel": "hotline", "risk_level": "high",
            "summary": "긴급"})
        self.assertEqual(c.status, 201, c.body)
        # The dispatcher may not open the register of people...
        self.assertEqual(self.a.client.get("/api/v1/people?name=" + quote("후보 가나다")).status, 403)
        # ...but may look her up on the request, exactly, and sees a stub.
        found = f"{REQUESTS}/{rid}/candidates"
        for query in ("name=" + quote("후보 가나다"), "phone=01022223939"):
            r = self.a.client.get(f"{found}?{query}")
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.json()["items"], [{
                "id": person["id"], "code": person["code"], "restricted": False,
                "hidden": False, "alias": "별님", "age_band": person["age_band"],
                "open_cases": [{"id": c.json()["id"], "number": c.json()["number"]}]}])
            self.assertNotIn("2001-05-05", r.body.decode())
        r = self.a.client.get(f"{found}?name=" + quote("후보"))  # not a prefix search
        self.assertEqual(r.json()["items"], [])
        # Bad input: neither or both keys; unknown request; another organization's request.
        self.assertEqual(self.a.client.get(found).status, 400)
        r = self.a.client.get(f"{found}?name=x&phone=010")
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("phone", r.json()["error"]["fields"])
        self.assertEqual(self.a.client.get(f"{REQUESTS}/nope/candidates?name=x").status, 404)
        r = self.b.client.get(f"{found}?name=" + quote("후보 가나다"))
        self.assertEqual(r.status, 404, r.body)
        # Another organization's dispatcher finds nobody of org-a on her own request.
        own = self.log_request(self.b)
        r = self.b.client.get(f"{REQUESTS}/{own}/candidates?name=" + quote("후보 가나다"))
        self.assertEqual((r.status, r.json()["items"]), (200, []))
        r = self.a_worker.client.get(f"{found}?name=x")  # a case worker has no emergency.act
        self.assertEqual(r.status, 403, r.body)
        entries = self.a_auditor.client.get("/api/v1/audit?entity_id=" + person["id"])
        self.assertEqual(entries.status, 200, entries.body)
        self.assertIn("help_request.candidate",
                      [e["action"] for e in entries.json()["items"]])
        # The searches are on record too, and the other organization's probe of this request.
        searches = sql(self.server, "SELECT outcome FROM audit_log WHERE action = "
                                    f"'help_request.candidates' AND entity_id = '{rid}'")
        self.assertIn("ok", searches.splitlines())
        self.assertIn("not_found", searches.splitlines())

    def test_a_restricted_woman_is_a_stub_and_only_who_may_reach_her_links_her(self):
        rid = self.log_request()
        p = self.a_worker.client.post("/api/v1/people", body={
            "legal_name": "제한 후보", "alias": "숨은이름"})
        self.assertEqual(p.status, 201, p.body)
        person = p.json()
        c = self.a_worker.client.post("/api/v1/cases", body={
            "person_id": person["id"], "intake_channel": "hotline", "risk_level": "high",
            "summary": "긴급",
            "restricted": True})
        self.assertEqual(c.status, 201, c.body)
        r = self.a.client.get(f"{REQUESTS}/{rid}/candidates?name=" + quote("제한 후보"))
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["items"], [{
            "id": person["id"], "code": person["code"], "restricted": True, "hidden": True,
            "alias": None, "age_band": None, "open_cases": []}])
        link = f"{REQUESTS}/{rid}/link"
        r = self.a.client.post(link, body={"person_id": person["id"]})
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(r.json()["error"]["code"], "break_glass_required")
        r = self.a.client.get(f"{REQUESTS}/{rid}")
        self.assertIsNone(r.json()["person_id"])  # the refused link changed nothing
        self.assertEqual(r.json()["status"], "new")
        entries = self.a_auditor.client.get("/api/v1/audit?entity_id=" + rid).json()["items"]
        self.assertIn(("help_request.link", "break_glass_required"),
                      [(e["action"], e["outcome"]) for e in entries])
        # Her supervisor may reach her, and links her.
        r = self.a_supervisor.client.post(link, body={"person_id": person["id"],
                                                      "case_id": c.json()["id"]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["person_id"], person["id"])

    def test_nothing_she_wrote_reaches_the_disk_in_clear(self):
        status, _, body = submit(self.server, "KR-11", "127.0.0.26")
        self.assertEqual(status, 202, body)
        reference = json.loads(body)["reference"]
        self.assertEqual(find(self.a, reference)["contact"], CONTACT)
        values = [SITUATION, "창문없는방", CONTACT, SAFE_CONTACT]
        if backend() == "sqlite":
            files = []
            for root, _, names in os.walk(self.server.tmp):
                files += [os.path.join(root, n) for n in names]
            reference_seen = False  # a positive control: the reference is stored in clear
            for path in files:
                with open(path, "rb") as f:
                    data = f.read()
                reference_seen = reference_seen or reference.encode() in data
                for value in values:
                    for form in encodings(value):
                        self.assertNotIn(form, data, (path, value, form))
            self.assertTrue(reference_seen, "the scan must see what the database holds")
        else:
            self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM help_requests WHERE "
                                              f"reference = '{reference}'"), "1")
            columns = sql(self.server, "SELECT table_name || '.' || column_name || '.' || "
                          "data_type FROM information_schema.columns WHERE table_name IN "
                          "('help_requests', 'audit_log')").split("\n")
            for col in columns:
                table, column, data_type = col.split(".", 2)
                for value in values:
                    if data_type == "bytea":
                        where = f"position(convert_to('{value}', 'UTF8') in {column}) > 0"
                    else:
                        where = f"{column}::text LIKE '%{value}%'"
                    n = sql(self.server, f"SELECT COUNT(*) FROM {table} WHERE {where}")
                    self.assertEqual(n, "0", (col, value))
        # Her address is used for flood control in memory only: the access log of the public
        # form carries not even the network the other routes' lines do.
        lines = [json.loads(line) for line in self.server.server_log().splitlines()
                 if line.startswith("{") and '"route":"/api/v1/public/help-requests"' in line]
        self.assertTrue(lines, "the access log must show the posts")
        self.assertFalse([line for line in lines if "client_net" in line])
        self.assertNotIn("127.0.0.26", self.server.server_log())
        # A mistyped address or a wrong method under the public prefix is no different.
        before = len(self.server.server_log().splitlines())
        for method, path in [("GET", "/api/v1/public/help-reqests"),
                             ("DELETE", "/api/v1/public/help-requests")]:
            status, _, _ = public_request(self.server.port, method, path, source="127.0.0.26")
            self.assertIn(status, (404, 405))
        for _ in range(50):  # the access log line follows the reply
            unmatched = [line for line in self.server.server_log().splitlines()[before:]
                         if line.startswith("{") and '"route":"unmatched"' in line]
            if len(unmatched) >= 2:
                break
            time.sleep(0.1)
        self.assertEqual(len(unmatched), 2, unmatched)
        self.assertFalse([line for line in unmatched if "client_net" in line])


class ReachabilityTest(unittest.TestCase):
    """Routing skips an organization where nobody can see a request now (no dispatcher at all,
    or a roster with nobody on it now); the coverage answer flags it, and a region left with no
    one is listed as a gap, whose requests go to the secretariat."""

    def setUp(self):
        self.server = Server()
        self.users = build_network(self.server)  # org B: a KR-26 facility with a dispatcher
        add_org(self.server, "shelter", "support_facility", "KR-41", "라 쉼터")  # no dispatcher
        add_org(self.server, "org-c", "counseling_center", "KR-11", "다 상담소")
        add_user(self.server, "org-c", "org-c-dispatcher", "dispatcher")
        add_user(self.server, "org-c", "org-c-admin", "org_admin")
        add_user(self.server, "sec", "sec-dispatcher", "dispatcher")
        self.server.start()
        self.c_admin = sign_in(self.server, "org-c-admin")
        self.c = sign_in(self.server, "org-c-dispatcher")
        self.sec = sign_in(self.server, "sec-dispatcher")
        # Org C backs up Gyeonggi (KR-41), where the shelter is first by default.
        r = self.c_admin.client.request("PUT", "/api/v1/emergency/coverage",
                                        body={"regions": ["KR-11", "KR-41"]})
        self.assertEqual(r.status, 200, r.body)

    def tearDown(self):
        self.server.cleanup()

    def coverage(self):
        r = self.c.client.get("/api/v1/emergency/coverage")
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def test_nobody_there_is_skipped_flagged_and_a_region_left_empty_is_a_gap(self):
        cov = self.coverage()
        shelter = next(i for i in cov["items"] if i["org_name"] == "라 쉼터")
        self.assertEqual((shelter["region"], shelter["priority"]), ("KR-41", 1))
        self.assertEqual((shelter["dispatchers"], shelter["reachable"]), (False, False))
        self.assertNotIn("KR-41", cov["gaps"], "org C can still be reached for Gyeonggi")
        self.assertIn("KR-49", cov["gaps"], "nobody covers Jeju")
        status, _, body = submit(self.server, "KR-41", "127.0.0.40")
        self.assertEqual(status, 202, body)
        at_c = find(self.c, json.loads(body)["reference"])
        self.assertIsNotNone(at_c, "the shelter has nobody to see it: second-rank org C has it")
        self.assertEqual(at_c["escalation_level"], 0)

        # Org C starts keeping a roster, with tonight's shift only: nobody is on call now.
        now = server_now(self.c.client)
        shift = {"user_id": self.c.user_id,
                 "starts_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 3600)),
                 "ends_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 9 * 3600))}
        r = self.c.client.post("/api/v1/emergency/on-call", body=shift)
        self.assertEqual(r.status, 201, r.body)
        cov = self.coverage()
        self.assertIn("KR-41", cov["gaps"])
        c_row = next(i for i in cov["items"] if i["org_name"] == "다 상담소")
        self.assertEqual((c_row["dispatchers"], c_row["on_call_now"], c_row["reachable"]),
                         (True, False, False))
        status, _, body = submit(self.server, "KR-41", "127.0.0.41")
        self.assertEqual(status, 202, body)
        reference = json.loads(body)["reference"]
        self.assertIsNone(find(self.c, reference))
        self.assertIsNotNone(find(self.sec, reference), "a gap goes straight to the secretariat")

        # Her shift begins: Org C is reachable again.
        advance(self.server.client(), 3600 + 60)
        self.c = sign_in(self.server, "org-c-dispatcher", totp_secret=self.c.totp_secret)
        cov = self.coverage()
        self.assertNotIn("KR-41", cov["gaps"])
        status, _, body = submit(self.server, "KR-41", "127.0.0.42")
        self.assertIsNotNone(find(self.c, json.loads(body)["reference"]))


class EscalationTest(unittest.TestCase):
    """A request nobody acknowledges moves on: to the next covering organization, then to the
    secretariat — with the deadline kept in the database across a restart."""

    def setUp(self):
        self.server = Server()
        self.users = build_network(self.server)
        add_org(self.server, "org-c", "counseling_center", "KR-41", "다 상담소")
        add_user(self.server, "org-c", "org-c-dispatcher", "dispatcher")
        add_user(self.server, "org-c", "org-c-admin", "org_admin")
        add_user(self.server, "sec", "sec-dispatcher", "dispatcher")
        self.server.start()

    def tearDown(self):
        self.server.cleanup()

    def sessions(self):
        return (sign_in(self.server, self.users["org-b"]["dispatcher"]),
                sign_in(self.server, "org-c-dispatcher"),
                sign_in(self.server, "sec-dispatcher"))

    def wait_for(self, session, reference, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            item = find(session, reference)
            if item:
                return item
            time.sleep(0.2)
        return None

    def test_escalation_to_the_next_cover_then_the_secretariat_across_a_restart(self):
        # Org C backs up Busan (KR-26) besides its own Gyeonggi.
        c_admin = sign_in(self.server, "org-c-admin")
        r = c_admin.client.request("PUT", "/api/v1/emergency/coverage",
                                   body={"regions": ["KR-41", "KR-26"]})
        self.assertEqual(r.status, 200, r.body)
        self.assertIn({"org_id": c_admin.org_id, "org_name": "다 상담소", "region": "KR-26",
                       "priority": 2},
                      [{k: i[k] for k in ("org_id", "org_name", "region", "priority")}
                       for i in r.json()["items"]])
        status, _, body = submit(self.server, "KR-26", "127.0.0.30")
        self.assertEqual(status, 202, body)
        reference = json.loads(body)["reference"]
        b, c, sec = self.sessions()
        first = find(b, reference)
        self.assertIsNotNone(first)
        self.assertEqual(first["escalation_level"], 0)

        # The server stops before the deadline; the deadline is in the database. Sessions are
        # too, so the same browsers carry on against the new process.
        self.server.stop()
        self.server.start()
        for s in (b, c, sec):
            s.client.port = self.server.port
        self.assertIsNotNone(find(b, reference))
        advance(self.server.client(), 11 * 60)
        at_c = self.wait_for(c, reference)
        self.assertIsNotNone(at_c, "unacknowledged after 10 minutes, it goes to org C")
        self.assertEqual(at_c["escalation_level"], 1)
        self.assertEqual(at_c["situation"], SITUATION)
        self.assertIsNone(find(b, reference))
        self.assertEqual(b.client.get(f"{REQUESTS}/{at_c['id']}").status, 404)
        self.assertIsNone(find(sec, reference), "not yet the secretariat's")

        advance(self.server.client(), 11 * 60)
        at_sec = self.wait_for(sec, reference)
        self.assertIsNotNone(at_sec, "then to the secretariat")
        self.assertEqual(at_sec["escalation_level"], 2)
        self.assertIsNone(find(c, reference))
        r = sec.client.post(f"{REQUESTS}/{at_sec['id']}/acknowledge")
        self.assertEqual(r.status, 200, r.body)
        auditor = sign_in(self.server, self.users["sec"]["auditor"])
        r = auditor.client.get("/api/v1/audit?action=help_request.escalate")
        self.assertEqual(r.status, 200, r.body)
        self.assertGreaterEqual(len(r.json()["items"]), 2)
        self.assertNotIn(SITUATION, r.body.decode("utf-8"))


if __name__ == "__main__":
    unittest.main()
