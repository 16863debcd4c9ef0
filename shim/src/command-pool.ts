// VkCommandPool: owns command buffers so that destroying or resetting the pool reaches them all.

import type { VulkanShim } from './vulkan.js';
import type { Device } from './device.js';
import { lookupDevice } from './device.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';

export class CommandPool {
  /** Handles of the command buffers allocated from this pool. */
  readonly commandBuffers = new Set<number>();
  constructor(
    readonly device: Device,
    readonly flags: number,
  ) {}
}

export function lookupCommandPool(vk: VulkanShim, handle: unknown, entryPoint: string): CommandPool {
  const p = vk.commandPools.lookup(handleArg(handle));
  if (!p) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: invalid VkCommandPool ${String(handle)}`);
  return p;
}

export function vkCreateCommandPool(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pPool: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateCommandPool');
  const info = readStruct(vk.heap, pCreateInfo, S.VkCommandPoolCreateInfo, VkStructureType.COMMAND_POOL_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pPool, 8, 'pCommandPool');
  if (info.u32('queueFamilyIndex') !== 0) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'queueFamilyIndex must be 0');
  writeHandle64(vk.heap, pPool, vk.commandPools.insert(new CommandPool(device, info.u32('flags'))));
  return VkResult.SUCCESS;
}

export function vkDestroyCommandPool(vk: VulkanShim, deviceHandle: number, poolHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyCommandPool');
  if (handleArg(poolHandle) === 0) return;
  const pool = lookupCommandPool(vk, poolHandle, 'vkDestroyCommandPool');
  for (const cb of pool.commandBuffers) vk.commandBuffers.remove(cb);
  vk.commandPools.remove(handleArg(poolHandle));
}

export function vkResetCommandPool(vk: VulkanShim, deviceHandle: number, poolHandle: unknown, _flags: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkResetCommandPool');
  const pool = lookupCommandPool(vk, poolHandle, 'vkResetCommandPool');
  for (const handle of pool.commandBuffers) vk.commandBuffers.lookup(handle)?.reset();
  return VkResult.SUCCESS;
}
