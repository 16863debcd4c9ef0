// Replay of recorded commands into one GPUCommandEncoder per vkQueueSubmit. The context keeps
// the open compute pass, packs every vkCmdUpdateBuffer payload of the submission into one
// upload buffer, and notes which memories the GPU may write so their host copies can be
// refreshed when the submission completes. A dispatch of a grid-stride loop gets only the
// workgroups its range fills, its bounds read from the bound uniform buffers (shim/spirv/grid-stride-bounds.ts).

import { BufferUsage } from '../webgpu/flags.js';
import { VkResult } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import type { Buffer } from '../objects/buffer.js';
import type { Device } from '../objects/device.js';
import type { DeviceMemory } from '../objects/memory.js';
import type { Pipeline } from '../objects/pipeline.js';
import type { VkEvent } from '../objects/event.js';
import { bindGroupFor, type DescriptorSet } from '../objects/descriptor.js';
import { gridStrideGroups, type GridStride } from '../../spirv/grid-stride-bounds.js';
import type { Command, BufferCopyRegion } from './command.js';
import { encodeImageCommand, type ImageEncoding } from './image.js';
import { AliasRefusal, dispatchPipeline } from './alias.js';
import { PushConstantSlots } from './push-constants.js';

const FILL_WGSL = /* wgsl */ `
struct Fill { first: u32, count: u32, value: u32, rowWords: u32 }
@group(0) @binding(0) var<storage, read_write> words: array<u32>;
@group(0) @binding(1) var<uniform> fill: Fill;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let i = id.y * fill.rowWords + id.x;
  if (i < fill.count) { words[fill.first + i] = fill.value; }
}`;

const fillPipelines = new WeakMap<GPUDevice, GPUComputePipeline>();

function fillPipeline(gpu: GPUDevice): GPUComputePipeline {
  let p = fillPipelines.get(gpu);
  if (!p) {
    p = gpu.createComputePipeline({ layout: 'auto', compute: { module: gpu.createShaderModule({ code: FILL_WGSL }), entryPoint: 'main' }, label: 'vkCmdFillBuffer' });
    fillPipelines.set(gpu, p);
  }
  return p;
}

export class EncodeContext implements ImageEncoding {
  readonly encoder: GPUCommandEncoder;
  /** Memories the GPU may write in this submission (host-visible ones get read back). */
  readonly written = new Set<DeviceMemory>();
  /** Buffers to destroy once the submission completes. */
  readonly temporaries: GPUBuffer[] = [];
  /** Event states the host observes once the submission completes, in command order. */
  readonly eventChanges: [VkEvent, boolean][] = [];
  /** Why a dispatch of this submission was left out (the submission then reports failure). */
  refused: string | undefined;
  private pass: GPUComputePassEncoder | undefined;
  private upload: GPUBuffer | undefined;
  private uploadCursor = 0;
  private pushConstants: PushConstantSlots | undefined;
  // Vulkan state bound by the command buffer being replayed...
  private pipeline: Pipeline | undefined;
  private sets: ({ set: DescriptorSet; offsets: number[] } | undefined)[] = [];
  // ...and what the open pass has applied of it, so unchanged state is not set again.
  private appliedPipeline: Pipeline | undefined;
  private appliedGroups: (GPUBindGroup | undefined)[] = [];
  private appliedOffsets: (number[] | undefined)[] = [];
  // Descriptor set bindings replayed so far: a grid-stride sizing holds while this count and the
  // memories this submission writes are unchanged, as its bounds read only those.
  private bindings = 0;
  private sized: { grid: GridStride; x: number; bindings: number; written: number; groups: number } | undefined;

  constructor(readonly device: Device) {
    this.encoder = device.gpu.createCommandEncoder({ label: 'vkQueueSubmit' });
  }

  /**
   * Packs the payloads of every update command into one mapped-at-creation buffer, and makes room
   * for a push constant slot per dispatch when a pipeline with push constants is bound.
   */
  prepareUploads(commands: readonly Command[], begin: number, end: number): void {
    let total = 0;
    let dispatches = 0;
    let pushes = false;
    for (let i = begin; i < end; i++) {
      const c = commands[i];
      if (c.kind === 'updateBuffer') total += c.data.byteLength;
      else if (c.kind === 'dispatch' || c.kind === 'dispatchIndirect') dispatches++;
      else if (c.kind === 'bindPipeline' && c.pipeline.pushConstants) pushes = true;
    }
    if (pushes && dispatches > 0) this.pushConstants = new PushConstantSlots(this.device.gpu, dispatches);
    if (total === 0) return;
    this.upload = this.device.gpu.createBuffer({ size: total, usage: BufferUsage.COPY_SRC, mappedAtCreation: true, label: 'vkCmdUpdateBuffer payloads' });
    const bytes = new Uint8Array(this.upload.getMappedRange());
    let at = 0;
    for (let i = begin; i < end; i++) {
      const c = commands[i];
      if (c.kind !== 'updateBuffer') continue;
      bytes.set(c.data, at);
      at += c.data.byteLength;
    }
    this.upload.unmap();
    this.temporaries.push(this.upload);
  }

  computePass(): GPUComputePassEncoder {
    if (!this.pass) {
      this.pass = this.encoder.beginComputePass();
      this.appliedPipeline = undefined;
      this.appliedGroups = [];
      this.appliedOffsets = [];
    }
    return this.pass;
  }

  endPass(): void {
    this.pass?.end();
    this.pass = undefined;
  }


  encode(c: Command): void {
    switch (c.kind) {
      case 'copyBuffer':
        return this.copyBuffer(c.src, c.dst, c.regions);
      case 'fillBuffer':
        return this.fillBuffer(c.dst, c.offset, c.size, c.data);
      case 'updateBuffer': {
        this.endPass();
        const dst = c.dst.bound('vkCmdUpdateBuffer');
        this.encoder.copyBufferToBuffer(this.upload!, this.uploadCursor, dst.gpu, dst.offset + c.offset, c.data.byteLength);
        this.uploadCursor += c.data.byteLength;
        this.written.add(dst.memory);
        return;
      }
      case 'imageLayout':
      case 'copyImage':
      case 'copyBufferToImage':
      case 'copyImageToBuffer':
      case 'clearColorImage':
        return encodeImageCommand(this, c);
      case 'bindPipeline':
        this.pipeline = c.pipeline;
        return;
      case 'pushConstants':
        this.pushConstants?.set(c.offset, c.data);
        return;
      case 'bindDescriptorSets':
        for (let i = 0; i < c.sets.length; i++) this.sets[c.firstSet + i] = c.sets[i];
        this.bindings++;
        return;
      case 'dispatch': {
        const pass = this.prepareDispatch();
        if (!pass) return;
        const p = this.pipeline!;
        if (p.oneInvocation) {
          pass.dispatchWorkgroups(1, 1, 1);
          return;
        }
        const grid = p.gridStride;
        const x = grid && c.y === 1 && c.z === 1 ? this.gridStrideGroups(grid, c.x) : c.x;
        pass.dispatchWorkgroups(x, c.y, c.z);
        return;
      }
      case 'beginCommandBuffer':
        // Bound state does not carry from one command buffer to the next.
        this.pipeline = undefined;
        this.sets = [];
        this.bindings++;
        this.pushConstants?.reset();
        return;
      case 'setEvent':
      case 'resetEvent':
        c.event.expected = c.kind === 'setEvent';
        this.eventChanges.push([c.event, c.event.expected]);
        return;
      case 'waitEvents':
        // The queue runs in order and drainQueue only encodes a wait whose events are set.
        return;
      case 'dispatchIndirect': {
        // The group count lies in device memory: one invocation cannot stand for it (zero groups run nothing).
        if (this.pipeline?.oneInvocation) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'vkCmdDispatchIndirect: a deterministic device (VK_TAICHIWASM_deterministic) dispatches directly only');
        const pass = this.prepareDispatch();
        if (!pass) return;
        const b = c.buffer.bound('vkCmdDispatchIndirect');
        pass.dispatchWorkgroupsIndirect(b.gpu, b.offset + c.offset);
        return;
      }
    }
  }

  /** The workgroups a grid-stride dispatch needs; repeated launches with the same bindings size once. */
  private gridStrideGroups(grid: GridStride, x: number): number {
    const last = this.sized;
    if (last && last.grid === grid && last.x === x && last.bindings === this.bindings && last.written === this.written.size) return last.groups;
    const groups = gridStrideGroups(grid, x, this.boundWord);
    this.sized = { grid, x, bindings: this.bindings, written: this.written.size, groups };
    return groups;
  }

  /**
   * A word of a uniform buffer bound for the next dispatch, as the device holds it: the memory's
   * contents as last synchronised. Undefined where the host cannot know them: memory with no host
   * copy, imported memory, or memory this submission may already have written.
   */
  private readonly boundWord = (set: number, binding: number, offset: number): number | undefined => {
    const bound = this.sets[set];
    const d = bound?.set.descriptors.get(binding);
    if (!bound || d?.kind !== 'buffer') return undefined;
    const memory = d.buffer.memory;
    if (!memory?.baseline || memory.imported || this.written.has(memory) || offset + 4 > d.range) return undefined;
    const dynamic = bound.set.layout.dynamicBindings.indexOf(binding);
    const at = d.buffer.offset + d.offset + (dynamic >= 0 ? bound.offsets[dynamic] : 0) + offset;
    return at % 4 === 0 ? memory.baseline[at / 4] : undefined;
  };

  /**
   * Applies the bound pipeline (or its variant for aliased bindings) and descriptor sets to the
   * open pass, changing only what changed; undefined when the dispatch is refused.
   */
  private prepareDispatch(): GPUComputePassEncoder | undefined {
    if (!this.pipeline) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCmdDispatch: no compute pipeline is bound');
    let pipeline: Pipeline;
    try {
      pipeline = dispatchPipeline(this.pipeline, this.sets);
    } catch (e) {
      if (!(e instanceof AliasRefusal)) throw e;
      this.refused ??= e.message;
      return undefined;
    }
    const pass = this.computePass();
    if (this.appliedPipeline !== pipeline) {
      pass.setPipeline(pipeline.gpu);
      this.appliedPipeline = pipeline;
    }
    const groups = pipeline.groups;
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index];
      if (!group) continue;
      const bound = this.sets[index];
      if (!bound) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkCmdDispatch: descriptor set ${index} is not bound`);
      const bindGroup = bindGroupFor(bound.set, group.layout, group.bindings, group.combinedSamplers, group.merged);
      // Usually the shader uses every dynamic binding of the set, and the recorded offsets apply as they are.
      const offsets = group.dynamicBindings.length === bound.offsets.length ? bound.offsets : remapOffsets(group.dynamicBindings, bound);
      if (this.appliedGroups[index] !== bindGroup) {
        // A bind group seen before in this pass has had its written memories noted already.
        for (const b of group.writtenBindings) {
          const d = bound.set.descriptors.get(b);
          const memory = d?.kind === 'buffer' ? d.buffer.memory : undefined;
          if (memory?.hostVisible) this.written.add(memory);
        }
      } else if (sameOffsets(this.appliedOffsets[index], offsets)) {
        continue;
      }
      pass.setBindGroup(index, bindGroup, offsets);
      this.appliedGroups[index] = bindGroup;
      this.appliedOffsets[index] = offsets;
    }
    if (pipeline.pushConstants) {
      const { group, offset } = this.pushConstants!.bind(pipeline.pushConstants.layout);
      const set = pipeline.pushConstants.set;
      if (this.appliedGroups[set] !== group || this.appliedOffsets[set]?.[0] !== offset) {
        pass.setBindGroup(set, group, [offset]);
        this.appliedGroups[set] = group;
        this.appliedOffsets[set] = [offset];
      }
    }
    return pass;
  }

  finish(): GPUCommandBuffer {
    this.endPass();
    const pushBuffer = this.pushConstants?.finish();
    if (pushBuffer) this.temporaries.push(pushBuffer);
    return this.encoder.finish();
  }

  private copyBuffer(srcBuffer: Buffer, dstBuffer: Buffer, regions: BufferCopyRegion[]): void {
    this.endPass();
    const src = srcBuffer.bound('vkCmdCopyBuffer');
    const dst = dstBuffer.bound('vkCmdCopyBuffer');
    for (const r of regions) {
      if (src.gpu === dst.gpu) {
        // WebGPU refuses a copy within one GPUBuffer; two VkBuffers of one memory need a detour.
        const tmp = this.device.gpu.createBuffer({ size: r.size, usage: BufferUsage.COPY_SRC | BufferUsage.COPY_DST });
        this.temporaries.push(tmp);
        this.encoder.copyBufferToBuffer(src.gpu, src.offset + r.srcOffset, tmp, 0, r.size);
        this.encoder.copyBufferToBuffer(tmp, 0, dst.gpu, dst.offset + r.dstOffset, r.size);
      } else {
        this.encoder.copyBufferToBuffer(src.gpu, src.offset + r.srcOffset, dst.gpu, dst.offset + r.dstOffset, r.size);
      }
    }
    this.written.add(dst.memory);
  }

  private fillBuffer(dstBuffer: Buffer, offset: number, size: number, value: number): void {
    const dst = dstBuffer.bound('vkCmdFillBuffer');
    this.written.add(dst.memory);
    if (size === 0) return;
    if (value === 0) {
      this.endPass();
      this.encoder.clearBuffer(dst.gpu, dst.offset + offset, size);
      return;
    }
    // WebGPU can only clear to zero; other patterns are written by a small compute shader.
    const gpu = this.device.gpu;
    const start = dst.offset + offset;
    const bindStart = Math.floor(start / 256) * 256;
    const count = size / 4;
    const rowWords = 64 * 65535;
    const params = gpu.createBuffer({ size: 16, usage: BufferUsage.UNIFORM, mappedAtCreation: true });
    new Uint32Array(params.getMappedRange()).set([(start - bindStart) / 4, count, value, rowWords]);
    params.unmap();
    this.temporaries.push(params);
    const pipeline = fillPipeline(gpu);
    const group = gpu.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: dst.gpu, offset: bindStart, size: start - bindStart + size } },
        { binding: 1, resource: { buffer: params } },
      ],
    });
    // A pass of its own, so the user's bound pipeline state is re-applied in the next pass.
    this.endPass();
    const pass = this.encoder.beginComputePass({ label: 'vkCmdFillBuffer' });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, group);
    const groups = Math.ceil(count / 64);
    pass.dispatchWorkgroups(Math.min(groups, 65535), Math.ceil(groups / 65535));
    pass.end();
  }
}

function remapOffsets(dynamicBindings: readonly number[], bound: { set: DescriptorSet; offsets: number[] }): number[] {
  const all = bound.set.layout.dynamicBindings;
  return dynamicBindings.map((b) => bound.offsets[all.indexOf(b)]);
}

function sameOffsets(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (a === b) return true;
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
