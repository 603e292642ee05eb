#!/usr/bin/env bash
# The eligibility headcount preview of the program form ("Preview who is eligible") at
# 300,000 people, on SQLite and PostgreSQL, release build: the time of one POST, one
# administrator at a time (wrk, 1 connection), for
#
#   new             POST /admin/programs/preview: a new program open to everyone with 90
#                   days of service (one count, of nearly everyone)
#   edit_unchanged  POST /admin/programs/career-choice/preview, the form as saved (the
#                   rule as edited is the saved one: one count)
#   edit_changed    POST /admin/programs/amazon-technical-academy/preview with its job
#                   families unticked and 90 days of service (two rules counted in one
#                   pass: the rule as edited, everyone, and the saved one, the
#                   non-technical families)
#
# Target: p50 ≤ 200 ms for each. On PostgreSQL each is measured on the freshly seeded
# database, then again after `VACUUM ANALYZE employees` (what autovacuum does within a
# minute or so of a bulk load, and what lets PostgreSQL read the index alone).
#
#   bench/headcount.sh [sqlite|postgres]...      (default: sqlite postgres)
#   DURATION=10s PEOPLE=300000 APPLICATIONS=10000 OUT=/dev/stdout
#   BIN=target/debug/upskill PEOPLE=3000 DURATION=2s bench/headcount.sh sqlite   (a quick check
#   of the script, without the release build)
#
# Needs wrk (Debian package `wrk`) and python3. PostgreSQL uses the local socket and the
# database `upskill_bench_headcount`, created and dropped here.
set -euo pipefail
cd "$(dirname "$0")/.."

backends=("${@:-sqlite}")
[ $# -eq 0 ] && backends=(sqlite postgres)
duration=${DURATION:-10s}
people=${PEOPLE:-300000}
applications=${APPLICATIONS:-10000}
port=${BENCH_PORT:-18096}
base="http://127.0.0.1:$port"
out=${OUT:-/dev/stdout}
pg_admin="postgres:///postgres?host=/var/run/postgresql"
pg_url="postgres:///upskill_bench_headcount?host=/var/run/postgresql"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
bin=${BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=./target/release/upskill
fi

sign_in() { # email -> session cookie value (the jar keeps it for the form pages)
  local token
  rm -f "$work/jar"
  token=$(curl -fs -c "$work/jar" -b "$work/jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$work/jar" -b "$work/jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=upskill-demo" "$base/login"
  awk '$6 == "upskill" { print $7 }' "$work/jar"
}

# The urlencoded body a browser sends for the program form of page PATH, with the changes
# given as NAME=VALUE (NAME= alone removes every NAME field; repeat NAME=VALUE to add
# several).
form_body() { # path [change]...
  curl -fs -b "$work/jar" "$base$1" >"$work/form.html"
  shift
  python3 - "$work/form.html" "$@" <<'PYTHON'
import sys, urllib.parse
from html.parser import HTMLParser

class Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields, self.inside, self.textarea, self.select, self.options = [], False, None, None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "program-form" in (a.get("class") or ""):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select:
            self.options.append(("selected" in a, a.get("value") or ""))
    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select:
            # As a browser: the selected option, else the first.
            chosen = [value for selected, value in self.options if selected] or [v for _, v in self.options[:1]]
            self.fields.extend((self.select, value) for value in chosen)
            self.select = None
    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

form = Form()
form.feed(open(sys.argv[1]).read())
fields = form.fields
changed = set()
for change in sys.argv[2:]:
    name, value = change.split("=", 1)
    if name not in changed:
        fields = [(k, v) for k, v in fields if k != name]
        changed.add(name)
    if value:
        fields.append((name, value))
print(urllib.parse.urlencode(fields), end="")
PYTHON
}

# "p50_ms p99_ms requests non2xx" of POSTs of BODY_FILE to PATH, one at a time.
measure() { # cookie path body_file
  {
    echo 'wrk.method = "POST"'
    echo 'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"'
    echo "wrk.headers[\"Cookie\"] = \"upskill=$1\""
    printf 'wrk.body = [==[%s]==]\n' "$(cat "$3")"
  } >"$work/post.lua"
  wrk -t1 -c1 "-d$duration" --latency -s "$work/post.lua" "$base$2" >"$work/wrk.txt" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    / requests in / { requests = $1 }
    /Non-2xx/ { bad = $NF }
    END { printf "%.1f %.1f %d %d\n", p50, p99, requests, bad + 0 }' "$work/wrk.txt"
}

run_all() { # backend state
  local admin name path body p50 p99 requests bad
  admin=$(sign_in e0@synthetic.example)
  form_body /admin/programs/new slug=preview-bench name="Preview bench" \
    summary="A program to measure the preview with." provider="Upskill bench" \
    description="A program that exists only in the form, to measure the eligibility preview." \
    min_tenure_days=90 >"$work/new.body"
  form_body /admin/programs/career-choice/edit >"$work/edit_unchanged.body"
  form_body /admin/programs/amazon-technical-academy/edit job_families= min_tenure_days=90 >"$work/edit_changed.body"
  for scenario in "new /admin/programs/preview" "edit_unchanged /admin/programs/career-choice/preview" \
    "edit_changed /admin/programs/amazon-technical-academy/preview"; do
    read -r name path <<<"$scenario"
    body="$work/$name.body"
    curl -fs -o "$work/check.html" -b "$work/jar" -H "Content-Type: application/x-www-form-urlencoded" \
      --data-binary "@$body" "$base$path" || { echo "$path failed" >&2; exit 1; }
    grep -q 'data-total="edited-today"' "$work/check.html" || { echo "$path shows no counts" >&2; exit 1; }
    read -r p50 p99 requests bad <<<"$(measure "$admin" "$path" "$body")"
    echo "$1 $2 $name: p50 $p50 ms, p99 $p99 ms ($requests requests)" >&2
    echo "| $1 | $2 | $name | $p50 | $p99 | $requests | $bad |" >>"$work/table.md"
  done
}

{
  echo "| backend | database | preview | p50 ms | p99 ms | requests | non-2xx |"
  echo "|---|---|---|---|---|---|---|"
} >"$work/table.md"
for backend in "${backends[@]}"; do
  case $backend in
    sqlite) url="$work/bench.db" ;;
    postgres)
      url=$pg_url
      psql -q "$pg_admin" -c "SET client_min_messages = warning" \
        -c "DROP DATABASE IF EXISTS upskill_bench_headcount WITH (FORCE)" \
        -c "CREATE DATABASE upskill_bench_headcount" >/dev/null
      ;;
  esac
  started=$SECONDS
  $bin seed-synthetic --database-url "$url" --employees "$people" --applications "$applications" >/dev/null 2>&1
  echo "seeded $people people ($backend) in $((SECONDS - started)) s" >&2
  $bin serve --bind "127.0.0.1:$port" --database-url "$url" >"$work/server.log" 2>&1 &
  server=$!
  until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done
  if [ "$backend" = postgres ]; then
    run_all "$backend" "as seeded"
    psql -q "$url" -c "VACUUM ANALYZE employees" >/dev/null
    run_all "$backend" "vacuumed"
  else
    run_all "$backend" "as seeded"
  fi
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""
  [ "$backend" = postgres ] && psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS upskill_bench_headcount WITH (FORCE)" >/dev/null
done
cat "$work/table.md" >"$out"
