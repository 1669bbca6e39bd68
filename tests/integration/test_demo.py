"""Black-box test of `dandelion demo`: a synthetic network that one can sign in to at once."""

import datetime
import os
import shutil
import tempfile
import unittest
from urllib.parse import quote

from harness import PG_URL, Server, run_cli
from test_people import encodings

DEMO_PASSWORD = "minduelle-demo-2026"


@unittest.skipIf(PG_URL, "demo data dirs use SQLite")
class DemoTest(unittest.TestCase):
    def test_demo_fills_a_new_data_dir_with_a_network_marked_as_demo(self):
        tmp = tempfile.mkdtemp(prefix="dandelion-demo-")
        server = None
        try:
            data = os.path.join(tmp, "data")
            out = run_cli("demo", "--data", data)
            self.assertIn(DEMO_PASSWORD, out.stdout)
            self.assertIn("[14/14]", out.stdout)
            again = run_cli("demo", "--data", data, check=False)
            self.assertNotEqual(again.returncode, 0)
            # The benchmark's generator adds sealed people in bulk to a demo data dir only.
            ids = os.path.join(tmp, "case_ids.txt")
            bench = ["--org", "seoul-counsel", "--worker", "seoul-counsel-worker",
                     "--colleague", "seoul-counsel-supervisor", "--people", "3",
                     "--services", "7", "--case-ids", ids]
            run_cli("generate", "--data", data, *bench)
            plain = os.path.join(tmp, "plain")
            run_cli("init", "--data", plain)
            refused = run_cli("generate", "--data", plain, *bench, check=False)
            self.assertNotEqual(refused.returncode, 0)
            self.assertIn("demo or test", refused.stderr)
            server = Server.__new__(Server)
            server.tmp, server.data = tmp, data
            server.proc = server.port = None
            server.log_path = os.path.join(tmp, "server.log")
            server.start()
            c = server.client()
            self.assertEqual(c.get("/api/v1/instance").json(), {"demo": True})
            r = c.post("/api/v1/session", body={"username": "seoul-counsel-worker",
                                                "password": DEMO_PASSWORD})
            self.assertEqual(r.status, 200, r.body)
            body = r.json()
            self.assertTrue(body["demo"])
            self.assertFalse(body["mfa_enrollment_required"])
            c.csrf = body["csrf_token"]
            orgs = c.get("/api/v1/organizations").json()["items"]
            self.assertEqual(len(orgs), 14)
            kinds = {o["kind"] for o in orgs}
            self.assertEqual(kinds, {"secretariat", "counseling_center", "support_facility",
                                     "self_reliance_center", "survivor_network"})
            self.assertTrue(all(o["name"].startswith("(데모)") for o in orgs))
            self.assertGreaterEqual(len({o["region"] for o in orgs}), 8)
            # The dispatch board has someone on call, and Seoul's requests reach Seoul's center.
            d = server.client()
            r = d.post("/api/v1/session", body={"username": "seoul-counsel-dispatcher",
                                                "password": DEMO_PASSWORD})
            self.assertEqual(r.status, 200, r.body)
            d.csrf = r.json()["csrf_token"]
            shifts = d.get("/api/v1/emergency/on-call").json()["items"]
            self.assertEqual(len(shifts), 1)
            coverage = d.get("/api/v1/emergency/coverage").json()["items"]
            self.assertIn("(데모) 서울 상담소",
                          [c["org_name"] for c in coverage if c["region"] == "KR-11"])
            self.check_caseload(c, data)
            self.check_generated(c, ids)
            self.check_programs(server)
            self.check_reports(server)
        finally:
            if server:
                server.stop()
            shutil.rmtree(tmp, ignore_errors=True)

    def check_caseload(self, c, data):
        """The case worker finds a caseload, her week's appointments, and nothing in clear."""
        mine = c.get("/api/v1/cases?status=open&assigned=me").json()["items"]
        self.assertGreaterEqual(len(mine), 5)
        self.assertTrue(all(k["status"] == "open" for k in mine))
        self.assertTrue(all(any(w["display_name"].endswith(" worker") for w in k["assigned"])
                            for k in mine))
        self.assertTrue(all(k["person"]["alias"].startswith(("(데모)", "(벤치)")) for k in mine))
        everyone = c.get("/api/v1/cases?status=open").json()["items"]
        self.assertGreater(len(everyone), len(mine))  # her supervisor carries some herself
        restricted = [k for k in everyone if k["restricted"]]
        self.assertEqual(len(restricted), 1)
        self.assertIsNone(restricted[0]["person"])  # not hers: listed without her
        self.assertTrue(c.get("/api/v1/cases?status=closed").json()["items"])
        opened = sorted(k["opened_at"] for k in everyone)
        self.assertLess(opened[0], opened[-1][:4])  # spread over the past years

        now = datetime.datetime.now(datetime.timezone.utc)
        window = "from={}&to={}".format(
            quote((now - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")),
            quote((now + datetime.timedelta(days=8)).strftime("%Y-%m-%dT%H:%M:%SZ")))
        week = c.get("/api/v1/appointments?" + window).json()["items"]
        self.assertTrue(week)
        self.assertTrue(all(a["status"] == "scheduled" for a in week))

        values, codes = [], []
        for k in mine[:2]:
            case = c.get(f"/api/v1/cases/{k['id']}").json()
            person = c.get(f"/api/v1/people/{case['person']['id']}").json()
            values += [person["legal_name"], person["phone"], case["summary"]]
            codes.append(person["code"])
        code_seen = False  # a positive control: codes are stored in clear
        for root, _, names in os.walk(data):
            for name in names:
                with open(os.path.join(root, name), "rb") as f:
                    content = f.read()
                code_seen = code_seen or codes[0].encode() in content
                for value in values:
                    for form in encodings(value):
                        self.assertNotIn(form, content, (name, value, form))
        self.assertTrue(code_seen, "the scan must see what the database holds")

    def check_reports(self, server):
        """Last year's reports: filed and signed by most members, one still a draft, one not
        started; this quarter's draft open at the first counseling center."""
        def admin(slug):
            c = server.client()
            r = c.post("/api/v1/session", body={"username": f"{slug}-admin",
                                                "password": DEMO_PASSWORD})
            self.assertEqual(r.status, 200, r.body)
            c.csrf = r.json()["csrf_token"]
            return c

        def reports(slug):
            r = admin(slug).get("/api/v1/reports")
            self.assertEqual(r.status, 200, r.body)
            return sorted((i["period"], i["status"]) for i in r.json()["items"])

        seoul = reports("seoul-counsel")
        # "2025" sorts before "2026-Q4": last year's filed report, then this quarter's draft.
        self.assertEqual([s for _, s in seoul], ["filed", "draft"])
        last = seoul[0][0]
        self.assertEqual(reports("gyeonggi-shelter"), [(last, "filed")])
        self.assertEqual(reports("seoul-selfreliance"), [(last, "draft")])
        self.assertEqual(reports("busan-selfreliance"), [])

    def check_programs(self, server):
        """The self-reliance center's programs: classes with attendance, a completed course with
        its certificate, an employment followed up and a school entered."""
        w = server.client()
        r = w.post("/api/v1/session", body={"username": "seoul-selfreliance-worker",
                                            "password": DEMO_PASSWORD})
        self.assertEqual(r.status, 200, r.body)
        w.csrf = r.json()["csrf_token"]
        programs = w.get("/api/v1/programs").json()["items"]
        self.assertEqual(len(programs), 3)
        self.assertTrue(all(p["name"].startswith("(데모)") for p in programs))
        self.assertEqual({p["status"] for p in programs}, {"running", "ended"})
        barista = next(p for p in programs if "바리스타" in p["name"])
        detail = w.get(f"/api/v1/programs/{barista['id']}").json()
        self.assertTrue(all(s["taken"] for s in detail["session_list"]))
        done = [e for e in detail["enrollments"] if e["status"] == "completed"]
        self.assertEqual(len(done), 1)
        self.assertTrue(done[0]["passed"])
        page = w.get(f"/api/v1/people/{done[0]['person_id']}/self-reliance").json()
        self.assertEqual(len(page["certificates"]), 1)
        self.assertIsNotNone(page["certificates"][0]["file_id"])
        self.assertEqual([o["kind"] for o in page["outcomes"]], ["employment"])
        due = w.get("/api/v1/follow-ups").json()["items"]
        self.assertEqual(len(due), 3)
        self.assertEqual(due[0]["follow_up"]["months"], 3)

    def check_generated(self, c, ids_path):
        """What the generator wrote reads back decrypted, found by its blind phone index."""
        with open(ids_path) as f:
            ids = f.read().split()
        self.assertEqual(len(ids), 3)
        found = c.get("/api/v1/people?phone=010-1000-0000").json()["items"]
        self.assertEqual([p["legal_name"] for p in found], ["(벤치) 가상인물 0"])
        case = c.get(f"/api/v1/cases/{ids[0]}")
        self.assertEqual(case.status, 200, case.body)
        self.assertTrue(case.json()["summary"].startswith("(벤치)"))
        services = c.get(f"/api/v1/cases/{ids[0]}/services").json()["items"]
        self.assertEqual(len(services), 3)  # 7 services over 3 people: the first gets 3
        self.assertTrue(services[0]["notes"].startswith("(벤치)"))
        mine = c.get("/api/v1/cases?status=open&assigned=me").json()["items"]
        self.assertIn(ids[0], [k["id"] for k in mine])  # one in a thousand is hers


if __name__ == "__main__":
    unittest.main()
