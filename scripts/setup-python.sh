#!/usr/bin/env bash
# The Python venv (.venv) with Taichi 1.7.4 and taichi-forge 0.7.0: they export the project's
# modules and run the same kernels on their CPU backends for expected values. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! cmp -s scripts/requirements.txt .venv/requirements.installed; then
  .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements.txt </dev/null
  cp scripts/requirements.txt .venv/requirements.installed
fi
