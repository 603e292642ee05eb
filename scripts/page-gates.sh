#!/usr/bin/env bash
# The measured gates of the pages people use most: Lighthouse 12 (performance,
# accessibility and best practices, each 100) and the W3C Nu HTML checker (no error), on
# a demo server with a few applications in it, signed in as the people who use each page.
#
#   scripts/page-gates.sh                 both gates; exits 1 when a page falls short
#   GATES=lighthouse scripts/page-gates.sh    one of them (lighthouse or html)
#
# Installs what it needs the first time: lighthouse@12 and vnu-jar from npm (into
# target/lighthouse and target/vnu), Java (Debian's default-jre) for the checker.
# Uses Debian's chromium (scripts/test-tools.sh installs it). Reports are kept in
# target/page-gates/: one Lighthouse JSON report and one HTML file per page.
set -euo pipefail
cd "$(dirname "$0")/.."

gates=${GATES:-lighthouse html}
port=${GATES_PORT:-18091}
base="http://127.0.0.1:$port"
out=target/page-gates
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
step() { printf '\n==> %s\n' "$*"; }

step "tools (lighthouse@12, vnu-jar, Java, chromium)"
lighthouse=target/lighthouse/node_modules/lighthouse/cli/index.js
vnu=target/vnu/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$lighthouse" ]; then
  mkdir -p target/lighthouse
  npm install --no-save --no-audit --no-fund --prefix target/lighthouse lighthouse@12 >/dev/null
fi
if [ ! -f "$vnu" ]; then
  mkdir -p target/vnu
  npm install --no-save --no-audit --no-fund --prefix target/vnu vnu-jar >/dev/null
fi
if ! command -v java >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre
fi
command -v chromium >/dev/null || { echo "chromium is missing: run scripts/test-tools.sh" >&2; exit 1; }
echo "lighthouse $(node "$lighthouse" --version), vnu $(java -jar "$vnu" --version), $(chromium --version 2>/dev/null)"

step "a demo server with applications in it"
cargo build --quiet
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
./target/debug/upskill serve --demo --bind "127.0.0.1:$port" --database-url "$work/gates.db" \
  --login-attempts-per-hour 100000 --login-attempts-per-address-per-minute 100000 >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "$base/healthz" && break; sleep 0.1; done

# Signs in as $1 (demo e-mail name) with a cookie jar of its own; prints the session cookie.
sign_in() {
  local jar="$work/$1.jar" token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1@upskill.example" --data-urlencode "password=upskill-demo" "$base/login"
  awk '$6 == "upskill" { print $7 }' "$jar"
}
# Posts a form as $1 to $2 with the session's CSRF token and the fields $3... (name=value).
post() {
  local jar="$work/$1.jar" path=$2 token
  shift 2
  token=$(curl -fs -b "$jar" "$base/account" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  local fields=(--data-urlencode "csrf_token=$token")
  for field in "$@"; do fields+=(--data-urlencode "$field"); done
  curl -fs -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" "${fields[@]}" "$base$path"
}

fiona=$(sign_in fiona.associate)
maria=$(sign_in maria.manager)
ada=$(sign_in ada.admin)
[ -n "$fiona" ] && [ -n "$maria" ] && [ -n "$ada" ] || { echo "sign-in failed" >&2; exit 1; }
# Fiona applies to a cohort and for tuition; Maria approves the cohort place, which then
# waits for the program team (Ada).
intake=$(curl -fs -b "$work/fiona.associate.jar" "$base/programs/amazon-apprenticeship/apply" |
  sed -n 's/.*name="intake_id" value="\([0-9]*\)".*/\1/p' | tail -1)
motivation="I maintain our conveyor lines and want to become a certified technician."
cohort=$(post fiona.associate /programs/amazon-apprenticeship/apply "intake_id=$intake" "motivation=$motivation")
post fiona.associate /programs/career-choice/apply "institution=Bellevue College" \
  "course_title=Cloud Computing Certificate" "term_starts_on=$(( $(date +%Y) + 1 ))-01-15" "amount=1234.50" \
  "accept_terms=yes" "motivation=$motivation" >/dev/null
post maria.manager "${cohort#"$base"}/approve" "version=1" >/dev/null
echo "signed in as fiona, maria and ada; applications waiting for ada: $(curl -fs -b "$work/ada.admin.jar" "$base/approvals" |
  grep -c 'data-application=')"

# The pages: name, path, whose session ("" for nobody).
pages=(
  "sign-in /login"
  "catalog /programs $fiona"
  "program /programs/amazon-apprenticeship $fiona"
  "apply /programs/aws-training-and-certification/apply $fiona"
  "my-applications /applications $fiona"
  "approvals /approvals $maria"
  "admin-dashboard /admin $ada"
  "program-form /admin/programs/career-choice/edit $ada"
)

# Runs Lighthouse (its default: a mid-range phone on a slow 4G network) on page $1 at path
# $2 with session $3; prints each category's score and, below 100, the audits that cost
# points. Fails when a category is below 100.
lighthouse_page() {
  local name=$1 path=$2 cookie=${3:-} headers='{}'
  [ -n "$cookie" ] && headers="{\"Cookie\": \"upskill=$cookie\"}"
  CHROME_PATH=/usr/bin/chromium node "$lighthouse" "$base$path" --quiet \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
    --extra-headers="$headers" --output=json --output-path="$out/$name.lighthouse.json" ||
    { echo "$name: Lighthouse did not finish"; return 1; }
  node -e '
      const report = require(process.argv[1]);
      const [name, path] = process.argv.slice(2);
      if (report.finalDisplayedUrl && !report.finalDisplayedUrl.endsWith(path)) {
        console.log(`${name}: ended on ${report.finalDisplayedUrl} (not signed in?)`); process.exit(1);
      }
      let short = false;
      const scores = Object.values(report.categories).map(c => {
        const score = Math.round(c.score * 100);
        if (score < 100) {
          short = true;
          for (const ref of c.auditRefs) {
            const audit = report.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
              console.log(`  ${c.id}: ${audit.id} ${audit.score} ${audit.displayValue || ""} — ${audit.title}`);
            }
          }
        }
        return `${c.id} ${score}`;
      });
      console.log(`${short ? "short" : "ok   "} ${name} (${path}): ${scores.join(", ")}`);
      process.exit(short ? 1 : 0);
    ' "$PWD/$out/$name.lighthouse.json" "$name" "$path"
}

failed=0
if [[ " $gates " == *" lighthouse "* ]]; then
  step "Lighthouse: performance, accessibility and best practices, each 100"
  # Performance varies from run to run with what else the machine does (the phone's CPU
  # is simulated as four times slower than this one): a page that falls short is measured
  # again, up to three runs, and its best run counts (Lighthouse CI's "optimistic"
  # aggregation). Accessibility and best practices do not vary.
  for page in "${pages[@]}"; do
    read -r name path cookie <<<"$page"
    passed=0
    for run in 1 2 3; do
      if lighthouse_page "$name" "$path" "${cookie:-}"; then passed=1; break; fi
      [ "$run" -lt 3 ] && echo "  measuring $name again (run $((run + 1)) of 3)"
    done
    [ "$passed" -eq 1 ] || failed=1
  done
fi

if [[ " $gates " == *" html "* ]]; then
  step "W3C Nu HTML checker: no errors"
  files=()
  for page in "${pages[@]}"; do
    read -r name path cookie <<<"$page"
    curl -fs -H "Cookie: upskill=${cookie:-}" "$base$path" -o "$out/$name.html"
    files+=("$out/$name.html")
  done
  if java -jar "$vnu" --errors-only --format gnu "${files[@]}"; then
    echo "ok: ${#files[@]} pages, no errors"
  else
    echo "the HTML checker found errors (above)"
    failed=1
  fi
fi

if [ "$failed" -ne 0 ]; then
  echo "page gates failed; reports in $out/"
  exit 1
fi
echo "page gates passed"
