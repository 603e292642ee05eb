#!/usr/bin/env bash
# Installs what the tests need beyond Rust, once (each step does nothing when its tool is
# there): Debian's chromium, chromium-driver, nginx and clamav-daemon; axe-core and
# oidc-provider from npm (into target/); aiosmtpd, icalendar and prometheus-client from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "system packages (browser tests: chromium; single sign-on tests: nginx; virus scanner tests: clamav-daemon)"
missing=()
for pkg in chromium chromium-driver nginx clamav-daemon; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
echo "chromium, chromium-driver, nginx, clamav-daemon: installed"

step "axe-core (accessibility checks of the browser tests)"
if [ ! -f target/axe/node_modules/axe-core/axe.min.js ]; then
  mkdir -p target/axe
  npm install --no-save --no-audit --no-fund --prefix target/axe axe-core@4 >/dev/null
fi
ls target/axe/node_modules/axe-core/axe.min.js

step "oidc-provider (the OpenID Connect provider of the single sign-on tests)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or later is needed to run oidc-provider (found $(node --version))"
  exit 1
fi
if [ ! -f target/oidc/node_modules/oidc-provider/lib/index.js ]; then
  mkdir -p target/oidc
  npm install --no-save --no-audit --no-fund --prefix target/oidc oidc-provider@9 >/dev/null
fi
ls target/oidc/node_modules/oidc-provider/lib/index.js

# A Debian-managed Python refuses plain `pip install` (PEP 668); a pyenv or virtualenv
# one takes it.
pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$@" 2>/dev/null ||
    python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
}

step "Python packages (e-mail tests: aiosmtpd; calendar tests: icalendar; metrics tests: prometheus-client)"
if ! command -v python3 >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-pip
fi
python3 -c 'import aiosmtpd' 2>/dev/null || pip_install 'aiosmtpd==1.4.6'
python3 -c 'import icalendar' 2>/dev/null || pip_install 'icalendar>=6'
python3 -c 'import prometheus_client' 2>/dev/null || pip_install 'prometheus-client>=0.16,<1'
python3 -c 'import aiosmtpd, icalendar, prometheus_client.parser
print("aiosmtpd", aiosmtpd.__version__, "· icalendar", icalendar.__version__, "· prometheus-client: installed")'
