// Push constant values per dispatch (objects/push-constants.ts says how WebGPU gets push
// constants at all). Each submission that dispatches such a pipeline gets one buffer with a
// slot per dispatch; a dispatch copies the bytes vkCmdPushConstants has recorded so far into
// its slot and binds the set with that slot's dynamic offset, so it sees the values recorded
// before it and no later ones.

import { BufferUsage } from '../webgpu/flags.js';
import { MAX_PUSH_CONSTANTS_SIZE } from '../objects/push-constants.js';

/** A slot per dispatch, at WebGPU's largest minUniformBufferOffsetAlignment. */
const SLOT = 256;

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
