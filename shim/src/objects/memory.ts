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

import { BufferUsage } from '../webgpu/flags.js';
import { VkMemoryPropertyFlagBits } from '../abi/vk-enums.js';
import type { Heap } from '../abi/heap.js';
import type { Device } from './device.js';
import { MEMORY_TYPES } from './physical-device.js';

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
      this.device.bufferDestroyed();
      return;
    }
    if (buffer.mapState === 'mapped') buffer.unmap();
    this.readbacks.push(buffer);
  }

  destroy(heap: Heap): void {
    this.destroyed = true;
    for (const b of this.readbacks) {
      b.destroy();
      this.device.bufferDestroyed();
    }
    this.readbacks = [];
    if (this.gpuBuffer && !this.imported) {
      this.gpuBuffer.destroy();
      this.device.bufferDestroyed();
    }
    this.gpuBuffer = undefined;
    if (this.shadow) heap.free(this.shadow);
    this.shadow = 0;
    this.baseline = undefined;
  }

  shadowWords(heap: Heap): Uint32Array {
    return new Uint32Array(heap.u8.buffer, this.shadow, this.paddedSize / 4);
  }

  /** Writes the words of [firstWord, endWord) that the host changed since the last sync. */
  uploadHostWrites(heap: Heap, firstWord = 0, endWord = this.paddedSize / 4): void {
    if (!this.shadow || !this.baseline) return;
    const host = this.shadowWords(heap);
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
  mergeDeviceWrites(heap: Heap, device: Uint32Array): void {
    if (!this.shadow || !this.baseline) return;
    const host = this.shadowWords(heap);
    const base = this.baseline;
    for (let w = 0; w < device.length; w++) {
      const d = device[w];
      if (host[w] === base[w]) host[w] = d;
      base[w] = d;
    }
  }
}
