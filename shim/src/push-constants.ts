// Push constants on WebGPU, which has none: the translator turns a shader's push constant block
// into a uniform buffer in the set after the pipeline layout's own (shim/spirv/passes/
// push-constants.ts). Each submission that dispatches such a pipeline gets one buffer with a
// slot per dispatch; a dispatch copies the bytes vkCmdPushConstants has recorded so far into
// its slot and binds the set with that slot's dynamic offset, so it sees the values recorded
// before it and no later ones.

import { BufferUsage, ShaderStage } from './webgpu-flags.js';

/** maxPushConstantsSize: Vulkan's guaranteed minimum, which most compute programs stay within. */
export const MAX_PUSH_CONSTANTS_SIZE = 128;
/** A slot per dispatch, at WebGPU's largest minUniformBufferOffsetAlignment. */
const SLOT = 256;

/** The bind group layout entry of the push constant set (binding 0, a dynamic uniform buffer). */
export const PUSH_CONSTANT_ENTRY: GPUBindGroupLayoutEntry = {
  binding: 0,
  visibility: ShaderStage.COMPUTE,
  buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: MAX_PUSH_CONSTANTS_SIZE },
};

/** The values of one command buffer's vkCmdPushConstants so far, and the slots of a submission. */
export class PushConstantSlots {
  /** The bytes recorded so far in the command buffer being replayed. */
  readonly values = new Uint8Array(MAX_PUSH_CONSTANTS_SIZE);
  private buffer: GPUBuffer | undefined;
  private mapped: Uint8Array | undefined;
  private group: GPUBindGroup | undefined;
  private used = 0;
  /** The slot that holds `values` as they are now, while no vkCmdPushConstants changed them. */
  private current = -1;

  constructor(
    private readonly gpu: GPUDevice,
    private readonly capacity: number,
  ) {}

  /** Records vkCmdPushConstants: `data` at `offset` for the dispatches that follow. */
  set(offset: number, data: Uint8Array): void {
    this.values.set(data, offset);
    this.current = -1;
  }

  /** Values are undefined at the start of a command buffer; zero them so nothing carries over. */
  reset(): void {
    this.values.fill(0);
    this.current = -1;
  }

  /** The bind group and dynamic offset that give the next dispatch the values recorded so far. */
  bind(layout: GPUBindGroupLayout): { group: GPUBindGroup; offset: number } {
    if (!this.buffer) {
      this.buffer = this.gpu.createBuffer({ size: this.capacity * SLOT, usage: BufferUsage.UNIFORM, mappedAtCreation: true, label: 'push constants' });
      this.mapped = new Uint8Array(this.buffer.getMappedRange());
    }
    // Push constant layouts all have the one entry, so the cached layout is the same object for every pipeline.
    this.group ??= this.gpu.createBindGroup({ layout, entries: [{ binding: 0, resource: { buffer: this.buffer, size: MAX_PUSH_CONSTANTS_SIZE } }] });
    if (this.current < 0) {
      this.current = this.used++;
      this.mapped!.set(this.values, this.current * SLOT);
    }
    return { group: this.group, offset: this.current * SLOT };
  }

  /** Unmaps the buffer before the submission; returns it for destruction once the submission completes. */
  finish(): GPUBuffer | undefined {
    this.buffer?.unmap();
    return this.buffer;
  }
}
