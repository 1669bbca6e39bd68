"""The permission matrix: every route × every role × own / another organization.

Routes come from the server's own OpenAPI document, so a new route cannot escape the matrix:
a route without an expectation here fails the test until someone decides who may use it.
A refused combination must answer 403 or 404; an allowed one must not be refused. Request
bodies are empty objects, so allowed writes stop at validation (400) and change nothing.
"""

import http.client
import unittest

from harness import Response, Server
from network import PASSWORD, ROLES, advance, build_network, server_now, sign_in, totp

USERS = "/api/v1/organizations/{id}/users"
USER = USERS + "/{user_id}"
PERSON = "/api/v1/people/{id}"
CASE = "/api/v1/cases/{id}"
CASE_ROLES = ("case_worker", "supervisor")
HELP = "/api/v1/emergency/requests/{id}"
DISPATCH_ROLES = ("dispatcher", "supervisor")


def anyone(role, scope):
    return True


def roles(*allowed):
    return lambda role, scope: role in allowed


def user_admin(list_or_create):
    """Org admins in their own organization; network admins in their own organization, and
    elsewhere only to list and create (organization administrators)."""
    def check(role, scope):
        if role == "org_admin":
            return scope == "own"
        if role == "network_admin":
            return scope == "own" or list_or_create
        return False
    return check


def own_case_roles(role, scope):
    return role in CASE_ROLES and scope == "own"


EXPECTED = {
    ("POST", "/api/v1/session/reauth"): anyone,
    ("GET", "/api/v1/organizations"): anyone,
    ("POST", "/api/v1/organizations"): roles("network_admin"),
    ("GET", "/api/v1/organizations/{id}"): anyone,
    ("GET", USERS): user_admin(True),
    ("POST", USERS): user_admin(True),
    ("GET", USER): user_admin(False),
    ("PATCH", USER): user_admin(False),
    ("POST", USER + "/disable"): user_admin(False),
    ("POST", USER + "/enable"): user_admin(False),
    ("POST", USER + "/unlock"): user_admin(False),
    ("POST", USER + "/reset-mfa"): user_admin(False),
    ("POST", USER + "/reset-password"): user_admin(False),
    ("GET", "/api/v1/audit"): roles("auditor"),
    ("GET", "/api/v1/audit/verification"): roles("auditor"),
    ("GET", "/api/v1/audit/checkpoints"): roles("auditor"),
    # A checkpoint signs the whole network's log: the secretariat's auditors only, so no role
    # of an ordinary organization (the matrix's roles are org A's) may make one.
    ("POST", "/api/v1/audit/checkpoints"): lambda role, scope: False,
    # Survivors' records: the case roles of her own organization (elsewhere: 404, as if absent).
    ("POST", "/api/v1/people"): roles(*CASE_ROLES),
    ("GET", "/api/v1/people"): roles(*CASE_ROLES),
    ("GET", PERSON): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("PATCH", PERSON): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", PERSON + "/erase"): lambda role, scope: role == "supervisor" and scope == "own",
    # Cases: the case roles of her organization; assignment and restriction are supervisors'.
    ("POST", "/api/v1/cases"): roles(*CASE_ROLES),
    ("GET", "/api/v1/cases"): roles(*CASE_ROLES),
    ("GET", CASE): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("PATCH", CASE): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", CASE + "/assign"): lambda role, scope: role == "supervisor" and scope == "own",
    ("POST", CASE + "/restrict"): lambda role, scope: role == "supervisor" and scope == "own",
    ("POST", CASE + "/close"): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", CASE + "/reopen"): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("POST", CASE + "/break-glass"): lambda role, scope: role in CASE_ROLES and scope == "own",
    ("GET", CASE + "/timeline"): lambda role, scope: role in CASE_ROLES and scope == "own",
    # A case's records: the case roles of her organization (another's: 404, as if absent).
    **{(m, CASE + tail): own_case_roles for m, tail in [
        ("POST", "/services"), ("GET", "/services"), ("POST", "/notes"), ("GET", "/notes"),
        ("POST", "/appointments"), ("GET", "/appointments"), ("POST", "/legal-matters"),
        ("GET", "/legal-matters"),
        ("POST", "/assessments"), ("GET", "/assessments"), ("POST", "/goals"), ("GET", "/goals"),
        ("POST", "/files"), ("GET", "/files")]},
    ("GET", "/api/v1/appointments"): roles(*CASE_ROLES),
    ("GET", "/api/v1/caseload"): roles(*CASE_ROLES),
    # Supervision: supervisors of her own organization (the routes take no organization id).
    ("GET", "/api/v1/supervision/team"): roles("supervisor"),
    ("GET", "/api/v1/supervision/waiting"): roles("supervisor"),
    ("POST", "/api/v1/supervision/reviews"): roles("supervisor"),
    ("POST", "/api/v1/appointments/{id}/cancel"): own_case_roles,
    ("POST", "/api/v1/appointments/{id}/done"): own_case_roles,
    ("PATCH", "/api/v1/legal-matters/{id}"): own_case_roles,
    ("POST", "/api/v1/legal-matters/{id}/hearings"): own_case_roles,
    ("PATCH", "/api/v1/goals/{id}"): own_case_roles,
    ("GET", "/api/v1/files/{id}"): own_case_roles,
    ("POST", PERSON + "/consents"): own_case_roles,
    ("GET", PERSON + "/consents"): own_case_roles,
    ("POST", "/api/v1/consents/{id}/revoke"): own_case_roles,
    # One's own notifications: any signed-in user; another's id is 404.
    ("GET", "/api/v1/notifications"): anyone,
    ("POST", "/api/v1/notifications/{id}/read"): lambda role, scope: False,
    # Help requests: the dispatchers (and supervisors) of the organization they are routed to.
    ("GET", "/api/v1/emergency/requests"): roles(*DISPATCH_ROLES),
    ("POST", "/api/v1/emergency/requests"): roles(*DISPATCH_ROLES),
    ("GET", HELP): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/acknowledge"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/dispatch"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/police"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/resolve"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("POST", HELP + "/link"): lambda role, scope: role in DISPATCH_ROLES and scope == "own",
    ("GET", "/api/v1/emergency/events"): roles(*DISPATCH_ROLES),
    ("GET", "/api/v1/emergency/coverage"): anyone,
    ("PUT", "/api/v1/emergency/coverage"): roles("org_admin"),
    ("GET", "/api/v1/emergency/on-call"): roles("org_admin", *DISPATCH_ROLES),
    ("POST", "/api/v1/emergency/on-call"): roles("org_admin", *DISPATCH_ROLES),
    ("GET", "/api/v1/emergency/measures"): roles("org_admin", "network_admin", *DISPATCH_ROLES),
}

# Routes that answer with an event stream: only the status is read, then the stream is dropped.
STREAMING = {("GET", "/api/v1/emergency/events")}

# Bodies that are well-formed but can never succeed, so that allowed callers reach the service's
# record-level checks and validation (400) and refused ones get 403/404, and nothing changes.
BODIES = {
    ("POST", "/api/v1/organizations"): {"slug": "-bad-", "name": "x", "kind": "secretariat",
                                        "region": "KR-11"},
    ("POST", USERS): {"username": "x", "display_name": "x", "roles": ["case_worker"]},
    ("PATCH", USER): {"roles": ["not_a_role"]},
    ("PATCH", PERSON): {"categories": ["not_a_category"]},
    ("POST", PERSON + "/erase"): {"reason": " "},
    ("PATCH", CASE): {"risk_level": "extreme"},
    ("POST", CASE + "/assign"): {"user_ids": ["nobody"]},
    ("POST", CASE + "/restrict"): {"restricted": False},
    ("POST", CASE + "/close"): {"reason": "bored"},
    ("POST", CASE + "/reopen"): {"reason": " "},
    ("POST", CASE + "/break-glass"): {"reason": " "},
    # Case records: the right shape with a value the service refuses after finding the record.
    ("POST", CASE + "/services"): {"type": "haircut", "date": "2026-01-01", "minutes": 1},
    ("POST", CASE + "/notes"): {"text": " "},
    ("POST", CASE + "/appointments"): {"starts_at": "2026-01-01T00:00:00Z", "kind": "party"},
    ("POST", CASE + "/legal-matters"): {"kind": "parking", "status": "trial"},
    ("POST", CASE + "/assessments"): {"ratings": {"luck": 1}},
    ("POST", CASE + "/goals"): {"title": " "},
    ("POST", "/api/v1/legal-matters/{id}/hearings"): {"at": "2026-01-01T00:00:00Z",
                                                      "kind": "party"},
    ("PATCH", "/api/v1/legal-matters/{id}"): {"status": "won"},
    ("PATCH", "/api/v1/goals/{id}"): {"status": "someday"},
    ("POST", PERSON + "/consents"): {"kind": "gossip", "method": "verbal"},
    # The appointments and the consent are already cancelled/revoked: 409, nothing changes.
    ("POST", "/api/v1/appointments/{id}/cancel"): {},
    ("POST", "/api/v1/consents/{id}/revoke"): {},
    ("POST", "/api/v1/supervision/reviews"): {"kind": "holiday", "subject_id": "x"},
    ("PUT", "/api/v1/emergency/coverage"): {"regions": ["KR-99"]},
    ("POST", HELP + "/police"): {"station": "x", "notified_at": "not a time"},
    ("POST", HELP + "/resolve"): {"outcome": "rescued"},
    ("POST", HELP + "/link"): {"person_id": "x"},
}

# Routes of one's own session: any signed-in user, never about anyone else.
OWN_SESSION = "own_session"


class PermissionMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        cls.server.start()
        c = cls.server.client()
        doc = c.get("/api/v1/openapi.json").json()
        cls.routes = []
        for path, ops in doc["paths"].items():
            for method, op in ops.items():
                if isinstance(op, dict) and "x-permission" in op:
                    cls.routes.append((method.upper(), path, op["x-permission"]))
        cls.sessions = {}
        for role in ROLES:
            org = "sec" if role == "network_admin" else "org-a"
            s = sign_in(cls.server, cls.users[org][role])
            cls.sessions[role] = s
        # Re-authenticate every session (on a fresh TOTP step), so routes that need a recent
        # re-authentication are judged on permissions alone.
        advance(cls.server.client(), 31)
        now = server_now(cls.server.client())
        for s in cls.sessions.values():
            body = {"password": PASSWORD}
            if s.totp_secret:
                body["totp"] = totp(s.totp_secret, now)
            r = s.client.post("/api/v1/session/reauth", body=body)
            assert r.status == 204, r.body
        cls.org_ids = {}
        admin = cls.sessions["network_admin"]
        for org in admin.client.get("/api/v1/organizations").json()["items"]:
            cls.org_ids[org["slug"]] = org["id"]
        cls.target_ids = {}
        for slug in ["sec", "org-a", "org-b"]:
            # Users are listed by the console-made org admins; find targets by signing in as
            # each organization's admin is not needed: the network admin lists org admins only,
            # so targets are found through the org admins of A and B.
            pass
        a_admin = cls.sessions["org_admin"]
        for u in a_admin.client.get(f"/api/v1/organizations/{cls.org_ids['org-a']}/users").json()[
                "items"]:
            if u["username"] == "org-a-target":
                cls.target_ids["org-a"] = u["id"]
        b_admin = sign_in(cls.server, cls.users["org-b"]["org_admin"])
        for u in b_admin.client.get(f"/api/v1/organizations/{cls.org_ids['org-b']}/users").json()[
                "items"]:
            if u["username"] == "org-b-target":
                cls.target_ids["org-b"] = u["id"]
        # A case worker of the secretariat, for the network admin's own-organization cases.
        cls.target_ids["sec"] = next(
            u["id"] for u in admin.client.get(
                f"/api/v1/organizations/{cls.org_ids['sec']}/users").json()["items"]
            if u["username"] == "sec-auditor")
        # A person in each organization, for the /api/v1/people/{id} routes. The network admin
        # is refused by role before any lookup, so the secretariat's id needs no real person.
        cls.person_ids = {"sec": "0" * 26}
        b_worker = sign_in(cls.server, cls.users["org-b"]["case_worker"])
        for slug, s in [("org-a", cls.sessions["case_worker"]), ("org-b", b_worker)]:
            r = s.client.post("/api/v1/people", body={"legal_name": "매트릭스 " + slug})
            assert r.status == 201, r.body
            cls.person_ids[slug] = r.json()["id"]
        cls.case_ids = {"sec": "0" * 26}
        for slug, s in [("org-a", cls.sessions["case_worker"]), ("org-b", b_worker)]:
            r = s.client.post("/api/v1/cases", body={
                "person_id": cls.person_ids[slug], "intake_channel": "hotline",
                "risk_level": "low", "summary": "matrix"})
            assert r.status == 201, r.body
            cls.case_ids[slug] = r.json()["id"]

        # A record of each kind in each organization, for the routes that address records by
        # their own id. The appointment is cancelled and the consent revoked already, so that
        # allowed callers get 409 and nothing changes.
        cls.record_ids = {kind: {"sec": "0" * 26} for kind in
                          ("appointments", "legal-matters", "goals", "files", "consents")}
        for slug, s in [("org-a", cls.sessions["case_worker"]), ("org-b", b_worker)]:
            case = f"/api/v1/cases/{cls.case_ids[slug]}"
            made = {
                "appointments": s.client.post(case + "/appointments", body={
                    "starts_at": "2026-01-01T00:00:00Z", "kind": "visit"}),
                "legal-matters": s.client.post(case + "/legal-matters", body={
                    "kind": "family", "status": "trial"}),
                "goals": s.client.post(case + "/goals", body={"title": "matrix"}),
                "files": s.client.request("POST", case + "/files?kind=other&name=m.txt",
                                          raw=b"matrix",
                                          headers={"Content-Type": "application/octet-stream"}),
                "consents": s.client.post(f"/api/v1/people/{cls.person_ids[slug]}/consents",
                                          body={"kind": "statistics", "method": "verbal"}),
            }
            for kind, r in made.items():
                assert r.status == 201, (kind, r.body)
                cls.record_ids[kind][slug] = r.json()["id"]
            ids = {k: v[slug] for k, v in cls.record_ids.items()}
            assert s.client.post(f"/api/v1/appointments/{ids['appointments']}/cancel").status == 200
            assert s.client.post(f"/api/v1/consents/{ids['consents']}/revoke").status == 200
        # A help request in A and in B, resolved at once so that the matrix's calls (acknowledge
        # takes no body) answer 409 and change nothing.
        cls.help_ids = {"sec": "0" * 26}
        b_dispatcher = sign_in(cls.server, cls.users["org-b"]["dispatcher"])
        for slug, s in [("org-a", cls.sessions["dispatcher"]), ("org-b", b_dispatcher)]:
            r = s.client.post("/api/v1/emergency/requests", body={
                "channel": "hotline", "region": "KR-11", "situation": "매트릭스 " + slug})
            assert r.status == 201, r.body
            cls.help_ids[slug] = r.json()["id"]
            r = s.client.post(f"/api/v1/emergency/requests/{cls.help_ids[slug]}/resolve",
                              body={"outcome": "not_genuine"})
            assert r.status == 200, r.body

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def fill(self, path, org_slug):
        for kind, ids in self.record_ids.items():
            if path.startswith(f"/api/v1/{kind}/"):
                return path.replace("{id}", ids[org_slug])
        if path.startswith("/api/v1/people/"):
            return path.replace("{id}", self.person_ids[org_slug])
        if path.startswith("/api/v1/cases/"):
            return path.replace("{id}", self.case_ids[org_slug])
        if path.startswith("/api/v1/emergency/requests/"):
            return path.replace("{id}", self.help_ids[org_slug])
        return path.replace("{id}", self.org_ids[org_slug]).replace(
            "{user_id}", self.target_ids[org_slug])

    def call(self, client, method, template, path):
        if (method, template) in STREAMING:
            conn = http.client.HTTPConnection("127.0.0.1", client.port, timeout=30)
            cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
            conn.request(method, path, headers={"Cookie": cookie} if cookie else {})
            r = conn.getresponse()
            body = r.read() if r.status != 200 else b""
            conn.close()
            return Response(r.status, {}, body)
        body = BODIES.get((method, template), {} if method in ("POST", "PATCH", "PUT") else None)
        return client.request(method, path, body=body)

    def test_every_route_has_an_expectation(self):
        missing = [(m, p) for m, p, perm in self.routes
                   if perm not in ("public", OWN_SESSION) and (m, p) not in EXPECTED]
        self.assertEqual(missing, [], "decide who may use these routes and add them above")

    def test_anonymous_callers_are_refused_everything_but_public_routes(self):
        anon = self.server.client()
        for method, path, perm in self.routes:
            if perm == "public":
                continue
            r = self.call(anon, method, path, self.fill(path, "org-a"))
            self.assertEqual(r.status, 401, (method, path, r.body))

    def test_every_role_in_every_scope_gets_exactly_its_permissions(self):
        checked = 0
        for method, path, perm in self.routes:
            if perm in ("public", OWN_SESSION) or (method, path) not in EXPECTED:
                continue
            allowed = EXPECTED[(method, path)]
            for role in ROLES:
                own, other = ("sec", "org-a") if role == "network_admin" else ("org-a", "org-b")
                scopes = [("own", own), ("other", other)] if "{id}" in path else [("own", own)]
                for scope, org in scopes:
                    session = self.sessions[role]
                    r = self.call(session.client, method, path, self.fill(path, org))
                    where = (method, path, role, scope, r.status, r.body[:200])
                    if allowed(role, scope):
                        self.assertNotIn(r.status, (401, 403, 404), where)
                    else:
                        self.assertIn(r.status, (403, 404), where)
                        # A caller who may do this in her own organization learns nothing
                        # about another's records: they answer as if absent.
                        if scope == "other" and allowed(role, "own") and r.status != 404:
                            self.fail(("another organization's user must answer 404",) + where)
                    checked += 1
        self.assertGreater(checked, 100)


if __name__ == "__main__":
    unittest.main()
