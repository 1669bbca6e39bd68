"""Black-box harness: runs the real `dandelion` binary on a random port with a temp data dir.

Tests speak HTTP to it exactly as outside clients do. With DANDELION_TEST_PG_URL set (a server
URL such as postgresql://dandelion@127.0.0.1:5433/dandelion), every server gets a fresh
PostgreSQL database instead of SQLite, so the whole suite runs on both backends.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("DANDELION_BIN", os.path.join(ROOT, "build", "dandelion"))
PG_URL = os.environ.get("DANDELION_TEST_PG_URL", "")


def backend():
    return "postgres" if PG_URL else "sqlite"


def fresh_pg_database():
    """Creates an empty database on the test PostgreSQL server and returns its URL."""
    name = "t_" + secrets.token_hex(6)
    subprocess.run(["psql", PG_URL, "-qc", f"CREATE DATABASE {name}"], check=True,
                   stdout=subprocess.DEVNULL)
    parts = urllib.parse.urlsplit(PG_URL)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def run_cli(*args, input_text=None, check=True):
    """Runs `dandelion ARGS`; returns the CompletedProcess (text mode)."""
    proc = subprocess.run([BIN, *args], input=input_text, capture_output=True, text=True,
                          timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"dandelion {' '.join(args)} failed: {proc.stderr}")
    return proc


def flush_audit(data_dir, query="audit_log"):
    """On SQLite a read's audit entry waits up to a second in the audit journal before it is
    filed into audit_log (security/audit_journal.h): a test reading audit_log behind the server's
    back files it first, as every reader of the log inside Dandelion does."""
    if backend() == "sqlite" and "audit_log" in query:
        run_cli("audit", "flush", "--data", data_dir)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Client:
    """A minimal HTTP client that keeps the session cookie and CSRF token like a browser."""

    def __init__(self, port, lang="ko"):
        self.port = port
        self.lang = lang
        self.cookies = {}
        self.csrf = None

    def request(self, method, path, body=None, headers=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = {"Accept-Language": self.lang}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            h["Content-Type"] = "application/json"
        if headers:
            h.update(headers)
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        payload = r.read()
        hdrs = {}
        for k, v in r.getheaders():
            k = k.lower()
            if k == "set-cookie":
                m = re.match(r"([^=]+)=([^;]*)", v)
                if m:
                    if m.group(2):
                        self.cookies[m.group(1)] = m.group(2)
                    else:
                        self.cookies.pop(m.group(1), None)
                hdrs.setdefault("set-cookie-all", []).append(v)
            hdrs[k] = v
        conn.close()
        return Response(r.status, hdrs, payload)

    def clone(self):
        """Another connection with the same session, for requests sent at once."""
        c = Client(self.port, self.lang)
        c.cookies = dict(self.cookies)
        c.csrf = self.csrf
        return c

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


class Server:
    """One `dandelion serve` process with its own data dir.

    data_from: a data dir (SQLite, its server stopped) to start from as a copy, instead of a new
    one: a suite that needs the same network in every test builds it once (about thirty console
    runs, each slow under the sanitizers) and copies it per test. The copy keeps the original's
    configuration; test_mode and extra_config then do not apply."""

    def __init__(self, test_mode=True, extra_config="", data_from=None):
        self.tmp = tempfile.mkdtemp(prefix="dandelion-test-")
        self.data = os.path.join(self.tmp, "data")
        self.proc = None
        self.port = None
        self.log_path = os.path.join(self.tmp, "server.log")
        if data_from:
            assert not PG_URL, "a PostgreSQL data dir names its database: copy it with pg_dump"
            shutil.copytree(data_from, self.data)
            return
        args = ["init", "--data", self.data]
        if PG_URL:
            args += ["--database-url", fresh_pg_database()]
        run_cli(*args)
        with open(os.path.join(self.data, "config.toml"), "a", encoding="utf-8") as f:
            f.write("\n" + extra_config + "\n")
        if test_mode:
            self.set_config("# test_mode = false", "test_mode = true")

    def set_config(self, old, new):
        path = os.path.join(self.data, "config.toml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if old in text:
            text = text.replace(old, new)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def start(self):
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([BIN, "serve", "--data", self.data, "--listen",
                                      "127.0.0.1:0"], stdout=subprocess.PIPE, stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.proc.stdout.readline().decode("utf-8", "replace")
            if not line:
                break
            m = re.search(r"http://127\.0\.0\.1:(\d+)", line)
            if m:
                self.port = int(m.group(1))
                # Keep reading stdout so the server can never block on a full pipe.
                threading.Thread(target=self._drain, args=(self.proc.stdout,),
                                 daemon=True).start()
                return self
        self.stop()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            raise AssertionError("server did not start: " + f.read()[-2000:])

    @staticmethod
    def _drain(stream):
        try:
            while stream.read(65536):
                pass
        except (OSError, ValueError):
            pass

    def client(self, lang="ko"):
        return Client(self.port, lang)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()
        code = self.proc.returncode if self.proc else None
        self.proc = None
        return code

    def kill9(self):
        return self.stop(signal.SIGKILL)

    def server_log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)
