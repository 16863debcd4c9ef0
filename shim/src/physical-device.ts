// VkPhysicalDevice: one WebGPU adapter (or the caller's device). Properties, limits, memory
// types and the queue family are derived from what WebGPU reports, never invented.

import type { VulkanShim, GpuSource } from './vulkan.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { SHIM_API_VERSION } from './instance.js';
import { requirePointer, enumerateInto, StructReader } from './structs.js';
import * as S from './abi/vk-structs.js';
import { isArrayType, type StructLayout } from './abi/layout.js';
import { VkMemoryPropertyFlagBits, VkMemoryHeapFlagBits, VkQueueFlagBits, VkPhysicalDeviceType } from './abi/vk-enums.js';
import { MAX_PUSH_CONSTANTS_SIZE } from './push-constants.js';

/** The three memory types of the issue: device-local, host-visible+coherent, host-visible+cached. */
export const MEMORY_TYPES = [
  { flags: VkMemoryPropertyFlagBits.DEVICE_LOCAL_BIT, heap: 0 },
  { flags: VkMemoryPropertyFlagBits.HOST_VISIBLE_BIT | VkMemoryPropertyFlagBits.HOST_COHERENT_BIT, heap: 1 },
  { flags: VkMemoryPropertyFlagBits.HOST_VISIBLE_BIT | VkMemoryPropertyFlagBits.HOST_CACHED_BIT, heap: 1 },
] as const;

export const ALL_MEMORY_TYPE_BITS = (1 << MEMORY_TYPES.length) - 1;

const VENDOR_IDS: Record<string, number> = { nvidia: 0x10de, amd: 0x1002, intel: 0x8086, apple: 0x106b, mesa: 0x10005, google: 0x1ae0, arm: 0x13b5, qualcomm: 0x5143 };

export class PhysicalDevice {
  constructor(readonly source: GpuSource) {}

  get limits(): GPUSupportedLimits {
    const limits = this.source.device?.limits ?? this.source.adapter?.limits;
    if (!limits) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'the shim was created without an adapter or device');
    return limits;
  }

  get features(): GPUSupportedFeatures {
    const features = this.source.device?.features ?? this.source.adapter?.features;
    if (!features) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'the shim was created without an adapter or device');
    return features;
  }

  get info(): GPUAdapterInfo | undefined {
    return this.source.adapter?.info ?? (this.source.device as { adapterInfo?: GPUAdapterInfo } | undefined)?.adapterInfo;
  }

  get isSoftware(): boolean {
    const arch = this.info?.architecture ?? '';
    return arch === 'software' || arch === 'swiftshader' || /llvmpipe|swiftshader|lavapipe/i.test(this.info?.device ?? '');
  }

  /** Host-visible memory lives in the wasm heap too, so its heap is bounded by wasm32. */
  heapSizes(): [number, number] {
    const maxBuffer = this.limits.maxBufferSize;
    return [Math.max(maxBuffer, 256 * 1024 * 1024), Math.min(maxBuffer, 2 * 1024 * 1024 * 1024)];
  }
}

export function lookupPhysicalDevice(vk: VulkanShim, handle: number, entryPoint: string): PhysicalDevice {
  const p = vk.physicalDevices.lookup(handle);
  if (!p) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: invalid VkPhysicalDevice ${handle}`);
  return p;
}

function writeFields(heap: VulkanShim['heap'], ptr: number, layout: StructLayout, values: Record<string, number | number[]>): void {
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

export function vkGetPhysicalDeviceProperties(vk: VulkanShim, physicalDevice: number, pProperties: number): void {
  const p = lookupPhysicalDevice(vk, physicalDevice, 'vkGetPhysicalDeviceProperties');
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

export function vkGetPhysicalDeviceProperties2(vk: VulkanShim, physicalDevice: number, pProperties: number): void {
  requirePointer(vk.heap, pProperties, S.VkPhysicalDeviceProperties2.size, 'pProperties');
  vkGetPhysicalDeviceProperties(vk, physicalDevice, pProperties + S.VkPhysicalDeviceProperties2.offsets.properties);
}

export function vkGetPhysicalDeviceFeatures(vk: VulkanShim, physicalDevice: number, pFeatures: number): void {
  lookupPhysicalDevice(vk, physicalDevice, 'vkGetPhysicalDeviceFeatures');
  requirePointer(vk.heap, pFeatures, S.VkPhysicalDeviceFeatures.size, 'pFeatures');
  vk.heap.u8.fill(0, pFeatures, pFeatures + S.VkPhysicalDeviceFeatures.size);
  // WebGPU clamps every access, which is what robustBufferAccess promises.
  writeFields(vk.heap, pFeatures, S.VkPhysicalDeviceFeatures, { robustBufferAccess: 1, samplerAnisotropy: 1, fragmentStoresAndAtomics: 1, shaderStorageImageExtendedFormats: 1 });
}

export function vkGetPhysicalDeviceFeatures2(vk: VulkanShim, physicalDevice: number, pFeatures: number): void {
  requirePointer(vk.heap, pFeatures, S.VkPhysicalDeviceFeatures2.size, 'pFeatures');
  vkGetPhysicalDeviceFeatures(vk, physicalDevice, pFeatures + S.VkPhysicalDeviceFeatures2.offsets.features);
}

export function vkGetPhysicalDeviceMemoryProperties(vk: VulkanShim, physicalDevice: number, pProperties: number): void {
  const p = lookupPhysicalDevice(vk, physicalDevice, 'vkGetPhysicalDeviceMemoryProperties');
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

export function vkGetPhysicalDeviceQueueFamilyProperties(vk: VulkanShim, physicalDevice: number, pCount: number, pProperties: number): void {
  lookupPhysicalDevice(vk, physicalDevice, 'vkGetPhysicalDeviceQueueFamilyProperties');
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

/**
 * The device extensions the shim offers on this physical device: the 16-bit float ones where
 * WebGPU has shader-f16 (every device the shim makes asks for it), which lets SPIR-V's float16
 * become WGSL's f16. 16-bit integers, which 16-bit storage also brings, stay refused by the
 * translator: WGSL has none.
 */
export function deviceExtensions(physical: PhysicalDevice): string[] {
  return physical.features.has('shader-f16') ? ['VK_KHR_16bit_storage', 'VK_KHR_shader_float16_int8'] : [];
}

export function vkEnumerateDeviceExtensionProperties(vk: VulkanShim, physicalDevice: number, pLayerName: number, pCount: number, pProperties: number): VkResult {
  const physical = lookupPhysicalDevice(vk, physicalDevice, 'vkEnumerateDeviceExtensionProperties');
  if (pLayerName !== 0) return VkResult.ERROR_LAYER_NOT_PRESENT;
  return enumerateInto(vk.heap, pCount, pProperties, S.VkExtensionProperties.size, deviceExtensions(physical), (ptr, name) => {
    vk.heap.setCString(ptr + S.VkExtensionProperties.offsets.extensionName, 256, name);
    vk.heap.setU32(ptr + S.VkExtensionProperties.offsets.specVersion, 1);
  });
}
