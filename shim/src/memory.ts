// VkDeviceMemory: one GPUBuffer per allocation (VkBuffers bound to it are ranges of it).
//
// WebGPU cannot map a buffer that shaders use, so host-visible memory also has a shadow copy in
// the wasm heap, which is what vkMapMemory returns. Coherence is kept at the two points Vulkan
// defines:
// - host -> device, at vkQueueSubmit (coherent types) or vkFlushMappedMemoryRanges (cached
//   types): the shadow is compared with `baseline`, the device contents as last synchronised,
//   and only the words that differ are written to the GPUBuffer;
// - device -> host, when the submission that may have written the memory completes: the device
//   contents are copied back and merged three ways, so words the host changed since the last
//   upload keep the host's value.

import { BufferUsage } from './webgpu-flags.js';
import type { VulkanShim } from './vulkan.js';
import type { Device } from './device.js';
import { lookupDevice } from './device.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { MEMORY_TYPES } from './physical-device.js';
import { readStruct, readArray, requirePointer, writeHandle64, handleArg, sizeArg, isWholeSize } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType, VkMemoryPropertyFlagBits } from './abi/vk-enums.js';

const ALL_BUFFER_USAGES =
  BufferUsage.STORAGE | BufferUsage.UNIFORM | BufferUsage.COPY_SRC | BufferUsage.COPY_DST | BufferUsage.VERTEX | BufferUsage.INDEX | BufferUsage.INDIRECT;

/**
 * Host writes closer than this many words are uploaded as one range: a writeBuffer call costs
 * about as much as copying a kilobyte, and runtimes write small records a few hundred bytes apart.
 */
const UPLOAD_GAP_WORDS = 256;

export class DeviceMemory {
  private gpuBuffer: GPUBuffer | undefined;
  /** Heap address of the host copy (host-visible types only). */
  shadow = 0;
  baseline: Uint32Array<ArrayBuffer> | undefined;
  mapped = false;
  /** Set by vkMapMemory; while false the host cannot have written since the last sync. */
  hostTouched = false;
  /** Set when a GPUBuffer was imported rather than created: the shim never destroys it. */
  readonly imported: boolean;
  /** Mappable copies for reading back the GPU's writes, reused across submissions. */
  private readbacks: GPUBuffer[] = [];
  private destroyed = false;

  constructor(
    readonly device: Device,
    readonly size: number,
    readonly typeIndex: number,
    imported?: GPUBuffer,
  ) {
    this.gpuBuffer = imported;
    this.imported = imported !== undefined;
  }

  get flags(): number {
    return MEMORY_TYPES[this.typeIndex].flags;
  }
  get hostVisible(): boolean {
    return (this.flags & VkMemoryPropertyFlagBits.HOST_VISIBLE_BIT) !== 0;
  }
  get coherent(): boolean {
    return (this.flags & VkMemoryPropertyFlagBits.HOST_COHERENT_BIT) !== 0;
  }
  /** Bytes the GPUBuffer holds: WebGPU wants multiples of 4. */
  get paddedSize(): number {
    return Math.ceil(this.size / 4) * 4;
  }

  /** The GPUBuffer, created when a buffer is first bound (image-only memory never needs one). */
  gpu(): GPUBuffer {
    this.gpuBuffer ??= this.device.gpu.createBuffer({ size: this.paddedSize, usage: ALL_BUFFER_USAGES, label: `VkDeviceMemory type ${this.typeIndex}` });
    return this.gpuBuffer;
  }

  hasGpuBuffer(): boolean {
    return this.gpuBuffer !== undefined;
  }

  /**
   * A MAP_READ buffer of paddedSize for a submission's read-back. Creating one per submission
   * costs an allocation and a lazy clear in the WebGPU implementation; these are recycled.
   */
  takeReadback(): GPUBuffer {
    return this.readbacks.pop() ?? this.device.gpu.createBuffer({ size: this.paddedSize, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST, label: 'host-visible read-back' });
  }

  /** Gives a read-back buffer back once its contents were merged (or the submission failed). */
  returnReadback(buffer: GPUBuffer): void {
    if (this.destroyed) {
      buffer.destroy();
      return;
    }
    if (buffer.mapState === 'mapped') buffer.unmap();
    this.readbacks.push(buffer);
  }

  destroy(vk: VulkanShim): void {
    this.destroyed = true;
    for (const b of this.readbacks) b.destroy();
    this.readbacks = [];
    if (this.gpuBuffer && !this.imported) this.gpuBuffer.destroy();
    this.gpuBuffer = undefined;
    if (this.shadow) vk.heap.free(this.shadow);
    this.shadow = 0;
    this.baseline = undefined;
  }

  shadowWords(vk: VulkanShim): Uint32Array {
    return new Uint32Array(vk.heap.u8.buffer, this.shadow, this.paddedSize / 4);
  }

  /** Writes the words of [firstWord, endWord) that the host changed since the last sync. */
  uploadHostWrites(vk: VulkanShim, firstWord = 0, endWord = this.paddedSize / 4): void {
    if (!this.shadow || !this.baseline) return;
    const host = this.shadowWords(vk);
    const base = this.baseline;
    const queue = this.device.gpu.queue;
    let w = firstWord;
    while (w < endWord) {
      if (host[w] === base[w]) {
        w++;
        continue;
      }
      const start = w;
      let last = w;
      while (w < endWord && w - last <= UPLOAD_GAP_WORDS) {
        if (host[w] !== base[w]) last = w;
        w++;
      }
      const end = last + 1;
      base.set(host.subarray(start, end), start);
      queue.writeBuffer(this.gpu(), start * 4, base, start, end - start);
    }
  }

  /** Merges device contents read back after a submission (see the file comment). */
  mergeDeviceWrites(vk: VulkanShim, device: Uint32Array): void {
    if (!this.shadow || !this.baseline) return;
    const host = this.shadowWords(vk);
    const base = this.baseline;
    for (let w = 0; w < device.length; w++) {
      const d = device[w];
      if (host[w] === base[w]) host[w] = d;
      base[w] = d;
    }
  }
}

/** Fills a VkMemoryRequirements (buffers and images alike). */
export function writeMemoryRequirements(vk: VulkanShim, pRequirements: number, size: number, alignment: number, memoryTypeBits: number): void {
  requirePointer(vk.heap, pRequirements, S.VkMemoryRequirements.size, 'pMemoryRequirements');
  const o = S.VkMemoryRequirements.offsets;
  vk.heap.setU64(pRequirements + o.size, size);
  vk.heap.setU64(pRequirements + o.alignment, alignment);
  vk.heap.setU32(pRequirements + o.memoryTypeBits, memoryTypeBits);
}

export function lookupMemory(vk: VulkanShim, handle: unknown, entryPoint: string): DeviceMemory {
  const m = vk.memories.lookup(handleArg(handle));
  if (!m) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: invalid VkDeviceMemory ${String(handle)}`);
  return m;
}

/** Bytes allocated per heap, to answer VK_ERROR_OUT_OF_DEVICE_MEMORY before WebGPU fails later. */
function heapUsage(vk: VulkanShim, device: Device, heap: number): number {
  let used = 0;
  for (const m of vk.memories.values()) if (m.device === device && MEMORY_TYPES[m.typeIndex].heap === heap) used += m.size;
  return used;
}

export function vkAllocateMemory(vk: VulkanShim, deviceHandle: number, pAllocateInfo: number, _pAllocator: number, pMemory: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkAllocateMemory');
  const info = readStruct(vk.heap, pAllocateInfo, S.VkMemoryAllocateInfo, VkStructureType.MEMORY_ALLOCATE_INFO, 'pAllocateInfo');
  requirePointer(vk.heap, pMemory, 8, 'pMemory');
  const size = info.u64('allocationSize');
  const typeIndex = info.u32('memoryTypeIndex');
  if (typeIndex >= MEMORY_TYPES.length) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `memoryTypeIndex ${typeIndex} does not exist`);
  if (size === 0) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'allocationSize is 0');
  const heap = MEMORY_TYPES[typeIndex].heap;
  const heapSize = device.physical.heapSizes()[heap];
  if (size > device.physical.limits.maxBufferSize || heapUsage(vk, device, heap) + size > heapSize) {
    throw new VkFailure(VkResult.ERROR_OUT_OF_DEVICE_MEMORY, `cannot allocate ${size} bytes (heap ${heap} holds ${heapSize}, one buffer at most ${device.physical.limits.maxBufferSize})`);
  }
  const memory = new DeviceMemory(device, size, typeIndex);
  if (memory.hostVisible) {
    memory.shadow = vk.heap.malloc(memory.paddedSize);
    if (!memory.shadow) throw new VkFailure(VkResult.ERROR_OUT_OF_HOST_MEMORY, `no room in the wasm heap for ${size} bytes of host-visible memory`);
    vk.heap.u8.fill(0, memory.shadow, memory.shadow + memory.paddedSize);
    memory.baseline = new Uint32Array(memory.paddedSize / 4);
  }
  writeHandle64(vk.heap, pMemory, vk.memories.insert(memory));
  return VkResult.SUCCESS;
}

export function vkFreeMemory(vk: VulkanShim, deviceHandle: number, memoryHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkFreeMemory');
  if (handleArg(memoryHandle) === 0) return;
  const memory = lookupMemory(vk, memoryHandle, 'vkFreeMemory');
  for (const b of vk.buffers.values()) {
    if (b.memory === memory) vk.validation.report('vkFreeMemory', 'a VkBuffer bound to this memory is still alive; its contents are gone');
  }
  vk.memories.remove(handleArg(memoryHandle));
  memory.destroy(vk);
}

export function vkMapMemory(vk: VulkanShim, deviceHandle: number, memoryHandle: unknown, offsetArg: unknown, sizeArgValue: unknown, _flags: number, ppData: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkMapMemory');
  const memory = lookupMemory(vk, memoryHandle, 'vkMapMemory');
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

export function vkUnmapMemory(vk: VulkanShim, deviceHandle: number, memoryHandle: unknown): void {
  lookupDevice(vk, deviceHandle, 'vkUnmapMemory');
  const memory = lookupMemory(vk, memoryHandle, 'vkUnmapMemory');
  if (!memory.mapped) throw new VkFailure(VkResult.ERROR_MEMORY_MAP_FAILED, 'memory is not mapped');
  memory.mapped = false;
}

function memoryRanges(vk: VulkanShim, count: number, pRanges: number, entryPoint: string): { memory: DeviceMemory; first: number; end: number }[] {
  return readArray(vk.heap, pRanges, count, S.VkMappedMemoryRange, 'pMemoryRanges').map((r) => {
    if (r.u32('sType') !== VkStructureType.MAPPED_MEMORY_RANGE) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: wrong sType`);
    const memory = lookupMemory(vk, r.handle('memory'), entryPoint);
    const offset = r.u64('offset');
    const size = r.u64('size');
    const endByte = size >= 0xffff_ffff_ffff_f000 ? memory.paddedSize : Math.min(memory.paddedSize, offset + size);
    return { memory, first: Math.floor(offset / 4), end: Math.ceil(endByte / 4) };
  });
}

export function vkFlushMappedMemoryRanges(vk: VulkanShim, deviceHandle: number, count: number, pRanges: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkFlushMappedMemoryRanges');
  for (const r of memoryRanges(vk, count, pRanges, 'vkFlushMappedMemoryRanges')) r.memory.uploadHostWrites(vk, r.first, r.end);
  return VkResult.SUCCESS;
}

/** Device writes are merged into the host copy as each submission completes, so there is nothing left to do. */
export function vkInvalidateMappedMemoryRanges(vk: VulkanShim, deviceHandle: number, count: number, pRanges: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkInvalidateMappedMemoryRanges');
  memoryRanges(vk, count, pRanges, 'vkInvalidateMappedMemoryRanges');
  return VkResult.SUCCESS;
}

/** Host writes to coherent memory reach the device at submit. */
export function uploadCoherentHostWrites(vk: VulkanShim, device: Device): void {
  for (const m of vk.memories.values()) {
    if (m.device !== device || !m.hostTouched || !m.coherent) continue;
    m.uploadHostWrites(vk);
    if (!m.mapped) m.hostTouched = false;
  }
}
