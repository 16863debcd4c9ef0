#!/usr/bin/env bash
# Builds the Taichi C runtime to wasm/build/taichi.{cjs,wasm} with Debian's emscripten 3.1.6.
set -euo pipefail
cd "$(dirname "$0")/.."
out=wasm/build
mkdir -p "$out/include"
node scripts/gen-bindings.mjs "$out"

# nlohmann/json is header-only; expose just its folder so no other host header leaks in.
ln -sfn /usr/include/nlohmann "$out/include/nlohmann"

# emscripten's JS optimizer needs Debian's acorn.
export NODE_PATH=/usr/share/nodejs
OPT=${TIW_OPT:--O2}
emcc $OPT -std=c11 -Wall -Wextra -Werror -Ishim/include -c "$out/vk_proc_addr.c" -o "$out/vk_proc_addr.o"
emcc $OPT -std=c++17 -fno-exceptions -fno-rtti -Wall -Wextra -Werror \
  -Iwasm/include -Ishim/include -isystem "$out/include" \
  wasm/src/*.cpp "$out/vk_proc_addr.o" \
  --js-library "$out/library_vulkan.js" --js-library wasm/js/library_host.js \
  -sMODULARIZE -sEXPORT_NAME=createTaichiWasm -sENVIRONMENT=web,worker,node \
  -sASYNCIFY -sASYNCIFY_IMPORTS="$(cat "$out/asyncify-imports.json")" -sASYNCIFY_IGNORE_INDIRECT \
  -sWASM_BIGINT -sALLOW_MEMORY_GROWTH -sMAXIMUM_MEMORY=2GB \
  -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0 -sFILESYSTEM=0 \
  -sEXPORTED_FUNCTIONS="$(cat "$out/exports.json")" \
  -sEXPORTED_RUNTIME_METHODS='["ccall"]' \
  -o "$out/taichi.cjs"
ls -l "$out/taichi.wasm" | awk '{print "build-wasm: taichi.wasm " $5 " bytes"}'
# Types for `import('.../taichi.cjs')` in the TS sources.
printf 'declare const createTaichiWasm: (options: Record<string, unknown>) => Promise<unknown>;\nexport = createTaichiWasm;\n' > "$out/taichi.d.cts"
