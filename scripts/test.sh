#!/usr/bin/env bash
# `npm test`: the whole suite. Format, lint and typecheck first (fast, and the commonest failures),
# then unit, integration (real server, PGlite and PostgreSQL) and browser tests (Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$1"; }
started=$SECONDS

step "format and lint (biome)"
npx --no-install biome ci --reporter=summary .

step "typecheck (all packages)"
npx --no-install turbo run typecheck --output-logs=errors-only

step "services the tests need"
bash scripts/ensure-system-packages.sh postgresql chromium redis-server caddy

step "build the web UI (cached when unchanged)"
npx --no-install turbo run build --output-logs=errors-only

step "tests: unit, integration, end-to-end"
npx --no-install vitest run "$@"

printf '\nnpm test: all green in %s s\n' "$((SECONDS - started))"
