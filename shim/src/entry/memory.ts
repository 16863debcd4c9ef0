// vkAllocateMemory and the mapping calls. What a VkDeviceMemory is and how its host copy stays
// coherent with the GPU is objects/memory.ts.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, readArray, requirePointer, writeHandle64, handleArg, sizeArg, isWholeSize } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { DeviceMemory } from '../objects/memory.js';
import { MEMORY_TYPES } from '../objects/physical-device.js';

/** Fills a VkMemoryRequirements (buffers and images alike). */
export function writeMemoryRequirements(vk: ShimState, pRequirements: number, size: number, alignment: number, memoryTypeBits: number): void {
  requirePointer(vk.heap, pRequirements, S.VkMemoryRequirements.size, 'pMemoryRequirements');
  const o = S.VkMemoryRequirements.offsets;
  vk.heap.setU64(pRequirements + o.size, size);
  vk.heap.setU64(pRequirements + o.alignment, alignment);
  vk.heap.setU32(pRequirements + o.memoryTypeBits, memoryTypeBits);
}

/**
 * Counts a memory in (`sign` 1) or out (-1) of its device's heap, so that vkAllocateMemory can
 * answer VK_ERROR_OUT_OF_DEVICE_MEMORY before WebGPU fails later.
 */
export function countHeapUse(memory: DeviceMemory, sign: 1 | -1): void {
  const heap = MEMORY_TYPES[memory.typeIndex].heap;
  memory.device.heapUsed[heap] = (memory.device.heapUsed[heap] ?? 0) + sign * memory.size;
}

export function vkAllocateMemory(vk: ShimState, deviceHandle: number, pAllocateInfo: number, _pAllocator: number, pMemory: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkAllocateMemory');
  const info = readStruct(vk.heap, pAllocateInfo, S.VkMemoryAllocateInfo, VkStructureType.MEMORY_ALLOCATE_INFO, 'pAllocateInfo');
  requirePointer(vk.heap, pMemory, 8, 'pMemory');
  const size = info.u64('allocationSize');
  const typeIndex = info.u32('memoryTypeIndex');
  if (typeIndex >= MEMORY_TYPES.length) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `memoryTypeIndex ${typeIndex} does not exist`);
  if (size === 0) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'allocationSize is 0');
  const heap = MEMORY_TYPES[typeIndex].heap;
  const heapSize = device.physical.heapSizes()[heap];
  if (size > device.physical.limits.maxBufferSize || (device.heapUsed[heap] ?? 0) + size > heapSize) {
    throw new VkFailure(VkResult.ERROR_OUT_OF_DEVICE_MEMORY, `cannot allocate ${size} bytes (heap ${heap} holds ${heapSize}, one buffer at most ${device.physical.limits.maxBufferSize})`);
  }
  const memory = new DeviceMemory(device, size, typeIndex);
  if (memory.hostVisible) {
    memory.shadow = vk.heap.malloc(memory.paddedSize);
    if (!memory.shadow) throw new VkFailure(VkResult.ERROR_OUT_OF_HOST_MEMORY, `no room in the wasm heap for ${size} bytes of host-visible memory`);
    vk.heap.u8.fill(0, memory.shadow, memory.shadow + memory.paddedSize);
    memory.baseline = new Uint32Array(memory.paddedSize / 4);
  }
  let handle: number;
  try {
    handle = vk.handles.memories.insert(memory);
  } catch (e) {
    memory.destroy(vk.heap);
    throw e;
  }
  countHeapUse(memory, 1);
  writeHandle64(vk.heap, pMemory, handle);
  return VkResult.SUCCESS;
}

export function vkFreeMemory(vk: ShimState, deviceHandle: number, memoryHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkFreeMemory');
  if (handleArg(memoryHandle) === 0) return;
  const memory = vk.handles.memories.get(memoryHandle, 'vkFreeMemory');
  for (const b of vk.handles.buffers.values()) {
    if (b.memory === memory) vk.validation.report('vkFreeMemory', 'a VkBuffer bound to this memory is still alive; its contents are gone');
  }
  vk.handles.memories.remove(handleArg(memoryHandle));
  countHeapUse(memory, -1);
  memory.destroy(vk.heap);
}

export function vkMapMemory(vk: ShimState, deviceHandle: number, memoryHandle: unknown, offsetArg: unknown, sizeArgValue: unknown, _flags: number, ppData: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkMapMemory');
  const memory = vk.handles.memories.get(memoryHandle, 'vkMapMemory');
  requirePointer(vk.heap, ppData, 4, 'ppData');
  if (!memory.hostVisible) {
    throw new VkFailure(VkResult.ERROR_MEMORY_MAP_FAILED, 'Mapping Memory without VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT set');
  }
  if (memory.mapped) throw new VkFailure(VkResult.ERROR_MEMORY_MAP_FAILED, 'memory is already mapped');
  const offset = sizeArg(offsetArg);
  const size = sizeArg(sizeArgValue);
  const whole = isWholeSize(sizeArgValue);
  if (offset < 0 || offset >= memory.size || (!whole && (size <= 0 || offset + size > memory.size))) {
    throw new VkFailure(VkResult.ERROR_MEMORY_MAP_FAILED, `range [${offset}, +${whole ? 'WHOLE' : size}) is outside the ${memory.size}-byte allocation`);
  }
  memory.mapped = true;
  memory.hostTouched = true;
  vk.heap.setU32(ppData, memory.shadow + offset);
  return VkResult.SUCCESS;
}

export function vkUnmapMemory(vk: ShimState, deviceHandle: number, memoryHandle: unknown): void {
  vk.handles.devices.get(deviceHandle, 'vkUnmapMemory');
  const memory = vk.handles.memories.get(memoryHandle, 'vkUnmapMemory');
  if (!memory.mapped) throw new VkFailure(VkResult.ERROR_MEMORY_MAP_FAILED, 'memory is not mapped');
  memory.mapped = false;
}

function memoryRanges(vk: ShimState, count: number, pRanges: number, entryPoint: string): { memory: DeviceMemory; first: number; end: number }[] {
  return readArray(vk.heap, pRanges, count, S.VkMappedMemoryRange, 'pMemoryRanges').map((r) => {
    if (r.u32('sType') !== VkStructureType.MAPPED_MEMORY_RANGE) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: wrong sType`);
    const memory = vk.handles.memories.get(r.handle('memory'), entryPoint);
    const offset = r.u64('offset');
    const size = r.u64('size');
    const endByte = size >= 0xffff_ffff_ffff_f000 ? memory.paddedSize : Math.min(memory.paddedSize, offset + size);
    return { memory, first: Math.floor(offset / 4), end: Math.ceil(endByte / 4) };
  });
}

export function vkFlushMappedMemoryRanges(vk: ShimState, deviceHandle: number, count: number, pRanges: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkFlushMappedMemoryRanges');
  for (const r of memoryRanges(vk, count, pRanges, 'vkFlushMappedMemoryRanges')) r.memory.uploadHostWrites(vk.heap, r.first, r.end);
  return VkResult.SUCCESS;
}

/** Device writes are merged into the host copy as each submission completes, so there is nothing left to do. */
export function vkInvalidateMappedMemoryRanges(vk: ShimState, deviceHandle: number, count: number, pRanges: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkInvalidateMappedMemoryRanges');
  memoryRanges(vk, count, pRanges, 'vkInvalidateMappedMemoryRanges');
  return VkResult.SUCCESS;
}
