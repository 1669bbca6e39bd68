#!/usr/bin/env python3
"""Fault script: `kill -9` of the server under concurrent writers loses no acknowledged write.

Writers post probe writes as fast as they can; the server is killed with SIGKILL at random
moments and restarted on the same data dir. Afterwards every write that was answered 201 must be
readable, and the audit log must verify. Bounded: --kills rounds of --seconds each.

    python3 tests/faults/kill9_writers.py [--writers 12] [--kills 6] [--seconds 3]

Prints the figures recorded in docs/operations.md ("Fault scripts"); exits 1 on a lost write.
"""

import argparse
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))

from harness import Server, run_cli  # noqa: E402


def writer(port_of, acknowledged, lock, stop):
    from harness import Client
    while not stop.is_set():
        try:
            r = Client(port_of()).post("/api/v1/test/probe-writes", body={"payload": "x" * 200})
        except OSError:
            time.sleep(0.01)  # the server is down between a kill and its restart
            continue
        if r.status == 201:
            with lock:
                acknowledged.append(r.json()["id"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=12)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    server = Server().start()
    acknowledged, lock, stop = [], threading.Lock(), threading.Event()
    threads = [threading.Thread(target=writer, args=(lambda: server.port, acknowledged, lock, stop))
               for _ in range(args.writers)]
    try:
        for t in threads:
            t.start()
        for _ in range(args.kills):
            time.sleep(random.uniform(args.seconds / 2, args.seconds))
            server.kill9()
            server.start()
        time.sleep(args.seconds / 2)
        stop.set()
        for t in threads:
            t.join()
        client = server.client()
        lost = [i for i in acknowledged
                if client.get(f"/api/v1/test/probe-writes/{i}").status != 200]
        server.stop()
        verify = run_cli("audit", "verify", "--data", server.data, check=False)
        print(f"{args.kills} kill -9 under {args.writers} writers: {len(acknowledged)} "
              f"acknowledged writes, {len(lost)} lost; audit verify exit {verify.returncode}")
        return 0 if not lost and verify.returncode == 0 else 1
    finally:
        stop.set()
        server.cleanup()


if __name__ == "__main__":
    sys.exit(main())
