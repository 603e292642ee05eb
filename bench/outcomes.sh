#!/usr/bin/env bash
# What the training led to, at scale: seeds the synthetic organisation (300,000 people
# with three years of job history, 1,000,000 applications by default), then measures
# the pledge dashboard (all time, one calendar year, the 24-month outcomes), and the
# outcome exports for BI (every completion as CSV and as JSON: rows per second and the
# server's peak memory before and after). Targets: the dashboard's p50 at most 50 ms;
# the exports at least 100,000 rows a second with flat memory.
#
#   bench/outcomes.sh [sqlite|postgres]...      (default: sqlite)
#   EMPLOYEES=300000 APPLICATIONS=1000000 DURATION=5s CONNECTIONS=2
#
# Needs wrk (Debian package `wrk`). PostgreSQL uses a local socket and the database
# `upskill_bench_outcomes`, created and dropped here.
set -euo pipefail
cd "$(dirname "$0")/.."

backends=("${@:-sqlite}")
employees=${EMPLOYEES:-300000}
applications=${APPLICATIONS:-1000000}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-2}
port=${BENCH_PORT:-18097}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
cargo build --release --quiet
bin=./target/release/upskill

sign_in() { # email -> session cookie value
  local jar="$work/jar" token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=upskill-demo" "$base/login"
  awk '$6 == "upskill" { print $7 }' "$jar"
}

# "rps p50_ms p99_ms non2xx" of one page under wrk.
measure() { # cookie path
  wrk -t1 "-c$connections" "-d$duration" --latency -H "Cookie: upskill=$1" "$base$2" >"$work/wrk.txt" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%d %.2f %.2f %d\n", rps, p50, p99, bad + 0 }' "$work/wrk.txt"
}

peak_rss_mib() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status"; }

export_rate() { # cookie path -> "rows ms rows_per_s"
  local t0 rows ms
  t0=$(date +%s%N)
  rows=$(curl -fs -b "upskill=$1" "$base$2" | wc -l)
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "$rows $ms $(( rows * 1000 / (ms > 0 ? ms : 1) ))"
}

year=$(date -u +%Y)
for backend in "${backends[@]}"; do
  case $backend in
    sqlite) url="$work/bench.db" ;;
    postgres)
      url="postgres:///upskill_bench_outcomes?host=/var/run/postgresql"
      psql -q "postgres:///postgres?host=/var/run/postgresql" -c "DROP DATABASE IF EXISTS upskill_bench_outcomes WITH (FORCE)" \
        -c "CREATE DATABASE upskill_bench_outcomes" >/dev/null ;;
  esac
  started=$SECONDS
  $bin seed-synthetic --database-url "$url" --employees "$employees" --applications "$applications" 2>/dev/null | tail -1
  echo "$backend: seeded in $((SECONDS - started)) s (history, outcomes and the comparison group included)"
  $bin serve --bind "127.0.0.1:$port" --database-url "$url" >"$work/server.log" 2>&1 &
  server=$!
  until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done
  admin=$(sign_in e0@synthetic.example)
  for path in "/admin" "/admin?from=$((year - 1))-01&to=$((year - 1))-12" "/admin?horizon=24"; do
    read -r rps p50 p99 bad <<<"$(measure "$admin" "$path")"
    echo "$backend $path: p50 $p50 ms, p99 $p99 ms ($rps req/s at $connections connections; $bad not 2xx)"
  done
  echo "$backend: server peak RSS before the exports $(peak_rss_mib) MiB"
  read -r rows ms rate <<<"$(export_rate "$admin" /admin/outcomes.csv)"
  echo "$backend outcomes.csv: $((rows - 1)) rows in $ms ms ($rate rows/s); peak RSS $(peak_rss_mib) MiB"
  # The JSON has one completion per line between the brackets.
  read -r rows ms rate <<<"$(export_rate "$admin" /admin/outcomes.json)"
  echo "$backend outcomes.json: about $rows rows in $ms ms ($rate rows/s); peak RSS $(peak_rss_mib) MiB"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  [ "$backend" = postgres ] && psql -q "postgres:///postgres?host=/var/run/postgresql" \
    -c "DROP DATABASE IF EXISTS upskill_bench_outcomes WITH (FORCE)" >/dev/null
done
