#!/usr/bin/env python3
"""Fault script: SIGTERM while a file is being uploaded; the upload finishes, is stored, and can
be read back, byte for byte, after the server restarts.

Starts a test server with a small network, opens a case, then sends a file upload slowly (the
body in chunks with pauses); after the first chunks the server receives SIGTERM. A graceful stop
lets the requests in flight finish: the upload must be answered 201, the server must exit 0, and
after a restart on the same data dir the file must read back identical, with the audit log
intact. Bounded: --size-kb of upload in --chunks pieces, about --seconds in all.

    python3 tests/faults/sigterm_upload.py [--size-kb 2048] [--chunks 16] [--seconds 4]

Prints the figures recorded in docs/operations.md ("Fault scripts"); exits 1 when the upload is
not answered 201, the server does not exit 0, or the file does not read back identical.
"""

import argparse
import os
import signal
import socket
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

from harness import Server, run_cli  # noqa: E402
from network import build_network, sign_in  # noqa: E402

CASES = "/api/v1/cases"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-kb", type=int, default=2048)
    parser.add_argument("--chunks", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()

    server = Server()
    failures = []
    try:
        users = build_network(server)
        server.start()
        worker = sign_in(server, users["org-a"]["case_worker"])
        r = worker.client.post("/api/v1/people", body={"legal_name": "업로드 시험", "alias": "종료"})
        assert r.status == 201, r.body
        r = worker.client.post(CASES, body={
            "person_id": r.json()["id"], "intake_channel": "outreach", "situation": ["online"],
            "risk_level": "medium", "summary": "종료 신호 중 업로드"})
        assert r.status == 201, r.body
        case_id = r.json()["id"]

        content = os.urandom(args.size_kb * 1024)
        client = worker.client
        cookies = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        head = (f"POST {CASES}/{case_id}/files?kind=other&name=scan.pdf HTTP/1.1\r\n"
                f"Host: 127.0.0.1\r\nCookie: {cookies}\r\nX-CSRF-Token: {client.csrf}\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {len(content)}\r\n"
                f"Connection: close\r\n\r\n")
        piece = -(-len(content) // args.chunks)
        pause = args.seconds / args.chunks
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
            sock.sendall(head.encode("ascii"))
            signalled_at = None
            for i in range(0, len(content), piece):
                sock.sendall(content[i:i + piece])
                if signalled_at is None and i >= 2 * piece:
                    server.proc.send_signal(signal.SIGTERM)
                    signalled_at = time.monotonic() - started
                time.sleep(pause)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        status_line = reply.split(b"\r\n", 1)[0].decode("latin-1")
        if " 201 " not in status_line + " ":
            failures.append(f"the upload was answered {status_line!r}, not 201")
        exit_code = server.proc.wait(timeout=60)
        if exit_code != 0:
            failures.append(f"the server exited {exit_code} after SIGTERM, not 0")
        file_id = None
        if not failures:
            import json
            file_id = json.loads(reply.split(b"\r\n\r\n", 1)[1])["id"]
            server.start()
            # Her supervisor reads it: a first sign-in, so no one-time code is used twice.
            again = sign_in(server, users["org-a"]["supervisor"])
            r = again.client.get(f"/api/v1/files/{file_id}")
            if r.status != 200 or r.body != content:
                failures.append(f"after the restart the file reads back {r.status}, "
                                f"{len(r.body)} bytes, identical: {r.body == content}")
            server.stop()
        verify = run_cli("audit", "verify", "--data", server.data, check=False)
        if verify.returncode != 0:
            failures.append("the audit log does not verify")
        print(f"SIGTERM {signalled_at:.1f} s into an upload of {args.size_kb} KB sent over "
              f"{args.seconds:.0f} s: answered {status_line!r}, server exit {exit_code}, file "
              f"{'read back identical after a restart' if file_id and not failures else 'lost'}; "
              f"audit verify exit {verify.returncode}")
        for f in failures:
            print("FAILED:", f)
        return 1 if failures else 0
    finally:
        server.cleanup()


if __name__ == "__main__":
    sys.exit(main())
