// vkCreateDevice, vkGetDeviceQueue and vkDeviceWaitIdle.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, readArray, requirePointer, writeHandle32 } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { Device, requestDevice } from '../objects/device.js';
import { DETERMINISTIC_EXTENSION } from '../objects/physical-device.js';
import { Queue } from '../commands/queue.js';
import { waitQueueIdle } from './queue.js';

export function vkCreateDevice(vk: ShimState, physicalDevice: number, pCreateInfo: number, _pAllocator: number, pDevice: number): VkResult | Promise<VkResult> {
  const physical = vk.handles.physicalDevices.get(physicalDevice, 'vkCreateDevice');
  const info = readStruct(vk.heap, pCreateInfo, S.VkDeviceCreateInfo, VkStructureType.DEVICE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pDevice, 4, 'pDevice');
  const offered = physical.extensions();
  const names = info.ptr('ppEnabledExtensionNames');
  let deterministic = false;
  for (let i = 0; i < info.u32('enabledExtensionCount'); i++) {
    const name = vk.heap.cstring(vk.heap.u32(names + 4 * i), 256);
    if (!offered.includes(name)) {
      throw new VkFailure(VkResult.ERROR_EXTENSION_NOT_PRESENT, `device extension ${name} is not offered (offered: ${offered.join(', ') || 'none'})`);
    }
    deterministic ||= name === DETERMINISTIC_EXTENSION;
  }
  const queueInfos = readArray(vk.heap, info.ptr('pQueueCreateInfos'), info.u32('queueCreateInfoCount'), S.VkDeviceQueueCreateInfo, 'pQueueCreateInfos');
  for (const q of queueInfos) {
    if (q.u32('queueFamilyIndex') !== 0 || q.u32('queueCount') !== 1) {
      throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'the shim has one queue family (index 0) with one queue');
    }
  }
  const finish = (gpu: GPUDevice, owned: boolean): VkResult => {
    const device = new Device(gpu, physical, owned, deterministic);
    const handle = vk.handles.devices.insert(device);
    device.queueHandle = vk.handles.queues.insert(new Queue(device, { heap: vk.heap, validation: vk.validation, memories: () => vk.handles.memories.values() }));
    writeHandle32(vk.heap, pDevice, handle);
    return VkResult.SUCCESS;
  };
  const external = physical.source.device;
  if (external && ![...vk.handles.devices.values()].some((d) => d.gpu === external)) return finish(external, false);
  if (!vk.canSuspend) {
    throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'vkCreateDevice must wait for WebGPU; call it from an async (Asyncify) context');
  }
  return requestDevice(physical).then((gpu) => finish(gpu, true));
}

export function vkDestroyDevice(vk: ShimState, deviceHandle: number, _pAllocator: number): void {
  if (deviceHandle === 0) return;
  const device = vk.handles.devices.lookup(deviceHandle);
  if (!device) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `vkDestroyDevice: invalid VkDevice ${deviceHandle}`);
  vk.handles.queues.remove(device.queueHandle);
  vk.handles.devices.remove(deviceHandle);
  if (device.owned) device.gpu.destroy();
}

export function vkGetDeviceQueue(vk: ShimState, deviceHandle: number, queueFamilyIndex: number, queueIndex: number, pQueue: number): void {
  const device = vk.handles.devices.get(deviceHandle, 'vkGetDeviceQueue');
  requirePointer(vk.heap, pQueue, 4, 'pQueue');
  if (queueFamilyIndex !== 0 || queueIndex !== 0) {
    vk.validation.report('vkGetDeviceQueue', `no queue ${queueIndex} in family ${queueFamilyIndex}`);
    writeHandle32(vk.heap, pQueue, 0);
    return;
  }
  writeHandle32(vk.heap, pQueue, device.queueHandle);
}

export function vkDeviceWaitIdle(vk: ShimState, deviceHandle: number): VkResult | Promise<VkResult> {
  const device = vk.handles.devices.get(deviceHandle, 'vkDeviceWaitIdle');
  return waitQueueIdle(vk, vk.handles.queueOf(device), 'vkDeviceWaitIdle');
}
