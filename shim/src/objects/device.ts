// VkDevice: a GPUDevice, either requested from the adapter (owned, destroyed with the VkDevice)
// or the caller's own (never destroyed by the shim). Its one VkQueue is commands/queue.ts.

import { VkResult } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import type { PhysicalDevice } from './physical-device.js';

export class Device {
  lostReason: string | undefined;
  /** The handle of its one VkQueue. */
  queueHandle = 0;
  /** Bytes of live VkDeviceMemory per memory heap (kept as memory is allocated and freed, not summed per call). */
  readonly heapUsed: number[] = [];
  /** Settles the waits still pending when the device is lost (see untilDoneOrLost). */
  private readonly onLost = new Set<() => void>();

  constructor(
    readonly gpu: GPUDevice,
    readonly physical: PhysicalDevice,
    readonly owned: boolean,
    /** Made with VK_TAICHIWASM_deterministic: pipelines run on one invocation in index order. */
    readonly deterministic = false,
  ) {
    gpu.lost.then((info) => {
      this.lostReason ??= info.message || info.reason || 'device lost';
      for (const settle of this.onLost) settle();
      this.onLost.clear();
    });
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
      work.then(
        () => resolve(true),
        () => resolve(false),
      ).finally(() => this.onLost.delete(lost));
    });
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

const WANTED_FEATURES: GPUFeatureName[] = ['float32-filterable', 'bgra8unorm-storage', 'timestamp-query', 'shader-f16'];

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
