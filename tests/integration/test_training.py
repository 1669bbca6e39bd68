"""Black-box tests of activist training: courses, modules and sessions, trainees, idempotent
attendance, the pass rule, certificates issued only to a trainee who passed (once), the PDF in
Korean with a QR code that carries the public verification URL (read back with pdftotext,
pdftoppm and zbarimg), public verification (valid, forged, altered, revoked; no name, no
cookie), bad input that changes nothing, and another organization's staff answered 404. Runs on
SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import http.client
import json
import re
import subprocess
import tempfile
import os
import unittest

from harness import Server, backend
from network import add_user, build_network, sign_in
from test_people import sql

COURSES = "/api/v1/training/courses"
VERIFY = "/api/v1/public/certificates"
PUBLIC_URL = "https://dandelion.test"
CODE = re.compile(r"^([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-){4}[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$")
HOLDER = "한솔-수료자-5521"
OTHER = "윤서-미수료-7730"
CONTACT = "010-7000-5521"


def public_get(port, path, lang="ko"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": lang})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


class TrainingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.server.set_config('# public_url = ""', f'public_url = "{PUBLIC_URL}/"')
        cls.users = build_network(cls.server)
        add_user(cls.server, "sec", "sec-advocate", "advocate")
        cls.server.start()
        cls.adv = sign_in(cls.server, "sec-advocate")
        cls.a_admin = sign_in(cls.server, cls.users["org-a"]["org_admin"])
        cls.b_adv = sign_in(cls.server, cls.users["org-b"]["advocate"])
        cls.auditor = sign_in(cls.server, cls.users["sec"]["auditor"])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # -- helpers -------------------------------------------------------------------------------

    def course(self, session=None, sessions=5, required=True, **extra):
        c = (session or self.adv).client
        body = {"title_ko": "신입 활동가 양성 과정", "title_en": "Course for new activists"}
        body.update(extra)
        r = c.post(COURSES, body=body)
        self.assertEqual(r.status, 201, r.body)
        course = r.json()
        self.assertEqual(course["pass_percent"], body.get("pass_percent", 80))
        path = f"{COURSES}/{course['id']}"
        r = c.post(path + "/modules", body={"title_ko": "성매매의 구조", "required": required})
        self.assertEqual(r.status, 201, r.body)
        module = r.json()
        r = c.post(path + "/modules", body={"title_ko": "지원 제도"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["position"], module["position"] + 1)
        ids = []
        for i in range(sessions):
            r = c.post(path + "/sessions", body={
                "starts_at": f"2026-03-{i + 2:02d}T14:00:00+09:00",
                "ends_at": f"2026-03-{i + 2:02d}T17:00:00+09:00",
                "venue": "서울 중구 교육장",
                "module_id": module["id"] if i == 0 else None})
            self.assertEqual(r.status, 201, r.body)
            self.assertEqual(r.json()["date"], f"2026-03-{i + 2:02d}")
            ids.append(r.json()["id"])
        return path, module, ids

    def enrol(self, path, name, session=None, **extra):
        r = (session or self.adv).client.post(path + "/enrollments", body={"name": name, **extra})
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def mark(self, path, session_id, marks, status=200):
        r = self.adv.client.post(f"{path}/sessions/{session_id}/attendance", body={
            "marks": [{"enrollment_id": e, "status": s} for e, s in marks]})
        self.assertEqual(r.status, status, r.body)
        return r

    def passed_with_certificate(self):
        path, module, sessions = self.course()
        her = self.enrol(path, HOLDER, contact=CONTACT)
        for i, s in enumerate(sessions):
            self.mark(path, s, [(her["id"], "absent" if i == 4 else "present")])
        r = self.adv.client.post(f"{path}/enrollments/{her['id']}/certificate", body={})
        self.assertEqual(r.status, 201, r.body)
        return path, her, r.json()

    def verify(self, code, lang="ko"):
        status, headers, body = public_get(self.server.port, f"{VERIFY}/{code}", lang)
        self.assertEqual(status, 200, body)
        self.assertNotIn("set-cookie", headers)
        return json.loads(body)

    # -- courses, attendance, completion ---------------------------------------------------------

    def test_attendance_is_idempotent_and_the_pass_rule_decides(self):
        path, module, sessions = self.course()
        her = self.enrol(path, HOLDER, contact=CONTACT)
        other = self.enrol(path, OTHER)
        self.assertNotIn("contact", her)
        self.assertIsNone(her["certificate"])
        self.assertEqual(her["completion"]["needed"], 4)  # 80 % of 5
        r = self.mark(path, sessions[0], [(her["id"], "present"), (other["id"], "excused")])
        self.assertEqual(r.json()["changed"], 2)
        first = {m["enrollment_id"]: m for m in r.json()["items"]}
        # The same marks again: nothing changes, not even the time.
        r = self.mark(path, sessions[0], [(her["id"], "present"), (other["id"], "excused")])
        self.assertEqual(r.json()["changed"], 0)
        self.assertEqual({m["enrollment_id"]: m for m in r.json()["items"]}, first)
        # A different status replaces the recorded one.
        r = self.mark(path, sessions[0], [(other["id"], "absent")])
        self.assertEqual(r.json()["changed"], 1)
        for s in sessions[1:4]:
            self.mark(path, s, [(her["id"], "present"), (other["id"], "present")])
        self.mark(path, sessions[4], [(her["id"], "excused"), (other["id"], "present")])
        r = self.adv.client.get(path + "/enrollments")
        self.assertEqual(r.status, 200, r.body)
        items = {e["id"]: e for e in r.json()["items"]}
        mine = items[her["id"]]["completion"]
        self.assertEqual((mine["present"], mine["excused"], mine["passed"]), (4, 1, True))
        self.assertEqual(items[her["id"]]["attendance"][sessions[4]], "excused")
        # The other trainee attended four of five but missed the required module's session.
        theirs = items[other["id"]]["completion"]
        self.assertEqual(theirs["present"], 4)
        self.assertFalse(theirs["passed"])
        self.assertEqual(theirs["missing_modules"], [module["id"]])
        # No certificate for her: 409, nothing written.
        r = self.adv.client.post(f"{path}/enrollments/{other['id']}/certificate", body={})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["refs"]["missing_modules"], [module["id"]])
        self.assertEqual(self.adv.client.get(path).json()["counts"]["certificates"], 0)
        # One trainee's read carries her contact and is audited; the list's read too.
        r = self.adv.client.get(f"{path}/enrollments/{her['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual((r.json()["name"], r.json()["contact"]), (HOLDER, CONTACT))
        for action, entity in [("training.enrollments.read", path.rsplit("/", 1)[1]),
                               ("training.enrollment.read", her["id"])]:
            r = self.auditor.client.get(f"/api/v1/audit?action={action}")
            self.assertEqual(r.status, 200, r.body)
            self.assertTrue(any(x["entity_id"] == entity for x in r.json()["items"]), action)
        # Writes are audited without a word of what was written.
        r = self.auditor.client.get("/api/v1/audit?action=training.enrollment.create")
        self.assertNotIn(HOLDER, r.body.decode("utf-8"))
        self.assertNotIn(CONTACT, r.body.decode("utf-8"))
        r = self.auditor.client.get("/api/v1/audit?action=training.attendance.mark")
        self.assertGreaterEqual(len(r.json()["items"]), 12)

    def test_names_and_contacts_are_sealed(self):
        path, _, _ = self.course(sessions=1)
        her = self.enrol(path, HOLDER, contact=CONTACT)
        query = (f"SELECT hex(name) || hex(contact) FROM training_enrollments "
                 f"WHERE id = '{her['id']}'") if backend() == "sqlite" else (
                 f"SELECT encode(name, 'hex') || encode(contact, 'hex') FROM "
                 f"training_enrollments WHERE id = '{her['id']}'")
        stored = sql(self.server, query).lower()
        self.assertTrue(stored)
        for secret in (HOLDER, CONTACT):
            self.assertNotIn(secret.encode("utf-8").hex(), stored)

    # -- certificates ------------------------------------------------------------------------------

    def test_certificate_once_pdf_in_korean_with_a_qr_of_the_verification_url(self):
        path, her, cert = self.passed_with_certificate()
        self.assertRegex(cert["code"], CODE)
        self.assertEqual(cert["verify_url"], f"{PUBLIC_URL}/certificates/{cert['code']}")
        self.assertIsNone(cert["revoked_at"])
        # Issued once: again answers the same certificate.
        r = self.adv.client.post(f"{path}/enrollments/{her['id']}/certificate", body={})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json(), cert)
        r = self.adv.client.get(path)
        self.assertEqual(r.json()["counts"]["certificates"], 1)
        r = self.adv.client.get(f"{path}/enrollments/{her['id']}/certificate/pdf")
        self.assertEqual(r.status, 200, r.body[:200])
        self.assertEqual(r.header("content-type"), "application/pdf")
        self.assertTrue(r.body.startswith(b"%PDF-"))
        with tempfile.TemporaryDirectory() as tmp:
            pdf = os.path.join(tmp, "c.pdf")
            with open(pdf, "wb") as f:
                f.write(r.body)
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                                  check=True).stdout.decode("utf-8")
            for expected in ("수료증", HOLDER, "신입 활동가 양성 과정", "Course for new activists",
                             "2026년 3월 2일 ~ 2026년 3월 6일", "전국연대 사무국", cert["code"],
                             "증서 번호"):
                self.assertIn(expected, text)
            subprocess.run(["pdftoppm", "-png", "-r", "200", pdf, os.path.join(tmp, "page")],
                           check=True)
            png = [p for p in os.listdir(tmp) if p.endswith(".png")][0]
            decoded = subprocess.run(["zbarimg", "-q", "--raw", os.path.join(tmp, png)],
                                     capture_output=True, check=True).stdout.decode().strip()
        self.assertEqual(decoded, cert["verify_url"])
        # Reading the PDF is audited.
        r = self.auditor.client.get("/api/v1/audit?action=training.certificate.read")
        self.assertTrue(any(x["entity_id"] == cert["id"] for x in r.json()["items"]), r.body)

    def test_verification_names_the_course_and_day_only(self):
        path, her, cert = self.passed_with_certificate()
        body = self.verify(cert["code"])
        self.assertEqual(set(body), {"valid", "course", "issued_on"})
        self.assertEqual(body, {"valid": True, "course": "신입 활동가 양성 과정",
                                "issued_on": cert["issued_on"]})
        self.assertNotIn(HOLDER, json.dumps(body, ensure_ascii=False))
        self.assertEqual(self.verify(cert["code"], "en")["course"], "Course for new activists")
        # Typed without dashes, in lower case.
        self.assertTrue(self.verify(cert["code"].replace("-", "").lower())["valid"])
        # The page the QR code opens, on the public site: valid, the course, no name, no cookie.
        for lang, words in [("", "유효한 수료증입니다."), ("/en", "This certificate is valid.")]:
            status, headers, page = public_get(self.server.port,
                                               f"{lang}/certificates/{cert['code']}")
            page = page.decode("utf-8")
            self.assertEqual(status, 200, page[:300])
            self.assertNotIn("set-cookie", headers)
            self.assertIn(words, page)
            self.assertNotIn(HOLDER, page)
        status, _, page = public_get(self.server.port, "/certificates/ABCD-EFGH-JKMN-PQRS-TUVW")
        self.assertEqual(status, 200)
        self.assertIn("확인할 수 없는 수료증입니다.", page.decode("utf-8"))

    def test_forged_altered_and_revoked_codes_are_not_valid(self):
        path, her, cert = self.passed_with_certificate()
        code = cert["code"]
        alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
        for i in (0, 7, 16, len(code) - 1):
            c = code[i]
            altered = code[:i] + (alphabet[(alphabet.index(c) + 1) % len(alphabet)]) + code[i + 1:]
            self.assertEqual(self.verify(altered), {"valid": False}, altered)
        for forged in ("ABCD-EFGH-JKMN-PQRS-TUVW", "2222-2222-2222-2222-2222", "x", "0" * 24,
                       code + "-2222", "%EC%88%98"):
            self.assertEqual(self.verify(forged), {"valid": False}, forged)
        # Revoked: not valid; revoking twice, issuing again and the PDF are refused.
        r = self.adv.client.post(f"{path}/enrollments/{her['id']}/certificate/revoke", body={})
        self.assertEqual(r.status, 200, r.body)
        self.assertIsNotNone(r.json()["revoked_at"])
        self.assertEqual(self.verify(code), {"valid": False})
        for tail, method in [("/revoke", "POST"), ("", "POST"), ("/pdf", "GET")]:
            r = self.adv.client.request(method, f"{path}/enrollments/{her['id']}/certificate{tail}",
                                        body={} if method == "POST" else None)
            self.assertEqual(r.status, 409, (tail, r.body))
        r = self.adv.client.get(path)
        self.assertEqual(r.json()["counts"]["certificates"], 0)

    # -- bad input, other organizations ------------------------------------------------------------

    def test_bad_input_is_refused_and_changes_nothing(self):
        path, module, sessions = self.course()
        her = self.enrol(path, HOLDER)
        c = self.adv.client

        def counts():
            return (c.get(path).json()["counts"], sql(self.server,
                    "SELECT COUNT(*) FROM training_attendance"),
                    sql(self.server, "SELECT COUNT(*) FROM training_courses"))
        before = counts()
        bad = [
            (COURSES, {"title_ko": 5}),
            (COURSES, {"title_ko": "x", "pass_percent": 0}),
            (COURSES, {"title_ko": "x", "pass_percent": "80"}),
            (COURSES, {"title_ko": " "}),
            (COURSES, {"title_ko": "x", "colour": "red"}),
            (COURSES, {"title_en": "no korean title"}),
            (path + "/modules", {"title_ko": "x", "position": 0}),
            (path + "/modules", {"title_ko": "x", "required": "yes"}),
            (path + "/sessions", {"starts_at": "2026-03-02T17:00:00+09:00",
                                  "ends_at": "2026-03-02T14:00:00+09:00", "venue": "x"}),
            (path + "/sessions", {"starts_at": "2026-03-02T14:00:00+09:00",
                                  "ends_at": "2026-03-04T14:00:00+09:00", "venue": "x"}),
            (path + "/sessions", {"starts_at": "yesterday", "ends_at": "today", "venue": "x"}),
            (path + "/sessions", {"starts_at": "2026-03-02T14:00:00+09:00",
                                  "ends_at": "2026-03-02T17:00:00+09:00", "venue": "x",
                                  "module_id": "0" * 26}),
            (path + "/enrollments", {"name": ""}),
            (path + "/enrollments", {"name": ["x"]}),
            (path + "/enrollments", {"name": "x" * 201}),
            (f"{path}/sessions/{sessions[0]}/attendance", {"marks": []}),
            (f"{path}/sessions/{sessions[0]}/attendance",
             {"marks": [{"enrollment_id": her["id"], "status": "late"}]}),
            (f"{path}/sessions/{sessions[0]}/attendance",
             {"marks": [{"enrollment_id": her["id"], "status": "present"},
                        {"enrollment_id": "0" * 26, "status": "present"}]}),
            (f"{path}/sessions/{sessions[0]}/attendance",
             {"marks": [{"enrollment_id": her["id"], "status": "present"},
                        {"enrollment_id": her["id"], "status": "absent"}]}),
            (f"{path}/sessions/{sessions[0]}/attendance", {"marks": "present"}),
        ]
        for url, body in bad:
            r = c.post(url, body=body)
            self.assertEqual(r.status, 400, (url, body, r.body))
            self.assertIn("fields", r.json()["error"], r.body)
        for patch_path, body in [(path, {"pass_percent": 101}), (path, {"title_ko": ""}),
                                 (f"{path}/modules/{module['id']}", {"position": "1"}),
                                 (f"{path}/sessions/{sessions[0]}", {"venue": " "})]:
            r = c.request("PATCH", patch_path, body=body)
            self.assertEqual(r.status, 400, (patch_path, body, r.body))
        # Not JSON, and a body over the limit.
        r = c.request("POST", COURSES, raw=b"{not json", headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400, r.body)
        try:
            r = c.post(COURSES, body={"title_ko": "x", "description_ko": "가" * 2_000_000})
            self.assertIn(r.status, (400, 413), r.body[:200])
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before the whole body was sent
        # A certificate for a trainee who attended nothing; unknown ids.
        r = c.post(f"{path}/enrollments/{her['id']}/certificate", body={})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["refs"]["needed"], ["4"])
        for url in (f"{path}/enrollments/{'0' * 26}/certificate", f"{path}/enrollments/x/certificate",
                    f"{path}/sessions/{'0' * 26}/attendance"):
            r = c.post(url, body={"marks": [{"enrollment_id": her["id"], "status": "present"}]}
                       if url.endswith("attendance") else {})
            self.assertEqual(r.status, 404, (url, r.body))
        self.assertEqual(counts(), before)

    def test_another_organizations_staff_get_404(self):
        path, module, sessions = self.course()
        her = self.enrol(path, HOLDER)
        for s in sessions:
            self.mark(path, s, [(her["id"], "present")])
        r = self.adv.client.post(f"{path}/enrollments/{her['id']}/certificate", body={})
        self.assertEqual(r.status, 201, r.body)
        e = f"{path}/enrollments/{her['id']}"
        for session in (self.a_admin, self.b_adv):
            c = session.client
            for method, url, body in [
                    ("GET", path, None), ("PATCH", path, {"title_ko": 5}),
                    ("POST", path + "/modules", {}), ("PATCH", f"{path}/modules/{module['id']}", {}),
                    ("POST", path + "/sessions", {}),
                    ("PATCH", f"{path}/sessions/{sessions[0]}", {}),
                    ("POST", f"{path}/sessions/{sessions[0]}/attendance", {"marks": []}),
                    ("GET", path + "/enrollments", None), ("POST", path + "/enrollments", {}),
                    ("GET", e, None), ("POST", e + "/certificate", {}),
                    ("POST", e + "/certificate/revoke", {}), ("GET", e + "/certificate/pdf", None)]:
                r = c.request(method, url, body=body)
                self.assertEqual(r.status, 404, (method, url, r.body))
            self.assertNotIn(path.rsplit("/", 1)[1], c.get(COURSES).body.decode())
        # A member runs its own course; the secretariat does not see it.
        own, _, _ = self.course(session=self.b_adv, sessions=1)
        self.assertEqual(self.b_adv.client.get(own).json()["organizer"]["name"], "나 지원시설")
        self.assertEqual(self.adv.client.get(own).status, 404)
        # The certificate is still issued and unrevoked.
        self.assertIsNone(self.adv.client.get(e).json()["certificate"]["revoked_at"])


if __name__ == "__main__":
    unittest.main()
