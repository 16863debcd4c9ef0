// taichi-wasm extensions to the C API (not part of Taichi's headers).
#pragma once
#include <taichi/taichi_core.h>

#ifdef __cplusplus
extern "C" {
#endif

// Writes a JSON description of a loaded module's kernels and compute graphs (names, arguments
// with kind, dtype, ndim and element shape) into `json` (up to `capacity` bytes, NUL-terminated)
// and returns the size the description needs, NUL included. With `json` NULL only the size.
TI_DLL_EXPORT uint64_t TI_API_CALL ti_describe_aot_module_ext(TiAotModule aot_module, char *json, uint64_t capacity);

#ifdef __cplusplus
}
#endif
