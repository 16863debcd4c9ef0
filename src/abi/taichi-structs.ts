// wasm32 layouts of the structs and unions in wasm/include/taichi/taichi_core.h and
// taichi_vulkan.h, in the same field order. Taichi handles are pointers (4 bytes); enums are
// 4 bytes inside structs (TiError, the only 8-byte enum, appears in no struct).

import { arrayOf, defineStruct, defineUnion } from '../../shim/src/abi/layout.js';
import { VkExtent3D } from '../../shim/src/abi/vk-structs.js';

export const TiCapabilityLevelInfo = defineStruct('TiCapabilityLevelInfo', [
  ['capability', 'u32'],
  ['level', 'u32'],
]);

export const TiMemoryAllocateInfo = defineStruct('TiMemoryAllocateInfo', [
  ['size', 'u64'],
  ['host_write', 'u32'],
  ['host_read', 'u32'],
  ['export_sharing', 'u32'],
  ['usage', 'u32'],
]);

export const TiMemorySlice = defineStruct('TiMemorySlice', [
  ['memory', 'handle32'],
  ['offset', 'u64'],
  ['size', 'u64'],
]);

export const TiNdShape = defineStruct('TiNdShape', [
  ['dim_count', 'u32'],
  ['dims', arrayOf('u32', 16)],
]);

export const TiNdArray = defineStruct('TiNdArray', [
  ['memory', 'handle32'],
  ['shape', TiNdShape],
  ['elem_shape', TiNdShape],
  ['elem_type', 'u32'],
]);

export const TiImageOffset = defineStruct('TiImageOffset', [
  ['x', 'u32'],
  ['y', 'u32'],
  ['z', 'u32'],
  ['array_layer_offset', 'u32'],
]);

export const TiImageExtent = defineStruct('TiImageExtent', [
  ['width', 'u32'],
  ['height', 'u32'],
  ['depth', 'u32'],
  ['array_layer_count', 'u32'],
]);

export const TiImageAllocateInfo = defineStruct('TiImageAllocateInfo', [
  ['dimension', 'u32'],
  ['extent', TiImageExtent],
  ['mip_level_count', 'u32'],
  ['format', 'u32'],
  ['export_sharing', 'u32'],
  ['usage', 'u32'],
]);

export const TiImageSlice = defineStruct('TiImageSlice', [
  ['image', 'handle32'],
  ['offset', TiImageOffset],
  ['extent', TiImageExtent],
  ['mip_level', 'u32'],
]);

export const TiSamplerCreateInfo = defineStruct('TiSamplerCreateInfo', [
  ['mag_filter', 'u32'],
  ['min_filter', 'u32'],
  ['address_mode', 'u32'],
  ['max_anisotropy', 'f32'],
]);

export const TiTexture = defineStruct('TiTexture', [
  ['image', 'handle32'],
  ['sampler', 'handle32'],
  ['dimension', 'u32'],
  ['extent', TiImageExtent],
  ['format', 'u32'],
]);

export const TiScalarValue = defineUnion('TiScalarValue', [
  ['x8', 'u8'],
  ['x16', 'u16'],
  ['x32', 'u32'],
  ['x64', 'u64'],
]);

export const TiScalar = defineStruct('TiScalar', [
  ['type', 'u32'],
  ['value', TiScalarValue],
]);

export const TiTensorValue = defineUnion('TiTensorValue', [
  ['x8', arrayOf('u8', 128)],
  ['x16', arrayOf('u16', 64)],
  ['x32', arrayOf('u32', 32)],
  ['x64', arrayOf('u64', 16)],
]);

export const TiTensorValueWithLength = defineStruct('TiTensorValueWithLength', [
  ['length', 'u32'],
  ['data', TiTensorValue],
]);

export const TiTensor = defineStruct('TiTensor', [
  ['type', 'u32'],
  ['contents', TiTensorValueWithLength],
]);

export const TiArgumentValue = defineUnion('TiArgumentValue', [
  ['i32', 'i32'],
  ['f32', 'f32'],
  ['ndarray', TiNdArray],
  ['texture', TiTexture],
  ['scalar', TiScalar],
  ['tensor', TiTensor],
]);

export const TiArgument = defineStruct('TiArgument', [
  ['type', 'u32'],
  ['value', TiArgumentValue],
]);

export const TiNamedArgument = defineStruct('TiNamedArgument', [
  ['name', 'ptr'],
  ['argument', TiArgument],
]);

// ---- taichi_vulkan.h ----

export const TiVulkanRuntimeInteropInfo = defineStruct('TiVulkanRuntimeInteropInfo', [
  ['get_instance_proc_addr', 'ptr'],
  ['api_version', 'u32'],
  ['instance', 'handle32'],
  ['physical_device', 'handle32'],
  ['device', 'handle32'],
  ['compute_queue', 'handle32'],
  ['compute_queue_family_index', 'u32'],
  ['graphics_queue', 'handle32'],
  ['graphics_queue_family_index', 'u32'],
]);

export const TiVulkanMemoryInteropInfo = defineStruct('TiVulkanMemoryInteropInfo', [
  ['buffer', 'handle64'],
  ['size', 'u64'],
  ['usage', 'u32'],
  ['memory', 'handle64'],
  ['offset', 'u64'],
]);

export const TiVulkanImageInteropInfo = defineStruct('TiVulkanImageInteropInfo', [
  ['image', 'handle64'],
  ['image_type', 'u32'],
  ['format', 'u32'],
  ['extent', VkExtent3D],
  ['mip_level_count', 'u32'],
  ['array_layer_count', 'u32'],
  ['sample_count', 'u32'],
  ['tiling', 'u32'],
  ['usage', 'u32'],
]);

export const TiVulkanEventInteropInfo = defineStruct('TiVulkanEventInteropInfo', [
  ['event', 'handle64'],
]);
