#!/usr/bin/env python3
"""Fault script: the data dir's disk fills up under writers; the server refuses cleanly while it
is full, writes again by itself once space is freed, and loses no acknowledged write.

Mounts a small tmpfs (root only: `mount -t tmpfs`), makes a test server's data dir on it (SQLite),
fills the disk with a ballast file but for a little room, and lets writers post probe writes
until the disk is full. Then it deletes the ballast, without restarting the server, and waits for
writes to succeed again. Afterwards every write that was answered 201 must be readable, and the
audit log must verify. While the disk is full the server must answer with an error status
(500 or 503, each with a request id whose log line names the cause) and never hang or exit.

    sudo python3 tests/faults/full_disk.py [--size-mb 64] [--room-kb 512] [--writers 6]

Prints the figures recorded in docs/operations.md ("Fault scripts"); exits 1 on a lost write, a
server that died or did not write again, or a broken audit log.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def writer(port, tally, acknowledged, lock, stop):
    from harness import Client
    while not stop.is_set():
        try:
            r = Client(port).post("/api/v1/test/probe-writes", body={"payload": "x" * 9000})
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
            time.sleep(0.05)


def fill(path, leave_bytes):
    """Writes a ballast file until only leave_bytes are free on path's file system."""
    st = os.statvfs(os.path.dirname(path))
    size = max(0, st.f_bavail * st.f_frsize - leave_bytes)
    with open(path, "wb") as f:
        chunk = b"\0" * (1 << 20)
        while size > 0:
            n = min(size, len(chunk))
            f.write(chunk[:n])
            size -= n
        f.flush()
        os.fsync(f.fileno())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=64)
    parser.add_argument("--room-kb", type=int, default=512)
    parser.add_argument("--writers", type=int, default=6)
    parser.add_argument("--full-seconds", type=float, default=3.0)
    parser.add_argument("--recover", type=float, default=30.0)
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("full_disk.py mounts a tmpfs: run it as root")
        return 2

    mount = tempfile.mkdtemp(prefix="dandelion-full-disk-")
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={args.size_mb}m", "tmpfs", mount],
                   check=True)
    os.environ["TMPDIR"] = mount  # the harness makes the server's data dir with tempfile
    tempfile.tempdir = None
    sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
    from harness import Server, run_cli  # noqa: E402

    server = None
    tally, acknowledged = collections.Counter(), []
    lock, stop = threading.Lock(), threading.Event()
    failures = []
    try:
        server = Server().start()
        ballast = os.path.join(mount, "ballast")
        fill(ballast, args.room_kb * 1024)
        threads = [threading.Thread(target=writer,
                                    args=(server.port, tally, acknowledged, lock, stop))
                   for _ in range(args.writers)]
        for t in threads:
            t.start()
        # Until the disk refuses, then a while longer while it stays full.
        started = time.monotonic()
        while time.monotonic() - started < 60:
            with lock:
                refused = sum(v for k, v in tally.items() if k != 201)
            if refused:
                break
            time.sleep(0.1)
        time.sleep(args.full_seconds)
        with lock:
            while_full = dict(tally)
            acknowledged_when_full = tally[201]
        if server.proc.poll() is not None:
            failures.append(f"the server exited ({server.proc.returncode}) on a full disk")
        os.remove(ballast)
        freed = time.monotonic()
        back = None
        while time.monotonic() - freed < args.recover:
            with lock:
                if tally[201] > acknowledged_when_full:
                    back = time.monotonic() - freed
                    break
            time.sleep(0.05)
        if back is None:
            failures.append(f"no write acknowledged {args.recover:.0f} s after space was freed")
        time.sleep(1)
        stop.set()
        for t in threads:
            t.join()
        client = server.client()
        lost = [i for i in acknowledged
                if client.get(f"/api/v1/test/probe-writes/{i}").status != 200]
        server.stop()
        causes = collections.Counter()
        with open(server.log_path, encoding="utf-8", errors="replace") as log:
            for line in log:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if entry.get("event") == "request_failed":
                    causes[str(entry.get("cause", ""))[:60]] += 1
        verify = run_cli("audit", "verify", "--data", server.data, check=False)
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(while_full.items(), key=str))
        print(f"disk of {args.size_mb} MB filled to {args.room_kb} KB free under {args.writers} "
              f"writers: answers until freed {answers}; {len(acknowledged)} acknowledged writes "
              f"in all, {len(lost)} lost")
        if back is not None:
            print(f"  writes again {back:.1f} s after space was freed, without a restart")
        for cause, n in causes.most_common(3):
            print(f"  logged cause ({n}x): {cause}")
        print(f"  audit verify exit {verify.returncode}")
        if not sum(v for k, v in while_full.items() if k != 201):
            failures.append("the disk never filled: raise --size-mb's payload or lower --room-kb")
        if while_full.get("no answer"):
            failures.append(f"{while_full['no answer']} requests got no answer on a full disk")
        if lost:
            failures.append(f"{len(lost)} acknowledged writes lost")
        if verify.returncode != 0:
            failures.append("the audit log does not verify")
        for f in failures:
            print("FAILED:", f)
        return 1 if failures else 0
    finally:
        stop.set()
        if server is not None:
            server.cleanup()
        subprocess.run(["umount", "-l", mount], check=False)
        os.rmdir(mount)


if __name__ == "__main__":
    sys.exit(main())
