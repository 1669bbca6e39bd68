"""Black-box tests of receipts on ledger entries: upload (a photo or PDF, raw body), list, download
with the same bytes, withdrawal (hidden, kept), the ledger's receipt count, another
organization's 404, a body too big (413) and bad input (400).

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import socket
import time
import unittest
import urllib.parse

from harness import Server
from network import build_network, server_now, sign_in
from test_people import sql

SOURCES = "/api/v1/funding-sources"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


class FundReceiptsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        cls.server.start()
        cls.sign_in_all()
        year = int(time.strftime("%Y", time.gmtime(server_now(cls.fin.client) + 9 * 3600)))
        r = cls.admin.client.post(SOURCES, body={"name": "영수증", "year": year,
                                                 "budget": 100_000_000,
                                                 "rules": {"training": {"cap": 7_000_000}}})
        assert r.status == 201, r.body
        cls.source = r.json()["id"]
        r = cls.worker.client.post("/api/v1/people", body={"legal_name": "영수 증인"})
        assert r.status == 201, r.body
        cls.her = r.json()["id"]
        r = cls.fin.client.post(f"/api/v1/people/{cls.her}/disbursements", body={
            "source_id": cls.source, "kind": "training", "amount": 100_000,
            "paid_on": f"{year}-02-02"})
        assert r.status == 201, r.body
        cls.entry = r.json()["id"]

    @classmethod
    def sign_in_all(cls):
        for attr, org, role in [("admin", "org-a", "org_admin"), ("fin", "org-a", "finance"),
                                ("worker", "org-a", "case_worker"),
                                ("super", "org-a", "supervisor"),
                                ("b_fin", "org-b", "finance"), ("b_admin", "org-b", "org_admin")]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, cls.users[org][role],
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        if self.fin.client.get(SOURCES).status == 401:
            type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def upload(self, who, data, name="영수증 1.pdf", ctype="application/pdf", entry=None):
        path = (f"/api/v1/disbursements/{entry or self.entry}/receipts?name="
                + urllib.parse.quote(name))
        return who.client.request("POST", path, raw=data, headers={"Content-Type": ctype})

    def listed(self, who=None):
        r = (who or self.fin).client.get(f"/api/v1/disbursements/{self.entry}/receipts")
        self.assertEqual(r.status, 200, r.body)
        return r.json()["items"]

    def ledger_count(self):
        r = self.fin.client.get(f"/api/v1/people/{self.her}/disbursements")
        self.assertEqual(r.status, 200, r.body)
        return next(e for e in r.json()["entries"] if e["id"] == self.entry)["receipts"]

    def count(self):
        return int(sql(self.server, "SELECT COUNT(*) FROM fund_receipts"))

    def test_upload_list_download_and_withdraw(self):
        before = self.ledger_count()
        r = self.upload(self.fin, PDF)
        self.assertEqual(r.status, 201, r.body)
        rec = r.json()
        self.assertEqual(set(rec), {"id", "file_name", "size", "content_type", "uploaded_at",
                                    "uploaded_by"})
        self.assertEqual(rec["file_name"], "영수증 1.pdf")
        self.assertEqual(rec["size"], len(PDF))
        self.assertEqual(rec["content_type"], "application/pdf")
        self.assertEqual(rec["uploaded_by"], self.fin.user_id)
        # A case worker and an org admin may attach too; a supervisor reads.
        r = self.upload(self.worker, PNG, name="photo.png", ctype="image/png")
        self.assertEqual(r.status, 201, r.body)
        png = r.json()
        self.assertEqual(self.upload(self.super, PNG, ctype="image/png").status, 403)
        self.assertEqual([x["id"] for x in self.listed(self.super)][-2:], [rec["id"], png["id"]])
        self.assertEqual(self.ledger_count(), before + 2)
        # Stored encrypted: neither the name nor the bytes in clear.
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM fund_receipts WHERE "
                                          f"id = '{rec['id']}' AND size = {len(PDF)}"), "1")
        r = self.admin.client.get(f"/api/v1/receipts/{rec['id']}/file")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body, PDF)
        self.assertIn("attachment", r.header("content-disposition"))
        self.assertIn("funds.receipt.read", sql(
            self.server, f"SELECT action FROM audit_log WHERE entity_id = '{rec['id']}'"))
        # Withdrawal: a reason is required; then hidden from the list, kept, audited.
        path = f"/api/v1/receipts/{png['id']}/withdrawal"
        r = self.fin.client.post(path, body={"reason": " "})
        self.assertEqual(r.status, 400, r.body)
        r = self.fin.client.post(path, body={})
        self.assertEqual(r.status, 400, r.body)
        r = self.fin.client.post(path, body={"reason": "다른 사람의 영수증"})
        self.assertEqual(r.status, 200, r.body)
        ids = [x["id"] for x in self.listed()]
        self.assertIn(rec["id"], ids)
        self.assertNotIn(png["id"], ids)
        self.assertEqual(self.ledger_count(), before + 1)
        self.assertEqual(sql(self.server, "SELECT COUNT(*) FROM fund_receipts WHERE "
                                          f"id = '{png['id']}' AND withdrawn_at IS NOT NULL"), "1")
        self.assertEqual(self.fin.client.post(path, body={"reason": "again"}).status, 409)
        self.assertIn("funds.receipt.withdraw", sql(
            self.server, f"SELECT action FROM audit_log WHERE entity_id = '{png['id']}'"))
        # No DELETE.
        self.assertIn(self.fin.client.request("DELETE", f"/api/v1/receipts/{rec['id']}").status,
                      (404, 405))

    def test_another_organization_gets_404_and_nothing_changes(self):
        r = self.upload(self.fin, PDF, name="b-test.pdf")
        self.assertEqual(r.status, 201, r.body)
        rec = r.json()
        before = self.count()
        for who in (self.b_fin, self.b_admin):
            self.assertEqual(self.upload(who, PDF).status, 404)
            self.assertEqual(self.upload(who, b"", ctype="text/plain").status, 404)
            self.assertEqual(who.client.get(
                f"/api/v1/disbursements/{self.entry}/receipts").status, 404)
            self.assertEqual(who.client.get(f"/api/v1/receipts/{rec['id']}/file").status, 404)
            self.assertEqual(who.client.post(f"/api/v1/receipts/{rec['id']}/withdrawal",
                                             body={"reason": "x"}).status, 404)
            self.assertEqual(who.client.post(f"/api/v1/receipts/{rec['id']}/withdrawal",
                                             body={"reason": 5}).status, 404)
        self.assertEqual(self.count(), before)
        self.assertEqual(self.fin.client.get("/api/v1/receipts/nope/file").status, 404)

    def test_bad_files_are_refused(self):
        before = self.count()
        cases = [
            (b"", "a.pdf", "application/pdf", "body"),
            (PDF, "", "application/pdf", "name"),
            (PDF, "../x.pdf", "application/pdf", "name"),
            (PDF, "a.pdf", "text/plain", "content_type"),
            (b"hello", "a.pdf", "application/pdf", "content_type"),  # not a PDF inside
            (PNG, "a.jpg", "image/jpeg", "content_type"),
        ]
        for data, name, ctype, field in cases:
            r = self.upload(self.fin, data, name=name, ctype=ctype)
            self.assertEqual(r.status, 400, (name, ctype, r.body))
            self.assertIn(field, r.json()["error"]["fields"], (name, ctype, r.body))
        self.assertEqual(self.count(), before)
        # Too big: 413 from the declared length, before the body is read; nothing stored.
        client = self.fin.client
        cookies = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        head = (f"POST /api/v1/disbursements/{self.entry}/receipts?name=big.pdf HTTP/1.1\r\n"
                f"Host: 127.0.0.1\r\nCookie: {cookies}\r\nX-CSRF-Token: {client.csrf}\r\n"
                f"Content-Type: application/pdf\r\nContent-Length: {10 * 1024 * 1024 + 1}"
                "\r\n\r\n")
        with socket.create_connection(("127.0.0.1", client.port), timeout=30) as sock:
            sock.sendall(head.encode("ascii"))
            self.assertEqual(sock.recv(4096)[:12], b"HTTP/1.1 413")
        self.assertEqual(self.count(), before)


if __name__ == "__main__":
    unittest.main()
