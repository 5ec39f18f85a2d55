#!/usr/bin/env bash
# Installs the Debian packages the tests need and npm cannot provide, when they are missing:
#   chromium    Debian's Chromium for the browser tests (Playwright cannot download browsers here)
#   postgresql  server binaries for the database tests' private PostgreSQL on loopback
#   redis-server  Redis for the several-processes tests (Colyseus presence and driver)
#   caddy       the reverse proxy of the several-processes trial (npm run trial:start) and its test
# Usage: scripts/ensure-system-packages.sh chromium postgresql redis-server caddy
# As root with apt-get it installs them; otherwise it says what to install and fails.
set -euo pipefail

present() {
  case "$1" in
    chromium) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] ;;
    postgresql) { [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; } || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null ;;
    redis-server) [ -x "${REDIS_SERVER:-/usr/bin/redis-server}" ] || command -v redis-server >/dev/null ;;
    caddy) { [ -n "${CADDY_BIN:-}" ] && [ -x "$CADDY_BIN" ]; } || command -v caddy >/dev/null ;;
    *) echo "unknown package '$1' (known: chromium, postgresql, redis-server, caddy)" >&2; exit 2 ;;
  esac
}

missing=()
for package in "$@"; do present "$package" || missing+=("$package"); done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages for the tests: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null
  }
  exit 0
fi
echo "The tests need these Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
echo "(or point CHROMIUM_PATH / PG_BIN / REDIS_SERVER / CADDY_BIN at existing installs)" >&2
exit 1
