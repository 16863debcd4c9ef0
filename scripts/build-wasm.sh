#!/usr/bin/env bash
# Builds the Taichi C runtime to wasm/build/taichi.{cjs,wasm} with Debian's emscripten 3.1.6.
set -euo pipefail
cd "$(dirname "$0")/.."
out=wasm/build
mkdir -p "$out/include"
# Header-only host packages, each folder linked alone so no other host header leaks in:
# nlohmann/json, and the Khronos Vulkan headers (libvulkan-dev; vulkan_core.h includes vk_video/).
ln -sfn /usr/include/nlohmann "$out/include/nlohmann"
ln -sfn /usr/include/vulkan "$out/include/vulkan"
ln -sfn /usr/include/vk_video "$out/include/vk_video"
node scripts/gen-bindings.mjs "$out"
# The shim's enum and struct-layout tables (shim/src/abi/vk-enums.ts, vk-structs.ts), from the same header.
node scripts/gen-vk-abi.mjs "$out/include/vulkan/vulkan_core.h"
# volk (libvulkan-volk-dev), for programs that load every vk* through it (test/runtime/c/programs).
ln -sfn /usr/include/volk.h "$out/include/volk.h"
ln -sfn /usr/include/volk.c "$out/include/volk.c"

# emscripten's JS optimizer needs Debian's acorn.
export NODE_PATH=/usr/share/nodejs
OPT=${TIW_OPT:--O2}
# TIW_SANITIZE (e.g. address,undefined; scripts/sanitize.sh builds so in a copy of the tree):
# every object gets the sanitizers, and so does every program linked with link.rsp, with their
# options (wasm/sanitize/options.c). Asyncify saves a suspended call's locals in a block of
# ASYNCIFY_STACK_SIZE bytes (4 KiB by default) and traps with `unreachable` when they do not fit;
# instrumented code keeps far more locals live, and a C program's call into the runtime
# (test/runtime/c/external_procedures.c) overflowed 4 KiB, so sanitized programs get 64 KiB.
san_link=""
if [ -n "${TIW_SANITIZE:-}" ]; then
  OPT="$OPT -fsanitize=$TIW_SANITIZE"
  emcc $OPT -std=c11 -Wall -Wextra -Werror -c wasm/sanitize/options.c -o "$out/sanitize-options.o"
  san_link="-fsanitize=$TIW_SANITIZE
-sASYNCIFY_STACK_SIZE=65536
$out/sanitize-options.o"
fi
CXXFLAGS=(-std=c++17 -fno-exceptions -fno-rtti -Wall -Wextra -Werror -Iwasm/include -isystem "$out/include")

# The runtime as a static library, so other C programs (tests, users' own code) link the same
# objects against the same shim: see the README's "Building C programs" section.
mkdir -p "$out/obj"
rm -f "$out"/obj/*.o
for src in vk_proc_addr vk_loader; do
  emcc $OPT -std=c11 -Wall -Wextra -Werror -isystem "$out/include" -c "$out/$src.c" -o "$out/obj/$src.o"
done
# The files that parse or write JSON run once per module load, long enough for V8 to recompile
# their functions with its optimizing compiler in the background, whose time grows faster than a
# function's size. At -O2, with the parsers inlined into read_metadata (77 KB of wasm), the first
# load of texture.tcm in a process took 410 ms of CPU, 360 of them recompiling; small and not
# inlined, 200 ms.
for src in wasm/src/*.cpp; do
  size=""
  case "$src" in *metadata*|*aot_module*|*describe*) size="-Os -fno-inline-functions";; esac
  emcc $OPT $size "${CXXFLAGS[@]}" -c "$src" -o "$out/obj/$(basename "${src%.cpp}").o" &
done
wait
rm -f "$out/libtaichi_c_api.a"
emar rcs "$out/libtaichi_c_api.a" "$out"/obj/*.o

# Link flags every program using the runtime needs (an emcc response file).
cat > "$out/link.rsp" <<RSP
--js-library $out/library_vulkan.js
--js-library wasm/js/library_host.js
--post-js wasm/js/asyncify-bigint.js
--post-js wasm/js/asyncify-heap.js
--post-js wasm/js/asyncify-abort.js
-sMODULARIZE
-sENVIRONMENT=web,worker,node
-sASYNCIFY
-sASYNCIFY_IMPORTS=$(cat "$out/asyncify-imports.json")
-sWASM_BIGINT
-sALLOW_MEMORY_GROWTH
-sMAXIMUM_MEMORY=2GB
-sABORTING_MALLOC=0
-sNODEJS_CATCH_EXIT=0
-sNODEJS_CATCH_REJECTION=0
-sFILESYSTEM=0
-sEXPORTED_RUNTIME_METHODS=["ccall"]
$san_link
RSP
# What a program with main() adds (docs/c-programs.md): main is called, asynchronously, by
# runMain (src/program.ts), with a file system for its .spv and output files.
{ cat "$out/link.rsp"; cat <<RSP; } > "$out/main.rsp"
-sINVOKE_RUN=0
-sFILESYSTEM=1
-sFORCE_FILESYSTEM=1
-sEXPORTED_RUNTIME_METHODS=["ccall","FS"]
-sEXPORTED_FUNCTIONS=["_main","_malloc","_free","_ti_get_last_error","_ti_set_last_error","_tiw_heap_spend_reserve"]
RSP
# Two ES module builds of the glue around one wasm: the web build has no Node code (bundlers
# need nothing to stub), the Node build gets require and __dirname from a prelude (emscripten
# 3.1.6 uses both and an ES module has neither). Each is linked as taichi.mjs in its own folder,
# so the glue's own `new URL("taichi.wasm", import.meta.url)` names the one wasm they share.
link() { # <environment> <folder> [extra flags]
  local env=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  emcc $OPT @"$out/link.rsp" -Wl,--whole-archive "$out/libtaichi_c_api.a" -Wl,--no-whole-archive \
    -sEXPORT_NAME=createTaichiWasm -sEXPORTED_FUNCTIONS="$(cat "$out/exports.json")" \
    -sEXPORT_ES6 -sENVIRONMENT="$env" "$@" -o "$dir/taichi.mjs"
}
link web,worker "$out/link-web" &
link node "$out/link-node" --extern-pre-js wasm/js/node-prelude.mjs &
wait
cmp -s "$out/link-web/taichi.wasm" "$out/link-node/taichi.wasm" || { echo "build-wasm: the web and Node links made different wasm" >&2; exit 1; }
mv "$out/link-web/taichi.wasm" "$out/taichi.wasm"
mv "$out/link-web/taichi.mjs" "$out/taichi.web.mjs"
mv "$out/link-node/taichi.mjs" "$out/taichi.node.mjs"
rm -rf "$out/link-web" "$out/link-node" "$out/taichi.cjs" "$out/taichi.d.cts"
ls -l "$out/taichi.wasm" | awk '{print "build-wasm: taichi.wasm " $5 " bytes"}'
# Types for the TS sources' imports of either glue.
for glue in web node; do
  printf 'declare const createTaichiWasm: (options: Record<string, unknown>) => Promise<unknown>;\nexport default createTaichiWasm;\n' > "$out/taichi.$glue.d.mts"
done
