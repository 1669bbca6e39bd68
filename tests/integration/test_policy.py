"""Black-box tests of the policy monitor (docs/api-policy.md): an ordinance's life cycle (status
history append-only, current status derived), the scorecard, comparison and amounts, documents,
the map, its drill-down and the timeline, the public map and statements (published only), the CSV
import (idempotent, per-row refusals, a 10,000-row file), bad input changing nothing, and who may
write (advocate, network_admin) and read (everyone signed in).

Runs on SQLite, or on PostgreSQL with DANDELION_TEST_PG_URL set.
"""

import os
import subprocess
import time
import unittest

from harness import Server
from network import add_user, build_network, sign_in
from test_people import sql

P = "/api/v1/policy"
PUB = "/api/v1/public/policy"
SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "policy-import-sample.csv")
BILLS = os.path.join(os.path.dirname(__file__), "..", "..", "docs",
                     "policy-import-bills-sample.csv")
HEADER = "자치법규ID,자치법규명,지자체기관명,자치법규종류,제개정구분명,공포일자\n"


class PolicyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.users = build_network(cls.server)
        add_user(cls.server, "sec", "sec-advocate", "advocate")
        cls.server.start()
        cls.sign_in_all()
        cls.anon = cls.server.client()

    @classmethod
    def sign_in_all(cls):
        for attr, name in [("advocate", "sec-advocate"),
                           ("admin", cls.users["sec"]["network_admin"]),
                           ("researcher", cls.users["org-a"]["researcher"]),
                           ("worker", cls.users["org-a"]["case_worker"]),
                           ("finance", cls.users["org-b"]["finance"])]:
            old = getattr(cls, attr, None)
            setattr(cls, attr, sign_in(cls.server, name,
                                       totp_secret=old.totp_secret if old else None))

    def setUp(self):
        if self.worker.client.get(P + "/criteria").status == 401 or \
                self.advocate.client.get(P + "/criteria").status == 401:
            type(self).sign_in_all()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def ok(self, r, status=200):
        self.assertEqual(r.status, status, r.body)
        return r.json() if r.body else None

    def patch(self, who, path, body):
        return who.client.request("PATCH", path, body=body)

    def item(self, who=None, **extra):
        body = {"kind": "ordinance", "jurisdiction": "41480", "title": "파주시 자립 지원 조례",
                "stance": "support", "status": "proposed", "status_on": "2020-03-02", **extra}
        return self.ok((who or self.advocate).client.post(P + "/items", body=body), 201)

    def csv(self, text, who=None):
        return (who or self.advocate).client.post(
            P + "/import?layout=ordinances", raw=text.encode("utf-8"),
            headers={"Content-Type": "text/csv"})

    # -- life cycle --------------------------------------------------------------------------------

    def test_ordinance_life_cycle_history_and_scores(self):
        it = self.item(topic="자립지원", summary="생계비와 주거 지원")
        self.assertEqual(it["status"], "proposed")
        self.assertEqual(it["region"], "KR-41")
        self.assertEqual(it["jurisdiction_name"], "경기도 파주시")
        self.assertEqual(it["score"], 0)
        self.assertEqual(len(it["scores"]), 10)
        self.assertFalse(it["published"])
        url = f"{P}/items/{it['id']}"
        it = self.ok(self.advocate.client.post(url + "/status", body={
            "status": "enacted", "on": "2020-09-21", "note": "본회의 의결"}), 201)
        self.assertEqual((it["status"], it["status_on"]), ("enacted", "2020-09-21"))
        # A late record with an earlier date does not change the current status.
        it = self.ok(self.admin.client.post(url + "/status", body={
            "status": "under_review", "on": "2020-06-01"}), 201)
        self.assertEqual(it["status"], "enacted")
        self.assertEqual([h["seq"] for h in it["history"]], [1, 2, 3])
        it = self.ok(self.advocate.client.request("PUT", url + "/scores", body={"scores": [
            {"criterion": "living_cost", "value": True},
            {"criterion": "living_cost_amount", "value": 900000, "note": "월"},
            {"criterion": "living_cost_months", "value": 12},
            {"criterion": "housing_amount", "value": 7000000},
            {"criterion": "fraud_clawback", "value": False}]}))
        self.assertEqual(it["score"], 40)  # 4 of 10
        met = {s["criterion"]: s["met"] for s in it["scores"]}
        self.assertTrue(met["living_cost"])
        self.assertFalse(met["fraud_clawback"])
        values = {s["criterion"]: s["value"] for s in it["scores"]}
        self.assertEqual(values["living_cost_amount"], 900000)
        self.assertIs(values["living_cost"], True)
        # Amounts for whoever edits a funding source's rules (finance reads them).
        amounts = self.ok(self.finance.client.get(P + "/ordinance-amounts?region=KR-41"))
        mine = [a for a in amounts["items"] if a["id"] == it["id"]][0]
        self.assertEqual(mine["amounts"], {"living_cost_amount": 900000,
                                           "living_cost_months": 12,
                                           "housing_amount": 7000000})
        # Changing fields; published.
        it = self.ok(self.patch(self.advocate, url, {"published": True, "stance": "amend"}))
        self.assertTrue(it["published"])
        self.assertEqual(it["stance"], "amend")
        # Documents: a link and a file.
        doc = self.ok(self.advocate.client.post(url + "/documents", body={
            "title": "조례 원문", "url": "https://www.elis.go.kr/x"}), 201)
        self.assertIsNone(doc["file"])
        pdf = b"%PDF-1.4 ordinance\n"
        f = self.ok(self.advocate.client.post(
            url + "/documents?title=%EC%9B%90%EB%AC%B8&name=o.pdf", raw=pdf,
            headers={"Content-Type": "application/pdf"}), 201)
        self.assertEqual(f["file"]["size"], len(pdf))
        r = self.anon.get(f"{PUB}/documents/{f['id']}/file")
        self.assertEqual((r.status, r.body), (200, pdf))
        r = self.worker.client.get(f"{P}/documents/{f['id']}/file")
        self.assertEqual((r.status, r.body), (200, pdf))
        bad = self.advocate.client.post(url + "/documents?title=x&name=x.exe", raw=b"MZ",
                                        headers={"Content-Type": "application/x-msdownload"})
        self.assertEqual(bad.status, 400, bad.body)
        detail = self.ok(self.researcher.client.get(url))
        self.assertEqual(len(detail["documents"]), 2)
        self.ok(self.advocate.client.delete(f"{P}/documents/{doc['id']}"), 204)
        self.assertEqual(len(self.ok(self.researcher.client.get(url))["documents"]), 1)
        # Unpublished again: the public file is gone.
        self.ok(self.patch(self.advocate, url, {"published": False}))
        self.assertEqual(self.anon.get(f"{PUB}/documents/{f['id']}/file").status, 404)

    def test_the_status_history_is_append_only_in_the_database(self):
        it = self.item()
        for query in [f"UPDATE policy_status_history SET status = 'enacted' "
                      f"WHERE item_id = '{it['id']}'",
                      f"DELETE FROM policy_status_history WHERE item_id = '{it['id']}'"]:
            with self.assertRaises(subprocess.CalledProcessError):
                sql(self.server, query)
        self.assertEqual(sql(self.server, "SELECT status FROM policy_status_history "
                                          f"WHERE item_id = '{it['id']}'"), "proposed")

    def test_compare_names_the_gaps(self):
        a = self.item(jurisdiction="46130", title="여수시 조례", status="enacted")
        b = self.item(jurisdiction="48120", title="창원시 조례", status="enacted")
        self.ok(self.advocate.client.request("PUT", f"{P}/items/{a['id']}/scores", body={
            "scores": [{"criterion": "living_cost_amount", "value": 800000},
                       {"criterion": "selection_committee", "value": True}]}))
        self.ok(self.advocate.client.request("PUT", f"{P}/items/{b['id']}/scores", body={
            "scores": [{"criterion": "living_cost_amount", "value": 1000000}]}))
        c = self.ok(self.researcher.client.get(f"{P}/compare?items={a['id']},{b['id']}"))
        self.assertEqual(c["best"]["living_cost_amount"], 1000000)
        rows = {r["id"]: r for r in c["items"]}
        self.assertIn("selection_committee", rows[b["id"]]["gaps"])
        self.assertNotIn("selection_committee", rows[a["id"]]["gaps"])
        self.assertEqual(rows[a["id"]]["score"], 20)
        self.assertEqual(self.researcher.client.get(f"{P}/compare?items={a['id']}").status, 400)
        law = self.item(kind="law", jurisdiction="KR", title="법")
        self.assertEqual(self.researcher.client.get(
            f"{P}/compare?items={a['id']},{law['id']}").status, 409)

    def test_criteria_are_retired_not_deleted(self):
        c = self.ok(self.admin.client.post(P + "/criteria", body={
            "key": "peer_support", "label_ko": "동료 지원", "label_en": "Peer support",
            "kind": "yes_no"}), 201)
        self.assertFalse(c["retired"])
        self.assertEqual(self.admin.client.post(P + "/criteria", body={
            "key": "peer_support", "label_ko": "x", "label_en": "x", "kind": "yes_no"}).status, 409)
        c = self.ok(self.patch(self.advocate, P + "/criteria/peer_support", {"retired": True}))
        self.assertTrue(c["retired"])
        keys = [x["key"] for x in self.ok(self.worker.client.get(P + "/criteria"))["items"]]
        self.assertNotIn("peer_support", keys)
        keys = [x["key"] for x in self.ok(self.worker.client.get(
            P + "/criteria?retired=true"))["items"]]
        self.assertIn("peer_support", keys)
        self.assertEqual(self.patch(self.advocate, P + "/criteria/nope", {"retired": True}).status,
                         404)

    # -- bad input -------------------------------------------------------------------------------

    def test_bad_input_changes_nothing(self):
        before = self.ok(self.advocate.client.get(P + "/items?limit=500"))["items"]
        cases = [
            {"kind": "ordinance", "jurisdiction": "KR", "title": "x", "stance": "support",
             "status": "proposed", "status_on": "2020-01-01"},  # an ordinance of the nation
            {"kind": "ordinance", "jurisdiction": "99999", "title": "x", "stance": "support",
             "status": "proposed", "status_on": "2020-01-01"},
            {"kind": "treaty", "jurisdiction": "KR", "title": "x", "stance": "support",
             "status": "proposed", "status_on": "2020-01-01"},
            {"kind": "law", "jurisdiction": "KR", "title": 5, "stance": "support",
             "status": "proposed", "status_on": "2020-02-30"},
            {"kind": "law", "jurisdiction": "KR", "title": "x", "stance": "support",
             "status": "proposed", "status_on": "2020-01-01", "extra": 1},
            {"kind": "law"},
        ]
        for body in cases:
            r = self.advocate.client.post(P + "/items", body=body)
            self.assertEqual(r.status, 400, (body, r.body))
            self.assertIn("fields", r.json()["error"])
        r = self.advocate.client.post(P + "/items", raw=b"{not json",
                                      headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400)
        r = self.advocate.client.post(P + "/items", raw=b"x" * (2 * 1024 * 1024),
                                      headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 413)
        it = self.item()
        url = f"{P}/items/{it['id']}"
        self.assertEqual(self.advocate.client.post(url + "/status", body={
            "status": "passed", "on": "2020-01-01"}).status, 400)
        self.assertEqual(self.advocate.client.request("PUT", url + "/scores", body={
            "scores": [{"criterion": "living_cost", "value": 3},
                       {"criterion": "housing_amount", "value": "많이"}]}).status, 400)
        self.assertEqual(self.advocate.client.request("PUT", url + "/scores", body={
            "scores": [{"criterion": "nope", "value": 1}]}).status, 400)
        after = self.ok(self.advocate.client.get(url))
        self.assertEqual(len(after["history"]), 1)
        self.assertEqual(after["score"], 0)
        # Unknown ids: 404 everywhere.
        for path in [P + "/items/00000000000000000000000000", P + "/items/nope"]:
            self.assertEqual(self.worker.client.get(path).status, 404)
            self.assertEqual(self.advocate.client.post(path + "/status", body={
                "status": "enacted", "on": "2020-01-01"}).status, 404)
            self.assertEqual(self.patch(self.advocate, path, {"title": "x"}).status, 404)
        self.assertEqual(self.worker.client.get(P + "/map/KR-99").status, 404)
        self.assertEqual(self.anon.get(PUB + "/map/KR-99").status, 404)
        self.assertEqual(self.finance.client.get(P + "/ordinance-amounts?region=41110").status,
                         400)
        now = self.ok(self.advocate.client.get(P + "/items?limit=500"))["items"]
        self.assertEqual(len(now), len(before) + 1)

    # -- who ---------------------------------------------------------------------------------------

    def test_readers_cannot_write_and_the_public_needs_no_session(self):
        it = self.item()
        for who in (self.researcher, self.worker, self.finance):
            self.ok(who.client.get(f"{P}/items/{it['id']}"))
            self.ok(who.client.get(P + "/map"))
            self.assertEqual(who.client.post(P + "/items", body={}).status, 403)
            self.assertEqual(who.client.post(f"{P}/items/{it['id']}/status", body={
                "status": "enacted", "on": "2020-01-01"}).status, 403)
            self.assertEqual(who.client.post(P + "/statements", body={
                "title_ko": "x", "body_ko": "y"}).status, 403)
            self.assertEqual(self.csv(HEADER, who).status, 403)
        self.assertEqual(self.anon.get(P + "/map").status, 401)
        self.assertEqual(self.anon.get(P + "/items").status, 401)
        self.ok(self.anon.get(PUB + "/map"))

    def test_statements_public_only_when_published(self):
        s = self.ok(self.advocate.client.post(P + "/statements", body={
            "title_ko": "성명서 초안", "body_ko": "내용", "title_en": "Draft"}), 201)
        self.assertFalse(s["published"])
        ids = [x["id"] for x in self.ok(self.anon.get(PUB + "/statements"))["items"]]
        self.assertNotIn(s["id"], ids)
        s = self.ok(self.patch(self.admin, f"{P}/statements/{s['id']}", {"published": True}))
        self.assertIsNotNone(s["published_at"])
        ids = [x["id"] for x in self.ok(self.anon.get(PUB + "/statements"))["items"]]
        self.assertIn(s["id"], ids)
        self.assertEqual(self.patch(self.admin, f"{P}/statements/nope", {"published": True})
                         .status, 404)

    def test_work_tasks_hearings_submissions(self):
        it = self.item()
        t = self.ok(self.advocate.client.post(P + "/tasks", body={
            "title": "의회 회의록 확인", "item_id": it["id"], "assignee_id": self.advocate.user_id,
            "due_on": "2026-05-01"}), 201)
        self.assertEqual(t["assignee"]["username"], "sec-advocate")
        # Only the secretariat's advocates and network admins can be assigned.
        self.assertEqual(self.advocate.client.post(P + "/tasks", body={
            "title": "x", "assignee_id": self.worker.user_id}).status, 400)
        t = self.ok(self.patch(self.advocate, f"{P}/tasks/{t['id']}", {"done": True}))
        self.assertTrue(t["done"])
        self.assertIsNotNone(t["done_at"])
        mine = self.ok(self.advocate.client.get(P + "/tasks?assignee=me"))["items"]
        self.assertIn(t["id"], [x["id"] for x in mine])
        e = self.ok(self.advocate.client.post(P + "/events", body={
            "kind": "hearing", "title": "조례 제정 공청회", "on": "2026-04-14", "time": "14:00",
            "jurisdiction": "KR-41", "item_id": it["id"]}), 201)
        self.assertEqual(e["jurisdiction_name"], "경기도")
        self.assertEqual(self.advocate.client.post(P + "/events", body={
            "kind": "hearing", "title": "x", "on": "2026-04-14", "time": "25:00",
            "jurisdiction": "KR-41"}).status, 400)
        events = self.ok(self.worker.client.get(P + "/events?from=2026-04-01&to=2026-04-30"))
        self.assertIn(e["id"], [x["id"] for x in events["items"]])
        s = self.ok(self.advocate.client.post(P + "/submissions", body={
            "kind": "recommendation", "title": "자립지원금 상향 의견", "item_id": it["id"],
            "addressee": "경기도의회", "submitted_on": "2026-03-10"}), 201)
        self.assertIsNone(s["response"])
        s = self.ok(self.patch(self.advocate, f"{P}/submissions/{s['id']}", {
            "response": {"received_on": "2026-04-01", "summary": "검토하겠음"}}))
        self.assertEqual(s["response"]["summary"], "검토하겠음")
        self.assertEqual(self.advocate.client.post(P + "/submissions", body={
            "kind": "recommendation", "title": "x", "item_id": "nope",
            "submitted_on": "2026-03-10"}).status, 400)

    # -- import ------------------------------------------------------------------------------------

    def test_import_is_idempotent_and_reports_refused_rows(self):
        with open(SAMPLE, encoding="utf-8") as f:
            sample = f.read()
        r = self.ok(self.csv("\ufeff" + sample))
        self.assertEqual(r["result"], "changed")
        self.assertEqual((r["created"], r["refused"]), (7, []))
        again = self.ok(self.csv(sample))
        self.assertEqual(again["result"], "unchanged")
        self.assertEqual((again["created"], again["updated"], again["unchanged"]), (0, 0, 7))
        items = self.ok(self.worker.client.get(P + "/items?jurisdiction=41110"))["items"]
        self.assertEqual(items[0]["external_id"], "2000002")
        self.assertEqual(items[0]["stance"], "watch")
        seoul = self.ok(self.worker.client.get(P + "/items?region=KR-11&kind=ordinance"))["items"]
        self.assertIn('서울특별시 성매매피해자 등의 자립 지원 조례(안, "검토")',
                      [x["title"] for x in seoul])
        # An amendment of a known ordinance appends to its history.
        r = self.ok(self.csv(HEADER + "2000002,수원시 성매매피해자 등의 자활 지원 조례,경기도 수원시,"
                             "조례,일부개정,20240101\n"))
        self.assertEqual((r["updated"], r["created"]), (1, 0))
        detail = self.ok(self.worker.client.get(f"{P}/items/{items[0]['id']}"))
        self.assertEqual((detail["status"], len(detail["history"])), ("amended", 2))
        # Refused rows, each with its number and reason; the others land.
        text = (HEADER +
                "3000001,좋은 조례,경기도 고양시,조례,제정,20230101\n"       # row 2: fine
                "3000002,조례,경기도 없는시,조례,제정,20230101\n"           # 3: unknown place
                "3000001,좋은 조례,경기도 고양시,조례,제정,20230101\n"       # 4: duplicate
                "3000003,조례,경기도,조례,제정,2023-02-30\n"               # 5: bad date
                "3000004,조례,경기도\n"                                    # 6: field count
                "3000005,\"조례,경기도,조례,제정,20230101\n")              # 7: unclosed quote
        r = self.ok(self.csv(text))
        refused = {x["row"]: x["reason"] for x in r["refused"]}
        self.assertEqual(refused, {3: "unknown_jurisdiction", 4: "duplicate_in_file",
                                   5: "malformed", 6: "malformed", 7: "malformed"})
        self.assertEqual(r["created"], 1)
        self.assertTrue(all(x["message"] for x in r["refused"]))
        # Bad bytes in one row refuse that row only.
        raw = (HEADER + "3100001,조례,경기도 고양시,조례,제정,20230101\n").encode() + \
            b"3100002,\xff\xfe,\xea\xb2\xbd\xea\xb8\xb0\xeb\x8f\x84,x,x,x\n"
        r = self.ok(self.advocate.client.post(P + "/import", raw=raw,
                                              headers={"Content-Type": "text/csv"}))
        self.assertEqual(r["refused"], [{"row": 3, "reason": "malformed",
                                         "message": r["refused"][0]["message"]}])
        # A file without the required columns: 400, nothing written.
        self.assertEqual(self.csv("a,b\n1,2\n").status, 400)
        self.assertEqual(self.csv("").status, 400)
        self.assertEqual(self.csv(HEADER, self.researcher).status, 403)

    def test_bills_import_with_their_history_idempotently(self):
        with open(BILLS, encoding="utf-8") as f:
            sample = f.read()

        def bills(text, layout="bills"):
            return self.advocate.client.post(P + f"/import?layout={layout}",
                                             raw=text.encode("utf-8"),
                                             headers={"Content-Type": "text/csv"})
        r = self.ok(bills(sample))
        self.assertEqual((r["created"], r["refused"]), (4, []))
        self.assertEqual(self.ok(bills(sample))["result"], "unchanged")
        listed = self.ok(self.worker.client.get(P + "/items?kind=bill&jurisdiction=KR"))["items"]
        by_id = {x["external_id"]: x for x in listed}
        self.assertEqual({k: by_id[k]["status"] for k in ["2200101", "2200102", "2200103"]},
                         {"2200101": "under_review", "2200102": "rejected",
                          "2200103": "enacted"})
        detail = self.ok(self.worker.client.get(f"{P}/items/{by_id['2200102']['id']}"))
        self.assertEqual([(h["status"], h["on"]) for h in detail["history"]],
                         [("proposed", "2024-06-11"), ("under_review", "2024-06-12"),
                          ("rejected", "2024-11-26")])
        self.assertEqual(detail["topic"], "여성가족위원회")
        # The committee decides later: only the new entry is appended.
        header = sample.splitlines()[0] + "\n"
        r = self.ok(bills(header + "2200101,성매매알선 등 행위의 처벌에 관한 법률 일부개정법률안,"
                                   "의원,(예시) 의원 등 12인,20240603,법제사법위원회,20240604,"
                                   "20250320,수정가결\n"))
        self.assertEqual((r["updated"], r["created"]), (1, 0))
        detail = self.ok(self.worker.client.get(f"{P}/items/{by_id['2200101']['id']}"))
        self.assertEqual((detail["status"], len(detail["history"])), ("enacted", 3))
        # Refused rows name why; a file without the bill columns, or an unknown layout: 400.
        r = self.ok(bills(header +
                          "2200201,법안,의원,x,20240603,,,,\n"            # row 2: fine
                          "2200202,법안,의원,x,20240603,,,20240701,\n"     # 3: date, no result
                          "2200203,법안,의원,x,20240603,,,20240701,보류\n"  # 4: unknown result
                          "2200204,법안,의원,x,2024-13-01,,,,\n"))        # 5: bad date
        self.assertEqual({x["row"]: x["reason"] for x in r["refused"]},
                         {3: "malformed", 4: "malformed", 5: "malformed"})
        self.assertEqual(r["created"], 1)
        self.assertEqual(bills("자치법규ID,자치법규명\n1,x\n").status, 400)
        self.assertEqual(bills(sample, layout="laws").status, 400)

    def test_ten_thousand_rows_import_quickly_and_idempotently(self):
        places = ["경기도 수원시", "경기도 파주시", "전라남도 여수시", "경상남도 창원시", "서울특별시 마포구"]
        lines = [HEADER.strip()]
        for i in range(10000):
            lines.append(f"9{i:06d},자치법규 {i},{places[i % 5]},규칙,제정,2019{(i % 12) + 1:02d}01")
        text = "\n".join(lines) + "\n"
        start = time.monotonic()
        r = self.ok(self.csv(text))
        first = time.monotonic() - start
        self.assertEqual((r["created"], r["refused"]), (10000, []))
        start = time.monotonic()
        r = self.ok(self.csv(text))
        second = time.monotonic() - start
        self.assertEqual((r["result"], r["unchanged"]), ("unchanged", 10000))
        # A generous bound: seconds, not minutes (measured about a second on SQLite).
        self.assertLess(first, 60)
        self.assertLess(second, 60)
        print(f"\n10,000-row import: {first:.2f}s, again: {second:.2f}s")

    # -- map ---------------------------------------------------------------------------------------

    def test_map_table_and_public_map_agree(self):
        # Jeju: a region-level ordinance in force, published; Seogwipo's unpublished.
        a = self.item(jurisdiction="KR-49", title="제주 조례", status="enacted",
                      status_on="2019-05-01", published=True)
        self.item(jurisdiction="50130", title="서귀포 조례", status="enacted",
                  status_on="2020-05-01")
        # Ulsan: only a municipality's, published; Daejeon: considering, unpublished.
        self.item(jurisdiction="31110", title="울산 중구 조례", status="amended", published=True)
        self.item(jurisdiction="KR-30", title="대전 조례안", status="under_review")
        self.ok(self.advocate.client.request("PUT", f"{P}/items/{a['id']}/scores", body={
            "scores": [{"criterion": "living_cost", "value": True},
                       {"criterion": "job_training", "value": True}]}))
        signed = {c["code"]: c for c in self.ok(self.worker.client.get(P + "/map"))["regions"]}
        public = {c["code"]: c for c in self.ok(self.anon.get(PUB + "/map"))["regions"]}
        self.assertEqual(len(signed), 17)
        self.assertEqual(len(public), 17)
        table = self.ok(self.worker.client.get(P + "/items?kind=ordinance&limit=500"))["items"]
        # The table's own numbers, by the doc's rule.
        for code in ("KR-49", "KR-31", "KR-30"):
            rows = [x for x in table if x["region"] == code]
            in_force = [x for x in rows if x["status"] in ("enacted", "amended")]
            self.assertEqual(signed[code]["ordinances"], len(in_force))
            pub_rows = [x for x in in_force if x["published"]]
            self.assertEqual(public[code]["ordinances"], len(pub_rows))
        self.assertEqual(signed["KR-49"]["status"], "in_force")
        self.assertEqual(signed["KR-49"]["score"], 20)
        self.assertEqual(signed["KR-49"]["ordinances"], 2)
        self.assertEqual(public["KR-49"]["ordinances"], 1)
        self.assertEqual(signed["KR-31"]["status"], "municipal")
        self.assertEqual(public["KR-31"]["status"], "municipal")
        self.assertNotIn("score", signed["KR-31"])
        self.assertEqual(signed["KR-30"]["status"], "considering")
        self.assertEqual(public["KR-30"]["status"], "none")
        drill = self.ok(self.worker.client.get(P + "/map/KR-49"))
        munis = {m["code"]: m for m in drill["municipalities"]}
        self.assertEqual(munis["50130"]["status"], "in_force")
        pub_drill = self.ok(self.anon.get(PUB + "/map/KR-49"))
        self.assertEqual({m["code"]: m["status"] for m in pub_drill["municipalities"]}["50130"],
                         "none")
        timeline = self.ok(self.anon.get(PUB + "/timeline"))["items"]
        titles = [x["title"] for x in timeline]
        self.assertIn("제주 조례", titles)
        self.assertNotIn("서귀포 조례", titles)
        dates = [x["on"] for x in timeline]
        self.assertEqual(dates, sorted(dates, reverse=True))


if __name__ == "__main__":
    unittest.main()
