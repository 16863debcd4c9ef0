// vkCreateCommandPool, vkDestroyCommandPool and vkResetCommandPool.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { CommandPool } from '../objects/command-pool.js';

export function vkCreateCommandPool(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pPool: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateCommandPool');
  const info = readStruct(vk.heap, pCreateInfo, S.VkCommandPoolCreateInfo, VkStructureType.COMMAND_POOL_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pPool, 8, 'pCommandPool');
  if (info.u32('queueFamilyIndex') !== 0) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'queueFamilyIndex must be 0');
  writeHandle64(vk.heap, pPool, vk.handles.commandPools.insert(new CommandPool(device, info.u32('flags'))));
  return VkResult.SUCCESS;
}

export function vkDestroyCommandPool(vk: ShimState, deviceHandle: number, poolHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyCommandPool');
  if (handleArg(poolHandle) === 0) return;
  const pool = vk.handles.commandPools.get(poolHandle, 'vkDestroyCommandPool');
  for (const cb of pool.commandBuffers) vk.handles.commandBuffers.remove(cb);
  vk.handles.commandPools.remove(handleArg(poolHandle));
}

export function vkResetCommandPool(vk: ShimState, deviceHandle: number, poolHandle: unknown, _flags: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkResetCommandPool');
  const pool = vk.handles.commandPools.get(poolHandle, 'vkResetCommandPool');
  for (const handle of pool.commandBuffers) vk.handles.commandBuffers.lookup(handle)?.reset();
  return VkResult.SUCCESS;
}
