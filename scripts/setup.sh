#!/usr/bin/env bash
# First command on a fresh Debian 12 machine: system packages, npm dependencies, the full build
# (wasm runtime and TypeScript), then the main job as a smoke test. Safe to run again; needs no
# terminal (CI has no stdin) and works as root without sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system.sh
bash scripts/setup-python.sh

# `npm ci` refuses package-lock.json: the lock has no entries for rollup's optional binaries of
# other platforms, which the registry this project installs from does not serve (404), so npm
# cannot record them. `npm install` installs the same locked versions; --no-save keeps it from
# rewriting the lock file.
npm install --no-save --no-audit --no-fund </dev/null

npm run build
# The browser demos' static build (web/dist), which test/web/browser.test.ts opens in Chromium.
npm run web:build
npm run demo
