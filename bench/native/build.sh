#!/usr/bin/env bash
# Builds bench/native/build/native_bench against the C API of the taichi wheel in .venv (or the
# folder $TAICHI_C_API_DIR names: its include/ and lib/), and beside it the memory-counting Vulkan
# layer (libtaichi_bench_vk_memory.so and its manifest; the memory benchmark enables it). Prints
# the binary's path; exits 3 with the reason when no wheel is there, so the benchmarks can skip
# the native rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
api=${TAICHI_C_API_DIR:-}
if [ -z "$api" ]; then
  api=$(ls -d .venv/lib/python3*/site-packages/taichi/_lib/c_api 2>/dev/null | head -n1 || true)
fi
if [ -z "$api" ] || [ ! -f "$api/lib/libtaichi_c_api.so" ]; then
  echo "no taichi wheel with libtaichi_c_api.so (run scripts/setup-python.sh, or set TAICHI_C_API_DIR)" >&2
  exit 3
fi
out=bench/native/build/native_bench
if [ ! -x "$out" ] || [ bench/native/native_bench.cpp -nt "$out" ]; then
  mkdir -p bench/native/build
  g++ -O2 -std=c++17 -Wall -Wextra -Werror -I"$api/include" bench/native/native_bench.cpp \
    -L"$api/lib" -ltaichi_c_api -ldl -Wl,-rpath,"$(cd "$api/lib" && pwd)" -o "$out"
fi
layer=bench/native/build/libtaichi_bench_vk_memory.so
if [ ! -f "$layer" ] || [ bench/native/vk_memory_layer.cpp -nt "$layer" ]; then
  g++ -O2 -std=c++17 -Wall -Wextra -Werror -shared -fPIC -Wl,-soname,libtaichi_bench_vk_memory.so \
    bench/native/vk_memory_layer.cpp -o "$layer"
  cat > bench/native/build/taichi_bench_vk_memory.json <<'JSON'
{
  "file_format_version": "1.1.2",
  "layer": {
    "name": "VK_LAYER_TAICHI_BENCH_memory",
    "type": "GLOBAL",
    "library_path": "./libtaichi_bench_vk_memory.so",
    "api_version": "1.3.0",
    "implementation_version": "1",
    "description": "Counts vkAllocateMemory bytes for the memory benchmark"
  }
}
JSON
fi
echo "$out"
