#!/usr/bin/env python3
"""A working day's writes beside the benchmark's reads.

    bench/case_writer.py sign-in BASE_URL USERNAME   prints the session's cookie and CSRF token
    bench/case_writer.py write BASE_URL IDS_FILE RATE   (with WRITER_COOKIE and WRITER_CSRF set)

The second changes the risk level of cases taken at random from IDS_FILE, RATE a second, until
killed, and exits non-zero at the first write refused, so that a benchmark never measures reads
beside writes that did not happen. Signing in is apart because a password check takes 64 MB for a
moment (Argon2id): done during the reads, it would be counted in the server's peak memory.
"""
import json
import os
import random
import sys
import time
import urllib.error
import urllib.request


def sign_in(base, username):
    req = urllib.request.Request(
        base + "/api/v1/session", method="POST",
        data=json.dumps({"username": username, "password": "minduelle-demo-2026"}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        print("; ".join(v.split(";")[0] for k, v in r.getheaders()
                        if k.lower() == "set-cookie"))
        print(json.loads(r.read())["csrf_token"])


def write(base, ids_file, rate):
    cookie, csrf = os.environ["WRITER_COOKIE"], os.environ["WRITER_CSRF"]
    ids = [line.strip() for line in open(ids_file) if line.strip()]
    rng = random.Random(7)
    started, written = time.monotonic(), 0
    while True:
        change = urllib.request.Request(
            f"{base}/api/v1/cases/{rng.choice(ids)}", method="PATCH",
            data=json.dumps({"risk_level": rng.choice(["low", "medium", "high"])}).encode(),
            headers={"Content-Type": "application/json", "Cookie": cookie,
                     "X-CSRF-Token": csrf})
        try:
            with urllib.request.urlopen(change) as r:
                r.read()
        except urllib.error.HTTPError as e:
            sys.exit(f"case_writer: a write was refused: {e.code} {e.read()[:200]!r}")
        written += 1
        # Steady, not in bursts: the next write at its time on the clock.
        time.sleep(max(0.0, started + written / rate - time.monotonic()))


if sys.argv[1] == "sign-in":
    sign_in(sys.argv[2], sys.argv[3])
else:
    write(sys.argv[2], sys.argv[3], float(sys.argv[4]))
