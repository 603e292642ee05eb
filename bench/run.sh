#!/usr/bin/env bash
# The benchmark suite: builds the release binary, seeds two databases (10,000 and
# 1,000,000 applications), and measures each page with wrk (the peak) and oha (at half
# the peak rate, for honest percentiles), writing bench/RESULTS.md. See bench/README.md.
#
#   bench/run.sh [sqlite|postgres]... (default: sqlite)
#   DURATION=10s CONNECTIONS=32 MIX_DURATION=60s SIZES="10k 1m" OUT=bench/RESULTS.md
#
# PostgreSQL runs use UPSKILL_BENCH_POSTGRES_URL (default: a local socket, database
# `upskill_bench_<size>` created and dropped by the script).
set -euo pipefail
cd "$(dirname "$0")/.."

backends=("${@:-sqlite}")
duration=${DURATION:-10s}
mix_duration=${MIX_DURATION:-60s}
read -r -a sizes <<<"${SIZES:-10k 1m}"
connections=${CONNECTIONS:-32}
port=${BENCH_PORT:-18090}
base="http://127.0.0.1:$port"
out=${OUT:-bench/RESULTS.md}
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v oha >/dev/null || { echo "oha is missing: cargo install oha --locked" >&2; exit 1; }
cargo build --release --quiet
bin=./target/release/upskill

database_for() { # backend size
  case $1 in
    sqlite) echo "$work/bench-$2.db" ;;
    postgres) echo "${UPSKILL_BENCH_POSTGRES_URL:-postgres:///upskill_bench_$2?host=/var/run/postgresql}" ;;
  esac
}

prepare() { # backend size employees applications
  local url; url=$(database_for "$1" "$2")
  if [ "$1" = postgres ]; then
    psql -q "postgres:///postgres?host=/var/run/postgresql" -c "DROP DATABASE IF EXISTS upskill_bench_$2 WITH (FORCE)" -c "CREATE DATABASE upskill_bench_$2" >/dev/null
  fi
  local started=$SECONDS
  $bin seed-synthetic --database-url "$url" --employees "$3" --applications "$4" 2>/dev/null | tail -1 >&2
  echo "seeded $4 applications ($1) in $((SECONDS - started)) s" >&2
}

# Starts the server (in this shell, so that $server is its pid) and sets $startup to
# the milliseconds until the first 200.
start_server() { # url
  local t0; t0=$(date +%s%N)
  $bin serve --bind "127.0.0.1:$port" --database-url "$1" >"$work/server.log" 2>&1 &
  server=$!
  until curl -fs -o /dev/null "$base/healthz"; do sleep 0.01; done
  startup=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }

sign_in() { # email -> session cookie value
  local jar="$work/jar-$1" token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=upskill-demo" "$base/login"
  awk '$6 == "upskill" { print $7 }' "$jar"
}

# One wrk run: prints "rps p50_ms p99_ms errors".
measure() { # cookie path [connections] [script]
  local args=(-t2 "-c${3:-$connections}" "-d$duration" --latency -H "Cookie: upskill=$1")
  [ -n "${4:-}" ] && args+=(-s "$4")
  wrk "${args[@]}" "$base$2" >"$work/wrk.txt" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    /Socket errors:/ { errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }' "$work/wrk.txt"
}

# One oha run at a fixed request rate, latency corrected for coordinated omission:
# prints "p50_ms p99_ms errors". Extra arguments go to oha (the URL last).
measure_rate() { # cookie rate seconds oha-arguments...
  local cookie=$1 rate=$2 seconds=$3 out; shift 3
  out=$(mktemp -p "$work")
  oha --no-tui --output-format json -z "$seconds" -q "$rate" -c "$connections" --latency-correction \
    -H "Cookie: upskill=$cookie" "$@" >"$out" 2>/dev/null || true
  python3 - "$out" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except ValueError:
    print("0 0 1"); sys.exit()
p = d.get("latencyPercentiles") or {}
codes = d.get("statusCodeDistribution") or {}
errors = sum(n for code, n in codes.items() if not code.startswith(("2", "3")))
# Requests still in flight when the run's time is up are cut off, not failed.
errors += sum(n for kind, n in (d.get("errorDistribution") or {}).items() if "deadline" not in kind)
print(f"{(p.get('p50') or 0) * 1000:.2f} {(p.get('p99') or 0) * 1000:.2f} {errors}")
PY
}

half_of() { awk -v r="$1" 'BEGIN { h = int(r / 2); print (h > 0 ? h : 1) }'; }

peak_rss_mib() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status"; }

# The 90/10 mix: page views, and one in ten requests a POST that writes (marks the
# person's notifications read, a real write transaction through the CSRF check).
cat >"$work/mix.lua" <<'LUA'
local token = os.getenv("BENCH_CSRF")
local pages = { "/", "/programs", "/applications", "/programs/career-choice", "/notifications" }
local n = 0
request = function()
  n = n + 1
  if n % 10 == 0 then
    return wrk.format("POST", "/notifications/read", { ["Content-Type"] = "application/x-www-form-urlencoded" }, "csrf_token=" .. token)
  end
  return wrk.format("GET", pages[(n % #pages) + 1])
end
LUA

results=()
for backend in "${backends[@]}"; do
  for size in "${sizes[@]}"; do
    if [ "$size" = 10k ]; then people=3000; count=10000; else people=300000; count=1000000; fi
    prepare "$backend" "$size" "$people" "$count"
    url=$(database_for "$backend" "$size")
    start_server "$url"
    admin=$(sign_in e0@synthetic.example)
    manager=$(sign_in e259@synthetic.example)   # a manager of 40 people
    employee=$(sign_in "e$((people - 1))@synthetic.example")   # no reports: an employee
    max_id=$(curl -fs -b "upskill=$admin" "$base/admin/applications" | sed -n 's/.*data-application="\([0-9]*\)".*/\1/p' | head -1)
    deep=$(( max_id / 10 ))
    declare -A pages=(
      [static]="$employee /static/app.css"
      [catalog]="$employee /programs"
      [program]="$employee /programs/career-choice"
      [my_applications]="$employee /applications"
      [approvals]="$manager /approvals"
      [dashboard]="$admin /admin"
      [admin_list]="$admin /admin/applications"
      [admin_list_deep]="$admin /admin/applications?before=$deep"
    )
    for name in static catalog program my_applications approvals dashboard admin_list admin_list_deep; do
      read -r cookie path <<<"${pages[$name]}"
      read -r rps p50 p99 errors <<<"$(measure "$cookie" "$path")"
      rate=$(half_of "$rps")
      read -r h50 h99 herrors <<<"$(measure_rate "$cookie" "$rate" "$duration" "$base$path")"
      echo "$backend $size $name: $rps req/s (p50 $p50 ms, p99 $p99 ms); at $rate req/s p50 $h50 ms, p99 $h99 ms; $((errors + herrors)) errors" >&2
      results+=("$backend|$size|$name|$rps|$p50|$p99|$rate|$h50|$h99|$((errors + herrors))")
    done
    # The CSV export of every application: time, rows per second, memory after.
    t0=$(date +%s%N)
    rows=$(curl -fs -b "upskill=$admin" "$base/admin/applications.csv" | wc -l)
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    csv_rate=$(( (rows - 1) * 1000 / (ms > 0 ? ms : 1) ))
    echo "$backend $size csv: $((rows - 1)) rows in $ms ms ($csv_rate rows/s)" >&2
    rss_after_csv=$(peak_rss_mib)
    echo "$backend $size csv: peak RSS after the export $rss_after_csv MiB" >&2
    results+=("$backend|$size|csv_export|$csv_rate rows/s|$ms ms total|||||0")
    results+=("$backend|$size|peak_rss_after_csv_mib|$rss_after_csv||||||")
    token=$(curl -fs -b "upskill=$employee" "$base/" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
    read -r rps p50 p99 errors <<<"$(BENCH_CSRF=$token measure "$employee" / "$connections" "$work/mix.lua")"
    echo "$backend $size mix peak: $rps req/s, p50 $p50 ms, p99 $p99 ms, $errors errors" >&2
    # The same mix for MIX_DURATION at half that rate: page views and POSTs from two
    # fixed-rate generators at once, so the POSTs' percentiles are their own.
    rate=$(half_of "$rps")
    get_rate=$(( rate * 9 / 10 )); post_rate=$(( rate / 10 > 0 ? rate / 10 : 1 ))
    for page in / /programs /applications /programs/career-choice /notifications; do echo "$base$page"; done >"$work/urls.txt"
    measure_rate "$employee" "$get_rate" "$mix_duration" --urls-from-file "$work/urls.txt" >"$work/mix-get.txt" &
    getter=$!
    read -r m50 m99 merrors <<<"$(measure_rate "$employee" "$post_rate" "$mix_duration" -m POST \
      -T application/x-www-form-urlencoded -d "csrf_token=$token" "$base/notifications/read")"
    wait "$getter"
    read -r g50 g99 gerrors <<<"$(cat "$work/mix-get.txt")"
    locked=$(grep -c "database is locked" "$work/server.log" || true)
    echo "$backend $size mix for $mix_duration at $get_rate + $post_rate req/s: pages p99 $g99 ms, POSTs p50 $m50 ms p99 $m99 ms; $((gerrors + merrors)) errors; 'database is locked' in the log: $locked" >&2
    results+=("$backend|$size|mix_90_10|$rps|$p50|$p99|$get_rate|$g50|$g99|$((errors + gerrors))")
    results+=("$backend|$size|mix_posts||||$post_rate|$m50|$m99|$merrors")
    results+=("$backend|$size|database_locked_in_log|$locked||||||")
    read -r rps p50 p99 errors <<<"$(measure "$employee" /programs 256)"
    rss=$(peak_rss_mib)
    echo "$backend $size 256 connections: $rps req/s, p99 $p99 ms; peak RSS $rss MiB; start-up $startup ms" >&2
    results+=("$backend|$size|catalog_256_connections|$rps|$p50|$p99||||$errors")
    results+=("$backend|$size|peak_rss_mib|$rss||||||")
    results+=("$backend|$size|startup_ms|$startup||||||")
    stop_server
  done
done

{
  echo "# Benchmark results"
  echo
  echo "Run by \`bench/run.sh ${backends[*]}\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"
  echo "$(uname -sr), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)."
  echo "Peak: wrk, 2 threads, $connections connections, $duration per page. At half the peak: oha at a fixed rate"
  echo "(half the peak), $connections connections, latency corrected, $duration per page; the mix $mix_duration."
  echo "Load generators on the same machine as the server."
  echo "Databases made by \`upskill seed-synthetic\` (10k: 3,000 employees and 10,000 applications; 1m: 300,000 and 1,000,000)."
  echo
  echo "| backend | size | page | peak requests/s | p50 ms | p99 ms | half rate | p50 ms | p99 ms | errors | ÷ static |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for row in "${results[@]}"; do
    IFS='|' read -r backend size name rps p50 p99 rate h50 h99 errors <<<"$row"
    static=$(printf '%s\n' "${results[@]}" | awk -F'|' -v b="$backend" -v s="$size" '$1 == b && $2 == s && $3 == "static" { print $4 }')
    ratio=""
    if [[ "$rps" =~ ^[0-9]+$ ]] && [ -n "$static" ] && [ "$name" != static ] && [[ "$name" != *_ms ]] && [[ "$name" != *_mib ]] && [[ "$name" != *_log ]]; then
      ratio=$(awk -v a="$rps" -v b="$static" 'BEGIN { printf "%.2f", a / b }')
    fi
    echo "| $backend | $size | $name | $rps | $p50 | $p99 | $rate | $h50 | $h99 | $errors | $ratio |"
  done
  echo
  echo "## 1m ÷ 10k (at half the peak rate)"
  echo
  echo "| backend | page | p50 ratio | p99 ratio |"
  echo "|---|---|---|---|"
  for row in "${results[@]}"; do
    IFS='|' read -r backend size name rps p50 p99 rate h50 h99 errors <<<"$row"
    [ "$size" = 1m ] || continue
    [[ "$h50" =~ ^[0-9.]+$ ]] || continue
    small=$(printf '%s\n' "${results[@]}" | awk -F'|' -v b="$backend" -v n="$name" '$1 == b && $2 == "10k" && $3 == n { print $8, $9 }')
    read -r s50 s99 <<<"$small"
    awk -v b="$backend" -v n="$name" -v a="$h50" -v c="$h99" -v x="$s50" -v y="$s99" \
      'BEGIN { printf "| %s | %s | %.2f | %.2f |\n", b, n, (x > 0 ? a / x : 0), (y > 0 ? c / y : 0) }'
  done
} >"$out"
echo "wrote $out" >&2
