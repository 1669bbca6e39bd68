"""A small synthetic network for security tests: organizations, one user per role, sign-in.

Organizations and users are made with the CLI before the server starts (as an operator would);
users whose roles need a second factor enrol TOTP over HTTP exactly as the web app does.
"""

import base64
import calendar
import hashlib
import hmac
import struct
import time

from harness import run_cli

PASSWORD = "Dandelion-test-pass-9931"

ROLES = ["network_admin", "org_admin", "case_worker", "supervisor", "shelter_staff",
         "dispatcher", "finance", "advocate", "researcher", "auditor"]
NO_MFA_ROLES = {"advocate", "researcher"}


def totp(secret_b32, unix_time, step_offset=0):
    """RFC 6238 TOTP (SHA-1, 6 digits, 30 s) for a base32 secret."""
    padded = secret_b32 + "=" * (-len(secret_b32) % 8)
    key = base64.b32decode(padded)
    counter = unix_time // 30 + step_offset
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000
    return f"{code:06d}"


def server_now(client):
    """The server's clock (test mode lets tests move it)."""
    r = client.post("/api/v1/test/clock/advance", body={"seconds": 0})
    assert r.status == 200, r.body
    return calendar.timegm(time.strptime(r.json()["now"], "%Y-%m-%dT%H:%M:%SZ"))


def advance(client, seconds):
    r = client.post("/api/v1/test/clock/advance", body={"seconds": seconds})
    assert r.status == 200, r.body


def add_org(server, slug, kind, region, name=None):
    run_cli("org", "add", "--data", server.data, "--slug", slug, "--name", name or slug,
            "--kind", kind, "--region", region)


def add_user(server, org, username, roles, password=PASSWORD):
    run_cli("user", "add", "--data", server.data, "--org", org, "--username", username,
            "--role", roles, "--password-stdin", input_text=password + "\n")


class Session:
    """A signed-in user: the client (cookie + CSRF token) and what the server said."""

    def __init__(self, client, body, totp_secret=None):
        self.client = client
        self.body = body
        self.totp_secret = totp_secret

    @property
    def user_id(self):
        return self.body["user"]["id"]

    @property
    def org_id(self):
        return self.body["user"]["org_id"]


def sign_in(server, username, password=PASSWORD, totp_secret=None, enrol=True, lang="ko"):
    """Signs in; enrols TOTP when the server asks for it and enrol is true."""
    c = server.client(lang)
    body = {"username": username, "password": password}
    if totp_secret:
        body["totp"] = totp(totp_secret, server_now(c))
    r = c.post("/api/v1/session", body=body)
    assert r.status == 200, (username, r.status, r.body)
    data = r.json()
    c.csrf = data["csrf_token"]
    secret = totp_secret
    if data["mfa_enrollment_required"] and enrol:
        e = c.post("/api/v1/me/totp")
        assert e.status == 200, e.body
        secret = e.json()["secret"]
        code = totp(secret, server_now(c))
        confirm = c.post("/api/v1/me/totp/confirm", body={"code": code})
        assert confirm.status == 200, confirm.body
        data["recovery_codes"] = confirm.json()["recovery_codes"]
    return Session(c, data, secret)


def build_network(server):
    """Secretariat S (network admin, network auditor), counseling center A and shelter B with
    one user of every other role each. Returns {org_slug: {role: username}}."""
    add_org(server, "sec", "secretariat", "KR-11", "전국연대 사무국")
    add_org(server, "org-a", "counseling_center", "KR-11", "가 상담소")
    add_org(server, "org-b", "support_facility", "KR-26", "나 지원시설")
    users = {"sec": {}, "org-a": {}, "org-b": {}}
    add_user(server, "sec", "sec-network-admin", "network_admin")
    users["sec"]["network_admin"] = "sec-network-admin"
    add_user(server, "sec", "sec-auditor", "auditor")
    users["sec"]["auditor"] = "sec-auditor"
    for org in ["org-a", "org-b"]:
        for role in ROLES:
            if role == "network_admin":
                continue
            name = f"{org}-{role.replace('_', '-')}"
            add_user(server, org, name, role)
            users[org][role] = name
        add_user(server, org, f"{org}-target", "case_worker")
        users[org]["target"] = f"{org}-target"
    return users
