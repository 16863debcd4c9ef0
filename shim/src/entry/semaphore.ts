// vkCreateSemaphore and vkDestroySemaphore.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from '../abi/structs.js';
import { Semaphore } from '../objects/semaphore.js';

export function vkCreateSemaphore(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pSemaphore: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateSemaphore');
  readStruct(vk.heap, pCreateInfo, S.VkSemaphoreCreateInfo, VkStructureType.SEMAPHORE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pSemaphore, 8, 'pSemaphore');
  writeHandle64(vk.heap, pSemaphore, vk.handles.semaphores.insert(new Semaphore(device)));
  return VkResult.SUCCESS;
}

export function vkDestroySemaphore(vk: ShimState, deviceHandle: number, semaphoreHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroySemaphore');
  if (handleArg(semaphoreHandle) === 0) return;
  vk.handles.semaphores.get(semaphoreHandle, 'vkDestroySemaphore');
  vk.handles.semaphores.remove(handleArg(semaphoreHandle));
}
