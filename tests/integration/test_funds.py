"""Black-box tests of the support-fund ledger: funding sources with versioned rules, applications
and decisions, payments checked against the rules and the budget (refusals write nothing),
two-person approval, reversals, balances, parallel payments against the last of a budget, bad
input, and another organization's records answering 404.

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import threading
import time
import unittest

from harness import Client
from harness import Server
from network import add_user, advance, build_network, server_now, sign_in
from test_people import sql

SOURCES = "/api/v1/funding-sources"
SETTINGS = "/api/v1/funds/settings"
REASON = "임대보증금-사유-비밀-5512"


class FundsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "org-a", "org-a-finance2", "finance")
        cls.users["org-a"]["finance2"] = "org-a-finance2"
        cls.server.start()
        cls.sign_in_all()
        now = server_now(cls.admin.client)
        cls.year = int(time.strftime("%Y", time.gmtime(now + 9 * 3600)))
        cls.paid_on = f"{cls.year}-03-10"

    @classmethod
    def sign_in_all(cls):
        """Signs everyone in (again, after the clock has moved past the idle timeout)."""
        for attr, org, role in [("admin", "org-a", "org_admin"),
                                ("finance", "org-a", "finance"),
                                ("finance2", "org-a", "finance2"),
                                ("worker", "org-a", "case_worker"),
                                ("supervisor", "org-a", "supervisor"),
                                ("b_finance", "org-b", "finance"),
                                ("b_supervisor", "org-b", "supervisor")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, cls.users[org][role],
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        # Sessions expire after 15 idle minutes on the test clock; sign in again when needed.
        r = self.finance.client.get(SOURCES)
        if r.status == 401:
            type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # -- helpers ---------------------------------------------------------------------------------

    def person(self, alias):
        r = self.worker.client.post("/api/v1/people", body={"legal_name": "자립 " + alias,
                                                            "alias": alias})
        self.assertEqual(r.status, 201, r.body)
        return r.json()["id"]

    def source(self, budget=100_000_000, **rules):
        body = {"name": "A시 자립지원금", "year": self.year, "budget": budget, "rules": rules or {
            "living_costs": {"monthly": 1_000_000, "max_months": 24, "per_child": 100_000},
            "housing_deposit": {"cap": 14_000_000, "committee": True},
            "training": {"cap": 7_200_000},
            "grant": {"cap": 5_000_000, "committee": True, "clawback": True}}}
        r = self.admin.client.post(SOURCES, body=body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def pay(self, person, source_id, kind, amount, who=None, **extra):
        who = who or self.finance
        return who.client.post(f"/api/v1/people/{person}/disbursements", body={
            "source_id": source_id, "kind": kind, "amount": amount, "paid_on": self.paid_on,
            **extra})

    def ledger(self, person, who=None):
        r = (who or self.finance).client.get(f"/api/v1/people/{person}/disbursements")
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def balance(self, person, source_id, kind):
        for b in self.ledger(person)["balances"]:
            if b["source_id"] == source_id and b["kind"] == kind:
                return b
        return None

    def get_source(self, source_id):
        r = self.finance.client.get(f"{SOURCES}/{source_id}")
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def entries_count(self):
        return sql(self.server, "SELECT COUNT(*) FROM fund_entries")

    # -- sources ---------------------------------------------------------------------------------

    def test_a_source_keeps_every_version_of_its_rules(self):
        s = self.source()
        self.assertEqual(s["version"], 1)
        self.assertEqual(s["remaining"], 100_000_000)
        self.assertEqual(s["rules"]["living_costs"]["per_child"], 100_000)
        changed = {"name": "A시 자립지원금", "year": self.year, "budget": 90_000_000,
                   "rules": {"living_costs": {"monthly": 1_000_000, "max_months": 12},
                             "housing_deposit": {"cap": 7_000_000}}}
        r = self.finance.client.request("PUT", f"{SOURCES}/{s['id']}", body=changed)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["version"], 2)
        d = self.get_source(s["id"])
        self.assertEqual([v["version"] for v in d["versions"]], [1, 2])
        self.assertEqual(d["versions"][0]["rules"]["living_costs"]["max_months"], 24)
        self.assertEqual(d["versions"][1]["rules"]["housing_deposit"]["cap"], 7_000_000)
        # A payment names the version it was checked against.
        her = self.person("판")
        r = self.pay(her, s["id"], "housing_deposit", 1_000_000)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["rule_version"], 2)
        listed = self.worker.client.get(SOURCES)
        self.assertEqual(listed.status, 200, listed.body)
        self.assertIn(s["id"], [x["id"] for x in listed.json()["items"]])

    def test_bad_sources_are_refused_naming_the_field_and_nothing_is_made(self):
        before = sql(self.server, "SELECT COUNT(*) FROM fund_sources")
        base = {"name": "B시", "year": self.year, "budget": 1_000_000,
                "rules": {"training": {"cap": 100}}}
        cases = [
            ({**base, "budget": -1}, "budget"),
            ({**base, "budget": 1000.5}, "budget"),
            ({**base, "budget": "1000"}, "budget"),
            ({**base, "year": "2026"}, "year"),
            ({k: v for k, v in base.items() if k != "name"}, "name"),
            ({k: v for k, v in base.items() if k != "rules"}, "rules"),
            ({**base, "rules": {"bonus": {"cap": 1}}}, "rules.bonus"),
            ({**base, "rules": {"training": {"cap": -5}}}, "rules.training.cap"),
            ({**base, "rules": {"training": {"cap": 1.5}}}, "rules.training.cap"),
            ({**base, "rules": {"training": {"cap": 1, "extra": 1}}}, "rules.training.extra"),
            ({**base, "rules": {"living_costs": {"monthly": 1}}}, "rules.living_costs.max_months"),
            ({**base, "rules": {"training": {}}}, "rules.training"),
            ({**base, "rules": {}}, "rules"),
        ]
        for body, field in cases:
            r = self.admin.client.post(SOURCES, body=body)
            self.assertEqual(r.status, 400, (body, r.body))
            self.assertIn(field, r.json()["error"]["fields"], (body, r.body))
        r = self.worker.client.post(SOURCES, body=base)
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM fund_sources"), before)

    # -- payments --------------------------------------------------------------------------------

    def test_payments_past_a_limit_are_refused_and_write_nothing(self):
        s = self.source(budget=3_000_000, training={"cap": 2_000_000},
                        living_costs={"monthly": 1_000_000, "max_months": 1, "per_child": 100_000})
        her = self.person("별")
        r = self.pay(her, s["id"], "training", 1_500_000)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["status"], "paid")
        before = self.ledger(her)
        count = self.entries_count()
        # Over the cap.
        r = self.pay(her, s["id"], "training", 500_001)
        self.assertEqual(r.status, 409, r.body)
        err = r.json()["error"]
        self.assertEqual(err["code"], "rule_exceeded")
        self.assertEqual(err["limit"], {"name": "cap", "remaining": 500_000})
        self.assertIn("500,000", err["message"])
        # Over the monthly amount (with one child: 1,100,000).
        r = self.pay(her, s["id"], "living_costs", 1_100_001, children=1)
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["limit"], {"name": "monthly", "remaining": 1_100_000})
        # Over the budget (1,500,000 remain).
        other = self.person("달")
        r = self.pay(other, s["id"], "training", 1_500_001)
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["code"], "budget_exceeded")
        self.assertEqual(r.json()["error"]["limit"], {"name": "budget", "remaining": 1_500_000})
        # In English too.
        en = Client(self.finance.client.port, "en")
        en.cookies, en.csrf = dict(self.finance.client.cookies), self.finance.client.csrf
        r = en.post(f"/api/v1/people/{other}/disbursements", body={
            "source_id": s["id"], "kind": "training", "amount": 1_500_001,
            "paid_on": self.paid_on})
        self.assertIn("Remaining: KRW 1,500,000", r.json()["error"]["message"])
        # Past the months: one month paid, a second month refused.
        r = self.pay(her, s["id"], "living_costs", 1_000_000, month=f"{self.year}-03")
        self.assertEqual(r.status, 201, r.body)
        count = self.entries_count()
        r = self.pay(her, s["id"], "living_costs", 1, month=f"{self.year}-04")
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["limit"], {"name": "months", "remaining": 0})
        self.assertIn("개월", r.json()["error"]["message"])
        self.assertEqual(self.entries_count(), count)
        after = self.ledger(her)
        self.assertEqual(len(after["entries"]), len(before["entries"]) + 1)
        self.assertEqual(self.balance(her, s["id"], "training")["paid"], 1_500_000)
        self.assertEqual(self.balance(her, s["id"], "training")["remaining"], 500_000)
        self.assertEqual(self.get_source(s["id"])["remaining"], 500_000)

    def test_bad_payments_name_the_field_and_write_nothing(self):
        s = self.source(budget=10_000_000, training={"cap": 2_000_000})
        her = self.person("바람")
        count = self.entries_count()
        good = {"source_id": s["id"], "kind": "training", "amount": 1000, "paid_on": self.paid_on}
        cases = [
            ({**good, "amount": -1}, "amount"),
            ({**good, "amount": 0}, "amount"),
            ({**good, "amount": 1000.5}, "amount"),
            ({**good, "amount": "1000"}, "amount"),
            ({**good, "kind": "bonus"}, "kind"),
            ({**good, "paid_on": "2026-02-30"}, "paid_on"),
            ({**good, "paid_on": f"{self.year - 1}-12-31"}, "paid_on"),
            ({**good, "source_id": "0" * 26}, "source_id"),
            ({**good, "kind": "grant"}, "kind"),
            ({**good, "unexpected": 1}, "unexpected"),
            ({k: v for k, v in good.items() if k != "amount"}, "amount"),
            ({k: v for k, v in good.items() if k != "source_id"}, "source_id"),
            ({**good, "application_id": "0" * 26}, "application_id"),
        ]
        for body, field in cases:
            r = self.finance.client.post(f"/api/v1/people/{her}/disbursements", body=body)
            self.assertEqual(r.status, 400, (body, r.body))
            self.assertIn(field, r.json()["error"]["fields"], (body, r.body))
        r = self.finance.client.post("/api/v1/people/" + "0" * 26 + "/disbursements", body=good)
        self.assertEqual(r.status, 404, r.body)
        r = self.finance.client.request("POST", f"/api/v1/people/{her}/disbursements",
                                        raw=b"{not json", headers={"Content-Type":
                                                                   "application/json"})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(self.entries_count(), count)
        self.assertEqual(self.ledger(her)["entries"], [])

    def test_a_committee_kind_is_paid_against_an_approved_application(self):
        s = self.source()
        her = self.person("하늘")
        r = self.pay(her, s["id"], "housing_deposit", 1_000_000)
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["code"], "conflict")
        apps = f"/api/v1/people/{her}/fund-applications"
        r = self.worker.client.post(apps, body={"source_id": s["id"], "kind": "housing_deposit",
                                                "amount": 10_000_000, "reason": REASON})
        self.assertEqual(r.status, 201, r.body)
        app = r.json()
        self.assertEqual(app["reason"], REASON)
        # Finance sees amounts, never the reason; the reason is sealed on disk.
        r = self.finance.client.get(apps)
        self.assertEqual(r.status, 200, r.body)
        self.assertNotIn("reason", r.json()["items"][0])
        self.assertNotIn(REASON, r.body.decode("utf-8"))
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM fund_applications WHERE "
                                          f"id = '{app['id']}' AND reason IS NOT NULL"), "1")
        self.assertEqual(self.finance.client.post(f"/api/v1/fund-applications/{app['id']}/decision",
                                                  body={"approve": True}).status, 403)
        # The committee's date is needed for a committee kind.
        decide = f"/api/v1/fund-applications/{app['id']}/decision"
        r = self.supervisor.client.post(decide, body={"approve": True})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("committee_on", r.json()["error"]["fields"])
        pending = self.supervisor.client.get("/api/v1/fund-applications")
        self.assertIn(app["id"], [a["id"] for a in pending.json()["items"]])
        r = self.supervisor.client.post(decide, body={
            "approve": True, "amount": 8_000_000, "committee_on": f"{self.year}-01-05"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["approved_amount"], 8_000_000)
        r = self.supervisor.client.post(decide, body={"approve": False})
        self.assertEqual(r.status, 409, r.body)
        r = self.pay(her, s["id"], "housing_deposit", 8_000_001, application_id=app["id"])
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["limit"], {"name": "approved", "remaining": 8_000_000})
        r = self.pay(her, s["id"], "housing_deposit", 8_000_000, application_id=app["id"],
                     who=self.supervisor)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["application_id"], app["id"])

    def test_a_payment_above_the_threshold_waits_for_a_second_user(self):
        s = self.source(budget=10_000_000, training={"cap": 5_000_000})
        her = self.person("구름")
        r = self.admin.client.request("PUT", SETTINGS, body={"two_person_above": 500_000})
        self.assertEqual(r.status, 200, r.body)
        try:
            r = self.pay(her, s["id"], "training", 600_000)
            self.assertEqual(r.status, 201, r.body)
            entry = r.json()
            self.assertEqual(entry["status"], "pending_approval")
            self.assertEqual(self.get_source(s["id"])["pending"], 600_000)
            approve = f"/api/v1/disbursements/{entry['id']}/approval"
            r = self.finance.client.post(approve, body={"approve": True})
            self.assertEqual(r.status, 409, r.body)
            waiting = self.finance2.client.get("/api/v1/disbursements/pending").json()["items"]
            self.assertIn(entry["id"], [e["id"] for e in waiting])
            r = self.finance2.client.post(approve, body={"approve": True})
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.json()["status"], "paid")
            self.assertEqual(self.balance(her, s["id"], "training")["paid"], 600_000)
            # A rejected one no longer counts.
            r = self.pay(her, s["id"], "training", 700_000)
            self.assertEqual(r.json()["status"], "pending_approval")
            r = self.supervisor.client.post(f"/api/v1/disbursements/{r.json()['id']}/approval",
                                            body={"approve": False})
            self.assertEqual(r.json()["status"], "rejected")
            self.assertEqual(self.balance(her, s["id"], "training")["remaining"], 4_400_000)
        finally:
            r = self.admin.client.request("PUT", SETTINGS, body={"two_person_above": None})
            self.assertEqual(r.status, 200, r.body)
        self.assertIsNone(self.finance.client.get(SETTINGS).json()["two_person_above"])

    def test_a_correction_is_a_reversing_entry(self):
        s = self.source(budget=10_000_000, training={"cap": 5_000_000},
                        grant={"cap": 1_000_000, "clawback": True})
        her = self.person("이슬")
        paid = self.pay(her, s["id"], "training", 3_000_000).json()
        r = self.finance.client.post(f"/api/v1/disbursements/{paid['id']}/reversal",
                                     body={"reason": "entry_error", "amount": 1_000_000})
        self.assertEqual(r.status, 201, r.body)
        rev = r.json()
        self.assertEqual(rev["amount"], -1_000_000)
        self.assertEqual(rev["reverses"], paid["id"])
        for body, status in [({"reason": "entry_error", "amount": 2_000_001}, 400),
                             ({"reason": "whim"}, 400), ({}, 400),
                             ({"reason": "clawback"}, 409)]:
            r = self.finance.client.post(f"/api/v1/disbursements/{paid['id']}/reversal", body=body)
            self.assertEqual(r.status, status, (body, r.body))
        r = self.finance.client.post(f"/api/v1/disbursements/{rev['id']}/reversal",
                                     body={"reason": "duplicate"})
        self.assertEqual(r.status, 409, r.body)
        grant = self.pay(her, s["id"], "grant", 1_000_000).json()
        r = self.finance.client.post(f"/api/v1/disbursements/{grant['id']}/reversal",
                                     body={"reason": "clawback"})
        self.assertEqual(r.status, 201, r.body)
        b = self.balance(her, s["id"], "training")
        self.assertEqual((b["paid"], b["reversed"], b["net"], b["remaining"]),
                         (3_000_000, 1_000_000, 2_000_000, 3_000_000))
        # Every balance is the sum of its entries.
        ledger = self.ledger(her)
        for b in ledger["balances"]:
            total = sum(e["amount"] for e in ledger["entries"]
                        if e["kind"] == b["kind"] and e["source_id"] == b["source_id"]
                        and e["status"] == "paid")
            self.assertEqual(b["net"], total)
        self.assertEqual(self.get_source(s["id"])["spent"], 2_000_000)
        monthly = self.get_source(s["id"])["monthly"]
        self.assertEqual(sum(m["paid"] for m in monthly), 2_000_000)

    def test_parallel_payments_against_the_last_of_a_budget(self):
        s = self.source(budget=5_000_000, training={"cap": 5_000_000})
        people = [self.person(f"동시{i}") for i in range(8)]
        results = [None] * len(people)

        def pay(i):
            c = self.finance.client.clone()
            results[i] = c.post(f"/api/v1/people/{people[i]}/disbursements", body={
                "source_id": s["id"], "kind": "training", "amount": 1_000_000,
                "paid_on": self.paid_on})

        threads = [threading.Thread(target=pay, args=(i,)) for i in range(len(people))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(r.status for r in results)
        self.assertEqual(statuses, [201] * 5 + [409] * 3, [r.body for r in results])
        for r in results:
            if r.status == 409:
                self.assertEqual(r.json()["error"]["code"], "budget_exceeded")
        d = self.get_source(s["id"])
        self.assertEqual((d["spent"], d["remaining"]), (5_000_000, 0))
        self.assertEqual(sql(self.server, "SELECT SUM(amount) FROM fund_entries WHERE "
                                          f"source_id = '{s['id']}'"), "5000000")

    def test_parallel_payments_to_one_woman_stop_at_her_cap(self):
        s = self.source(budget=50_000_000, training={"cap": 3_000_000})
        her = self.person("한사람")
        results = [None] * 6

        def pay(i):
            c = self.finance.client.clone()
            results[i] = c.post(f"/api/v1/people/{her}/disbursements", body={
                "source_id": s["id"], "kind": "training", "amount": 1_000_000,
                "paid_on": self.paid_on})

        threads = [threading.Thread(target=pay, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(r.status for r in results), [201] * 3 + [409] * 3)
        self.assertEqual(self.balance(her, s["id"], "training")["remaining"], 0)

    def test_another_organizations_records_answer_404(self):
        s = self.source(budget=10_000_000, training={"cap": 5_000_000})
        her = self.person("바다")
        entry = self.pay(her, s["id"], "training", 1_000_000).json()
        r = self.worker.client.post(f"/api/v1/people/{her}/fund-applications", body={
            "source_id": s["id"], "kind": "training", "amount": 100, "reason": "x"})
        app = r.json()
        b = self.b_finance.client
        for method, path, body in [
                ("GET", f"{SOURCES}/{s['id']}", None),
                ("PUT", f"{SOURCES}/{s['id']}", {"name": "x", "year": self.year, "budget": 1,
                                                 "rules": {"training": {"cap": 1}}}),
                ("GET", f"/api/v1/people/{her}/disbursements", None),
                ("POST", f"/api/v1/people/{her}/disbursements", {
                    "source_id": s["id"], "kind": "training", "amount": 1,
                    "paid_on": self.paid_on}),
                ("GET", f"/api/v1/people/{her}/fund-applications", None),
                ("POST", f"/api/v1/disbursements/{entry['id']}/reversal", {"reason": "duplicate"}),
                ("POST", f"/api/v1/disbursements/{entry['id']}/approval", {"approve": True})]:
            r = b.request(method, path, body=body)
            self.assertEqual(r.status, 404, (method, path, r.body))
        r = self.b_supervisor.client.post(f"/api/v1/fund-applications/{app['id']}/decision",
                                          body={"approve": True})
        self.assertEqual(r.status, 404, r.body)
        self.assertNotIn(s["id"], b.get(SOURCES).body.decode("utf-8"))
        self.assertEqual(self.balance(her, s["id"], "training")["paid"], 1_000_000)

    def test_every_write_is_audited(self):
        s = self.source(budget=1_000_000, training={"cap": 1_000_000})
        her = self.person("기록")
        self.pay(her, s["id"], "training", 1000)
        self.ledger(her)
        for action in ("funds.source.create", "funds.disbursement.create", "funds.ledger.read"):
            n = int(sql(self.server, f"SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"))
            self.assertGreater(n, 0, action)


if __name__ == "__main__":
    unittest.main()
