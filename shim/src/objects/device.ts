// VkDevice: a GPUDevice, either requested from the adapter (owned, destroyed with the VkDevice)
// or the caller's own (never destroyed by the shim). Its one VkQueue is commands/queue.ts.

import { VkResult } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import type { PhysicalDevice } from './physical-device.js';
import type { TranslationResult } from '../../spirv/translate.js';
import { RecentMap } from './recent.js';

/** How many SPIR-V modules' translations, and how many compiled pipelines, a device keeps for reuse (recent.ts). */
const RECENT_LIMIT = 64;
/** Destroyed GPUBuffers after which an empty submission releases them (bufferDestroyed). */
const RELEASE_EVERY = 1024;

export class Device {
  lostReason: string | undefined;
  /** The handle of its one VkQueue. */
  queueHandle = 0;
  /** Bytes of live VkDeviceMemory per memory heap (kept as memory is allocated and freed, not summed per call). */
  readonly heapUsed: number[] = [];
  /** Translations of recently seen SPIR-V, by hashWords (the words are compared on a hit). */
  readonly recentTranslations = new RecentMap<string, { words: Uint32Array; translations: Map<string, TranslationResult> }>(RECENT_LIMIT);
  /** Pipelines compiled without an error, by the key pipelineDescriptor gives (objects/pipeline.ts). */
  readonly recentPipelines = new RecentMap<string, GPUComputePipeline>(RECENT_LIMIT);
  /** GPUBuffers destroyed since the queue last ticked (bufferDestroyed). */
  private destroyedBuffers = 0;
  /** Settles the waits still pending when the device is lost (see untilDoneOrLost). */
  private readonly onLost = new Set<() => void>();
  /**
   * WebGPU errors no error scope caught, as the device's uncapturederror event delivers them
   * (commands/queue.ts reads those of a submission instead of opening a scope per submission).
   */
  private uncaught: string[] = [];
  private uncaughtCount = 0;
  /** Set while the shim encodes and submits, so an error arriving then is known to be its own. */
  private watching = false;
  /**
   * Set once an uncaptured error arrived outside a submission: this WebGPU delivers them later
   * (a browser's GPU process), not during the call, so submissions use error scopes instead.
   */
  errorsArriveLate = false;
  /**
   * The GPUDevice's maxComputeWorkgroupsPerDimension, read once: every vkCmdDispatch checks it,
   * and Dawn's `limits` getter builds a new object of every limit at each read.
   */
  readonly maxWorkgroupsPerDimension: number;

  constructor(
    readonly gpu: GPUDevice,
    readonly physical: PhysicalDevice,
    readonly owned: boolean,
    /** Made with VK_TAICHIWASM_deterministic: pipelines run on one invocation in index order. */
    readonly deterministic = false,
  ) {
    this.maxWorkgroupsPerDimension = gpu.limits.maxComputeWorkgroupsPerDimension;
    gpu.addEventListener('uncapturederror', (e) => {
      const error = (e as GPUUncapturedErrorEvent).error;
      if (!this.watching) this.errorsArriveLate = true;
      this.uncaught.push(error.message);
      this.uncaughtCount++;
      // Only the errors of the submission being watched are read: keep a few.
      if (this.uncaught.length > 16) this.uncaught.shift();
    });
    gpu.lost.then((info) => {
      this.lostReason ??= info.message || info.reason || 'device lost';
      for (const settle of this.onLost) settle();
      this.onLost.clear();
    });
  }

  /**
   * Counts a destroyed GPUBuffer. Dawn frees a destroyed buffer only when its queue next ticks,
   * which a submission does: a program that allocates and frees without launching anything
   * would otherwise hold every buffer it ever freed (about 1 KB of host memory each, and the
   * driver's allocation). An empty submission every RELEASE_EVERY destroyed buffers lets them go.
   */
  bufferDestroyed(): void {
    if (++this.destroyedBuffers < RELEASE_EVERY || this.lostReason !== undefined) return;
    this.destroyedBuffers = 0;
    this.gpu.queue.submit([]);
  }

  /** A submission ticks the queue: what was destroyed before it is released. */
  submitted(): void {
    this.destroyedBuffers = 0;
  }

  /**
   * True once `work` settles, false if the device is lost first (lost work may never finish).
   * Racing each wait against `gpu.lost` would attach a reaction to a promise that normally never
   * settles, keeping every waiter (and its job) reachable forever; a waiter here is dropped as
   * soon as its work is done.
   */
  untilDoneOrLost(work: Promise<unknown>): Promise<boolean> {
    if (this.lostReason !== undefined) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const lost = () => resolve(false);
      this.onLost.add(lost);
      const settle = (ok: boolean) => {
        this.onLost.delete(lost);
        resolve(ok);
      };
      work.then(
        () => settle(true),
        () => settle(false),
      );
    });
  }

  /**
   * Runs `work` (encoding and submitting) and returns the first WebGPU error it raised, where
   * this WebGPU delivers errors during the call (Dawn in Node and Deno do).
   */
  watchErrors(work: () => void): string | undefined {
    const mark = this.uncaughtCount;
    this.watching = true;
    try {
      work();
    } finally {
      this.watching = false;
    }
    const raised = this.uncaughtCount - mark;
    return raised > 0 ? this.uncaught[Math.max(0, this.uncaught.length - raised)] : undefined;
  }

  /** Throws VK_ERROR_DEVICE_LOST once the GPUDevice is gone. */
  checkAlive(entryPoint: string): void {
    if (this.lostReason !== undefined) throw new VkFailure(VkResult.ERROR_DEVICE_LOST, `${entryPoint}: device lost (${this.lostReason})`);
  }
}

/** The limits a compute runtime wants raised to what the adapter allows. */
const RAISED_LIMITS = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxUniformBufferBindingSize',
  'maxStorageBuffersPerShaderStage',
  'maxStorageTexturesPerShaderStage',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupsPerDimension',
  'maxBindGroups',
  'maxDynamicUniformBuffersPerPipelineLayout',
  'maxDynamicStorageBuffersPerPipelineLayout',
] as const;

// subgroups: float atomic adds of a subgroup to one cell are combined first (spirv/wgsl/atomics.ts).
const WANTED_FEATURES: GPUFeatureName[] = ['float32-filterable', 'bgra8unorm-storage', 'timestamp-query', 'shader-f16', 'subgroups'];

/**
 * Adapters that have handed out their one device. Kept per adapter rather than per
 * VkPhysicalDevice: every VkInstance makes a new VkPhysicalDevice over the same source adapter.
 */
const consumedAdapters = new WeakSet<GPUAdapter>();

/** A new GPUDevice for `physical`, with the limits and features a compute runtime wants. */
export async function requestDevice(physical: PhysicalDevice): Promise<GPUDevice> {
  const source = physical.source.adapter;
  let adapter = source && !consumedAdapters.has(source) ? source : undefined;
  const gpu = physical.source.gpu;
  if (!adapter) {
    if (!gpu) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'no WebGPU adapter');
    adapter = (await gpu.requestAdapter()) ?? undefined;
    if (!adapter) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'requestAdapter found no adapter');
  }
  const requiredLimits: Record<string, number> = {};
  for (const name of RAISED_LIMITS) requiredLimits[name] = adapter.limits[name];
  const requiredFeatures = WANTED_FEATURES.filter((f) => adapter.features.has(f));
  consumedAdapters.add(adapter);
  return adapter.requestDevice({ requiredLimits, requiredFeatures, label: 'taichi-wasm' });
}
