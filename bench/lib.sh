# Shared by the benchmarks (sourced, not run): a scratch dir cleaned on exit, free ports, a
# server on a data dir, a browser-like sign-in, nginx serving captured replies byte for byte,
# wrk runs read into "requests/s p99_ms", and replacing a section of docs/performance.md.
# The caller sets `work` (mktemp -d), `connections` and `duration` before using them.

# (Each step ends in `|| true`: under `set -e` a failing last command of an && list, such as
# `wait` answering the killed server's status, would end the trap before the scratch dir goes.)
bench_cleanup() {
  if [[ -n "${server_pid:-}" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -f "$work/nginx.pid" ]]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}

# The data dir $1 configured for measuring: warnings only in the log, and a per-address connection
# cap above wrk's 64 connections (all from 127.0.0.1), since the bench's own sign-in and health
# checks may still be closing on the server when wrk connects; at the default cap of 64 one of
# wrk's connections was then refused.
# It also sets a metrics token, so that a benchmark can read the server's own counters
# (server_counter).
bench_metrics_token=bench-metrics-token-0123456789abcdef
bench_config() {
  sed -i 's/^# level = "info"/level = "warn"/; s/^# max_connections_per_address = 64/max_connections_per_address = 256/' \
    "$1/config.toml"
  sed -i "s/^# token = \"\"/token = \"$bench_metrics_token\"/" "$1/config.toml"
}

# The value of the server's metric $1 (at $base) now; 0 when it is not rendered.
server_counter() {
  curl -sf -H "Authorization: Bearer $bench_metrics_token" "$base/metrics" |
    awk -v name="$1" '$1 == name {value = $2} END {print value + 0}'
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts build/dandelion on $1 and waits up to $2 tenths of a second for /healthz; sets
# server_pid and base.
start_server() {
  local port
  port=$(free_port)
  build/dandelion serve --data "$1" --listen "127.0.0.1:$port" >"$work/serve.out" \
    2>"$work/serve.log" &
  server_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq "${2:-100}"); do curl -sf "$base/healthz" >/dev/null && return 0; sleep 0.1; done
  echo "the server did not answer on $base" >&2
  return 1
}

# Signs $1 in with the demo password as a browser would; prints the Cookie header's value.
sign_in() {
  python3 - "$base" "$1" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/api/v1/session", method="POST",
                             data=json.dumps({"username": sys.argv[2],
                                              "password": "minduelle-demo-2026"}).encode(),
                             headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req) as r:
    print("; ".join(v.split(";")[0] for k, v in r.getheaders() if k.lower() == "set-cookie"))
PY
}

# nginx (2 workers) serving $work/www; sets nport.
start_nginx() {
  chmod a+rx "$work" "$work/www" && chmod a+r "$work/www"/*
  nport=$(free_port)
  cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
CONF
  nginx -c "$work/nginx.conf" -p "$work"
  sleep 0.5
}

# wrk on $1 — with $2, a file of paths taken at random and the cookie in $cookie; prints
# "requests_per_second p99_ms". Refuses a run with any non-2xx answer or timed-out request.
measure() {
  if [[ -n "${2:-}" ]]; then
    # Each wrk thread draws its own sequence: with one seed for all, the second thread asked for
    # each path just after the first, and found it kept half of the time.
    cat >"$work/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local cookie = os.getenv("BENCH_COOKIE")
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
init = function(args)
  math.randomseed(7919 * thread_number)
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)], {["Cookie"] = cookie})
end
LUA
    BENCH_PATHS="$2" BENCH_COOKIE="${cookie:-}" wrk -t2 -c"$connections" -d"${duration}s" \
      --timeout 30s --latency -s "$work/paths.lua" "$1" >"$work/wrk.txt"
  else
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 30s --latency "$1" >"$work/wrk.txt"
  fi
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors:
    sys.exit("wrk saw non-2xx responses: " + errors.group(1))
timeouts = re.search(r"Socket errors:.*timeout (\d+)", text)
if timeouts and int(timeouts.group(1)):
    sys.exit("wrk timed out requests: " + timeouts.group(1))
print(f"{rps:.0f} {p99:.2f}")
PY
}

ratio() { python3 -c "print(f'{$1/$2:.3f}')"; }

# Replaces (or appends) the section titled $1 in docs/performance.md with the text on stdin.
record_section() {
  python3 -c '
import os, re, sys
title, body = sys.argv[1], sys.stdin.read().strip() + "\n"
path = "docs/performance.md"
text = open(path).read() if os.path.exists(path) else "# Performance\n\n"
pattern = re.compile(r"## " + re.escape(title) + r".*?(?=\n## |\Z)", re.S)
text = pattern.sub(lambda _: body, text) if pattern.search(text) else text.rstrip() + "\n\n" + body
open(path, "w").write(text)
' "$1"
}

cpu_model() { grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'; }
