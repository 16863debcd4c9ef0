// VkSemaphore: ordering between submissions of one in-order WebGPU queue is implicit, so a
// binary semaphore is only an object to validate.

import type { VulkanShim } from './vulkan.js';
import { lookupDevice, type Device } from './device.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';

export class Semaphore {
  constructor(readonly device: Device) {}
}

export function lookupSemaphore(vk: VulkanShim, handle: unknown, entryPoint: string): Semaphore {
  const s = vk.semaphores.lookup(handleArg(handle));
  if (!s) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkSemaphore ${String(handle)}`);
  return s;
}

export function vkCreateSemaphore(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pSemaphore: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateSemaphore');
  readStruct(vk.heap, pCreateInfo, S.VkSemaphoreCreateInfo, VkStructureType.SEMAPHORE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pSemaphore, 8, 'pSemaphore');
  writeHandle64(vk.heap, pSemaphore, vk.semaphores.insert(new Semaphore(device)));
  return VkResult.SUCCESS;
}

export function vkDestroySemaphore(vk: VulkanShim, deviceHandle: number, semaphoreHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroySemaphore');
  if (handleArg(semaphoreHandle) === 0) return;
  lookupSemaphore(vk, semaphoreHandle, 'vkDestroySemaphore');
  vk.semaphores.remove(handleArg(semaphoreHandle));
}
