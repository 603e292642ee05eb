#!/usr/bin/env bash
# SCIM provisioning throughput: an identity provider creating USERS people through
# /scim/v2, one request at a time on one kept-alive connection (as Okta and Entra ID
# do), then a full resync: every person read back by a `userName eq` filter.
#
#   bench/scim.sh [USERS] [DATABASE_URL]     (defaults: 10000, a fresh SQLite file)
#
# A PostgreSQL URL names a database of its own, which it empties first (e.g.
# "postgres:///upskill_bench_scim?host=/var/run/postgresql"; create it beforehand).
# Prints creates/s and resync reads/s, and fails on an error answer or a
# "database is locked" in the server's log. With MIN_CREATES (e.g. 300) it also fails
# below that rate.
set -euo pipefail
cd "$(dirname "$0")/.."

users=${1:-10000}
port=${BENCH_PORT:-18090}
base="http://127.0.0.1:$port"
cargo build --release --quiet

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
database=${2:-"$work/bench.db"}
if [[ "$database" == postgres* ]]; then
  psql "$database" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
fi
./target/release/upskill migrate --database-url "$database" >/dev/null
token=$(./target/release/upskill provisioning-token --name "Benchmark" --database-url "$database")
RUST_LOG=info ./target/release/upskill serve --demo --bind "127.0.0.1:$port" --database-url "$database" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

SCIM_TOKEN="$token" python3 - "$port" "$users" <<'PY'
import http.client, json, os, sys, time, urllib.parse

port, users = int(sys.argv[1]), int(sys.argv[2])
headers = {"Authorization": "Bearer " + os.environ["SCIM_TOKEN"], "Content-Type": "application/scim+json"}
conn = http.client.HTTPConnection("127.0.0.1", port)

def call(method, path, body=None):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data

started = time.perf_counter()
for i in range(users):
    user = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": f"bench.person{i}@upskill.example",
        "name": {"givenName": "Bench", "familyName": f"Person {i}"},
        "externalId": f"00u{i:08d}",
        "active": True,
    }
    status, data = call("POST", "/scim/v2/Users", user)
    if status != 201:
        sys.exit(f"create {i}: {status} {data[:200]!r}")
created = time.perf_counter() - started

started = time.perf_counter()
for i in range(users):
    query = urllib.parse.quote(f'userName eq "bench.person{i}@upskill.example"')
    status, data = call("GET", f"/scim/v2/Users?filter={query}")
    if status != 200 or json.loads(data)["totalResults"] != 1:
        sys.exit(f"resync {i}: {status} {data[:200]!r}")
resync = time.perf_counter() - started
print(f"creates: {users} in {created:.1f} s = {users / created:.0f} users/s")
print(f"resync:  {users} in {resync:.1f} s = {users / resync:.0f} users/s")
minimum = float(os.environ.get("MIN_CREATES", "0"))
if users / created < minimum:
    sys.exit(f"creates below {minimum:.0f}/s")
PY

locked=$(grep -c "database is locked" "$work/server.log" || true)
echo "database is locked in the log: $locked"
[ "$locked" = 0 ]
