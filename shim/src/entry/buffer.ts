// vkCreateBuffer, its memory requirements and binding.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg, sizeArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { Buffer, BUFFER_ALIGNMENT } from '../objects/buffer.js';
import { ALL_MEMORY_TYPE_BITS } from '../objects/physical-device.js';
import { writeMemoryRequirements } from './memory.js';

export function vkCreateBuffer(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pBuffer: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateBuffer');
  const info = readStruct(vk.heap, pCreateInfo, S.VkBufferCreateInfo, VkStructureType.BUFFER_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pBuffer, 8, 'pBuffer');
  const size = info.u64('size');
  if (size === 0) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'VkBufferCreateInfo.size is 0');
  if (size > device.physical.limits.maxBufferSize) {
    throw new VkFailure(VkResult.ERROR_OUT_OF_DEVICE_MEMORY, `buffer of ${size} bytes exceeds maxBufferSize ${device.physical.limits.maxBufferSize}`);
  }
  const buffer = new Buffer(device, size, info.u32('usage'), info.u32('flags'));
  writeHandle64(vk.heap, pBuffer, vk.handles.buffers.insert(buffer));
  return VkResult.SUCCESS;
}

export function vkDestroyBuffer(vk: ShimState, deviceHandle: number, bufferHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyBuffer');
  if (handleArg(bufferHandle) === 0) return;
  vk.handles.buffers.get(bufferHandle, 'vkDestroyBuffer');
  vk.handles.buffers.remove(handleArg(bufferHandle));
}

export function vkGetBufferMemoryRequirements(vk: ShimState, deviceHandle: number, bufferHandle: unknown, pRequirements: number): void {
  vk.handles.devices.get(deviceHandle, 'vkGetBufferMemoryRequirements');
  const buffer = vk.handles.buffers.get(bufferHandle, 'vkGetBufferMemoryRequirements');
  writeMemoryRequirements(vk, pRequirements, Math.ceil(buffer.size / 4) * 4, BUFFER_ALIGNMENT, ALL_MEMORY_TYPE_BITS);
}

export function vkBindBufferMemory(vk: ShimState, deviceHandle: number, bufferHandle: unknown, memoryHandle: unknown, offsetArg: unknown): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkBindBufferMemory');
  const buffer = vk.handles.buffers.get(bufferHandle, 'vkBindBufferMemory');
  const memory = vk.handles.memories.get(memoryHandle, 'vkBindBufferMemory');
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
