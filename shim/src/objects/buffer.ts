// VkBuffer: a range of one VkDeviceMemory's GPUBuffer, fixed by vkBindBufferMemory.

import { VkResult } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import type { Device } from './device.js';
import type { DeviceMemory } from './memory.js';

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
