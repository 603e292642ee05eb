#!/usr/bin/env bash
# Opening day: a surge of applications. On PostgreSQL, two `upskill serve` behind nginx;
# on SQLite, one server and no nginx. Each seeded with the synthetic organisation, then
# for each number of concurrent clients a burst (bench/surge.py): APPLICANTS people who
# signed in beforehand apply at once, half to Career Choice and half to a 50-seat cohort
# intake, with one page view for every five applications and 20 managers approving as the
# applications come in. Afterwards the integrity check. See bench/README.md.
#
#   bench/surge.sh [postgres] [sqlite]        (default: both)
#   SIZE=1m|10k  APPLICANTS=2000  CLIENTS="10 50 200"  BIN=target/release/upskill
#   REUSE_SEED=1 keeps the seeded database (a template database on PostgreSQL, a file in
#   target/ on SQLite) and starts the next run from a copy of it instead of seeding again
#   bench/surge.sh --ci                       the reduced run of .ci/run: PostgreSQL, 10k,
#                                             200 applicants, 50 clients, the debug build
#
# Exits non-zero when any request got an unexpected answer, a server logged a deadlock,
# "database is locked" or a failed request, or the integrity check found a problem.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--ci" ]; then
  shift
  set -- postgres
  SIZE=${SIZE:-10k}; APPLICANTS=${APPLICANTS:-200}; CLIENTS=${CLIENTS:-50}; BIN=${BIN:-target/debug/upskill}
fi
backends=("${@:-postgres sqlite}")
read -r -a backends <<<"${backends[*]}"
size=${SIZE:-1m}
applicants=${APPLICANTS:-2000}
read -r -a clients <<<"${CLIENTS:-10 50 200}"
work=$(mktemp -d)
pids=()
step() { printf '\n==> %s\n' "$*"; }
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "what the surge needs: nginx, psql, python3 with aiohttp"
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v psql >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if ! python3 -c 'import aiohttp' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore 'aiohttp>=3.9,<4' 2>/dev/null ||
    python3 -m pip install --quiet --disable-pip-version-check --break-system-packages 'aiohttp>=3.9,<4'
fi
python3 -c 'import aiohttp; print("aiohttp", aiohttp.__version__)'

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/upskill
fi
bin=$(realpath "$BIN")
if [ "$size" = 10k ]; then people=3000; count=10000; else people=300000; count=1000000; fi
# Each round needs its own applicants who have not applied yet.
rounds=${#clients[@]}

database_for() { # backend
  case $1 in
    sqlite) echo "$work/surge-$size.db" ;;
    postgres) echo "postgres:///upskill_surge_$size?host=${PGHOST:-/var/run/postgresql}" ;;
  esac
}

# Starts `upskill serve` on a free port, left in $port (a subshell's output would keep
# the server's pid from reaching $pids).
start_server() { # url log
  port=$(free_port)
  "$bin" serve --bind "127.0.0.1:$port" --database-url "$1" --trusted-proxies 127.0.0.1/32 \
    --login-attempts-per-address-per-minute 1000000 --login-attempts-per-hour 1000000 \
    ${POOL_SIZE:+--pool-size "$POOL_SIZE"} >"$2" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && return
    sleep 0.1
  done
  echo "the server did not start: $(tail -5 "$2")" >&2
  exit 1
}

# nginx in front of the servers on the given ports (plain HTTP: TLS is not what is
# measured), its port left in $port.
start_nginx() { # port...
  port=$(free_port)
  mkdir -p "$work/nginx"
  {
    echo "daemon off; master_process off; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    echo "  access_log off;"
    echo "  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;"
    echo "  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;"
    echo "  upstream upskill {"
    for app in "$@"; do echo "    server 127.0.0.1:$app;"; done
    echo "    keepalive 64;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$port;"
    echo "    location / {"
    echo "      proxy_pass http://upskill; proxy_http_version 1.1; proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$work/nginx.conf"
  "$nginx" -p "$work/nginx" -c "$work/nginx.conf" -e "$work/nginx/error.log" >"$work/nginx/out.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && return; sleep 0.1; done
  echo "nginx did not start: $(tail -5 "$work/nginx/error.log")" >&2
  exit 1
}

status=0
summary=()
for backend in "${backends[@]}"; do
  step "$backend: seeding $people people and $count applications"
  url=$(database_for "$backend")
  admin_url="postgres:///postgres?host=${PGHOST:-/var/run/postgresql}"
  kept_seed="target/surge-seed-$size.db"   # REUSE_SEED=1 (SQLite); on PostgreSQL a template database
  if [ "$backend" = postgres ]; then
    pg_isready -q || { echo "PostgreSQL is not running (pg_ctlcluster 15 main start)" >&2; exit 1; }
    psql -q "$admin_url" -c "DROP DATABASE IF EXISTS upskill_surge_$size WITH (FORCE)" >/dev/null
    if [ "${REUSE_SEED:-0}" = 1 ] && [ -n "$(psql -At "$admin_url" -c "SELECT 1 FROM pg_database WHERE datname = 'upskill_surge_${size}_seed'")" ]; then
      psql -q "$admin_url" -c "CREATE DATABASE upskill_surge_$size TEMPLATE upskill_surge_${size}_seed" >/dev/null
      echo "copied the seeded database upskill_surge_${size}_seed (REUSE_SEED=1)"
    else
      psql -q "$admin_url" -c "CREATE DATABASE upskill_surge_$size" >/dev/null
      started=$SECONDS
      "$bin" seed-synthetic --database-url "$url" --employees "$people" --applications "$count" 2>/dev/null | tail -1
      echo "seeded in $((SECONDS - started)) s"
      if [ "${REUSE_SEED:-0}" = 1 ]; then
        psql -q "$admin_url" -c "CREATE DATABASE upskill_surge_${size}_seed TEMPLATE upskill_surge_$size" >/dev/null
      fi
    fi
  elif [ "${REUSE_SEED:-0}" = 1 ] && [ -f "$kept_seed" ]; then
    cp "$kept_seed" "$url"
    echo "copied the seeded database $kept_seed (REUSE_SEED=1)"
  else
    started=$SECONDS
    "$bin" seed-synthetic --database-url "$url" --employees "$people" --applications "$count" 2>/dev/null | tail -1
    echo "seeded in $((SECONDS - started)) s"
    if [ "${REUSE_SEED:-0}" = 1 ]; then
      "$bin" backup --database-url "$url" --to "$kept_seed" >/dev/null
    fi
  fi
  python3 bench/surge.py prepare --database "$url" --applicants "$applicants" --rounds "$rounds" --plan "$work/plan.json"
  [ "$backend" = postgres ] && psql -q "$url" -c "VACUUM ANALYZE" >/dev/null

  step "$backend: servers"
  if [ "$backend" = postgres ]; then
    start_server "$url" "$work/server0.log"; port0=$port
    start_server "$url" "$work/server1.log"; port1=$port
    start_nginx "$port0" "$port1"
    base="http://127.0.0.1:$port"
    echo "two servers (ports $port0, $port1) behind nginx at $base"
  else
    start_server "$url" "$work/server0.log"
    base="http://127.0.0.1:$port"
    echo "one server at $base"
  fi

  results=()
  for i in "${!clients[@]}"; do
    step "$backend: burst $((i + 1)) of $rounds, ${clients[$i]} concurrent clients"
    python3 bench/surge.py run --base "$base" --plan "$work/plan.json" --round "$i" --clients "${clients[$i]}" \
      --out "$work/result-$backend-$i.json" || status=1
    results+=("$work/result-$backend-$i.json")
  done
  stop_all

  step "$backend: integrity"
  python3 bench/surge.py check --database "$url" --plan "$work/plan.json" --results "${results[@]}" || status=1
  for trouble in "deadlock detected" "database is locked" "request failed" "ERROR"; do
    if grep -h "$trouble" "$work"/server*.log | head -3 | grep .; then
      echo "a server logged \"$trouble\""
      status=1
    fi
  done
  python3 - "$backend" "${results[@]}" <<'PY' | tee -a "$work/summary.md"
import json, sys
backend, paths = sys.argv[1], sys.argv[2:]
for path in paths:
    r = json.load(open(path))
    req = r["requests"]
    apply, view, approve = req.get("apply", {}), req.get("view", {}), req.get("approve", {})
    statuses = {}
    for kind in req.values():
        for code, n in kind["statuses"].items():
            statuses[code] = statuses.get(code, 0) + n
    codes = ", ".join(f"{c}: {n}" for c, n in sorted(statuses.items()))
    print(f"| {backend} | {r['clients']} | {len(r['acknowledged'])} / {r['applicants']} | {r['burst_seconds']} "
          f"| {r['applications_per_second']} | {apply.get('p50_ms')} / {apply.get('p95_ms')} / {apply.get('p99_ms')} "
          f"| {view.get('p50_ms')} / {view.get('p95_ms')} / {view.get('p99_ms')} | {approve.get('requests', 0)} "
          f"| {codes} | {len(r['errors'])} |")
PY
  if [ "$backend" = postgres ]; then
    psql -q "postgres:///postgres?host=${PGHOST:-/var/run/postgresql}" -c "DROP DATABASE IF EXISTS upskill_surge_$size WITH (FORCE)" >/dev/null
  fi
done

step "summary"
echo "| backend | clients | acknowledged | burst (s) | applications/s | apply p50 / p95 / p99 ms | views p50 / p95 / p99 ms | approvals | statuses | errors |"
echo "|---|---|---|---|---|---|---|---|---|---|"
cat "$work/summary.md"
if grep -q '| [1-9][0-9]* |$' "$work/summary.md"; then status=1; fi
if [ "$status" -ne 0 ]; then echo "surge FAILED"; else echo "surge passed: no errors, integrity intact"; fi
exit "$status"
