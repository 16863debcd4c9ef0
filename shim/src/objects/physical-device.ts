// VkPhysicalDevice: one WebGPU adapter (or the caller's device). Its limits, features and memory
// types are derived from what WebGPU reports, never invented.

import { VkResult, VkMemoryPropertyFlagBits } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';

export interface GpuSource {
  /** navigator.gpu in a browser, Dawn's `create([])` in Node. */
  gpu?: GPU;
  /** Run on this existing device instead of requesting one; the shim never destroys it. */
  device?: GPUDevice;
  /** The adapter of `device`, when the caller has it (limits are read from the device otherwise). */
  adapter?: GPUAdapter;
  /**
   * Compile the pipelines of one vkCreateComputePipelines call with createComputePipelineAsync,
   * all in flight at once, where the caller can wait (entry/pipeline.ts); else one after another
   * with createComputePipeline.
   */
  parallelPipelines?: boolean;
}

/**
 * The shim's own device extension for deterministic mode (docs/deterministic.md), offered on every
 * physical device: a device made with it runs every compute shader on one invocation, its
 * range-for in index order (spirv/passes/index-order.ts), and refuses the shaders whose results
 * depend on the workgroup with VK_ERROR_FEATURE_NOT_PRESENT and the reason in a validation message.
 */
export const DETERMINISTIC_EXTENSION = 'VK_TAICHIWASM_deterministic';

/** The three memory types of the issue: device-local, host-visible+coherent, host-visible+cached. */
export const MEMORY_TYPES = [
  { flags: VkMemoryPropertyFlagBits.DEVICE_LOCAL_BIT, heap: 0 },
  { flags: VkMemoryPropertyFlagBits.HOST_VISIBLE_BIT | VkMemoryPropertyFlagBits.HOST_COHERENT_BIT, heap: 1 },
  { flags: VkMemoryPropertyFlagBits.HOST_VISIBLE_BIT | VkMemoryPropertyFlagBits.HOST_CACHED_BIT, heap: 1 },
] as const;

export const ALL_MEMORY_TYPE_BITS = (1 << MEMORY_TYPES.length) - 1;

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

  /**
   * The device extensions the shim offers here: the 16-bit float ones where WebGPU has
   * shader-f16 (every device the shim makes asks for it), which lets SPIR-V's float16 become
   * WGSL's f16; and deterministic mode everywhere. 8- and 16-bit integers need no extension
   * here: the translator holds them in 32-bit words on any device.
   */
  extensions(): string[] {
    const f16 = this.features.has('shader-f16') ? ['VK_KHR_16bit_storage', 'VK_KHR_shader_float16_int8'] : [];
    return [...f16, DETERMINISTIC_EXTENSION];
  }
}
