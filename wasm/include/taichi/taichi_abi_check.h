/*
 * taichi_abi_check.h: the wasm32 layout of the Taichi C API headers, pinned by static asserts.
 *
 * The TypeScript side builds and reads these structs in the wasm heap with the offsets in
 * src/abi/taichi-structs.ts; a change of layout here must change there too. The numbers were
 * measured with emcc 3.1.6 and agree with the wasm32 C rules: handles and pointers are 4 bytes,
 * uint64_t is aligned to 8, so TiMemorySlice has 4 bytes of padding after memory, and TiScalar,
 * TiTensor, TiArgument and TiTensorValueWithLength have 4 after their first member. Included by nothing by
 * default; test/abi.test.ts compiles it as C11 and C++17.
 */
#ifndef TAICHI_ABI_CHECK_H
#define TAICHI_ABI_CHECK_H

#include <stddef.h>

#include "taichi/taichi.h"

#if defined(__wasm32__)

#if defined(__cplusplus)
#define TI_ABI_ASSERT(cond) static_assert(cond, #cond)
#define TI_ABI_ALIGNOF(type) alignof(type)
#else
#define TI_ABI_ASSERT(cond) _Static_assert(cond, #cond)
#define TI_ABI_ALIGNOF(type) _Alignof(type)
#endif

/* Handles are pointers. */
TI_ABI_ASSERT(sizeof(TiRuntime) == 4);
TI_ABI_ASSERT(sizeof(TiAotModule) == 4);
TI_ABI_ASSERT(sizeof(TiEvent) == 4);
TI_ABI_ASSERT(sizeof(TiMemory) == 4);
TI_ABI_ASSERT(sizeof(TiImage) == 4);
TI_ABI_ASSERT(sizeof(TiSampler) == 4);
TI_ABI_ASSERT(sizeof(TiKernel) == 4);
TI_ABI_ASSERT(sizeof(TiComputeGraph) == 4);

/* Enums: TiError mixes negative members with 0xffffffff, so clang gives it a 64-bit
 * underlying type, as gcc does on x86-64; it is returned by ti_get_last_error as an i64 and
 * passed to ti_set_last_error as one. Every other enum is 4 bytes. */
TI_ABI_ASSERT(sizeof(TiError) == 8);
TI_ABI_ASSERT(sizeof(TiArch) == 4);
TI_ABI_ASSERT(sizeof(TiCapability) == 4);
TI_ABI_ASSERT(sizeof(TiDataType) == 4);
TI_ABI_ASSERT(sizeof(TiArgumentType) == 4);
TI_ABI_ASSERT(sizeof(TiMemoryUsageFlagBits) == 4);
TI_ABI_ASSERT(sizeof(TiImageUsageFlagBits) == 4);
TI_ABI_ASSERT(sizeof(TiImageDimension) == 4);
TI_ABI_ASSERT(sizeof(TiImageLayout) == 4);
TI_ABI_ASSERT(sizeof(TiFormat) == 4);
TI_ABI_ASSERT(sizeof(TiFilter) == 4);
TI_ABI_ASSERT(sizeof(TiAddressMode) == 4);

/* TiArgument */
TI_ABI_ASSERT(sizeof(TiArgument) == 152);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiArgument) == 8);
TI_ABI_ASSERT(offsetof(TiArgument, type) == 0);
TI_ABI_ASSERT(offsetof(TiArgument, value) == 8);

/* TiArgumentValue */
TI_ABI_ASSERT(sizeof(TiArgumentValue) == 144);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiArgumentValue) == 8);
TI_ABI_ASSERT(offsetof(TiArgumentValue, i32) == 0);
TI_ABI_ASSERT(offsetof(TiArgumentValue, f32) == 0);
TI_ABI_ASSERT(offsetof(TiArgumentValue, ndarray) == 0);
TI_ABI_ASSERT(offsetof(TiArgumentValue, texture) == 0);
TI_ABI_ASSERT(offsetof(TiArgumentValue, scalar) == 0);
TI_ABI_ASSERT(offsetof(TiArgumentValue, tensor) == 0);

/* TiCapabilityLevelInfo */
TI_ABI_ASSERT(sizeof(TiCapabilityLevelInfo) == 8);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiCapabilityLevelInfo) == 4);
TI_ABI_ASSERT(offsetof(TiCapabilityLevelInfo, capability) == 0);
TI_ABI_ASSERT(offsetof(TiCapabilityLevelInfo, level) == 4);

/* TiImageAllocateInfo */
TI_ABI_ASSERT(sizeof(TiImageAllocateInfo) == 36);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiImageAllocateInfo) == 4);
TI_ABI_ASSERT(offsetof(TiImageAllocateInfo, dimension) == 0);
TI_ABI_ASSERT(offsetof(TiImageAllocateInfo, extent) == 4);
TI_ABI_ASSERT(offsetof(TiImageAllocateInfo, mip_level_count) == 20);
TI_ABI_ASSERT(offsetof(TiImageAllocateInfo, format) == 24);
TI_ABI_ASSERT(offsetof(TiImageAllocateInfo, export_sharing) == 28);
TI_ABI_ASSERT(offsetof(TiImageAllocateInfo, usage) == 32);

/* TiImageExtent */
TI_ABI_ASSERT(sizeof(TiImageExtent) == 16);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiImageExtent) == 4);
TI_ABI_ASSERT(offsetof(TiImageExtent, width) == 0);
TI_ABI_ASSERT(offsetof(TiImageExtent, height) == 4);
TI_ABI_ASSERT(offsetof(TiImageExtent, depth) == 8);
TI_ABI_ASSERT(offsetof(TiImageExtent, array_layer_count) == 12);

/* TiImageOffset */
TI_ABI_ASSERT(sizeof(TiImageOffset) == 16);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiImageOffset) == 4);
TI_ABI_ASSERT(offsetof(TiImageOffset, x) == 0);
TI_ABI_ASSERT(offsetof(TiImageOffset, y) == 4);
TI_ABI_ASSERT(offsetof(TiImageOffset, z) == 8);
TI_ABI_ASSERT(offsetof(TiImageOffset, array_layer_offset) == 12);

/* TiImageSlice */
TI_ABI_ASSERT(sizeof(TiImageSlice) == 40);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiImageSlice) == 4);
TI_ABI_ASSERT(offsetof(TiImageSlice, image) == 0);
TI_ABI_ASSERT(offsetof(TiImageSlice, offset) == 4);
TI_ABI_ASSERT(offsetof(TiImageSlice, extent) == 20);
TI_ABI_ASSERT(offsetof(TiImageSlice, mip_level) == 36);

/* TiMemoryAllocateInfo */
TI_ABI_ASSERT(sizeof(TiMemoryAllocateInfo) == 24);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiMemoryAllocateInfo) == 8);
TI_ABI_ASSERT(offsetof(TiMemoryAllocateInfo, size) == 0);
TI_ABI_ASSERT(offsetof(TiMemoryAllocateInfo, host_write) == 8);
TI_ABI_ASSERT(offsetof(TiMemoryAllocateInfo, host_read) == 12);
TI_ABI_ASSERT(offsetof(TiMemoryAllocateInfo, export_sharing) == 16);
TI_ABI_ASSERT(offsetof(TiMemoryAllocateInfo, usage) == 20);

/* TiMemorySlice */
TI_ABI_ASSERT(sizeof(TiMemorySlice) == 24);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiMemorySlice) == 8);
TI_ABI_ASSERT(offsetof(TiMemorySlice, memory) == 0);
TI_ABI_ASSERT(offsetof(TiMemorySlice, offset) == 8);
TI_ABI_ASSERT(offsetof(TiMemorySlice, size) == 16);

/* TiNamedArgument */
TI_ABI_ASSERT(sizeof(TiNamedArgument) == 160);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiNamedArgument) == 8);
TI_ABI_ASSERT(offsetof(TiNamedArgument, name) == 0);
TI_ABI_ASSERT(offsetof(TiNamedArgument, argument) == 8);

/* TiNdArray */
TI_ABI_ASSERT(sizeof(TiNdArray) == 144);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiNdArray) == 4);
TI_ABI_ASSERT(offsetof(TiNdArray, memory) == 0);
TI_ABI_ASSERT(offsetof(TiNdArray, shape) == 4);
TI_ABI_ASSERT(offsetof(TiNdArray, elem_shape) == 72);
TI_ABI_ASSERT(offsetof(TiNdArray, elem_type) == 140);

/* TiNdShape */
TI_ABI_ASSERT(sizeof(TiNdShape) == 68);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiNdShape) == 4);
TI_ABI_ASSERT(offsetof(TiNdShape, dim_count) == 0);
TI_ABI_ASSERT(offsetof(TiNdShape, dims) == 4);

/* TiSamplerCreateInfo */
TI_ABI_ASSERT(sizeof(TiSamplerCreateInfo) == 16);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiSamplerCreateInfo) == 4);
TI_ABI_ASSERT(offsetof(TiSamplerCreateInfo, mag_filter) == 0);
TI_ABI_ASSERT(offsetof(TiSamplerCreateInfo, min_filter) == 4);
TI_ABI_ASSERT(offsetof(TiSamplerCreateInfo, address_mode) == 8);
TI_ABI_ASSERT(offsetof(TiSamplerCreateInfo, max_anisotropy) == 12);

/* TiScalar */
TI_ABI_ASSERT(sizeof(TiScalar) == 16);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiScalar) == 8);
TI_ABI_ASSERT(offsetof(TiScalar, type) == 0);
TI_ABI_ASSERT(offsetof(TiScalar, value) == 8);

/* TiScalarValue */
TI_ABI_ASSERT(sizeof(TiScalarValue) == 8);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiScalarValue) == 8);
TI_ABI_ASSERT(offsetof(TiScalarValue, x8) == 0);
TI_ABI_ASSERT(offsetof(TiScalarValue, x16) == 0);
TI_ABI_ASSERT(offsetof(TiScalarValue, x32) == 0);
TI_ABI_ASSERT(offsetof(TiScalarValue, x64) == 0);

/* TiTensor */
TI_ABI_ASSERT(sizeof(TiTensor) == 144);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiTensor) == 8);
TI_ABI_ASSERT(offsetof(TiTensor, type) == 0);
TI_ABI_ASSERT(offsetof(TiTensor, contents) == 8);

/* TiTensorValue */
TI_ABI_ASSERT(sizeof(TiTensorValue) == 128);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiTensorValue) == 8);
TI_ABI_ASSERT(offsetof(TiTensorValue, x8) == 0);
TI_ABI_ASSERT(offsetof(TiTensorValue, x16) == 0);
TI_ABI_ASSERT(offsetof(TiTensorValue, x32) == 0);
TI_ABI_ASSERT(offsetof(TiTensorValue, x64) == 0);

/* TiTensorValueWithLength */
TI_ABI_ASSERT(sizeof(TiTensorValueWithLength) == 136);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiTensorValueWithLength) == 8);
TI_ABI_ASSERT(offsetof(TiTensorValueWithLength, length) == 0);
TI_ABI_ASSERT(offsetof(TiTensorValueWithLength, data) == 8);

/* TiTexture */
TI_ABI_ASSERT(sizeof(TiTexture) == 32);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiTexture) == 4);
TI_ABI_ASSERT(offsetof(TiTexture, image) == 0);
TI_ABI_ASSERT(offsetof(TiTexture, sampler) == 4);
TI_ABI_ASSERT(offsetof(TiTexture, dimension) == 8);
TI_ABI_ASSERT(offsetof(TiTexture, extent) == 12);
TI_ABI_ASSERT(offsetof(TiTexture, format) == 28);

#ifdef TI_WITH_VULKAN
/* TiVulkanEventInteropInfo */
TI_ABI_ASSERT(sizeof(TiVulkanEventInteropInfo) == 8);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiVulkanEventInteropInfo) == 8);
TI_ABI_ASSERT(offsetof(TiVulkanEventInteropInfo, event) == 0);

/* TiVulkanImageInteropInfo */
TI_ABI_ASSERT(sizeof(TiVulkanImageInteropInfo) == 48);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiVulkanImageInteropInfo) == 8);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, image) == 0);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, image_type) == 8);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, format) == 12);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, extent) == 16);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, mip_level_count) == 28);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, array_layer_count) == 32);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, sample_count) == 36);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, tiling) == 40);
TI_ABI_ASSERT(offsetof(TiVulkanImageInteropInfo, usage) == 44);

/* TiVulkanMemoryInteropInfo */
TI_ABI_ASSERT(sizeof(TiVulkanMemoryInteropInfo) == 40);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiVulkanMemoryInteropInfo) == 8);
TI_ABI_ASSERT(offsetof(TiVulkanMemoryInteropInfo, buffer) == 0);
TI_ABI_ASSERT(offsetof(TiVulkanMemoryInteropInfo, size) == 8);
TI_ABI_ASSERT(offsetof(TiVulkanMemoryInteropInfo, usage) == 16);
TI_ABI_ASSERT(offsetof(TiVulkanMemoryInteropInfo, memory) == 24);
TI_ABI_ASSERT(offsetof(TiVulkanMemoryInteropInfo, offset) == 32);

/* TiVulkanRuntimeInteropInfo */
TI_ABI_ASSERT(sizeof(TiVulkanRuntimeInteropInfo) == 36);
TI_ABI_ASSERT(TI_ABI_ALIGNOF(TiVulkanRuntimeInteropInfo) == 4);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, get_instance_proc_addr) == 0);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, api_version) == 4);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, instance) == 8);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, physical_device) == 12);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, device) == 16);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, compute_queue) == 20);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, compute_queue_family_index) == 24);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, graphics_queue) == 28);
TI_ABI_ASSERT(offsetof(TiVulkanRuntimeInteropInfo, graphics_queue_family_index) == 32);
#endif /* TI_WITH_VULKAN */

#undef TI_ABI_ASSERT
#undef TI_ABI_ALIGNOF

#endif /* __wasm32__ */

#endif /* TAICHI_ABI_CHECK_H */
