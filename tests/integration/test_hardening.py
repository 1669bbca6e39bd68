"""Black-box tests of the server's hardening (docs/security.md, "HTTP" and "Files on disk").

An anonymous upload-sized body is refused from its headers, before it is sent; connections are
capped per address and in total; /metrics is served only with its token; every file the server
writes is its owner's alone and `serve` refuses a data dir others can read; a JSON object that
repeats a key is refused; past the network-wide ceiling the public help form holds requests at
the secretariat under one alert instead of routing each.
"""

import http.client
import json
import os
import socket
import stat
import time
import unittest

from harness import Server, backend, run_cli
from network import build_network, sign_in, add_user
from test_emergency import PUBLIC_POST, REQUESTS, submit
from test_people import sql

METRICS_TOKEN = "m" * 20 + "0123456789abcdef"


def raw_exchange(port, data, source="127.0.0.1", timeout=5):
    """Sends data on a fresh connection and returns what comes back until the server closes
    or timeout passes (b"" if nothing)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                 source_address=(source, 0))
    try:
        s.sendall(data)
        got = b""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            got += chunk
            if b"\r\n\r\n" in got and b"content-length" in got.lower():
                head, _, body = got.partition(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
                if len(body) >= length:
                    break
        return got
    finally:
        s.close()


class HttpHardeningTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.server.set_config('# token = ""', f'token = "{METRICS_TOKEN}"')
        cls.server.set_config("# max_connections_per_address = 64",
                              "max_connections_per_address = 4")
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.worker = sign_in(cls.server, cls.users["org-a"]["case_worker"])
        r = cls.worker.client.post("/api/v1/people", body={"legal_name": "강하드닝"})
        assert r.status == 201, r.body
        r = cls.worker.client.post("/api/v1/cases", body={
            "person_id": r.json()["id"], "intake_channel": "hotline", "risk_level": "low",
            "summary": "hardening"})
        assert r.status == 201, r.body
        cls.case_id = r.json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def upload_head(self, length, cookie=""):
        head = (f"POST /api/v1/cases/{self.case_id}/files?kind=other&name=a.bin HTTP/1.1\r\n"
                f"Host: t\r\nContent-Type: application/octet-stream\r\n"
                f"Content-Length: {length}\r\n")
        if cookie:
            head += f"Cookie: {cookie}\r\nX-CSRF-Token: {self.worker.client.csrf}\r\n"
        return (head + "\r\n").encode()

    def test_an_anonymous_upload_is_refused_before_its_body_is_sent(self):
        started = time.time()
        reply = raw_exchange(self.server.port, self.upload_head(10 * 1024 * 1024), timeout=5)
        self.assertTrue(reply.startswith(b"HTTP/1.1 401"), reply[:200])
        self.assertLess(time.time() - started, 4)
        # A forged cookie is no better than none.
        reply = raw_exchange(self.server.port,
                             self.upload_head(10 * 1024 * 1024, "__Host-dandelion_session=x"))
        self.assertTrue(reply.startswith(b"HTTP/1.1 401"), reply[:200])

    def test_a_signed_in_upload_is_still_read(self):
        cookie = "; ".join(f"{k}={v}" for k, v in self.worker.client.cookies.items())
        body = os.urandom(200 * 1024)
        reply = raw_exchange(self.server.port, self.upload_head(len(body), cookie) + body)
        self.assertTrue(reply.startswith(b"HTTP/1.1 201"), reply[:300])

    def test_connections_from_one_address_are_capped(self):
        held = [socket.create_connection(("127.0.0.1", self.server.port), timeout=5,
                                         source_address=("127.0.0.77", 0)) for _ in range(4)]
        try:
            time.sleep(0.2)
            started = time.time()
            reply = raw_exchange(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n",
                                 source="127.0.0.77")
            self.assertTrue(reply.startswith(b"HTTP/1.1 429"), reply[:200])
            self.assertLess(time.time() - started, 2)
            # Another address is not affected.
            reply = raw_exchange(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n",
                                 source="127.0.0.78")
            self.assertTrue(reply.startswith(b"HTTP/1.1 200"), reply[:200])
        finally:
            for s in held:
                s.close()
        deadline = time.time() + 5
        while time.time() < deadline:
            reply = raw_exchange(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n",
                                 source="127.0.0.77")
            if reply.startswith(b"HTTP/1.1 200"):
                break
            time.sleep(0.1)
        self.assertTrue(reply.startswith(b"HTTP/1.1 200"), reply[:200])

    def test_metrics_need_their_token(self):
        c = self.server.client()
        self.assertEqual(c.get("/metrics").status, 401)
        self.assertEqual(c.get("/metrics", headers={"Authorization": "Bearer wrong"}).status, 401)
        # A session is not the token: signing in does not open the metrics.
        self.assertEqual(self.worker.client.get("/metrics").status, 401)
        r = c.get("/metrics", headers={"Authorization": "Bearer " + METRICS_TOKEN})
        self.assertEqual(r.status, 200, r.body)
        self.assertIn(b"dandelion_http_requests_total", r.body)

    def test_a_repeated_json_key_is_refused_and_named(self):
        for body, key in [(b'{"legal_name":"a","legal_name":"b"}', "legal_name"),
                          (b'{"legal_name":"a","x":{"y":1,"y":2}}', "x.y")]:
            r = self.worker.client.request("POST", "/api/v1/people", raw=body,
                                           headers={"Content-Type": "application/json"})
            self.assertEqual(r.status, 400, r.body)
            err = r.json()["error"]
            self.assertIn(key, err["fields"])
            self.assertIn("두 번", err["message"])
        r = self.server.client("en").post("/api/v1/session", body=None, raw=b'{"a":1,"a":1}',
                                          headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("twice", r.json()["error"]["message"])


class MetricsOffByDefaultTest(unittest.TestCase):
    def test_metrics_are_not_served_without_a_token(self):
        server = Server().start()
        try:
            self.assertEqual(server.client().get("/metrics").status, 404)
        finally:
            server.cleanup()


class TotalConnectionCapTest(unittest.TestCase):
    def test_connections_beyond_the_total_are_refused_at_once(self):
        server = Server()
        server.set_config("# max_connections = 1024", "max_connections = 3")
        server.start()
        held = []
        try:
            held = [socket.create_connection(("127.0.0.1", server.port), timeout=5,
                                             source_address=(f"127.0.2.{i}", 0))
                    for i in range(1, 4)]
            time.sleep(0.2)
            reply = raw_exchange(server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n",
                                 source="127.0.2.9")
            self.assertTrue(reply.startswith(b"HTTP/1.1 503"), reply[:200])
        finally:
            for s in held:
                s.close()
            server.cleanup()


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class FilesOnDiskTest(unittest.TestCase):
    def setUp(self):
        self.server = Server()

    def tearDown(self):
        self.server.cleanup()

    def private_everywhere(self, paths):
        for path in paths:
            allowed = 0o700 if os.path.isdir(path) else 0o600
            self.assertEqual(mode(path) & ~allowed, 0, f"{path} is {oct(mode(path))}")

    def test_every_file_the_server_writes_is_its_owners_alone(self):
        self.server.start()
        c = self.server.client()
        r = c.post("/api/v1/test/probe-writes", body={"payload": "x"})
        self.assertLess(r.status, 300, r.body)
        # While it runs (SQLite's -wal and -shm exist only then)...
        paths = [self.server.data]
        for root, dirs, files in os.walk(self.server.data):
            paths += [os.path.join(root, n) for n in dirs + files]
        if backend() == "sqlite":
            # The database, and the audit journal of reads (security/audit_journal.h).
            for suffix in ["", "-wal", "-shm", "-read-audit"]:
                self.assertIn(os.path.join(self.server.data, "dandelion.db" + suffix), paths)
        self.assertIn(os.path.join(self.server.data, "keys", "master.key"), paths)
        self.private_everywhere(paths)
        self.server.stop()
        # ...and a backup made by the CLI.
        if backend() == "sqlite":
            backup = os.path.join(self.server.tmp, "backup.bin")
            run_cli("backup", "--data", self.server.data, "--out", backup)
            self.private_everywhere([backup])

    def test_serve_refuses_a_data_dir_others_can_read_and_names_the_fix(self):
        targets = [self.server.data, os.path.join(self.server.data, "keys")]
        if backend() == "sqlite":
            targets.append(os.path.join(self.server.data, "dandelion.db"))
            self.server.start()  # the audit journal is made when the data dir is first served
            self.server.stop()
            targets.append(os.path.join(self.server.data, "dandelion.db-read-audit"))
        for target in targets:
            original = mode(target)
            os.chmod(target, original | 0o044)
            with self.assertRaises(AssertionError):
                self.server.start()
            log = self.server.server_log()
            self.assertIn("chmod", log)
            self.assertIn(target, log)
            os.chmod(target, original)
        self.server.start()
        self.assertEqual(self.server.client().get("/healthz").status, 200)


class AddressTableTest(unittest.TestCase):
    """A spray of addresses (through a trusted proxy, so each is believed) cannot grow the help
    form's address table past its bound."""

    def test_the_flood_control_table_stays_bounded(self):
        proxy = "127.0.0.27"
        server = Server()
        server.set_config("# trusted_proxies = []", f'trusted_proxies = ["{proxy}"]')
        server.set_config('# token = ""', f'token = "{METRICS_TOKEN}"')
        server.start()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30,
                                              source_address=(proxy, 0))
            for i in range(20100):
                # Flood control counts every post, before its body is read: "{}" will do.
                conn.request("POST", PUBLIC_POST, body=b"{}", headers={
                    "Content-Type": "application/json",
                    "X-Real-IP": f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"})
                r = conn.getresponse()
                r.read()
                self.assertEqual(r.status, 400)
            conn.close()
            text = server.client().get("/metrics", headers={
                "Authorization": "Bearer " + METRICS_TOKEN}).body.decode()
            line = next(l for l in text.splitlines()
                        if l.startswith("dandelion_help_form_addresses "))
            self.assertEqual(int(line.split()[1]), 20000)
        finally:
            server.cleanup()


class FloodTest(unittest.TestCase):
    """Past the ceiling the help form still takes requests, but holds them at the secretariat
    under one alert instead of routing (and later escalating) each one."""

    def test_a_flood_becomes_one_alert_at_the_secretariat(self):
        server = Server()
        server.set_config("# public_help_per_minute = 30", "public_help_per_minute = 3")
        try:
            users = build_network(server)
            add_user(server, "sec", "sec-dispatcher", "dispatcher")
            server.start()
            a = sign_in(server, users["org-a"]["dispatcher"])
            sec = sign_in(server, "sec-dispatcher")
            statuses = [submit(server, "KR-11", f"127.0.3.{i}")[0] for i in range(1, 9)]
            self.assertEqual(statuses, [202] * 8)  # nobody is turned away
            routed = a.client.get(REQUESTS).json()["items"]
            held = sec.client.get(REQUESTS).json()["items"]
            self.assertEqual(len(routed), 3)
            self.assertEqual(len(held), 5)
            self.assertTrue(all(h["ack_due_at"] is None for h in held))
            self.assertEqual(sql(server, "SELECT COUNT(*) FROM audit_log "
                                         "WHERE action = 'help_request.flood'"), "1")
            self.assertEqual(sql(server, "SELECT COUNT(*) FROM help_request_routes "
                                         "WHERE reason = 'flood'"), "5")
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
