#!/usr/bin/env bash
# The payments list for finance at 10,000 and 1,000,000 applications: /admin/payments in
# both views (what is due, what was paid): the first page, a page filtered by program and
# dates, and a page with a name search, on SQLite and PostgreSQL. The target: the first
# pages' and the program-and-dates pages' 1m p50 within 1.25 times their 10k p50 (their
# totals come from counters); a name search reads every person whose name holds the text.
#
#   bench/payments.sh [sqlite|postgres]...      (default: sqlite postgres)
#   DURATION=5s CONNECTIONS=8 SIZES="10k 1m" OUT=/dev/stdout
#
# Needs wrk (Debian package `wrk`). PostgreSQL uses a local socket and the databases
# `upskill_bench_pay_<size>`, created and dropped here.
set -euo pipefail
cd "$(dirname "$0")/.."

backends=("${@:-sqlite}")
[ $# -eq 0 ] && backends=(sqlite postgres)
duration=${DURATION:-5s}
connections=${CONNECTIONS:-8}
read -r -a sizes <<<"${SIZES:-10k 1m}"
port=${BENCH_PORT:-18095}
base="http://127.0.0.1:$port"
out=${OUT:-/dev/stdout}
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
cargo build --release --quiet
bin=./target/release/upskill

database_for() { # backend size
  case $1 in
    sqlite) echo "$work/bench-$2.db" ;;
    postgres) echo "postgres:///upskill_bench_pay_$2?host=/var/run/postgresql" ;;
  esac
}

counts_for() { # size -> "employees applications"
  case $1 in 10k) echo "3000 10000" ;; 1m) echo "300000 1000000" ;; esac
}

sign_in() { # email -> session cookie value
  local jar="$work/jar" token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=upskill-demo" "$base/login"
  awk '$6 == "upskill" { print $7 }' "$jar"
}

# "rps p50_ms p99_ms" of one page under wrk.
measure() { # cookie path
  wrk -t2 "-c$connections" "-d$duration" --latency -H "Cookie: upskill=$1" "$base$2" >"$work/wrk.txt" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%d %.2f %.2f %d\n", rps, p50, p99, bad + 0 }' "$work/wrk.txt"
}

pages=(
  "due /admin/payments"
  "due_program_dates /admin/payments?view=due&program=career-choice&from=2025-01-01&to=2026-06-30"
  "paid /admin/payments?view=paid"
  "paid_program_dates /admin/payments?view=paid&program=career-choice&from=2026-01-01&to=2026-06-30"
  "due_search /admin/payments?view=due&program=career-choice&q=e1234"
  "paid_search /admin/payments?view=paid&q=e1234"
)

{
  echo "| backend | size | page | requests/s | p50 ms | p99 ms | non-2xx |"
  echo "|---|---|---|---|---|---|---|"
} >"$work/table.md"
for backend in "${backends[@]}"; do
  for size in "${sizes[@]}"; do
    url=$(database_for "$backend" "$size")
    if [ "$backend" = postgres ]; then
      psql -q "postgres:///postgres?host=/var/run/postgresql" -c "DROP DATABASE IF EXISTS upskill_bench_pay_$size WITH (FORCE)" \
        -c "CREATE DATABASE upskill_bench_pay_$size" >/dev/null
    fi
    read -r people applications <<<"$(counts_for "$size")"
    started=$SECONDS
    $bin seed-synthetic --database-url "$url" --employees "$people" --applications "$applications" >/dev/null 2>&1
    echo "seeded $applications applications ($backend) in $((SECONDS - started)) s" >&2
    $bin serve --bind "127.0.0.1:$port" --database-url "$url" >"$work/server.log" 2>&1 &
    server=$!
    until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done
    admin=$(sign_in e0@synthetic.example)
    for page in "${pages[@]}"; do
      read -r name path <<<"$page"
      curl -fs -o /dev/null -H "Cookie: upskill=$admin" "$base$path" || { echo "$path failed" >&2; exit 1; }
      read -r rps p50 p99 bad <<<"$(measure "$admin" "$path")"
      echo "$backend $size $name: $rps req/s, p50 $p50 ms, p99 $p99 ms" >&2
      echo "| $backend | $size | $name | $rps | $p50 | $p99 | $bad |" >>"$work/table.md"
    done
    kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""
    [ "$backend" = postgres ] && psql -q "postgres:///postgres?host=/var/run/postgresql" \
      -c "DROP DATABASE IF EXISTS upskill_bench_pay_$size WITH (FORCE)" >/dev/null
  done
done
cat "$work/table.md" >"$out"
