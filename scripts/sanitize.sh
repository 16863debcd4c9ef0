#!/usr/bin/env bash
# The sanitizer run (.ci/run; docs/reliability.md): the C runtime built with AddressSanitizer and
# UndefinedBehaviorSanitizer, and the tests that drive its C code run against that build:
# - the C-level tests (test/runtime: the C API, C programs linked with the sanitizers, module
#   loading and its refusals, forge's dialect, launches, errors, handles);
# - the fuzzers' stored inputs (test/fuzz/regressions) and TIW_FUZZ_CASES fresh cases a target;
# - the differential corpus of both exporters (test/taichi/corpus.test.ts);
# - the API tests whose C paths those do not take (images, textures, interop, memory, graphs, and
#   host-visible allocations of 2 GiB and more, which ASan's allocator answers with null only
#   with allocator_may_return_null, wasm/sanitize/options.c).
# Any sanitizer report, or any abort, fails the run, even one a test took for an expected error.
#
# Left out: test/runtime/heap-exhaustion (it fills the heap to its last kilobytes; ASan's allocator
# and shadow make that another heap), test/runtime/abort (it overflows Asyncify's block on purpose,
# and the sanitized build's block is larger), test/runtime/large-submission (a regression of the
# shim's JS queue; its 130,000 calls into the sanitized C outlast its 300 s on a loaded machine),
# test/runtime/handle-space (300 module load/destroy cycles ran past 600 s) and
# test/runtime/pending-submit (it counts submissions that a 2 ms timer splits in a slow build),
# the soak and the heap-growth checks of js-heap and
# memory (the quarantine holds freed blocks on purpose), and tests in which no C runs or that
# test the release files (the translator, the shim alone, wgpu, browsers, the package).
#
# The build goes into a copy of the tree (its own wasm/build), so the checkout's build is left as
# it is. It prints its wall and CPU time at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir "$tree"
start=$SECONDS

FILES=(
  test/runtime/aot-errors.test.ts
  test/runtime/archive-limits.test.ts
  test/runtime/asyncify-bigint.test.ts
  test/runtime/c-api.test.ts
  test/runtime/c-programs.test.ts
  test/runtime/deterministic.test.ts
  test/runtime/device-loss.test.ts
  test/runtime/dispatch-size.test.ts
  test/runtime/external-procedures.test.ts
  test/runtime/forge.test.ts
  test/runtime/handles.test.ts
  test/runtime/full-table-public-api.test.ts
  test/runtime/rejected-submission.test.ts
  test/runtime/unsatisfiable-wait.test.ts
  test/fuzz/fuzz.test.ts
  test/taichi/corpus.test.ts
  test/api/aot-custom-module.test.ts
  test/api/aot-mpm.test.ts
  test/api/image.test.ts
  test/api/texture.test.ts
  test/api/interop.test.ts
  test/api/memory.test.ts
  test/api/input-checks.test.ts
  test/api/concurrent-calls.test.ts
  test/api/resources.test.ts
)

# Tracked and untracked (not ignored) files; node_modules is shared, and so is the second corpus
# some tests read beside the checkout (../shared).
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$tree"
ln -s "$root/node_modules" "$tree/node_modules"
if [ -d "$root/../shared" ]; then ln -s "$(cd "$root/../shared" && pwd)" "$work/shared"; fi
cd "$tree"
TIW_SANITIZE=address,undefined TIW_OPT='-O1 -g' bash scripts/build-wasm.sh
built=$SECONDS

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
# 25 fresh cases a target (a case costs seconds of CPU under ASan; 100 took 45 minutes on the
# loaded machine), beside every stored regression input.
TIW_SANITIZE=address,undefined TIW_FUZZ_CASES="${TIW_FUZZ_CASES:-25}" npx vitest run -c vitest.sanitize.config.ts "${FILES[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "sanitize: build $((built - start)) s, tests $((SECONDS - built)) s of wall time; CPU time (user, system) of this shell, then of its children:"
times
# A report that a test's expected error swallowed still fails the run: ASan and UBSan reports,
# and any abort of a wasm instance (halt_on_error ends a report with one; a trap prints one too).
if grep -E 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer|SUMMARY: (Address|UndefinedBehavior)Sanitizer|Aborted\(' "$log"; then
  echo "sanitize: the sanitizers reported the errors above" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "sanitize: tests failed under the sanitizers" >&2
  exit "$status"
fi
echo "sanitize: no sanitizer report in ${#FILES[@]} test files"
