// The physical-device queries: properties and limits, features, memory types, the queue family
// and device extensions, all written from what the PhysicalDevice reads off WebGPU.

import type { ShimState } from './state.js';
import { VkResult, VkMemoryHeapFlagBits, VkQueueFlagBits, VkPhysicalDeviceType, VkShaderStageFlagBits, VkStructureType, VkSubgroupFeatureFlagBits } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { isArrayType, type StructLayout } from '../abi/layout.js';
import { requirePointer, enumerateInto, StructReader } from '../abi/structs.js';
import type { Heap } from '../abi/heap.js';
import { SHIM_API_VERSION } from '../objects/instance.js';
import { MEMORY_TYPES, type PhysicalDevice } from '../objects/physical-device.js';
import { MAX_PUSH_CONSTANTS_SIZE } from '../objects/push-constants.js';

const VENDOR_IDS: Record<string, number> = { nvidia: 0x10de, amd: 0x1002, intel: 0x8086, apple: 0x106b, mesa: 0x10005, google: 0x1ae0, arm: 0x13b5, qualcomm: 0x5143 };

function writeFields(heap: Heap, ptr: number, layout: StructLayout, values: Record<string, number | number[]>): void {
  const w = new StructReader(heap, ptr, layout);
  for (const [field, value] of Object.entries(values)) {
    const declared = layout.fields.find((f) => f.name === field)?.type;
    const type = declared !== undefined && isArrayType(declared) ? declared.array : declared;
    const base = w.offset(field);
    const list = Array.isArray(value) ? value : [value];
    list.forEach((v, i) => {
      if (type === 'f32') heap.setF32(base + 4 * i, v);
      else if (type === 'u64') heap.setU64(base + 8 * i, v);
      else if (type === 'i32') heap.setI32(base + 4 * i, v);
      else heap.setU32(base + 4 * i, v);
    });
  }
}

function limitValues(p: PhysicalDevice): Record<string, number | number[]> {
  const l = p.limits;
  const perStage = l.maxSamplersPerShaderStage + l.maxUniformBuffersPerShaderStage + l.maxStorageBuffersPerShaderStage + l.maxSampledTexturesPerShaderStage + l.maxStorageTexturesPerShaderStage;
  return {
    maxImageDimension1D: l.maxTextureDimension1D,
    maxImageDimension2D: l.maxTextureDimension2D,
    maxImageDimension3D: l.maxTextureDimension3D,
    maxImageDimensionCube: l.maxTextureDimension2D,
    maxImageArrayLayers: l.maxTextureArrayLayers,
    maxUniformBufferRange: Math.min(l.maxUniformBufferBindingSize, 0xffffffff),
    maxStorageBufferRange: Math.min(l.maxStorageBufferBindingSize, 0xffffffff),
    maxMemoryAllocationCount: 1 << 20,
    maxSamplerAllocationCount: 4000,
    bufferImageGranularity: 1,
    maxBoundDescriptorSets: l.maxBindGroups,
    maxPushConstantsSize: MAX_PUSH_CONSTANTS_SIZE,
    maxPerStageDescriptorSamplers: l.maxSamplersPerShaderStage,
    maxPerStageDescriptorUniformBuffers: l.maxUniformBuffersPerShaderStage,
    maxPerStageDescriptorStorageBuffers: l.maxStorageBuffersPerShaderStage,
    maxPerStageDescriptorSampledImages: l.maxSampledTexturesPerShaderStage,
    maxPerStageDescriptorStorageImages: l.maxStorageTexturesPerShaderStage,
    maxPerStageResources: perStage,
    maxDescriptorSetSamplers: l.maxSamplersPerShaderStage,
    maxDescriptorSetUniformBuffers: l.maxUniformBuffersPerShaderStage,
    maxDescriptorSetUniformBuffersDynamic: l.maxDynamicUniformBuffersPerPipelineLayout,
    maxDescriptorSetStorageBuffers: l.maxStorageBuffersPerShaderStage,
    maxDescriptorSetStorageBuffersDynamic: l.maxDynamicStorageBuffersPerPipelineLayout,
    maxDescriptorSetSampledImages: l.maxSampledTexturesPerShaderStage,
    maxDescriptorSetStorageImages: l.maxStorageTexturesPerShaderStage,
    maxVertexInputAttributes: l.maxVertexAttributes,
    maxVertexInputBindings: l.maxVertexBuffers,
    maxVertexInputAttributeOffset: 2047,
    maxVertexInputBindingStride: l.maxVertexBufferArrayStride,
    maxVertexOutputComponents: l.maxInterStageShaderVariables * 4,
    maxFragmentInputComponents: l.maxInterStageShaderVariables * 4,
    maxFragmentOutputAttachments: l.maxColorAttachments,
    maxFragmentCombinedOutputResources: l.maxColorAttachments + l.maxStorageBuffersPerShaderStage + l.maxStorageTexturesPerShaderStage,
    maxComputeSharedMemorySize: l.maxComputeWorkgroupStorageSize,
    maxComputeWorkGroupCount: [l.maxComputeWorkgroupsPerDimension, l.maxComputeWorkgroupsPerDimension, l.maxComputeWorkgroupsPerDimension],
    maxComputeWorkGroupInvocations: l.maxComputeInvocationsPerWorkgroup,
    maxComputeWorkGroupSize: [l.maxComputeWorkgroupSizeX, l.maxComputeWorkgroupSizeY, l.maxComputeWorkgroupSizeZ],
    subPixelPrecisionBits: 8,
    subTexelPrecisionBits: 8,
    mipmapPrecisionBits: 8,
    maxDrawIndexedIndexValue: 0xffffffff,
    maxDrawIndirectCount: 1,
    maxSamplerLodBias: 0,
    maxSamplerAnisotropy: 16,
    maxViewports: 1,
    maxViewportDimensions: [l.maxTextureDimension2D, l.maxTextureDimension2D],
    minMemoryMapAlignment: 64,
    minTexelBufferOffsetAlignment: 256,
    minUniformBufferOffsetAlignment: l.minUniformBufferOffsetAlignment,
    minStorageBufferOffsetAlignment: l.minStorageBufferOffsetAlignment,
    maxTexelOffset: 7,
    minTexelOffset: -8,
    maxFramebufferWidth: l.maxTextureDimension2D,
    maxFramebufferHeight: l.maxTextureDimension2D,
    maxFramebufferLayers: l.maxTextureArrayLayers,
    maxColorAttachments: l.maxColorAttachments,
    maxSampleMaskWords: 1,
    timestampPeriod: 1,
    maxClipDistances: 0,
    discreteQueuePriorities: 2,
    pointSizeRange: [1, 1],
    lineWidthRange: [1, 1],
    optimalBufferCopyOffsetAlignment: 256,
    optimalBufferCopyRowPitchAlignment: 256,
    nonCoherentAtomSize: 4,
  };
}

export function vkGetPhysicalDeviceProperties(vk: ShimState, physicalDevice: number, pProperties: number): void {
  const p = vk.handles.physicalDevices.get(physicalDevice, 'vkGetPhysicalDeviceProperties');
  const h = vk.heap;
  requirePointer(h, pProperties, S.VkPhysicalDeviceProperties.size, 'pProperties');
  h.u8.fill(0, pProperties, pProperties + S.VkPhysicalDeviceProperties.size);
  const info = p.info;
  const o = S.VkPhysicalDeviceProperties.offsets;
  h.setU32(pProperties + o.apiVersion, SHIM_API_VERSION);
  h.setU32(pProperties + o.driverVersion, 1);
  h.setU32(pProperties + o.vendorID, VENDOR_IDS[info?.vendor ?? ''] ?? 0);
  h.setU32(pProperties + o.deviceID, 0);
  h.setU32(pProperties + o.deviceType, p.isSoftware ? VkPhysicalDeviceType.CPU : VkPhysicalDeviceType.DISCRETE_GPU);
  const name = [info?.vendor, info?.architecture, info?.device || info?.description].filter(Boolean).join(' ') || 'WebGPU adapter';
  h.setCString(pProperties + o.deviceName, 256, `${name} (taichi-wasm shim over WebGPU)`);
  writeFields(h, pProperties + o.limits, S.VkPhysicalDeviceLimits, limitValues(p));
}

export function vkGetPhysicalDeviceProperties2(vk: ShimState, physicalDevice: number, pProperties: number): void {
  requirePointer(vk.heap, pProperties, S.VkPhysicalDeviceProperties2.size, 'pProperties');
  vkGetPhysicalDeviceProperties(vk, physicalDevice, pProperties + S.VkPhysicalDeviceProperties2.offsets.properties);
  const p = vk.handles.physicalDevices.get(physicalDevice, 'vkGetPhysicalDeviceProperties2');
  // Structures chained after it that the shim knows are filled; others are left as they are.
  const seen = new Set<number>();
  for (let next = vk.heap.u32(pProperties + S.VkPhysicalDeviceProperties2.offsets.pNext); next !== 0 && !seen.has(next); next = vk.heap.u32(next + 4)) {
    seen.add(next);
    requirePointer(vk.heap, next, 8, 'pNext');
    if (vk.heap.u32(next) === VkStructureType.PHYSICAL_DEVICE_SUBGROUP_PROPERTIES) writeSubgroupProperties(vk.heap, next, p);
  }
}

/** WGSL's subgroup built-ins, in compute shaders, where the device has WebGPU's subgroups feature. */
function writeSubgroupProperties(heap: Heap, ptr: number, p: PhysicalDevice): void {
  requirePointer(heap, ptr, S.VkPhysicalDeviceSubgroupProperties.size, 'VkPhysicalDeviceSubgroupProperties');
  const has = p.features.has('subgroups');
  const B = VkSubgroupFeatureFlagBits;
  writeFields(heap, ptr, S.VkPhysicalDeviceSubgroupProperties, {
    subgroupSize: has ? (p.info?.subgroupMaxSize ?? 32) : 1,
    supportedStages: has ? VkShaderStageFlagBits.COMPUTE_BIT : 0,
    supportedOperations: has ? B.BASIC_BIT | B.VOTE_BIT | B.ARITHMETIC_BIT | B.BALLOT_BIT | B.SHUFFLE_BIT | B.SHUFFLE_RELATIVE_BIT : 0,
    quadOperationsInAllStages: 0,
  });
}

export function vkGetPhysicalDeviceFeatures(vk: ShimState, physicalDevice: number, pFeatures: number): void {
  vk.handles.physicalDevices.get(physicalDevice, 'vkGetPhysicalDeviceFeatures');
  requirePointer(vk.heap, pFeatures, S.VkPhysicalDeviceFeatures.size, 'pFeatures');
  vk.heap.u8.fill(0, pFeatures, pFeatures + S.VkPhysicalDeviceFeatures.size);
  // WebGPU clamps every access, which is what robustBufferAccess promises.
  writeFields(vk.heap, pFeatures, S.VkPhysicalDeviceFeatures, { robustBufferAccess: 1, samplerAnisotropy: 1, fragmentStoresAndAtomics: 1, shaderStorageImageExtendedFormats: 1 });
}

export function vkGetPhysicalDeviceFeatures2(vk: ShimState, physicalDevice: number, pFeatures: number): void {
  requirePointer(vk.heap, pFeatures, S.VkPhysicalDeviceFeatures2.size, 'pFeatures');
  vkGetPhysicalDeviceFeatures(vk, physicalDevice, pFeatures + S.VkPhysicalDeviceFeatures2.offsets.features);
}

export function vkGetPhysicalDeviceMemoryProperties(vk: ShimState, physicalDevice: number, pProperties: number): void {
  const p = vk.handles.physicalDevices.get(physicalDevice, 'vkGetPhysicalDeviceMemoryProperties');
  const h = vk.heap;
  const L = S.VkPhysicalDeviceMemoryProperties;
  requirePointer(h, pProperties, L.size, 'pMemoryProperties');
  h.u8.fill(0, pProperties, pProperties + L.size);
  h.setU32(pProperties + L.offsets.memoryTypeCount, MEMORY_TYPES.length);
  MEMORY_TYPES.forEach((t, i) => {
    const at = pProperties + L.offsets.memoryTypes + i * S.VkMemoryType.size;
    h.setU32(at + S.VkMemoryType.offsets.propertyFlags, t.flags);
    h.setU32(at + S.VkMemoryType.offsets.heapIndex, t.heap);
  });
  const sizes = p.heapSizes();
  h.setU32(pProperties + L.offsets.memoryHeapCount, 2);
  sizes.forEach((size, i) => {
    const at = pProperties + L.offsets.memoryHeaps + i * S.VkMemoryHeap.size;
    h.setU64(at + S.VkMemoryHeap.offsets.size, size);
    h.setU32(at + S.VkMemoryHeap.offsets.flags, i === 0 ? VkMemoryHeapFlagBits.DEVICE_LOCAL_BIT : 0);
  });
}

export function vkGetPhysicalDeviceQueueFamilyProperties(vk: ShimState, physicalDevice: number, pCount: number, pProperties: number): void {
  vk.handles.physicalDevices.get(physicalDevice, 'vkGetPhysicalDeviceQueueFamilyProperties');
  const h = vk.heap;
  const L = S.VkQueueFamilyProperties;
  enumerateInto(h, pCount, pProperties, L.size, [0], (ptr) => {
    h.u8.fill(0, ptr, ptr + L.size);
    h.setU32(ptr + L.offsets.queueFlags, VkQueueFlagBits.GRAPHICS_BIT | VkQueueFlagBits.COMPUTE_BIT | VkQueueFlagBits.TRANSFER_BIT);
    h.setU32(ptr + L.offsets.queueCount, 1);
    const g = ptr + L.offsets.minImageTransferGranularity;
    h.setU32(g, 1);
    h.setU32(g + 4, 1);
    h.setU32(g + 8, 1);
  });
}

export function vkEnumerateDeviceExtensionProperties(vk: ShimState, physicalDevice: number, pLayerName: number, pCount: number, pProperties: number): VkResult {
  const physical = vk.handles.physicalDevices.get(physicalDevice, 'vkEnumerateDeviceExtensionProperties');
  if (pLayerName !== 0) return VkResult.ERROR_LAYER_NOT_PRESENT;
  return enumerateInto(vk.heap, pCount, pProperties, S.VkExtensionProperties.size, physical.extensions(), (ptr, name) => {
    vk.heap.setCString(ptr + S.VkExtensionProperties.offsets.extensionName, 256, name);
    vk.heap.setU32(ptr + S.VkExtensionProperties.offsets.specVersion, 1);
  });
}
