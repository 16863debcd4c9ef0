// VkBuffer: a range of one VkDeviceMemory's GPUBuffer, fixed by vkBindBufferMemory.

import type { VulkanShim } from './vulkan.js';
import type { Device } from './device.js';
import { lookupDevice } from './device.js';
import type { DeviceMemory } from './memory.js';
import { lookupMemory, writeMemoryRequirements } from './memory.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { ALL_MEMORY_TYPE_BITS } from './physical-device.js';
import { readStruct, requirePointer, writeHandle64, handleArg, sizeArg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';

/** Offsets of bound buffers: WebGPU's storage and uniform binding offsets must be multiples of 256. */
export const BUFFER_ALIGNMENT = 256;

export class Buffer {
  memory: DeviceMemory | undefined;
  offset = 0;
  constructor(
    readonly device: Device,
    readonly size: number,
    readonly usage: number,
    readonly flags: number,
  ) {}

  /** The bound GPUBuffer, or a VkFailure when nothing is bound yet. */
  bound(entryPoint: string): { gpu: GPUBuffer; offset: number; memory: DeviceMemory } {
    if (!this.memory) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: buffer has no memory bound`);
    return { gpu: this.memory.gpu(), offset: this.offset, memory: this.memory };
  }
}

export function lookupBuffer(vk: VulkanShim, handle: unknown, entryPoint: string): Buffer {
  const b = vk.buffers.lookup(handleArg(handle));
  if (!b) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: invalid VkBuffer ${String(handle)}`);
  return b;
}

export function vkCreateBuffer(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pBuffer: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateBuffer');
  const info = readStruct(vk.heap, pCreateInfo, S.VkBufferCreateInfo, VkStructureType.BUFFER_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pBuffer, 8, 'pBuffer');
  const size = info.u64('size');
  if (size === 0) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'VkBufferCreateInfo.size is 0');
  if (size > device.physical.limits.maxBufferSize) {
    throw new VkFailure(VkResult.ERROR_OUT_OF_DEVICE_MEMORY, `buffer of ${size} bytes exceeds maxBufferSize ${device.physical.limits.maxBufferSize}`);
  }
  const buffer = new Buffer(device, size, info.u32('usage'), info.u32('flags'));
  writeHandle64(vk.heap, pBuffer, vk.buffers.insert(buffer));
  return VkResult.SUCCESS;
}

export function vkDestroyBuffer(vk: VulkanShim, deviceHandle: number, bufferHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyBuffer');
  if (handleArg(bufferHandle) === 0) return;
  lookupBuffer(vk, bufferHandle, 'vkDestroyBuffer');
  vk.buffers.remove(handleArg(bufferHandle));
}

export function vkGetBufferMemoryRequirements(vk: VulkanShim, deviceHandle: number, bufferHandle: unknown, pRequirements: number): void {
  lookupDevice(vk, deviceHandle, 'vkGetBufferMemoryRequirements');
  const buffer = lookupBuffer(vk, bufferHandle, 'vkGetBufferMemoryRequirements');
  writeMemoryRequirements(vk, pRequirements, Math.ceil(buffer.size / 4) * 4, BUFFER_ALIGNMENT, ALL_MEMORY_TYPE_BITS);
}

export function vkBindBufferMemory(vk: VulkanShim, deviceHandle: number, bufferHandle: unknown, memoryHandle: unknown, offsetArg: unknown): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkBindBufferMemory');
  const buffer = lookupBuffer(vk, bufferHandle, 'vkBindBufferMemory');
  const memory = lookupMemory(vk, memoryHandle, 'vkBindBufferMemory');
  const offset = sizeArg(offsetArg);
  if (buffer.memory) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'buffer already has memory bound');
  if (memory.device !== device) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'memory belongs to another VkDevice');
  if (offset % BUFFER_ALIGNMENT !== 0) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `memoryOffset ${offset} is not a multiple of ${BUFFER_ALIGNMENT}`);
  if (offset + buffer.size > memory.size) {
    throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `buffer of ${buffer.size} bytes at offset ${offset} does not fit in ${memory.size} bytes of memory`);
  }
  memory.gpu();
  buffer.memory = memory;
  buffer.offset = offset;
  return VkResult.SUCCESS;
}
