#!/usr/bin/env python3
"""Fault script: PostgreSQL stopped, then killed, under writers; the server answers 503 meanwhile
and comes back by itself, and no acknowledged write is lost.

Starts a throwaway PostgreSQL cluster (scripts/pg-test-server) and one server on it. Writers post
probe writes as fast as they can while the cluster is (1) stopped cleanly and started again,
then (2) its postmaster killed with SIGKILL and started again (crash recovery). The server is
never restarted. Afterwards every write that was answered 201 must be readable, and the audit
log must verify. While the database is away the server must answer 503 (never a 500, never a
hang past the client's timeout). Bounded: --rounds of each outage, --down seconds each.

    python3 tests/faults/postgres_outage.py [--writers 8] [--rounds 2] [--down 3]

Prints the figures recorded in docs/operations.md ("Fault scripts"); exits 1 on a lost write, a
500, a server that did not come back within --recover seconds, or a broken audit log.
"""

import argparse
import collections
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PG_SERVER = os.path.join(ROOT, "scripts", "pg-test-server")


def pg(command, directory):
    return subprocess.run([PG_SERVER, command, directory], check=True, capture_output=True,
                          text=True, timeout=120).stdout.strip()


def postmaster_pid(directory):
    with open(os.path.join(directory, "data", "postmaster.pid"), encoding="utf-8") as f:
        return int(f.readline())


def writer(port, tally, acknowledged, lock, stop):
    from harness import Client
    while not stop.is_set():
        try:
            r = Client(port).post("/api/v1/test/probe-writes", body={"payload": "x" * 200})
        except OSError:
            with lock:
                tally["no answer"] += 1
            time.sleep(0.05)
            continue
        with lock:
            tally[r.status] += 1
            if r.status == 201:
                acknowledged.append(r.json()["id"])
        if r.status != 201:
            time.sleep(0.05)  # the database is away: do not spin


def wait_for_writes(tally, lock, limit):
    """Seconds until the next acknowledged write, or None after limit seconds."""
    with lock:
        before = tally[201]
    started = time.monotonic()
    while time.monotonic() - started < limit:
        with lock:
            if tally[201] > before:
                return time.monotonic() - started
        time.sleep(0.05)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--down", type=float, default=3.0)
    parser.add_argument("--recover", type=float, default=30.0)
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="dandelion-pg-fault-")
    os.environ["DANDELION_TEST_PG_URL"] = pg("start", directory)
    sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
    from harness import Server, run_cli  # noqa: E402 (reads the URL set above)

    server = Server().start()
    tally, acknowledged = collections.Counter(), []
    lock, stop = threading.Lock(), threading.Event()
    threads = [threading.Thread(target=writer,
                                args=(server.port, tally, acknowledged, lock, stop))
               for _ in range(args.writers)]
    recoveries, failures = [], []
    try:
        for t in threads:
            t.start()
        time.sleep(1)
        for outage in ["stopped"] * args.rounds + ["killed"] * args.rounds:
            if outage == "stopped":
                pg("stop", directory)
            else:
                os.kill(postmaster_pid(directory), signal.SIGKILL)
                time.sleep(0.5)  # let the backends notice their postmaster is gone
            time.sleep(args.down)
            pg("start", directory)
            took = wait_for_writes(tally, lock, args.recover)
            if took is None:
                failures.append(f"no write acknowledged {args.recover:.0f} s after PostgreSQL "
                                f"was {outage} and started again")
                break
            recoveries.append((outage, took))
        time.sleep(1)
        stop.set()
        for t in threads:
            t.join()
        client = server.client()
        lost = [i for i in acknowledged
                if client.get(f"/api/v1/test/probe-writes/{i}").status != 200]
        server.stop()
        verify = run_cli("audit", "verify", "--data", server.data, check=False)
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(tally.items(), key=str))
        print(f"PostgreSQL stopped {args.rounds}x and killed {args.rounds}x under {args.writers} "
              f"writers ({args.down:.0f} s down each): {len(acknowledged)} acknowledged writes, "
              f"{len(lost)} lost; answers {answers}")
        for outage, took in recoveries:
            print(f"  writes again {took:.1f} s after PostgreSQL ({outage}) was started again")
        print(f"  audit verify exit {verify.returncode}")
        if tally[500]:
            failures.append(f"{tally[500]} answers of 500 while the database was away")
        if lost:
            failures.append(f"{len(lost)} acknowledged writes lost")
        if verify.returncode != 0:
            failures.append("the audit log does not verify")
        for f in failures:
            print("FAILED:", f)
        return 1 if failures else 0
    finally:
        stop.set()
        server.cleanup()
        subprocess.run([PG_SERVER, "stop", directory], capture_output=True, timeout=120)
        subprocess.run(["rm", "-rf", directory], check=False)


if __name__ == "__main__":
    sys.exit(main())
