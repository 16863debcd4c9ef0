// VkDevice and its one VkQueue: a GPUDevice, either requested from the adapter (owned, destroyed
// with the VkDevice) or the caller's own (never destroyed by the shim).

import type { VulkanShim } from './vulkan.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { deviceExtensions, lookupPhysicalDevice, type PhysicalDevice } from './physical-device.js';
import { readStruct, readArray, requirePointer, writeHandle32 } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';
import { waitQueueIdle } from './queue.js';
import type { Submission, Job } from './queue.js';

export class Queue {
  /** Settles when every submission so far has completed and its host-visible results landed. */
  idle: Promise<void> = Promise.resolve();
  /** Settles when every part handed to WebGPU so far has completed (parts complete in order). */
  completed: Promise<void> = Promise.resolve();
  readonly inFlight = new Set<Submission>();
  /** Jobs not yet fully handed to WebGPU; the first may be waiting for a host-set event. */
  readonly backlog: Job[] = [];
  constructor(readonly device: Device) {}
}

export class Device {
  lostReason: string | undefined;
  queueHandle = 0;
  readonly queue: Queue;
  /** Settles the waits still pending when the device is lost (see untilDoneOrLost). */
  private readonly onLost = new Set<() => void>();

  constructor(
    readonly gpu: GPUDevice,
    readonly physical: PhysicalDevice,
    readonly owned: boolean,
  ) {
    this.queue = new Queue(this);
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

export function lookupDevice(vk: VulkanShim, handle: number, entryPoint: string): Device {
  const d = vk.devices.lookup(handle);
  if (!d) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: invalid VkDevice ${handle}`);
  d.checkAlive(entryPoint);
  return d;
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

async function requestDevice(physical: PhysicalDevice): Promise<GPUDevice> {
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

export function vkCreateDevice(vk: VulkanShim, physicalDevice: number, pCreateInfo: number, _pAllocator: number, pDevice: number): VkResult | Promise<VkResult> {
  const physical = lookupPhysicalDevice(vk, physicalDevice, 'vkCreateDevice');
  const info = readStruct(vk.heap, pCreateInfo, S.VkDeviceCreateInfo, VkStructureType.DEVICE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pDevice, 4, 'pDevice');
  const offered = deviceExtensions(physical);
  const names = info.ptr('ppEnabledExtensionNames');
  for (let i = 0; i < info.u32('enabledExtensionCount'); i++) {
    const name = vk.heap.cstring(vk.heap.u32(names + 4 * i), 256);
    if (!offered.includes(name)) {
      throw new VkFailure(VkResult.ERROR_EXTENSION_NOT_PRESENT, `device extension ${name} is not offered (offered: ${offered.join(', ') || 'none'})`);
    }
  }
  const queueInfos = readArray(vk.heap, info.ptr('pQueueCreateInfos'), info.u32('queueCreateInfoCount'), S.VkDeviceQueueCreateInfo, 'pQueueCreateInfos');
  for (const q of queueInfos) {
    if (q.u32('queueFamilyIndex') !== 0 || q.u32('queueCount') !== 1) {
      throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'the shim has one queue family (index 0) with one queue');
    }
  }
  const finish = (gpu: GPUDevice, owned: boolean): VkResult => {
    const device = new Device(gpu, physical, owned);
    const handle = vk.devices.insert(device);
    device.queueHandle = vk.queues.insert(device.queue);
    writeHandle32(vk.heap, pDevice, handle);
    return VkResult.SUCCESS;
  };
  const external = physical.source.device;
  if (external && ![...vk.devices.values()].some((d) => d.gpu === external)) return finish(external, false);
  if (vk.suspendable === 0) {
    throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'vkCreateDevice must wait for WebGPU; call it from an async (Asyncify) context');
  }
  return requestDevice(physical).then((gpu) => finish(gpu, true));
}

export function vkDestroyDevice(vk: VulkanShim, deviceHandle: number, _pAllocator: number): void {
  if (deviceHandle === 0) return;
  const device = vk.devices.lookup(deviceHandle);
  if (!device) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `vkDestroyDevice: invalid VkDevice ${deviceHandle}`);
  vk.queues.remove(device.queueHandle);
  vk.devices.remove(deviceHandle);
  if (device.owned) device.gpu.destroy();
}

export function vkGetDeviceQueue(vk: VulkanShim, deviceHandle: number, queueFamilyIndex: number, queueIndex: number, pQueue: number): void {
  const device = lookupDevice(vk, deviceHandle, 'vkGetDeviceQueue');
  requirePointer(vk.heap, pQueue, 4, 'pQueue');
  if (queueFamilyIndex !== 0 || queueIndex !== 0) {
    vk.validation.report('vkGetDeviceQueue', `no queue ${queueIndex} in family ${queueFamilyIndex}`);
    writeHandle32(vk.heap, pQueue, 0);
    return;
  }
  writeHandle32(vk.heap, pQueue, device.queueHandle);
}

export function vkDeviceWaitIdle(vk: VulkanShim, deviceHandle: number): VkResult | Promise<VkResult> {
  const device = lookupDevice(vk, deviceHandle, 'vkDeviceWaitIdle');
  return waitQueueIdle(vk, device.queue, 'vkDeviceWaitIdle');
}
