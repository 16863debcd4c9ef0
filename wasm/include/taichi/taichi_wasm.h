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

// The same description of a .tcm archive's bytes, read without a runtime (no GPU needed); 0 with
// the error set (CORRUPTED_DATA, INCOMPATIBLE_MODULE) when the archive is not a module.
TI_DLL_EXPORT uint64_t TI_API_CALL ti_describe_aot_archive_ext(const void *tcm, uint64_t size, char *json, uint64_t capacity);

// Records a copy of `src_memory` into a region of an image, and the reverse. The memory holds the
// region's texels tightly packed (rows, then slices or layers) in the image's format, so its
// size must be texel size x width x height x depth x layers. The image is left in the transfer
// layout of the copy.
TI_DLL_EXPORT void TI_API_CALL ti_copy_memory_to_image_ext(TiRuntime runtime, const TiImageSlice *dst_image, const TiMemorySlice *src_memory);
TI_DLL_EXPORT void TI_API_CALL ti_copy_image_to_memory_ext(TiRuntime runtime, const TiMemorySlice *dst_memory, const TiImageSlice *src_image);

// Describes a live image (allocated or imported) as the TiImageAllocateInfo that would make it.
TI_DLL_EXPORT void TI_API_CALL ti_describe_image_ext(TiRuntime runtime, TiImage image, TiImageAllocateInfo *info);

// Flags of ti_create_runtime_ext.
typedef enum TiRuntimeFlagBitsExt {
  // Deterministic mode (docs/deterministic.md): every task runs on one invocation, its range-for
  // in index order, so a module gives the same bits run after run and on every adapter. The
  // device is made with the shim's VK_TAICHIWASM_deterministic extension. A kernel whose results
  // depend on the workgroup (shared arrays, barriers) still loads; launching it fails with
  // TI_ERROR_NOT_SUPPORTED, naming the kernel and the reason.
  TI_RUNTIME_FLAG_DETERMINISTIC_BIT_EXT = 1 << 0,
  TI_RUNTIME_FLAG_MAX_ENUM_EXT = 0xffffffff,
} TiRuntimeFlagBitsExt;

// ti_create_runtime with flags (TiRuntimeFlagBitsExt); 0 makes the same runtime.
TI_DLL_EXPORT TiRuntime TI_API_CALL ti_create_runtime_ext(TiArch arch, uint32_t device_index, uint32_t flags);

// Limits every handle table (runtimes, memories, images, samplers, modules, kernels, compute
// graphs, events) to `capacity` live objects, 1 to 65535 (the default and the most). A creation
// beyond the limit fails with TI_ERROR_OUT_OF_MEMORY and changes nothing; objects already live
// stay valid. Lets an embedder bound what a program may hold, and tests reach a full table.
TI_DLL_EXPORT void TI_API_CALL ti_set_handle_capacity_ext(uint32_t capacity);

#ifdef __cplusplus
}
#endif
