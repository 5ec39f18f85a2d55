#!/usr/bin/env bash
# The database tests also run against a real PostgreSQL server, started privately on loopback.
# Installs Debian's server binaries when missing and this user may; otherwise says how.
set -euo pipefail
if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then exit 0; fi
if compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's postgresql for the database tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
  exit 0
fi
echo "PostgreSQL server binaries are needed for the database tests: run 'sudo apt-get install -y postgresql', or set PG_BIN." >&2
exit 1
