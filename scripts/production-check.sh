#!/usr/bin/env bash
# Follows README.md's "Production" section from scratch on this machine: builds the release
# binary, makes a PostgreSQL role with a password and its database, migrates, makes an
# administrator and the standard programs, starts two `upskill serve` from an environment
# file like the README's, and puts nginx in front of them with the README's own nginx
# configuration (read from README.md; a throw-away certificate for localhost, loopback
# addresses and free ports). Then, through nginx: /healthz, the redirect to https, HSTS, a
# sign-in and an application; the application read on each server directly; and no line
# of any log holding the database's password.
#
#   scripts/production-check.sh           builds target/release/upskill first (minutes)
#   scripts/production-check.sh --quick   uses target/debug/upskill as the tests built it
#
# Needs PostgreSQL running on this machine, nginx, curl, openssl and python3, and root (or
# sudo) to create the role and database as PostgreSQL's superuser; drops them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'production check FAILED: %s\n' "$*" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [ "${1:-}" = "--quick" ]; then
  bin=target/debug/upskill
  [ -x "$bin" ] || fail "$bin is missing: build it first (cargo build)"
else
  step "the binary (README: cargo build --release --locked)"
  cargo build --release --locked
  bin=target/release/upskill
fi
bin=$(realpath "$bin")
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || fail "nginx is missing (apt-get install nginx)"
pg_isready -q || fail "PostgreSQL is not running here (pg_ctlcluster 15 main start)"

work=$(mktemp -d)
name="upskill_check_$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_postgres dropdb --if-exists --force "$name" >/dev/null 2>&1 || true
  as_postgres dropuser --if-exists "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step "PostgreSQL: a role with a password, and its database"
password=$(openssl rand -hex 16)
as_postgres psql -q -v ON_ERROR_STOP=1 -c "CREATE ROLE $name LOGIN PASSWORD '$password'" \
  -c "CREATE DATABASE $name OWNER $name" >/dev/null
tls_port=$(free_port)
http_port=$(free_port)
app_ports=("$(free_port)" "$(free_port)")
cat >"$work/upskill.env" <<EOF
UPSKILL_DATABASE_URL='postgres://$name:$password@127.0.0.1:${PGPORT:-5432}/$name'
UPSKILL_PUBLIC_URL=https://localhost:$tls_port
UPSKILL_SECURE_COOKIES=1
UPSKILL_LOG_FORMAT=json
UPSKILL_MAIL_FROM='Upskill <upskill@localhost>'
UPSKILL_TRUSTED_PROXIES=127.0.0.1/32
EOF
chmod 0600 "$work/upskill.env"
# As the README runs the commands: with the service's environment file.
upskill() { (set -a; . "$work/upskill.env"; set +a; exec "$bin" "$@"); }

step "migrate, the standard programs, an administrator"
upskill migrate 2>>"$work/commands.log"
upskill seed-programs 2>>"$work/commands.log"
admin_password=$(openssl rand -hex 12)
printf '%s\n' "$admin_password" |
  upskill create-admin --email ada@example.com --name 'Ada Admin' 2>>"$work/commands.log"

step "two servers"
for i in 0 1; do
  (set -a; . "$work/upskill.env"; UPSKILL_BIND=127.0.0.1:${app_ports[$i]}; set +a
   exec "$bin" serve) >"$work/server$i.out" 2>"$work/server$i.log" &
  pids+=("$!")
done
for i in 0 1; do
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:${app_ports[$i]}/healthz" >/dev/null 2>&1 && break
    kill -0 "${pids[$i]}" 2>/dev/null || fail "server $i exited: $(cat "$work/server$i.log")"
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:${app_ports[$i]}/healthz" >/dev/null || fail "server $i is not healthy"
done

step "nginx with README.md's configuration"
awk '/^```nginx$/ { on = 1; next } on && /^```$/ { exit } on' README.md >"$work/upskill.conf"
sed -i -e "s/10\.0\.0\.21:8080/127.0.0.1:${app_ports[0]}/" -e "s/10\.0\.0\.22:8080/127.0.0.1:${app_ports[1]}/" \
  -e "s/listen 80;/listen 127.0.0.1:$http_port;/" -e "s/listen 443 ssl;/listen 127.0.0.1:$tls_port ssl;/" \
  -e "s/upskill\.example\.com/localhost/" -e "s#/etc/ssl/upskill/fullchain\.pem#$work/cert.pem#" \
  -e "s#/etc/ssl/upskill/privkey\.pem#$work/key.pem#" "$work/upskill.conf"
for expected in "127.0.0.1:${app_ports[0]}" "127.0.0.1:${app_ports[1]}" "127.0.0.1:$tls_port ssl" \
  "127.0.0.1:$http_port" "$work/cert.pem" "client_max_body_size" "X-Request-Id"; do
  grep -qF "$expected" "$work/upskill.conf" || fail "README.md's nginx configuration changed shape ($expected)"
done
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<EOF
daemon off;
master_process off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 64; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/upskill.conf;
}
EOF
"$nginx" -p "$work/nginx" -c "$work/nginx.conf" -e "$work/nginx/error.log" &
pids+=("$!")
base="https://localhost:$tls_port"
curl() { command curl --resolve "localhost:$tls_port:127.0.0.1" "$@"; }
for _ in $(seq 1 50); do curl -ks "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

step "through nginx: health, https, HSTS"
[ "$(curl -ksS "$base/healthz")" = "ok" ] || fail "/healthz through nginx"
redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' --resolve "localhost:$http_port:127.0.0.1" \
  "http://localhost:$http_port/programs")
case "$redirect" in "301 https://localhost"*"/programs") ;; *) fail "plain http is not sent to https: $redirect" ;; esac
curl -ksS -D - -o /dev/null "$base/login" | grep -qi '^strict-transport-security: max-age=31536000' ||
  fail "no HSTS header with --secure-cookies"

step "through nginx: sign in and apply"
jar="$work/cookies"
token() { grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
login_token=$(curl -ksS -c "$jar" -b "$jar" "$base/login" | token)
[ -n "$login_token" ] || fail "no sign-in form"
status=$(curl -ksS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/login" \
  --data-urlencode "csrf_token=$login_token" --data-urlencode "email=ada@example.com" \
  --data-urlencode "password=$admin_password" --data-urlencode "next=/")
[ "$status" = "303" ] || fail "sign-in through nginx answered $status"
grep -q '__Host-upskill' "$jar" || fail "no __Host-upskill session cookie"
slug=aws-training-and-certification
apply_token=$(curl -ksS -c "$jar" -b "$jar" "$base/programs/$slug/apply" | token)
[ -n "$apply_token" ] || fail "no application form"
location=$(curl -ksS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$base/programs/$slug/apply" \
  --data-urlencode "csrf_token=$apply_token" \
  --data-urlencode "motivation=Cloud skills for the team's migration, checked from the production recipe.")
case "$location" in "$base/applications/"*) ;; *) fail "applying did not lead to the application: $location" ;; esac
path=${location#"$base"}

step "through nginx: a wrong password counts and is logged for the client's address"
# nginx appends the address it saw (loopback here, a trusted proxy's) to the list, so the
# server takes the rightmost untrusted hop: the client this test pretends to be.
wrong_token=$(curl -ksS -c "$work/wrong" -b "$work/wrong" "$base/login" | token)
status=$(curl -ksS -o /dev/null -w '%{http_code}' -c "$work/wrong" -b "$work/wrong" "$base/login" \
  -H "X-Forwarded-For: 203.0.113.77" --data-urlencode "csrf_token=$wrong_token" \
  --data-urlencode "email=ada@example.com" --data-urlencode "password=not-the-password")
[ "$status" = "401" ] || fail "a wrong password through nginx answered $status"
sleep 0.2
cat "$work"/server*.log | python3 -c '
import json, sys
lines = [json.loads(line) for line in sys.stdin if line.strip()]
failed = [l for l in lines if l.get("message") == "sign-in failed"]
sys.exit(0 if any(l.get("address") == "203.0.113.77" for l in failed) else 1)' ||
  fail "the failed sign-in is not logged with the address nginx forwarded"

step "the application, on each server directly"
session=$(awk '$6 == "__Host-upskill" { print $6 "=" $7 }' "$jar")
for i in 0 1; do
  page=$(curl -fsS -H "Cookie: $session" "http://127.0.0.1:${app_ports[$i]}$path") || fail "server $i: $path"
  grep -q 'AWS Training and Certification' <<<"$page" || fail "server $i does not show the application"
done

step "no log holds the database's password"
for log in "$work"/server*.log "$work"/server*.out "$work"/commands.log "$work"/nginx/*.log; do
  if grep -qF "$password" "$log"; then fail "$(basename "$log") holds the password"; fi
done
for i in 0 1; do
  python3 -c 'import json, sys; [json.loads(line) for line in open(sys.argv[1])]' "$work/server$i.log" ||
    fail "server $i wrote a line that is not JSON"
done

echo
echo "production check passed: two servers behind nginx on PostgreSQL ($base)"
