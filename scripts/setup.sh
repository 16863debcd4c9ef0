#!/usr/bin/env bash
# First command on a fresh Debian 12 machine: system packages, npm dependencies, the full build
# (wasm runtime and TypeScript), then the main job as a smoke test. Safe to run again; needs no
# terminal (CI has no stdin) and works as root without sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system.sh
npm ci --no-audit --no-fund </dev/null
npm run build
npm run demo
