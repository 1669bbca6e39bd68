"""Black-box tests of accounts under attack (docs/security.md, "Authentication", "Granting roles"):
who may give roles that read survivors' records, sign-in lockout that cannot be turned against
a user, the TOTP QR code, password changes, and what a username reveals."""

import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse

from harness import Client, Server
from network import PASSWORD, add_org, add_user, advance, server_now, sign_in, totp

PROXY = "127.0.0.1"  # the harness's connections all come from here, as behind a reverse proxy
NEW_PASSWORD = "Jeonju-1987-lantern-walk"


class ProxiedClient(Client):
    """A browser behind the reverse proxy: the proxy names it in X-Real-IP."""

    def __init__(self, port, address, lang="ko"):
        super().__init__(port, lang)
        self.address = address

    def request(self, method, path, body=None, headers=None, raw=None):
        return super().request(method, path, body=body, raw=raw,
                               headers={"X-Real-IP": self.address, **(headers or {})})


def reauth(session, server):
    advance(server.client(), 31)  # a fresh TOTP step: codes are single-use
    body = {"password": PASSWORD}
    if session.totp_secret:
        body["totp"] = totp(session.totp_secret, server_now(server.client()))
    r = session.client.post("/api/v1/session/reauth", body=body)
    assert r.status == 204, r.body


def audit_entries(session, query):
    r = session.client.get("/api/v1/audit" + query)
    assert r.status == 200, r.body
    return r.json()["items"]


class RoleGrantTest(unittest.TestCase):
    """Data roles (case_worker, supervisor, shelter_staff, dispatcher, finance): a fresh
    re-authentication, never to oneself; network admins make org admins only."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        add_org(cls.server, "sec", "secretariat", "KR-11")
        add_org(cls.server, "org-a", "counseling_center", "KR-11")
        add_org(cls.server, "org-b", "support_facility", "KR-26")
        add_user(cls.server, "sec", "net-admin", "network_admin")
        add_user(cls.server, "org-a", "boss-a", "org_admin")
        add_user(cls.server, "org-a", "audit-a", "auditor")
        add_user(cls.server, "org-b", "boss-b", "org_admin")
        add_user(cls.server, "org-b", "second-b", "org_admin")
        cls.server.start()
        cls.boss_a = sign_in(cls.server, "boss-a")
        cls.auditor = sign_in(cls.server, "audit-a")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def users_path(self, session, org_id=None):
        return f"/api/v1/organizations/{org_id or session.org_id}/users"

    def test_an_org_admin_cannot_give_herself_a_data_role(self):
        me = self.boss_a
        reauth(me, self.server)  # a fresh re-authentication does not make it acceptable
        for roles in (["org_admin", "supervisor"], ["org_admin", "case_worker"]):
            r = me.client.request("PATCH", f"{self.users_path(me)}/{me.user_id}",
                                  body={"roles": roles})
            self.assertEqual(r.status, 403, r.body)
            self.assertEqual(r.json()["error"]["code"], "forbidden")
        en = me.client.request("PATCH", f"{self.users_path(me)}/{me.user_id}",
                               body={"roles": ["org_admin", "supervisor"]},
                               headers={"Accept-Language": "en"})
        self.assertIn("your own account", en.json()["error"]["message"])
        self.assertEqual(me.client.get("/api/v1/me").json()["user"]["roles"], ["org_admin"])
        # A role that reads no records she may still add to herself.
        r = me.client.request("PATCH", f"{self.users_path(me)}/{me.user_id}",
                              body={"roles": ["org_admin", "advocate"]})
        self.assertEqual(r.status, 200, r.body)
        r = me.client.request("PATCH", f"{self.users_path(me)}/{me.user_id}",
                              body={"roles": ["org_admin"]})
        self.assertEqual(r.status, 200, r.body)

    def test_giving_a_data_role_needs_a_recent_reauthentication(self):
        me = self.boss_a
        advance(self.server.client(), 6 * 60)  # any earlier re-authentication is stale now
        me.client.get("/api/v1/me")
        body = {"username": "grant-one", "display_name": "새 상담원", "roles": ["case_worker"]}
        r = me.client.post(self.users_path(me), body=body)
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(r.json()["error"]["code"], "reauth_required")
        # Roles that read no records need no re-authentication.
        r = me.client.post(self.users_path(me), body={
            "username": "grant-two", "display_name": "활동가", "roles": ["advocate"]})
        self.assertEqual(r.status, 201, r.body)
        advocate_id = r.json()["id"]
        r = me.client.request("PATCH", f"{self.users_path(me)}/{advocate_id}",
                              body={"roles": ["advocate", "dispatcher"]})
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(r.json()["error"]["code"], "reauth_required")
        reauth(me, self.server)
        r = me.client.post(self.users_path(me), body=body)
        self.assertEqual(r.status, 201, r.body)
        r = me.client.request("PATCH", f"{self.users_path(me)}/{advocate_id}",
                              body={"roles": ["advocate", "dispatcher"]})
        self.assertEqual(r.status, 200, r.body)
        # Five minutes later the re-authentication has run out again.
        advance(self.server.client(), 5 * 60 + 1)
        me.client.get("/api/v1/me")
        r = me.client.request("PATCH", f"{self.users_path(me)}/{advocate_id}",
                              body={"roles": ["advocate", "dispatcher", "finance"]})
        self.assertEqual(r.status, 403, r.body)
        # The change is audited with the role names before and after.
        entries = audit_entries(self.auditor,
                                f"?entity_type=user&entity_id={advocate_id}&action=user.roles_change")
        self.assertEqual(len(entries), 1, entries)
        fields = entries[0]["fields"]
        self.assertIn("roles.before:advocate", fields)
        self.assertIn("roles.after:dispatcher", fields)
        self.assertNotIn("roles.before:dispatcher", fields)

    def test_a_network_admin_makes_org_admins_only_and_the_organization_is_told(self):
        net = sign_in(self.server, "net-admin")
        reauth(net, self.server)
        org_b = next(o["id"] for o in net.client.get("/api/v1/organizations").json()["items"]
                     if o["slug"] == "org-b")
        for roles in (["supervisor"], ["org_admin", "supervisor"], ["case_worker"]):
            r = net.client.post(self.users_path(net, org_b), body={
                "username": "net-made-x", "display_name": "x", "roles": roles})
            self.assertEqual(r.status, 403, (roles, r.body))
        r = net.client.post(self.users_path(net, org_b), body={
            "username": "net-made-admin", "display_name": "새 관리자", "roles": ["org_admin"]})
        self.assertEqual(r.status, 201, r.body)
        made = r.json()
        # Both administrators of the organization are told.
        for name in ["boss-b", "second-b"]:
            admin = sign_in(self.server, name)
            kinds = [(n["kind"], n["actor_id"])
                     for n in admin.client.get("/api/v1/notifications").json()["items"]]
            self.assertIn(("user.org_admin_created", net.user_id), kinds, name)
        # The chain the network admin could follow: sign in as the new admin and give it a
        # role that reads survivors' records. Refused.
        s = sign_in(self.server, "net-made-admin", password=made["one_time_password"])
        r = s.client.post("/api/v1/me/password", body={
            "current_password": made["one_time_password"], "new_password": NEW_PASSWORD})
        self.assertEqual(r.status, 204, r.body)
        advance(self.server.client(), 31)
        r = s.client.post("/api/v1/session/reauth", body={
            "password": NEW_PASSWORD, "totp": totp(s.totp_secret, server_now(s.client))})
        self.assertEqual(r.status, 204, r.body)
        r = s.client.request("PATCH", f"{self.users_path(s)}/{s.user_id}",
                             body={"roles": ["org_admin", "supervisor"]})
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(s.client.get("/api/v1/cases").status, 403)

    def test_a_username_of_another_organization_is_not_confirmed(self):
        me = self.boss_a
        reauth(me, self.server)
        mine = me.client.post(self.users_path(me), body={
            "username": "boss-a", "display_name": "x", "roles": ["advocate"]})
        elsewhere = me.client.post(self.users_path(me), body={
            "username": "boss-b", "display_name": "x", "roles": ["advocate"]})
        self.assertEqual(mine.status, 409, mine.body)
        self.assertEqual(elsewhere.status, 409, elsewhere.body)
        # In her own organization (which she can list anyway) the name is "in use"; elsewhere
        # the refusal gives no reason.
        self.assertIn("사용 중", mine.json()["error"]["fields"]["username"])
        self.assertNotIn("사용 중", elsewhere.body.decode("utf-8"))
        self.assertNotEqual(mine.json()["error"]["message"], elsewhere.json()["error"]["message"])
        # Probing shows in the audit log.
        entries = audit_entries(self.auditor, f"?action=user.create&actor={me.user_id}")
        self.assertIn("conflict", [e["outcome"] for e in entries])


class LockoutTest(unittest.TestCase):
    """Behind the reverse proxy: a guesser can lock a username, but not its owner's browser."""

    def setUp(self):
        self.server = Server()
        self.server.set_config("# trusted_proxies = []", f'trusted_proxies = ["{PROXY}"]')
        add_org(self.server, "org-a", "counseling_center", "KR-11")
        add_user(self.server, "org-a", "org-a-dispatcher", "dispatcher")
        add_user(self.server, "org-a", "org-a-advocate", "advocate")
        self.server.start()

    def tearDown(self):
        self.server.cleanup()

    def browser(self, address):
        return ProxiedClient(self.server.port, address)

    def attempt(self, client, username, password, secret=None):
        body = {"username": username, "password": password}
        if secret:
            advance(self.server.client(), 31)
            body["totp"] = totp(secret, server_now(self.server.client()))
        return client.post("/api/v1/session", body=body)

    def enrolled_dispatcher(self, client):
        r = self.attempt(client, "org-a-dispatcher", PASSWORD)
        self.assertEqual(r.status, 200, r.body)
        client.csrf = r.json()["csrf_token"]
        secret = client.post("/api/v1/me/totp").json()["secret"]
        r = client.post("/api/v1/me/totp/confirm",
                        body={"code": totp(secret, server_now(self.server.client()))})
        self.assertEqual(r.status, 200, r.body)
        return secret

    def test_a_device_cookie_is_host_only_secret_and_long_lived(self):
        her = self.browser("10.1.1.1")
        r = self.attempt(her, "org-a-advocate", PASSWORD)
        self.assertEqual(r.status, 200, r.body)
        cookies = r.headers["set-cookie-all"]
        device = next(c for c in cookies if c.startswith("__Host-dandelion_device="))
        for flag in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=31536000"]:
            self.assertIn(flag, device)
        self.assertNotIn("Domain", device)
        self.assertNotIn("org-a-advocate", device)
        self.assertTrue(any(c.startswith("__Host-dandelion_session=") for c in cookies))

    def test_a_guesser_locks_a_username_but_not_her_browser(self):
        her = self.browser("10.1.1.1")
        secret = self.enrolled_dispatcher(her)
        attacker = self.browser("10.6.6.6")
        for _ in range(5):
            self.assertEqual(self.attempt(attacker, "org-a-dispatcher", "wrong-guess-1").status,
                             401)
        self.assertEqual(self.attempt(attacker, "org-a-dispatcher", PASSWORD).status, 429)
        # A browser she never used, even from her own address, is held by the lock.
        new_browser = self.browser("10.1.1.1")
        r = self.attempt(new_browser, "org-a-dispatcher", PASSWORD, secret)
        self.assertEqual(r.status, 429, r.body)
        # Her own browser signs in.
        r = self.attempt(her, "org-a-dispatcher", PASSWORD, secret)
        self.assertEqual(r.status, 200, r.body)
        # The guesser's address is slowed down: six more failures on other names and it is
        # refused whatever it sends, while other visitors behind the same proxy are not.
        for i in range(6):
            self.attempt(attacker, f"org-a-guess{i}", "wrong-guess-2")
        self.assertEqual(self.attempt(attacker, "org-a-advocate", PASSWORD).status, 429)
        self.assertEqual(self.attempt(self.browser("10.2.2.2"), "org-a-advocate",
                                      PASSWORD).status, 200)
        # Still locked for browsers without her cookie; still open for hers.
        self.assertEqual(self.attempt(self.browser("10.3.3.3"), "org-a-dispatcher", PASSWORD,
                                      secret).status, 429)
        self.assertEqual(self.attempt(her, "org-a-dispatcher", PASSWORD, secret).status, 200)

    def test_a_device_cookie_guesses_no_faster_than_a_username(self):
        her = self.browser("10.1.1.1")
        r = self.attempt(her, "org-a-advocate", PASSWORD)
        self.assertEqual(r.status, 200, r.body)
        attacker = self.browser("10.6.6.6")
        for _ in range(5):
            self.attempt(attacker, "org-a-advocate", "wrong-guess-1")
        # Five failures on her cookie distrust it: from then on it is a new browser, and the
        # username is locked.
        for _ in range(5):
            self.assertEqual(self.attempt(her, "org-a-advocate", "wrong-guess-3").status, 401)
        self.assertEqual(self.attempt(her, "org-a-advocate", PASSWORD).status, 429)
        # A cookie made for one username is worth nothing for another.
        for _ in range(5):
            self.attempt(attacker, "org-a-dispatcher", "wrong-guess-1")
        other = self.browser("10.4.4.4")
        other.cookies = dict(her.cookies)
        other.cookies.pop("__Host-dandelion_session", None)
        self.assertEqual(self.attempt(other, "org-a-dispatcher", PASSWORD).status, 429)

    def test_the_address_back_off_grows_instead_of_starting_over(self):
        guesser = self.browser("10.7.7.7")
        for i in range(11):
            self.assertEqual(self.attempt(guesser, f"guess{i}", "wrong").status, 401)
        self.assertEqual(self.attempt(guesser, "guess-a", "wrong").status, 429)  # 2 s
        advance(self.server.client(), 3)
        self.assertEqual(self.attempt(guesser, "guess-b", "wrong").status, 401)  # now 4 s
        # Each wait stays well inside the grown back-off (the server's clock also runs in real
        # time, which a loaded machine stretches) yet past the one it would be had it started
        # over.
        advance(self.server.client(), 2)
        self.assertEqual(self.attempt(guesser, "guess-c", "wrong").status, 429)
        advance(self.server.client(), 3)
        self.assertEqual(self.attempt(guesser, "guess-d", "wrong").status, 401)  # now 8 s
        advance(self.server.client(), 5)
        self.assertEqual(self.attempt(guesser, "guess-e", "wrong").status, 429)
        # Capped: 15 minutes at most between tries, however many.
        for i in range(12):
            advance(self.server.client(), 15 * 60)
            self.assertEqual(self.attempt(guesser, f"guess-f{i}", "wrong").status, 401)


class PasswordChangeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        add_org(cls.server, "org-a", "counseling_center", "KR-11")
        add_user(cls.server, "org-a", "audit-a", "auditor")
        for name in ["changer", "guessed", "trusted"]:
            add_user(cls.server, "org-a", name, "advocate")
        cls.server.start()
        cls.auditor = sign_in(cls.server, "audit-a")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_a_password_change_ends_every_other_session(self):
        here = sign_in(self.server, "changer")
        there = sign_in(self.server, "changer")
        r = here.client.post("/api/v1/me/password", body={"current_password": PASSWORD,
                                                          "new_password": NEW_PASSWORD})
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(here.client.get("/api/v1/me").status, 200)
        self.assertEqual(there.client.get("/api/v1/me").status, 401)
        sign_in(self.server, "changer", password=NEW_PASSWORD)
        entries = audit_entries(self.auditor, f"?action=user.password_change&entity_id={here.user_id}")
        self.assertEqual([e["outcome"] for e in entries], ["ok"])

    def test_wrong_current_passwords_are_throttled_and_audited(self):
        s = sign_in(self.server, "guessed")
        # A stolen session cookie, without the browser's device cookie.
        s.client.cookies.pop("__Host-dandelion_device", None)
        for _ in range(5):
            r = s.client.post("/api/v1/me/password", body={"current_password": "guess-guess-1",
                                                           "new_password": NEW_PASSWORD})
            self.assertEqual(r.status, 400, r.body)
            self.assertIn("current_password", r.json()["error"]["fields"])
        r = s.client.post("/api/v1/me/password", body={"current_password": PASSWORD,
                                                       "new_password": NEW_PASSWORD})
        self.assertEqual(r.status, 429, r.body)
        # The lock is the sign-in lock: the username is locked for new browsers too.
        r = self.server.client().post("/api/v1/session", body={"username": "guessed",
                                                               "password": PASSWORD})
        self.assertEqual(r.status, 429, r.body)
        entries = audit_entries(self.auditor,
                                f"?action=user.password_change&entity_id={s.user_id}")
        outcomes = [e["outcome"] for e in entries]
        self.assertEqual(outcomes.count("failed"), 5, outcomes)
        self.assertIn("locked", outcomes)
        self.assertTrue(all(e["actor"] for e in entries), entries)


class TotpQrTest(unittest.TestCase):
    """The enrolment QR code, decoded as a phone's camera would, enrols the authenticator."""

    def setUp(self):
        for tool in ["zbarimg", "rsvg-convert"]:
            if not shutil.which(tool):
                self.fail(f"{tool} is missing: run scripts/install-deps --test")
        self.server = Server()
        add_org(self.server, "org-a", "counseling_center", "KR-11")
        add_user(self.server, "org-a", "scanner", "dispatcher")
        self.server.start()
        self.tmp = tempfile.mkdtemp(prefix="dandelion-qr-")

    def tearDown(self):
        self.server.cleanup()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_the_scanned_qr_code_enrols_the_authenticator(self):
        s = sign_in(self.server, "scanner", enrol=False)
        r = s.client.post("/api/v1/me/totp")
        self.assertEqual(r.status, 200, r.body)
        shown = r.json()["secret"]
        svg = os.path.join(self.tmp, "qr.svg")
        png = os.path.join(self.tmp, "qr.png")
        with open(svg, "w", encoding="utf-8") as f:
            f.write(r.json()["qr_svg"])
        subprocess.run(["rsvg-convert", "--background-color=white", "-w", "600", "-o", png, svg],
                       check=True)
        scanned = subprocess.run(["zbarimg", "--raw", "-q", png], capture_output=True, text=True,
                                 check=True).stdout.strip()
        self.assertTrue(scanned.startswith("otpauth://totp/"), scanned)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(scanned).query)
        self.assertEqual(query["secret"], [shown])
        self.assertEqual(query["issuer"], ["Dandelion"])
        # What an authenticator app does with the scanned secret.
        code = totp(query["secret"][0], server_now(s.client))
        r = s.client.post("/api/v1/me/totp/confirm", body={"code": code})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(len(r.json()["recovery_codes"]), 10)


if __name__ == "__main__":
    unittest.main()
