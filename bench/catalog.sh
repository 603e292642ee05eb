#!/usr/bin/env bash
# Throughput and latency of the signed-in catalog (/programs) beside a static asset
# served by the same process: the asset is the ceiling of this machine, the ratio says
# how close the catalog comes to it.
#
#   bench/catalog.sh [DURATION] [CONNECTIONS] [ROUNDS]     (defaults: 15s, 32, 3)
#
# BENCH_SERVE_ARGS adds flags to `upskill serve` (e.g. "--metrics-bind 127.0.0.1:19100"
# to measure what recording metrics costs). BENCH_ACCEPT_LANGUAGE sends that header with
# every request (e.g. "es" for the catalog in Spanish). BENCH_BINARY measures that binary
# instead of building this checkout's (to compare two builds on one machine). With MIN_RATIO (as `.ci/run` sets it, 0.30)
# the script fails when the catalog's throughput is below that share of the asset's.
# Needs wrk (Debian package `wrk`). Uses a fresh SQLite database with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-15s}
connections=${2:-32}
rounds=${3:-3}
threads=2
port=${BENCH_PORT:-18080}
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
binary=${BENCH_BINARY:-./target/release/upskill}
[ -n "${BENCH_BINARY:-}" ] || cargo build --release --quiet

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$binary" serve --demo --bind "127.0.0.1:$port" --database-url "$work/bench.db" \
  --login-attempts-per-hour 100000 ${BENCH_SERVE_ARGS:-} >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

# Sign in as Fiona, as a browser would: fetch the form (token + cookie), post it.
jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
  --data-urlencode "email=fiona.associate@upskill.example" --data-urlencode "password=upskill-demo" "$base/login"
session=$(awk '$6 == "upskill" { print $7 }' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
language=(-H "Accept-Language: ${BENCH_ACCEPT_LANGUAGE:-en}")
status=$(curl -s -o /dev/null -w '%{http_code}' "${language[@]}" -H "Cookie: upskill=$session" "$base/programs")
[ "$status" = 200 ] || { echo "/programs answered $status" >&2; exit 1; }
spoken=$(curl -s -o /dev/null -w '%header{content-language}' "${language[@]}" -H "Cookie: upskill=$session" "$base/programs")
echo "/programs answers in: $spoken" >&2

run() { # name path
  local out="$work/$1.txt"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "${language[@]}" -H "Cookie: upskill=$session" "$base$2" >"$out"
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  printf '%-22s %12s req/s   p50 %-9s p99 %-9s\n' "$1 ($2)" "$rps" "$p50" "$p99" >&2
  echo "$rps"
}

# The two pages take turns, $rounds times, and the figure is the median of the rounds'
# ratios: each round measures both pages back to back, so what else the machine does at a
# moment (it moves the stylesheet's figure by a third from run to run) weighs on both alike,
# and one round with a lucky or unlucky stylesheet does not decide the result.
echo "wrk: $threads threads, $connections connections, $duration per page, $rounds rounds, on $(nproc) cores" >&2
ratios=()
for _ in $(seq 1 "$rounds"); do
  static_rps=$(run static /static/app.css)
  catalog_rps=$(run catalog /programs)
  ratios+=("$(awk -v c="$catalog_rps" -v s="$static_rps" 'BEGIN { printf "%.4f", c / s }')")
done
ratio=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END {
  m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "%.2f", m }')
echo "rounds' ratios: ${ratios[*]}" >&2
echo "catalog / static throughput ratio (median of the rounds): $ratio" >&2
peak=$(awk '/VmHWM/ { print $2, $3 }' "/proc/$server/status")
echo "server peak RSS: $peak" >&2
if [ -n "${MIN_RATIO:-}" ] && awk -v r="$ratio" -v m="$MIN_RATIO" 'BEGIN { exit !(r < m) }'; then
  echo "the catalog's throughput is below $MIN_RATIO of the asset's" >&2
  exit 1
fi
