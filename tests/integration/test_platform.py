"""Black-box tests of the platform: HTTP behaviour, limits, errors, shutdown, durability."""

import json
import os
import socket
import threading
import time
import unittest

from harness import Server, backend

METRICS_TOKEN = "platform-test-metrics-token-0123456789"


class PlatformHttpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.server.set_config('# token = ""', f'token = "{METRICS_TOKEN}"')
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def setUp(self):
        self.c = self.server.client()

    def probe_count(self):
        r = self.c.get("/api/v1/test/probe-writes")
        self.assertEqual(r.status, 200, r.body)
        return r.json()["count"]

    def test_healthz_answers_ok_with_security_headers(self):
        r = self.c.get("/healthz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json(), {"status": "ok"})
        self.assertIn("default-src 'self'", r.header("content-security-policy"))
        self.assertNotIn("unsafe-inline", r.header("content-security-policy"))
        self.assertEqual(r.header("x-content-type-options"), "nosniff")
        self.assertEqual(r.header("referrer-policy"), "no-referrer")
        self.assertEqual(r.header("cross-origin-opener-policy"), "same-origin")
        self.assertTrue(r.header("x-request-id"))

    def test_instance_says_whether_this_is_a_demo(self):
        self.assertEqual(self.c.get("/api/v1/instance").json(), {"demo": False})

    def test_api_responses_are_not_cached(self):
        r = self.c.get("/api/v1/openapi.json")
        self.assertEqual(r.header("cache-control"), "no-store")

    def test_unknown_api_route_is_a_json_404_in_korean_by_default(self):
        r = self.c.get("/api/v1/no-such-thing")
        self.assertEqual(r.status, 404)
        err = r.json()["error"]
        self.assertEqual(err["code"], "not_found")
        self.assertRegex(err["message"], "[가-힣]")
        self.assertTrue(err.get("request_id"))

    def test_errors_speak_english_when_asked(self):
        r = self.server.client(lang="en").get("/api/v1/no-such-thing")
        self.assertEqual(r.status, 404)
        self.assertRegex(r.json()["error"]["message"], "^[ -~]+$")

    def test_wrong_method_is_405(self):
        r = self.c.post("/healthz", body={})
        self.assertEqual(r.status, 405)
        self.assertEqual(r.json()["error"]["code"], "method_not_allowed")

    def test_malformed_json_is_refused_and_writes_nothing(self):
        before = self.probe_count()
        for raw in [b"{", b"[1,2]", b"\"text\"", b"{\"payload\": }", b""]:
            r = self.c.post("/api/v1/test/probe-writes", raw=raw,
                            headers={"Content-Type": "application/json"})
            self.assertEqual(r.status, 400, raw)
            self.assertEqual(r.json()["error"]["code"], "invalid")
        self.assertEqual(self.probe_count(), before)

    def test_invalid_utf8_is_refused(self):
        before = self.probe_count()
        for raw in [b'{"payload": "\xff"}', b'{"payload": "\xc0\xaf"}',
                    b'{"payload": "\xed\xa0\x80"}']:
            r = self.c.post("/api/v1/test/probe-writes", raw=raw,
                            headers={"Content-Type": "application/json"})
            self.assertEqual(r.status, 400, raw)
            self.assertEqual(r.json()["error"]["code"], "invalid")
        self.assertEqual(self.probe_count(), before)

    def test_wrong_field_types_name_the_field(self):
        r = self.c.post("/api/v1/test/probe-writes", body={"payload": 42})
        self.assertEqual(r.status, 400)
        self.assertIn("payload", r.json()["error"]["fields"])
        r = self.c.post("/api/v1/test/probe-writes", body={})
        self.assertEqual(r.status, 400)
        self.assertIn("payload", r.json()["error"]["fields"])
        r = self.c.post("/api/v1/test/probe-writes", body={"payload": "x", "extra": 1})
        self.assertEqual(r.status, 400)
        self.assertIn("extra", r.json()["error"]["fields"])

    def test_wrong_content_type_is_415(self):
        r = self.c.post("/api/v1/test/probe-writes", raw=b"payload=x",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 415)

    def test_body_over_the_limit_is_413_and_writes_nothing(self):
        before = self.probe_count()
        big = json.dumps({"payload": "x" * (1 << 20)}).encode()
        r = self.c.post("/api/v1/test/probe-writes", raw=big,
                        headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 413)
        self.assertEqual(r.json()["error"]["code"], "too_large")
        self.assertEqual(self.probe_count(), before)

    def test_garbage_instead_of_http_gets_400_and_the_server_keeps_serving(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"\x16\x03\x01 this is not http\r\n\r\n")
            reply = s.recv(4096)
        self.assertIn(b" 400 ", reply.split(b"\r\n")[0])
        self.assertEqual(self.c.get("/healthz").status, 200)

    def test_openapi_document_lists_the_routes(self):
        r = self.c.get("/api/v1/openapi.json")
        self.assertEqual(r.status, 200)
        doc = r.json()
        self.assertTrue(doc["openapi"].startswith("3.1"))
        for path in ["/healthz", "/api/v1/openapi.json"]:
            self.assertIn(path, doc["paths"])
        # Every error code a client may have to act on is in the error schema's enum.
        codes = doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"][
            "code"]["enum"]
        for code in ["invalid", "mfa_required", "break_glass_required", "reauth_required",
                     "not_found", "rate_limited", "unavailable"]:
            self.assertIn(code, codes)

    def test_metrics_count_requests_by_route(self):
        self.c.get("/healthz")
        r = self.c.get("/metrics", headers={"Authorization": "Bearer " + METRICS_TOKEN})
        self.assertEqual(r.status, 200)
        text = r.body.decode()
        self.assertIn("dandelion_http_requests_total", text)
        self.assertIn('route="/healthz"', text)
        self.assertIn("dandelion_http_request_duration_seconds_bucket", text)

    def test_access_log_holds_no_request_contents(self):
        secret = "김비밀-010-9876-5432"
        self.c.post("/api/v1/test/probe-writes?name=" + "%EA%B9%80", body={"payload": secret})
        time.sleep(0.2)
        log = self.server.server_log()
        self.assertIn("/api/v1/test/probe-writes", log)
        self.assertNotIn(secret, log)
        self.assertNotIn("name=", log)


class SlowClientTest(unittest.TestCase):
    def setUp(self):
        self.server = Server()
        self.server.set_config("# header_timeout_seconds = 10", "header_timeout_seconds = 2")
        self.server.start()

    def tearDown(self):
        self.server.cleanup()

    def test_a_client_that_never_finishes_its_headers_gets_408_while_others_are_served(self):
        slow = socket.create_connection(("127.0.0.1", self.server.port), timeout=15)
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        started = time.time()
        self.assertEqual(self.server.client().get("/healthz").status, 200)
        self.assertLess(time.time() - started, 1.0)
        reply = slow.recv(4096)
        slow.close()
        self.assertIn(b" 408 ", reply.split(b"\r\n")[0])
        self.assertIn(b'"timeout"', reply)


class GracefulShutdownTest(unittest.TestCase):
    def test_sigterm_lets_an_in_flight_request_finish(self):
        server = Server().start()
        try:
            body = json.dumps({"payload": "in flight"}).encode()
            s = socket.create_connection(("127.0.0.1", server.port), timeout=15)
            s.sendall(b"POST /api/v1/test/probe-writes HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: application/json\r\nContent-Length: " +
                      str(len(body)).encode() + b"\r\n\r\n" + body[:5])
            time.sleep(0.3)
            server.proc.send_signal(15)
            time.sleep(0.3)
            s.sendall(body[5:])
            reply = s.recv(4096)
            s.close()
            self.assertIn(b" 201 ", reply.split(b"\r\n")[0])
            self.assertEqual(server.proc.wait(timeout=20), 0)
        finally:
            server.cleanup()


class CrashDurabilityTest(unittest.TestCase):
    def test_every_acknowledged_write_survives_kill_9(self):
        server = Server().start()
        try:
            acked = []
            lock = threading.Lock()
            stop = threading.Event()

            def writer(n):
                c = server.client()
                i = 0
                while not stop.is_set():
                    i += 1
                    try:
                        r = c.post("/api/v1/test/probe-writes", body={"payload": f"w{n}-{i}"})
                    except OSError:
                        return
                    if r.status == 201:
                        with lock:
                            acked.append((r.json()["id"], f"w{n}-{i}"))

            threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
            for t in threads:
                t.start()
            time.sleep(1.5)
            server.kill9()
            stop.set()
            for t in threads:
                t.join()
            self.assertGreater(len(acked), 20)
            server.start()
            c = server.client()
            for id_, payload in acked:
                r = c.get(f"/api/v1/test/probe-writes/{id_}")
                self.assertEqual(r.status, 200, id_)
                self.assertEqual(r.json()["payload"], payload)
            if backend() == "sqlite":
                server.stop()
                import subprocess
                out = subprocess.run(["sqlite3", os.path.join(server.data, "dandelion.db"),
                                      "PRAGMA integrity_check"], capture_output=True, text=True)
                self.assertEqual(out.stdout.strip(), "ok")
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
