#!/usr/bin/env bash
# The sanitizer run (.ci/run): the C runtime built with AddressSanitizer and
# UndefinedBehaviorSanitizer, and the tests that drive it run against that build: the C API and
# C program tests, the module and launch tests, the fuzzers' stored inputs with a short fuzz run,
# and the differential corpus of both exporters. Any sanitizer report fails the run.
#
# The build goes into a copy of the tree (its own wasm/build), so the checkout's build is left
# as it is. Not run here: the soak test and the memory-growth checks of js-heap and memory.test.ts
# (ASan's quarantine holds freed blocks on purpose), heap-exhaustion (it fills the heap to its last
# kilobytes; ASan's allocator and shadow make that another heap), the browser and package tests (they test the
# release build's files), Deno/wgpu and the SPIR-V translator's own tests (no C runs in them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir "$tree"

# Tracked and untracked (not ignored) files; node_modules is shared, and so is the second corpus
# some tests read beside the checkout (../shared).
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$tree"
ln -s "$root/node_modules" "$tree/node_modules"
if [ -d "$root/../shared" ]; then ln -s "$(cd "$root/../shared" && pwd)" "$work/shared"; fi
cd "$tree"
TIW_SANITIZE=address,undefined TIW_OPT='-O1 -g' bash scripts/build-wasm.sh

# ASan's frames are larger: nlohmann::json's serializer overflows V8's default stack (~1 MB) in
# ti_describe_aot_module_ext. The test processes get 16 MB, within a 64 MB system stack.
cat > vitest.sanitize.config.ts <<'TS'
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(base, defineConfig({ test: { execArgv: ['--stack-size=16000'], testTimeout: 600_000, hookTimeout: 600_000 } }));
TS
ulimit -s 65536

log="$work/sanitize.log"
set +e
TIW_SANITIZE=address,undefined TIW_FUZZ_CASES=100 npx vitest run -c vitest.sanitize.config.ts \
  --exclude 'test/fuzz/soak.test.ts' --exclude 'test/api/js-heap.test.ts' --exclude 'test/runtime/heap-exhaustion.test.ts' --exclude 'test/web/browser.test.ts' \
  --exclude 'test/web/package.test.ts' --exclude 'test/**/wgpu-*.test.ts' --exclude 'test/spirv/**' 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# A report that a test's expected error swallowed still fails the run.
if grep -E 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer|SUMMARY: (Address|UndefinedBehavior)Sanitizer' "$log"; then
  echo "sanitize: the sanitizers reported the errors above" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "sanitize: tests failed under the sanitizers" >&2
  exit "$status"
fi
echo "sanitize: no sanitizer report"
