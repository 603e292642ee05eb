#!/usr/bin/env bash
# Attached files under load: UPLOADERS (8) people each attaching a 10 MiB PDF to their
# application, one after another, all at once, while the signed-in catalog (/programs) is
# read; then the server's peak memory. Memory is the point: each upload in flight holds
# one copy of its file (read into a buffer sized from its Content-Length, scanned and
# stored from it), so eight at once should stay well under 256 MiB.
#
#   bench/uploads.sh [DURATION] [DATABASE_URL]     (defaults: 20s, a fresh SQLite file)
#
# A PostgreSQL URL names a database of its own, which it empties first (e.g.
# "postgres:///upskill_bench_uploads?host=/var/run/postgresql"; create it beforehand).
# Prints the catalog's p50/p99 alone and during the uploads (wrk, 1 thread, 4
# connections: a few people clicking, not a saturating load), the uploads done and their
# rate, every upload's answer, and the server's peak RSS (VmHWM); fails on an answer
# other than 303 or, with MAX_RSS_MIB (e.g. 256), a peak above it. Also prints the RSS
# two seconds after the uploads, what the server kept. BENCH_SERVE_ARGS adds
# flags to `upskill serve` (e.g. "--clamd unix:/run/clamav/clamd.ctl" to scan too).
# Needs wrk and curl. Release build.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-20s}
uploaders=${UPLOADERS:-8}
port=${BENCH_PORT:-18095}
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
cargo build --release --quiet

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
database=${2:-"$work/bench.db"}
if [[ "$database" == postgres* ]]; then
  PGOPTIONS='-c client_min_messages=warning' psql "$database" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
fi
./target/release/upskill serve --demo --bind "127.0.0.1:$port" --database-url "$database" \
  --login-attempts-per-hour 100000 ${BENCH_SERVE_ARGS:-} >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

# A 10 MiB PDF: the signature, then random bytes (compressed content, as scans are).
{ printf '%%PDF-1.7\n'; head -c $((10 * 1024 * 1024 - 9)) /dev/urandom; } >"$work/letter.pdf"
[ "$(stat -c %s "$work/letter.pdf")" = $((10 * 1024 * 1024)) ]

# Signs in as $1 into the cookie jar $2; prints the session's CSRF token.
sign_in() {
  local token
  token=$(curl -fs -c "$2" -b "$2" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=upskill-demo" "$base/login"
  curl -fs -b "$2" "$base/account" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1
}

# The demo's people who may apply to AWS Training and Certification, one an uploader.
people=(fiona.associate carl.corporate paula.parttime dev.engineer nate.newhire tom.techlead maria.manager
  ada.admin)
for i in $(seq 0 $((uploaders - 1))); do
  person=${people[$((i % ${#people[@]}))]}
  jar="$work/jar$i"
  token=$(sign_in "$person@upskill.example" "$jar")
  location=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "motivation=Cloud skills for the reports I build by hand every week." \
    "$base/programs/aws-training-and-certification/apply")
  id=${location##*/applications/}
  [[ "$id" =~ ^[0-9]+$ ]] || { echo "$person could not apply: $location" >&2; exit 1; }
  echo "$token $id" >"$work/uploader$i"
done
reader="$work/reader"
sign_in "fiona.associate@upskill.example" "$reader" >/dev/null
session=$(awk '$6 == "upskill" { print $7 }' "$reader")

catalog() { # label
  wrk -t1 -c4 -d"$duration" --latency -H "Cookie: upskill=$session" "$base/programs" >"$work/$1.txt"
  printf '%-34s %9s req/s   p50 %-9s p99 %-9s\n' "/programs $1" \
    "$(awk '/^Requests\/sec:/ { print $2 }' "$work/$1.txt")" \
    "$(awk '$1 == "50%" { print $2 }' "$work/$1.txt")" "$(awk '$1 == "99%" { print $2 }' "$work/$1.txt")" >&2
}

echo "$uploaders uploaders of 10 MiB each, wrk 1 thread 4 connections on /programs, $duration, $(nproc) cores" >&2
catalog "alone"

# Each uploader attaches the file again and again until the catalog's run is over.
upload_loop() { # n
  local token id
  read -r token id <"$work/uploader$1"
  while [ ! -e "$work/stop" ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/jar$1" \
      -F "csrf_token=$token" -F "file=@$work/letter.pdf;type=application/pdf" \
      "$base/applications/$id/files" >>"$work/answers$1"
  done
}
started=$(date +%s.%N)
loops=()
for i in $(seq 0 $((uploaders - 1))); do
  upload_loop "$i" &
  loops+=($!)
done
catalog "during the uploads"
touch "$work/stop"
wait "${loops[@]}"
ended=$(date +%s.%N)

cat "$work"/answers* >"$work/answers"
done_count=$(wc -l <"$work/answers")
awk -v n="$done_count" -v a="$started" -v b="$ended" \
  'BEGIN { printf "uploads: %d in %.1f s = %.1f uploads/s (%.0f MiB/s)\n", n, b - a, n / (b - a), 10 * n / (b - a) }' >&2
awk '{ count[$1]++; sum += $2; if ($2 > max) max = $2 } END {
  for (s in count) printf "answers %s: %d\n", s, count[s]; printf "upload time: mean %.2f s, max %.2f s\n", sum / NR, max }' \
  "$work/answers" >&2
peak=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
sleep 2
now=$(awk '/VmRSS/ { print $2 }' "/proc/$server/status")
echo "server peak RSS: $((peak / 1024)) MiB (2 s after the uploads: $((now / 1024)) MiB)" >&2
if grep -qv '^303 ' "$work/answers"; then
  echo "an upload was not answered 303" >&2
  exit 1
fi
if [ -n "${MAX_RSS_MIB:-}" ] && [ "$((peak / 1024))" -gt "$MAX_RSS_MIB" ]; then
  echo "the peak RSS is above $MAX_RSS_MIB MiB" >&2
  exit 1
fi
