"""Black-box tests of sign-in, sessions, TOTP, throttling and CSRF (docs/security.md)."""

import os
import unittest

from harness import Server, backend, run_cli
from network import (PASSWORD, add_org, add_user, advance, server_now, sign_in, totp)


class SecurityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        add_org(cls.server, "org-a", "counseling_center", "KR-11")
        add_org(cls.server, "org-b", "counseling_center", "KR-26")
        add_user(cls.server, "org-a", "admin-a", "org_admin")
        for name in ["worker", "locky", "replay", "idle", "drowsy", "absolute", "victim", "sleepy",
                     "reauth", "csrf"]:
            add_user(cls.server, "org-a", name, "case_worker")
        add_user(cls.server, "org-a", "writer", "advocate")
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    secrets = {}

    def anon(self, lang="ko"):
        return self.server.client(lang)

    def login(self, username):
        """Signs in again with the user's TOTP, on a fresh time step (codes are single-use)."""
        secret = self.secrets.get(username)
        if secret:
            advance(self.anon(), 31)
        s = sign_in(self.server, username, totp_secret=secret)
        self.secrets[username] = s.totp_secret
        return s

    def test_session_cookie_has_host_prefix_and_strict_flags(self):
        c = self.anon()
        r = c.post("/api/v1/session", body={"username": "writer", "password": PASSWORD})
        self.assertEqual(r.status, 200, r.body)
        cookie = r.header("set-cookie")
        self.assertTrue(cookie.startswith("__Host-dandelion_session="))
        for flag in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"]:
            self.assertIn(flag, cookie)
        self.assertNotIn("Domain", cookie)
        token = cookie.split(";")[0].split("=", 1)[1]
        self.assertEqual(len(token), 64)

    def test_unknown_user_and_wrong_password_get_the_same_answer(self):
        a = self.anon().post("/api/v1/session", body={"username": "nobody", "password": "x" * 12})
        b = self.anon().post("/api/v1/session", body={"username": "worker", "password": "x" * 12})
        self.assertEqual(a.status, 401)
        self.assertEqual(b.status, 401)
        self.assertEqual(a.json()["error"]["message"], b.json()["error"]["message"])
        self.assertEqual(a.json()["error"]["code"], "unauthenticated")

    def test_sign_in_errors_speak_english_when_asked(self):
        r = self.anon("en").post("/api/v1/session", body={"username": "nobody",
                                                          "password": "x" * 12})
        self.assertIn("username or password", r.json()["error"]["message"])

    def test_a_used_totp_code_is_refused_the_second_time(self):
        s = sign_in(self.server, "replay")
        now = server_now(s.client)
        code = totp(s.totp_secret, now)
        # Codes from the enrolment step are spent; move to a fresh step for this test.
        advance(s.client, 60)
        code = totp(s.totp_secret, now + 60)
        first = self.anon().post("/api/v1/session", body={"username": "replay",
                                                          "password": PASSWORD, "totp": code})
        self.assertEqual(first.status, 200, first.body)
        again = self.anon().post("/api/v1/session", body={"username": "replay",
                                                          "password": PASSWORD, "totp": code})
        self.assertEqual(again.status, 401)

    def test_an_enrolled_user_without_a_code_gets_mfa_required(self):
        self.login("worker")
        r = self.anon().post("/api/v1/session", body={"username": "worker", "password": PASSWORD})
        self.assertEqual(r.status, 401)
        self.assertEqual(r.json()["error"]["code"], "mfa_required")
        self.assertNotIn("set-cookie", r.headers)

    def test_a_session_without_mfa_can_only_enrol(self):
        s = sign_in(self.server, "victim", enrol=False)
        self.assertTrue(s.body["mfa_enrollment_required"])
        self.assertEqual(s.client.get("/api/v1/me").status, 200)
        r = s.client.get("/api/v1/organizations")
        self.assertEqual(r.status, 403)

    def test_state_changes_need_the_csrf_token(self):
        s = sign_in(self.server, "csrf")
        token = s.client.csrf
        s.client.csrf = None
        r = s.client.post("/api/v1/me/language", body={"language": "en"})
        self.assertEqual(r.status, 403)
        s.client.csrf = "0" * 64
        r = s.client.post("/api/v1/me/language", body={"language": "en"})
        self.assertEqual(r.status, 403)
        s.client.csrf = token
        r = s.client.post("/api/v1/me/language", body={"language": "en"})
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(s.client.get("/api/v1/me").json()["user"]["language"], "en")

    def test_sign_out_ends_the_session_on_the_server(self):
        s = sign_in(self.server, "writer")
        cookie = dict(s.client.cookies)
        self.assertEqual(s.client.delete("/api/v1/session").status, 204)
        s.client.cookies = cookie
        self.assertEqual(s.client.get("/api/v1/me").status, 401)

    def test_idle_sessions_end_after_fifteen_minutes(self):
        s = sign_in(self.server, "idle")
        advance(s.client, 14 * 60)
        self.assertEqual(s.client.get("/api/v1/me").status, 200)
        advance(s.client, 16 * 60)
        self.assertEqual(s.client.get("/api/v1/me").status, 401)

    def test_a_board_refreshing_itself_does_not_keep_the_session_alive(self):
        s = sign_in(self.server, "drowsy")
        background = {"X-Background-Refresh": "1"}
        # A board reading itself every 4m50s with nobody there: each read finds the session alive
        # (14m30s idle at the last), and the next minute ends it. Not exactly 15 minutes: the
        # real seconds the test takes count too, and would make the last read land past the edge.
        for _ in range(3):
            advance(s.client, 290)
            self.assertEqual(s.client.get("/api/v1/me", headers=background).status, 200)
        advance(s.client, 60)
        self.assertEqual(s.client.get("/api/v1/me", headers=background).status, 401)

    def test_sessions_end_after_twelve_hours_however_active(self):
        s = sign_in(self.server, "absolute")
        for _ in range(12 * 6 + 1):
            advance(s.client, 10 * 60)
            r = s.client.get("/api/v1/me")
            if r.status != 200:
                break
        self.assertEqual(s.client.get("/api/v1/me").status, 401)

    def test_disabling_a_user_ends_their_sessions(self):
        victim = sign_in(self.server, "sleepy")
        admin = self.login("admin-a")
        r = admin.client.post(
            f"/api/v1/organizations/{admin.org_id}/users/{victim.user_id}/disable")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["disabled"])
        self.assertEqual(victim.client.get("/api/v1/me").status, 401)
        r = self.anon().post("/api/v1/session", body={"username": "sleepy", "password": PASSWORD,
                                                      "totp": totp(victim.totp_secret,
                                                                   server_now(admin.client),
                                                                   1)})
        self.assertEqual(r.status, 403)

    def test_reauthentication_checks_the_password(self):
        s = sign_in(self.server, "reauth")
        advance(s.client, 31)
        r = s.client.post("/api/v1/session/reauth", body={"password": "not-the-password"})
        self.assertEqual(r.status, 401)
        r = s.client.post("/api/v1/session/reauth", body={
            "password": PASSWORD, "totp": totp(s.totp_secret, server_now(s.client))})
        self.assertEqual(r.status, 204, r.body)

    def test_a_one_time_password_must_be_replaced_before_work(self):
        admin = self.login("admin-a")
        r = admin.client.post(f"/api/v1/organizations/{admin.org_id}/users", body={
            "username": "newbie", "display_name": "새 활동가", "roles": ["advocate"]})
        self.assertEqual(r.status, 201, r.body)
        one_time = r.json()["one_time_password"]
        s = sign_in(self.server, "newbie", password=one_time)
        self.assertTrue(s.body["password_change_required"])
        self.assertEqual(s.client.get("/api/v1/organizations").status, 403)
        r = s.client.post("/api/v1/me/password", body={"current_password": one_time,
                                                       "new_password": "password"})
        self.assertEqual(r.status, 400)
        self.assertIn("new_password", r.json()["error"]["fields"])
        r = s.client.post("/api/v1/me/password", body={"current_password": one_time,
                                                       "new_password": "Gunsan-2006-pilgrimage"})
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(s.client.get("/api/v1/organizations").status, 200)

    def test_accounts_unused_for_ninety_days_are_disabled(self):
        server = Server()
        try:
            add_org(server, "org-x", "counseling_center", "KR-11")
            add_user(server, "org-x", "dormant", "advocate")
            server.start()
            c = server.client()
            advance(c, 91 * 24 * 3600)
            r = c.post("/api/v1/session", body={"username": "dormant", "password": PASSWORD})
            self.assertEqual(r.status, 403)
            self.assertEqual(r.json()["error"]["code"], "forbidden")
        finally:
            server.cleanup()

    def test_secrets_are_not_stored_in_clear_anywhere_in_the_data_dir(self):
        s = self.login("admin-a")
        import base64
        raw = base64.b32decode(s.totp_secret + "=" * (-len(s.totp_secret) % 8))
        if backend() != "sqlite":
            self.skipTest("the data dir holds no database on PostgreSQL")
        backup = os.path.join(self.server.tmp, "secrets-backup.db")
        run_cli("backup", "--data", self.server.data, "--out", backup)
        files = [backup, self.server.log_path]
        for name in os.listdir(self.server.data):
            path = os.path.join(self.server.data, name)
            if os.path.isfile(path):
                files.append(path)
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            for secret in [raw, s.totp_secret.encode(), PASSWORD.encode(),
                           s.client.cookies["__Host-dandelion_session"].encode()]:
                self.assertNotIn(secret, data, path)


class ThrottleTest(unittest.TestCase):
    """Failures from one address; a server of its own so other tests are not slowed."""

    def setUp(self):
        self.server = Server()
        add_org(self.server, "org-a", "counseling_center", "KR-11")
        add_user(self.server, "org-a", "admin-a", "org_admin")
        add_user(self.server, "org-a", "locky", "case_worker")
        self.server.start()

    def tearDown(self):
        self.server.cleanup()

    def anon(self):
        return self.server.client()

    def test_five_failures_lock_the_account_for_fifteen_minutes(self):
        for _ in range(5):
            r = self.anon().post("/api/v1/session", body={"username": "locky",
                                                          "password": "wrong-password-1"})
            self.assertEqual(r.status, 401)
        r = self.anon().post("/api/v1/session", body={"username": "locky", "password": PASSWORD})
        self.assertEqual(r.status, 429)
        self.assertEqual(r.json()["error"]["code"], "rate_limited")
        # An unknown username locks the same way, so a lockout reveals nothing.
        for _ in range(5):
            self.anon().post("/api/v1/session", body={"username": "ghost", "password": "wrong"})
        r = self.anon().post("/api/v1/session", body={"username": "ghost", "password": "wrong"})
        self.assertEqual(r.status, 429)
        # The org admin can lift the lock.
        advance(self.anon(), 60)  # let the address back-off (seconds) pass
        admin = sign_in(self.server, "admin-a")
        users = admin.client.get(f"/api/v1/organizations/{admin.org_id}/users").json()["items"]
        locky = next(u for u in users if u["username"] == "locky")
        self.assertTrue(locky["locked"])
        r = admin.client.post(f"/api/v1/organizations/{admin.org_id}/users/{locky['id']}/unlock")
        self.assertEqual(r.status, 200, r.body)
        self.assertFalse(r.json()["locked"])
        sign_in(self.server, "locky")

    def test_many_failures_from_one_address_slow_it_down(self):
        for i in range(11):
            self.anon().post("/api/v1/session", body={"username": f"guess{i}", "password": "x"})
        r = self.anon().post("/api/v1/session", body={"username": "admin-a", "password": PASSWORD})
        self.assertEqual(r.status, 429)
        advance(self.anon(), 60)
        sign_in(self.server, "admin-a")


if __name__ == "__main__":
    unittest.main()
