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
CXXFLAGS=(-std=c++17 -fno-exceptions -fno-rtti -Wall -Wextra -Werror -Iwasm/include -Ishim/include -isystem "$out/include")

# The runtime as a static library, so other C programs (tests, users' own code) link the same
# objects against the same shim: see the README's "Building C programs" section.
mkdir -p "$out/obj"
rm -f "$out"/obj/*.o
emcc $OPT -std=c11 -Wall -Wextra -Werror -Ishim/include -c "$out/vk_proc_addr.c" -o "$out/obj/vk_proc_addr.o"
for src in wasm/src/*.cpp; do
  emcc $OPT "${CXXFLAGS[@]}" -c "$src" -o "$out/obj/$(basename "${src%.cpp}").o" &
done
wait
rm -f "$out/libtaichi_c_api.a"
emar rcs "$out/libtaichi_c_api.a" "$out"/obj/*.o

# Link flags every program using the runtime needs (an emcc response file).
cat > "$out/link.rsp" <<RSP
--js-library $out/library_vulkan.js
--js-library wasm/js/library_host.js
--post-js wasm/js/asyncify-bigint.js
-sMODULARIZE
-sENVIRONMENT=web,worker,node
-sASYNCIFY
-sASYNCIFY_IMPORTS=$(cat "$out/asyncify-imports.json")
-sASYNCIFY_IGNORE_INDIRECT
-sWASM_BIGINT
-sALLOW_MEMORY_GROWTH
-sMAXIMUM_MEMORY=2GB
-sNODEJS_CATCH_EXIT=0
-sNODEJS_CATCH_REJECTION=0
-sFILESYSTEM=0
-sEXPORTED_RUNTIME_METHODS=["ccall"]
RSP
emcc $OPT @"$out/link.rsp" -Wl,--whole-archive "$out/libtaichi_c_api.a" -Wl,--no-whole-archive \
  -sEXPORT_NAME=createTaichiWasm -sEXPORTED_FUNCTIONS="$(cat "$out/exports.json")" \
  -o "$out/taichi.cjs"
ls -l "$out/taichi.wasm" | awk '{print "build-wasm: taichi.wasm " $5 " bytes"}'
# Types for `import('.../taichi.cjs')` in the TS sources.
printf 'declare const createTaichiWasm: (options: Record<string, unknown>) => Promise<unknown>;\nexport = createTaichiWasm;\n' > "$out/taichi.d.cts"
