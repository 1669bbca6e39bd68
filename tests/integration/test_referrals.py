"""Black-box tests of referrals between member organizations, the network directory and her
exclusions (docs/api-referrals.md).

Counseling center A refers a woman to shelter B; C is a third member. Her consent is enforced:
no consent, a consent for another organization, one that does not cover a shared field, an
expired one, one revoked mid-flight, and an organization or region she excluded are all refused,
and then nothing of her reaches the receiver (its API and its rows in the database). Before
acceptance the receiver's view names nobody; accepting gives it its own person holding exactly
the shared fields, sealed under its own keys, and its own case; a transfer closes the sender's
case. A third organization gets 404 on everything. Every step is audited for both sides.
"""

import time
import unittest

from harness import Server, backend
from network import add_org, add_user, advance, build_network, server_now, sign_in
from test_cases import CASES, INTAKE
from test_people import MINJI, sql

REFERRALS = "/api/v1/referrals"
DIRECTORY = "/api/v1/directory"


def in_clear(server, table, column, value, where="1 = 1"):
    """How many rows hold value's UTF-8 bytes anywhere in a (sealed) column."""
    if backend() == "sqlite":
        test = f"instr({column}, CAST('{value}' AS BLOB)) > 0"
    else:
        test = f"position(convert_to('{value}', 'UTF8') in {column}) > 0"
    return int(sql(server, f"SELECT COUNT(*) FROM {table} WHERE {where} AND {test}"))


class ReferralsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_org(cls.server, "org-c", "self_reliance_center", "KR-41", "다 자활센터")
        for role in ("case_worker", "org_admin"):
            add_user(cls.server, "org-c", f"org-c-{role.replace('_', '-')}", role)
        cls.server.start()
        cls.names = {"a": cls.users["org-a"]["case_worker"],
                     "a_sup": cls.users["org-a"]["supervisor"],
                     "b": cls.users["org-b"]["case_worker"],
                     "b_sup": cls.users["org-b"]["supervisor"],
                     "b_admin": cls.users["org-b"]["org_admin"],
                     "c": "org-c-case-worker", "c_admin": "org-c-org-admin"}
        cls.sign_in_all()
        cls.b_id = cls.b.org_id
        cls.c_id = cls.c.org_id
        for admin, regions in ((cls.b_admin, ["KR-26", "KR-48"]), (cls.c_admin, ["KR-41"])):
            r = admin.client.request("PUT", DIRECTORY + "/profile", body={
                "regions": regions, "services": ["housing_support", "counseling"],
                "languages": ["ko", "vi"], "accepting": True,
                "intake_contact": "051-000-0000 (평일 9-18시)", "response_days": 3})
            assert r.status == 200, r.body

    @classmethod
    def sign_in_all(cls):
        for attr, name in cls.names.items():
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, name,
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        # A test that moves the clock by hours ends every session: sign in again (on a fresh
        # TOTP step).
        if self.a.client.get("/api/v1/me").status == 401:
            advance(self.server.client(), 31)
            self.sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # -- helpers ---------------------------------------------------------------------------------

    def her(self, **extra):
        """A new woman of A with an open case."""
        r = self.a.client.post("/api/v1/people", body={**MINJI, **extra})
        self.assertEqual(r.status, 201, r.body)
        person = r.json()
        r = self.a.client.post(CASES, body={**INTAKE, "person_id": person["id"]})
        self.assertEqual(r.status, 201, r.body)
        return person, r.json()

    def consent(self, person, org_id=None, fields=("alias", "phone"), session=None, **extra):
        scope = {"fields": list(fields)}
        if org_id:
            scope["org_id"] = org_id
        scope.update(extra.pop("scope", {}))
        r = (session or self.a).client.post(f"/api/v1/people/{person['id']}/consents", body={
            "kind": "referral_sharing", "scope": scope, "method": "written", **extra})
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def send(self, case, to=None, share=("alias", "phone"), session=None, **extra):
        body = {"case_id": case["id"], "to_org_id": to or self.b_id, "kind": "referral",
                "services": ["housing_support"], "urgency": "routine",
                "note": "야간 외출 제한이 필요함", "share": list(share), **extra}
        return (session or self.a).client.post(REFERRALS, body=body)

    def b_people(self):
        return int(sql(self.server, f"SELECT COUNT(*) FROM people WHERE org_id = '{self.b_id}'"))

    def referral_rows(self, case):
        return int(sql(self.server,
                       f"SELECT COUNT(*) FROM referrals WHERE from_case_id = '{case['id']}'"))

    def assert_refused(self, r, code, case):
        """Refused with code; no referral row, no person at the receiver."""
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["code"], code)
        self.assertEqual(self.referral_rows(case), 0)

    def assert_names_nobody(self, body):
        text = str(body)
        for value in (MINJI["legal_name"], MINJI["alias"], MINJI["phone"], MINJI["birth_date"],
                      MINJI["safe_contact"]):
            self.assertNotIn(value, text)

    # -- the directory ---------------------------------------------------------------------------

    def test_directory_lists_members_with_their_profiles_and_never_an_address(self):
        r = self.a.client.get(DIRECTORY)
        self.assertEqual(r.status, 200, r.body)
        items = {e["org_id"]: e for e in r.json()["items"]}
        b = items[self.b_id]
        self.assertEqual(b["kind"], "support_facility")
        self.assertEqual(b["regions"], ["KR-26", "KR-48"])
        self.assertTrue(b["accepting"])
        self.assertIn("intake_contact", b)
        self.assertNotIn("address", b)
        # Filters: need, region, language, accepting.
        found = lambda q: {e["org_id"] for e in self.a.client.get(DIRECTORY + q).json()["items"]}
        self.assertEqual(found("?region=KR-48"), {self.b_id})
        self.assertEqual(found("?service=housing_support&language=vi"), {self.b_id, self.c_id})
        self.assertNotIn(self.a.org_id, found("?accepting=true"))
        self.assertEqual(found("?service=medical"), set())
        self.assertEqual(self.a.client.get(DIRECTORY + "?region=KR-99").status, 400)
        # Every signed-in role reads it; one entry by id too.
        r = self.b_admin.client.get(f"{DIRECTORY}/{self.c_id}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["name"], "다 자활센터")

    def test_only_an_org_admin_edits_her_organizations_profile_and_bad_values_change_nothing(self):
        body = {"regions": ["KR-26"], "services": ["counseling"], "languages": ["ko"],
                "accepting": False, "intake_contact": "", "response_days": 2}
        r = self.b.client.request("PUT", DIRECTORY + "/profile", body=body)
        self.assertEqual(r.status, 403, r.body)
        for bad in ({"regions": ["KR-99"]}, {"services": ["haircut"]}, {"response_days": 0},
                    {"languages": ["korean"]}, {"accepting": "yes"}):
            r = self.b_admin.client.request("PUT", DIRECTORY + "/profile", body={**body, **bad})
            self.assertEqual(r.status, 400, (bad, r.body))
        self.assertTrue(self.a.client.get(f"{DIRECTORY}/{self.b_id}").json()["accepting"])

    # -- refusals: nothing of her reaches the receiver -------------------------------------------

    def test_without_consent_the_referral_is_refused_and_nothing_reaches_the_receiver(self):
        before = self.b_people()
        person, case = self.her()
        self.assert_refused(self.send(case), "consent_required", case)
        # A consent for another organization does not cover B.
        self.consent(person, self.c_id)
        self.assert_refused(self.send(case), "consent_required", case)
        # A consent for B that does not cover the phone.
        self.consent(person, self.b_id, fields=("alias",))
        self.assert_refused(self.send(case), "consent_required", case)
        # Services consent is not referral consent.
        r = self.a.client.post(f"/api/v1/people/{person['id']}/consents", body={
            "kind": "services", "method": "verbal"})
        self.assertEqual(r.status, 201, r.body)
        self.assert_refused(self.send(case), "consent_required", case)
        self.assertEqual(self.b_people(), before)
        incoming = self.b.client.get(REFERRALS + "?direction=incoming").json()["items"]
        self.assertNotIn(case["id"], str(incoming))
        # The refusal is audited at the sender.
        self.assertIn("consent_required", sql(
            self.server, "SELECT outcome FROM audit_log WHERE action = 'referral.create' "
                         f"AND entity_id = '{case['id']}'"))

    def test_an_expired_consent_does_not_count(self):
        person, case = self.her()
        soon = time.strftime("%Y-%m-%dT%H:%M:%SZ",
                             time.gmtime(server_now(self.server.client()) + 120))
        self.consent(person, self.b_id, expires_at=soon)
        advance(self.server.client(), 180)
        self.assert_refused(self.send(case), "consent_required", case)

    def test_her_exclusions_refuse_the_organization_and_the_region(self):
        person, case = self.her()
        self.consent(person, self.b_id)
        path = f"/api/v1/people/{person['id']}/exclusions"
        r = self.a.client.post(path, body={"org_id": self.b_id})
        self.assertEqual(r.status, 201, r.body)
        by_org = r.json()
        self.assertEqual(by_org["org_name"], "나 지원시설")
        self.assert_refused(self.send(case), "excluded", case)
        # The directory marks it for her worker.
        marked = {e["org_id"]: e.get("excluded") for e in
                  self.a.client.get(f"{DIRECTORY}?person_id={person['id']}").json()["items"]}
        self.assertTrue(marked[self.b_id])
        self.assertFalse(marked[self.c_id])
        # A region B serves (not its own) excludes it too.
        self.assertEqual(self.a.client.delete(f"{path}/{by_org['id']}").status, 204)
        self.assertEqual(self.a.client.delete(f"{path}/{by_org['id']}").status, 409)
        r = self.a.client.post(path, body={"region": "KR-48"})
        self.assertEqual(r.status, 201, r.body)
        self.assert_refused(self.send(case), "excluded", case)
        # What she excluded is sealed, and another organization cannot see or touch it.
        self.assertEqual(in_clear(self.server, "person_exclusions", "target", "KR-48"), 0)
        self.assertEqual(self.b.client.get(path).status, 404)
        self.assertEqual(self.b.client.post(path, body={"region": "KR-11"}).status, 404)
        listed = self.a.client.get(path).json()["items"]
        self.assertEqual([x["region"] for x in listed], ["KR-48"])
        # Her worker's reads are audited, and so is the other organization's probe.
        seen = sql(self.server, "SELECT org_id || ' ' || outcome FROM audit_log WHERE action = "
                                f"'exclusion.list' AND entity_id = '{person['id']}'").splitlines()
        self.assertIn(f"{self.a.org_id} ok", seen)
        self.assertIn(f"{self.b_id} not_found", seen)
        # Bad input: both or neither, an unknown region.
        for bad in ({}, {"org_id": self.c_id, "region": "KR-11"}, {"region": "KR-99"}):
            self.assertEqual(self.a.client.post(path, body=bad).status, 400, bad)

    def test_bad_input_is_refused_with_the_field_named_and_nothing_written(self):
        person, case = self.her()
        self.consent(person, self.b_id)
        for bad, field in ((dict(services=["haircut"]), "services"),
                           (dict(urgency="soon"), "urgency"),
                           (dict(kind="loan"), "kind"),
                           (dict(share=["password"]), "share"),
                           (dict(services=[]), "services"),
                           (dict(to_org_id=self.a.org_id), "to_org_id")):
            r = self.send(case, **bad)
            self.assertEqual(r.status, 400, (bad, r.body))
            self.assertIn(field, r.json()["error"]["fields"], r.body)
        r = self.a.client.post(REFERRALS, body={"to_org_id": self.b_id})
        self.assertEqual(r.status, 400)
        r = self.a.client.request("POST", REFERRALS, raw=b'{"case_id": "\xff"}',
                                  headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400)
        self.assertIn("message", r.json()["error"])
        self.assertEqual(self.referral_rows(case), 0)
        # An unknown receiver, another organization's case.
        r = self.send(case, to="0" * 26)
        self.assertEqual(r.status, 400, r.body)
        r = self.send(case, session=self.c)
        self.assertEqual(r.status, 404, r.body)

    # -- the referral's life ---------------------------------------------------------------------

    def test_the_receiver_decides_on_what_it_needs_then_gets_exactly_the_shared_fields(self):
        before = self.b_people()
        person, case = self.her()
        self.consent(person, self.b_id, fields=("alias", "phone", "languages"))
        r = self.send(case, share=["alias", "phone"], urgency="urgent")
        self.assertEqual(r.status, 201, r.body)
        sent = r.json()
        self.assertEqual(sent["status"], "sent")
        self.assertEqual(sent["direction"], "outgoing")
        self.assertEqual(sent["person"]["id"], person["id"])
        self.assertEqual(sent["case"]["id"], case["id"])
        # Before acceptance: no person at B, and B's view names nobody.
        self.assertEqual(self.b_people(), before)
        view = self.b.client.get(f"{REFERRALS}/{sent['id']}")
        self.assertEqual(view.status, 200, view.body)
        seen = view.json()
        self.assertIsNone(seen["person"])
        self.assertIsNone(seen["case"])
        self.assertEqual(seen["direction"], "incoming")
        self.assertEqual(seen["age_band"], person["age_band"])
        self.assertEqual(seen["languages"], ["ko"])
        self.assertEqual(seen["note"], "야간 외출 제한이 필요함")
        self.assert_names_nobody(seen)
        self.assert_names_nobody(self.b.client.get(REFERRALS + "?direction=incoming").body)
        # A third organization: 404 on the referral and its steps.
        for method, tail, body in (("GET", "", None), ("POST", "/accept", {}),
                                   ("POST", "/decline", {"reason": "other"}),
                                   ("POST", "/withdraw", {}), ("GET", "/letter", None)):
            r = self.c.client.request(method, f"{REFERRALS}/{sent['id']}{tail}", body=body)
            self.assertEqual(r.status, 404, (tail, r.body))
        # Reads are audited too: the receiver's read and list, the third's refused read.
        outcomes = sql(self.server, "SELECT org_id || ' ' || outcome FROM audit_log WHERE "
                                    f"action = 'referral.read' AND entity_id = '{sent['id']}'")
        self.assertIn(f"{self.b_id} ok", outcomes.splitlines())
        self.assertIn(f"{self.c_id} not_found", outcomes.splitlines())
        lists = sql(self.server, "SELECT COUNT(*) FROM audit_log WHERE action = 'referral.list' "
                                 f"AND org_id = '{self.b_id}'")
        self.assertGreaterEqual(int(lists), 1)
        # Only the sender prints the letter: the receiver is refused (403), the third knows no
        # such referral (404), and both refusals are on record.
        self.assertEqual(self.b.client.get(f"{REFERRALS}/{sent['id']}/letter").status, 403)
        self.assertEqual(self.a.client.get(f"{REFERRALS}/{sent['id']}/letter").status, 200)
        letters = sql(self.server, "SELECT org_id || ' ' || outcome || ' ' || fields FROM audit_log "
                                   f"WHERE action = 'referral.letter' AND entity_id = '{sent['id']}'")
        self.assertIn(f"{self.b_id} denied ", letters.splitlines())
        self.assertIn(f"{self.c_id} not_found ", letters.splitlines())
        self.assertIn(f"{self.a.org_id} ok note", letters.splitlines())
        # The sender cannot accept its own referral; the receiver cannot withdraw it.
        self.assertEqual(self.a.client.post(f"{REFERRALS}/{sent['id']}/accept").status, 403)
        self.assertEqual(self.b.client.post(f"{REFERRALS}/{sent['id']}/withdraw").status, 403)

        r = self.b.client.post(f"{REFERRALS}/{sent['id']}/accept")
        self.assertEqual(r.status, 200, r.body)
        accepted = r.json()
        self.assertEqual(accepted["status"], "accepted")
        her_at_b = self.b.client.get(f"/api/v1/people/{accepted['person_id']}").json()
        self.assertEqual(her_at_b["alias"], MINJI["alias"])
        self.assertEqual(her_at_b["phone"], MINJI["phone"])
        for unshared in ("legal_name", "birth_date", "safe_contact", "nationality"):
            self.assertFalse(her_at_b[unshared], unshared)
        self.assertEqual(her_at_b["languages"], [])
        self.assertEqual(her_at_b["categories"], [])
        self.assertEqual(her_at_b["age_band"], person["age_band"])
        kase = self.b.client.get(f"/api/v1/cases/{accepted['case_id']}").json()
        self.assertEqual(kase["intake_channel"], "member_referral")
        self.assertEqual(kase["risk_level"], "high")
        # Each side sees its own records only.
        self.assertEqual(self.a.client.get(f"/api/v1/people/{accepted['person_id']}").status, 404)
        self.assertEqual(self.b.client.get(f"/api/v1/cases/{case['id']}").status, 404)
        self.assertEqual(self.a.client.get(f"{REFERRALS}/{sent['id']}").json()["status"],
                         "accepted")
        b_view = self.b.client.get(f"{REFERRALS}/{sent['id']}").json()
        self.assertEqual(b_view["person"]["id"], accepted["person_id"])
        self.assertEqual(b_view["case"]["id"], accepted["case_id"])
        # Sealed under B's keys: her own key at B, wrapped by B's organization key, and her
        # phone nowhere in clear in B's row.
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM person_keys WHERE person_id = "
                                          f"'{accepted['person_id']}'"), "1")
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM people WHERE legal_name IS NULL "
                                          f"AND id = '{accepted['person_id']}'"), "1")
        self.assertEqual(in_clear(self.server, "people", "phone", MINJI["phone"],
                                  f"id = '{accepted['person_id']}'"), 0)
        # A second accept, a decline after it: 409.
        self.assertEqual(self.b.client.post(f"{REFERRALS}/{sent['id']}/accept").status, 409)
        r = self.b.client.post(f"{REFERRALS}/{sent['id']}/decline", body={"reason": "other"})
        self.assertEqual(r.status, 409)
        # Completion by either side, with an outcome; unsuccessful needs a reason.
        r = self.b.client.post(f"{REFERRALS}/{sent['id']}/complete",
                               body={"outcome": "unsuccessful"})
        self.assertEqual(r.status, 400, r.body)
        r = self.b.client.post(f"{REFERRALS}/{sent['id']}/complete",
                               body={"outcome": "successful"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.a.client.get(f"{REFERRALS}/{sent['id']}").json()["outcome"],
                         "successful")
        # Audited for both organizations, every step.
        for action in ("referral.create", "referral.accept", "referral.complete"):
            orgs = sql(self.server, "SELECT org_id FROM audit_log WHERE action = "
                                    f"'{action}' AND entity_id = '{sent['id']}' "
                                    "AND outcome = 'ok'").split()
            self.assertEqual(set(orgs), {self.a.org_id, self.b_id}, action)
        # The sender heard of the acceptance.
        kinds = [n["kind"] for n in self.a.client.get("/api/v1/notifications").json()["items"]]
        self.assertIn("referral_accepted", kinds)

    def test_erasing_her_at_either_side_leaves_the_other_sides_copy(self):
        person, case = self.her(legal_name="이지우", phone="010-2222-3333")
        self.consent(person, self.b_id, fields=("legal_name", "phone"))
        sent = self.send(case, share=["legal_name", "phone"]).json()
        accepted = self.b.client.post(f"{REFERRALS}/{sent['id']}/accept").json()
        from test_accounts import reauth
        reauth(self.a_sup, self.server)
        r = self.a_sup.client.post(f"/api/v1/people/{person['id']}/erase",
                                   body={"reason": "본인 요청"})
        self.assertEqual(r.status, 200, r.body)
        her_at_b = self.b.client.get(f"/api/v1/people/{accepted['person_id']}")
        self.assertEqual(her_at_b.status, 200, her_at_b.body)
        self.assertEqual(her_at_b.json()["legal_name"], "이지우")
        # Both sides still read the referral; the sender's person is gone from its view.
        self.assertEqual(self.b.client.get(f"{REFERRALS}/{sent['id']}").status, 200)
        self.assertEqual(self.a.client.get(f"{REFERRALS}/{sent['id']}").status, 200)

    def test_a_transfer_closes_the_senders_case_once_accepted_and_the_sender_still_reads_it(self):
        person, case = self.her()
        self.consent(person, self.b_id)
        sent = self.send(case, kind="transfer").json()
        self.assertEqual(self.a.client.get(f"/api/v1/cases/{case['id']}").json()["status"], "open")
        self.assertEqual(self.b.client.post(f"{REFERRALS}/{sent['id']}/accept").status, 200)
        kase = self.a.client.get(f"/api/v1/cases/{case['id']}")
        self.assertEqual(kase.status, 200)
        self.assertEqual(kase.json()["status"], "closed")
        self.assertEqual(kase.json()["closure_reason"], "referred")
        r = self.a.client.get(f"/api/v1/cases/{case['id']}/notes")
        self.assertEqual(r.status, 200)

    def test_revoking_the_consent_withdraws_a_waiting_referral_and_accept_is_refused(self):
        before = self.b_people()
        person, case = self.her()
        consent = self.consent(person, self.b_id)
        sent = self.send(case).json()
        r = self.a.client.post(f"/api/v1/consents/{consent['id']}/revoke",
                               body={"reason": "마음이 바뀜"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.b.client.get(f"{REFERRALS}/{sent['id']}").json()["status"],
                         "withdrawn")
        r = self.b.client.post(f"{REFERRALS}/{sent['id']}/accept")
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(self.b_people(), before)

    def test_a_consent_that_expires_in_flight_withdraws_the_referral_at_accept(self):
        before = self.b_people()
        person, case = self.her()
        soon = time.strftime("%Y-%m-%dT%H:%M:%SZ",
                             time.gmtime(server_now(self.server.client()) + 300))
        self.consent(person, self.b_id, expires_at=soon)
        sent = self.send(case).json()
        advance(self.server.client(), 400)
        r = self.b.client.post(f"{REFERRALS}/{sent['id']}/accept")
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["code"], "consent_required")
        self.assertEqual(self.a.client.get(f"{REFERRALS}/{sent['id']}").json()["status"],
                         "withdrawn")
        self.assertEqual(self.b_people(), before)

    def test_decline_and_withdraw_with_reasons_and_their_wrong_states(self):
        person, case = self.her()
        self.consent(person, self.b_id)
        self.consent(person, self.c_id)
        to_b = self.send(case).json()
        r = self.b.client.post(f"{REFERRALS}/{to_b['id']}/decline", body={"reason": "tired"})
        self.assertEqual(r.status, 400, r.body)
        r = self.b.client.post(f"{REFERRALS}/{to_b['id']}/decline",
                               body={"reason": "no_capacity", "note": "만실"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["decline_reason"], "no_capacity")
        seen = self.a.client.get(f"{REFERRALS}/{to_b['id']}").json()
        self.assertEqual((seen["status"], seen["decline_note"]), ("declined", "만실"))
        self.assertEqual(self.a.client.post(f"{REFERRALS}/{to_b['id']}/withdraw").status, 409)
        to_c = self.send(case, to=self.c_id).json()
        # A second referral of the same case to the same receiver while one waits: 409.
        self.assertEqual(self.send(case, to=self.c_id).status, 409)
        r = self.a.client.post(f"{REFERRALS}/{to_c['id']}/withdraw", body={"reason": "본인 거절"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["withdraw_reason"], "본인 거절")
        self.assertEqual(self.c.client.post(f"{REFERRALS}/{to_c['id']}/accept").status, 409)
        # Lists by direction and status, each side its own.
        out = self.a.client.get(REFERRALS + "?direction=outgoing&status=withdrawn").json()
        self.assertIn(to_c["id"], [x["id"] for x in out["items"]])
        self.assertEqual(self.a.client.get(REFERRALS + "?direction=sideways").status, 400)
        self.assertEqual(self.a.client.get(REFERRALS + "?status=lost").status, 400)

    def test_a_supervisor_may_override_only_for_her_life_and_it_shows_for_ever(self):
        person, case = self.her()
        override = {"life_danger_override": {"reason": "업주가 거처를 알아냄, 즉시 이동 필요"}}
        r = self.send(case, **override)
        self.assertEqual(r.status, 403, r.body)  # a case worker may not
        r = self.send(case, session=self.a_sup, **{"life_danger_override": {"reason": " "}})
        self.assertEqual(r.status, 400, r.body)
        r = self.send(case, session=self.a_sup, **override)
        self.assertEqual(r.status, 201, r.body)
        sent = r.json()
        self.assertEqual(sent["override"]["reason"], override["life_danger_override"]["reason"])
        seen = self.b.client.get(f"{REFERRALS}/{sent['id']}").json()
        self.assertIsNotNone(seen["override"])
        kinds = [n["kind"] for n in self.a_sup.client.get("/api/v1/notifications").json()["items"]]
        self.assertIn("referral_override", kinds)
        self.assertEqual(sql(self.server, "SELECT outcome FROM audit_log WHERE action = "
                                          f"'referral.create' AND entity_id = '{sent['id']}' "
                                          "LIMIT 1"), "override")
        self.assertEqual(self.b.client.post(f"{REFERRALS}/{sent['id']}/accept").status, 200)
        # Exclusions are never overridden.
        person2, case2 = self.her()
        self.a.client.post(f"/api/v1/people/{person2['id']}/exclusions", body={"org_id": self.b_id})
        self.assert_refused(self.send(case2, session=self.a_sup, **override), "excluded", case2)

    def test_an_unanswered_urgent_referral_reminds_the_receivers_supervisors(self):
        person, case = self.her()
        self.consent(person, self.b_id)
        sent = self.send(case, urgency="urgent").json()
        self.assertEqual(self.a.client.get(f"{REFERRALS}/{sent['id']}").json()["overdue"], False)
        advance(self.server.client(), 4 * 3600 + 60)
        self.setUp()  # sessions ended with the hours that passed
        deadline = time.time() + 10
        kinds = []
        while time.time() < deadline:
            kinds = [(n["kind"], n.get("referral_id")) for n in
                     self.b_sup.client.get("/api/v1/notifications").json()["items"]]
            if ("referral_overdue", sent["id"]) in kinds:
                break
            time.sleep(0.3)
        self.assertIn(("referral_overdue", sent["id"]), kinds)
        self.assertTrue(self.b.client.get(f"{REFERRALS}/{sent['id']}").json()["overdue"])

    def test_an_external_referral_and_its_letter_name_her_only_under_consent(self):
        person, case = self.her(legal_name="박서연")
        external = {"name": "부산 해운대경찰서 여성청소년과", "kind": "police"}
        body = {"case_id": case["id"], "external": external, "services": ["legal_assistance"],
                "urgency": "routine", "note": "진술 동행 요청"}
        r = self.a.client.post(REFERRALS, body={**body, "share": ["legal_name"]})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["code"], "consent_required")
        r = self.a.client.post(REFERRALS, body={**body, "share": []})
        self.assertEqual(r.status, 201, r.body)
        anonymous = r.json()
        letter = self.a.client.get(f"{REFERRALS}/{anonymous['id']}/letter")
        self.assertEqual(letter.status, 200)
        self.assertEqual(letter.headers.get("content-type"), "application/pdf")
        self.assertTrue(letter.body.startswith(b"%PDF-1.4"))
        name_hex = "박서연".encode("utf-16-be").hex().upper().encode()
        code_hex = person["code"].encode("utf-16-be").hex().upper().encode()
        self.assertNotIn(name_hex, letter.body)
        self.assertIn(code_hex, letter.body)
        self.consent(person, fields=("legal_name",), scope={"external": external["name"]})
        r = self.a.client.post(REFERRALS, body={**body, "share": ["legal_name"]})
        self.assertEqual(r.status, 201, r.body)
        named = r.json()
        self.assertEqual(named["kind"], "external")
        self.assertEqual(named["external"], external)
        letter = self.a.client.get(f"{REFERRALS}/{named['id']}/letter")
        self.assertIn(name_hex, letter.body)
        # Only the sender prints it; an outside party has nothing to accept: the sender
        # completes it.
        r = self.a.client.post(f"{REFERRALS}/{named['id']}/complete",
                               body={"outcome": "successful"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.b.client.get(f"{REFERRALS}/{named['id']}/letter").status, 404)

    def test_statistics_count_the_organizations_own_referrals(self):
        person, case = self.her()
        self.consent(person, self.c_id)
        sent = self.send(case, to=self.c_id).json()
        self.c.client.post(f"{REFERRALS}/{sent['id']}/decline", body={"reason": "no_capacity"})
        today = time.strftime("%Y-%m-%d", time.gmtime(server_now(self.server.client())))
        tomorrow = time.strftime("%Y-%m-%d",
                                 time.gmtime(server_now(self.server.client()) + 2 * 86400))
        r = self.c.client.get(f"{REFERRALS}/statistics?from=2020-01-01&to={tomorrow}")
        self.assertEqual(r.status, 200, r.body)
        figures = r.json()
        self.assertGreaterEqual(figures["incoming"]["by_status"].get("declined", 0), 1)
        self.assertIsNotNone(figures["incoming"]["median_hours_to_answer"])
        self.assertEqual(figures["outgoing"]["total"], 0)
        bad = self.c.client.get(f"{REFERRALS}/statistics?from={today}&to=2020-01-01")
        self.assertEqual(bad.status, 400)


if __name__ == "__main__":
    unittest.main()
