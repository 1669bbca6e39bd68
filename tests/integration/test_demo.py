"""Black-box test of `dandelion demo`: a synthetic network that one can sign in to at once."""

import os
import shutil
import tempfile
import unittest

from harness import PG_URL, Server, run_cli

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
        finally:
            if server:
                server.stop()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
