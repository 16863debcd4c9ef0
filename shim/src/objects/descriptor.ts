// Descriptor set layouts, pools and sets. A descriptor set holds what vkUpdateDescriptorSets
// wrote; the GPUBindGroup is made from it when a dispatch first needs it, for the bind group
// layout of the pipeline in use (cached until the set is written again).

import { VkResult, VkDescriptorType } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import type { Device } from './device.js';
import type { Buffer } from './buffer.js';
import type { ImageView } from './image.js';
import type { Sampler } from './sampler.js';

export interface LayoutBinding {
  binding: number;
  type: number;
  count: number;
}

export class DescriptorSetLayout {
  readonly bindings = new Map<number, LayoutBinding>();
  constructor(readonly device: Device) {}

  /** Bindings with dynamic offsets, in binding order (the order vkCmdBindDescriptorSets takes offsets in). */
  get dynamicBindings(): readonly number[] {
    this.dynamic ??= [...this.bindings.values()]
      .filter((b) => b.type === VkDescriptorType.UNIFORM_BUFFER_DYNAMIC || b.type === VkDescriptorType.STORAGE_BUFFER_DYNAMIC)
      .map((b) => b.binding)
      .sort((a, b) => a - b);
    return this.dynamic;
  }

  private dynamic: number[] | undefined;
}

export interface BufferDescriptor {
  kind: 'buffer';
  buffer: Buffer;
  offset: number;
  /** Bytes bound, VK_WHOLE_SIZE resolved. */
  range: number;
}

/** A sampled or storage image; a combined image sampler carries its sampler too. */
export interface ImageDescriptor {
  kind: 'image';
  view: ImageView;
  sampler: Sampler | undefined;
  layout: number;
}

export interface SamplerDescriptor {
  kind: 'sampler';
  sampler: Sampler;
}

export type Descriptor = BufferDescriptor | ImageDescriptor | SamplerDescriptor;

export class DescriptorSet {
  readonly descriptors = new Map<number, Descriptor>();
  /** Bumped by every write, so cached bind groups know they are stale. */
  version = 0;
  readonly bindGroups = new Map<GPUBindGroupLayout, { version: number; group: GPUBindGroup }>();
  constructor(
    readonly layout: DescriptorSetLayout,
    readonly poolHandle: number,
  ) {}
}

export class DescriptorPool {
  readonly sets = new Set<number>();
  constructor(
    readonly device: Device,
    readonly maxSets: number,
    readonly freeable: boolean,
  ) {}
}

function bindingResource(d: Descriptor): GPUBindingResource {
  switch (d.kind) {
    case 'buffer': {
      const bound = d.buffer.bound('vkCmdDispatch');
      return { buffer: bound.gpu, offset: bound.offset + d.offset, size: wordRange(bound.gpu, bound.offset + d.offset, d.range) };
    }
    case 'image':
      return d.view.gpu;
    case 'sampler':
      return d.sampler.gpu;
  }
}

/** The range of one GPUBuffer that the buffer descriptors at `bindings` span together. */
function spannedRange(set: DescriptorSet, bindings: readonly number[]): GPUBufferBinding {
  let gpu: GPUBuffer | undefined;
  let start = Infinity;
  let end = 0;
  for (const b of bindings) {
    const d = set.descriptors.get(b);
    if (d?.kind !== 'buffer') throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `the shader uses binding ${b}, which the bound descriptor set never wrote`);
    const bound = d.buffer.bound('vkCmdDispatch');
    gpu = bound.gpu;
    start = Math.min(start, bound.offset + d.offset);
    end = Math.max(end, bound.offset + d.offset + d.range);
  }
  return { buffer: gpu!, offset: start, size: wordRange(gpu!, start, end - start) };
}

// WebGPU binds storage buffers in whole 4-byte words, Vulkan in bytes (a 37-element f16 ndarray
// is 74 bytes). Memory's GPUBuffer is padded to a word (memory.ts), so the range can be too.
function wordRange(gpu: GPUBuffer, offset: number, size: number): number {
  return Math.min(Math.ceil(size / 4) * 4, gpu.size - offset);
}

/**
 * The bind group of `set` for a pipeline's group layout, made once per write of the set.
 * `combinedSamplers` maps the WebGPU binding of each sampler split off a combined image sampler
 * to the Vulkan binding whose descriptor holds it; `merged` maps a binding that stands for
 * several aliased ones (commands/alias.ts) to them.
 */
export function bindGroupFor(set: DescriptorSet, layout: GPUBindGroupLayout, bindings: readonly number[], combinedSamplers: ReadonlyMap<number, number>, merged: ReadonlyMap<number, readonly number[]>): GPUBindGroup {
  const cached = set.bindGroups.get(layout);
  if (cached && cached.version === set.version) return cached.group;
  const entries: GPUBindGroupEntry[] = bindings.map((binding) => {
    const spanned = merged.get(binding);
    if (spanned) return { binding, resource: spannedRange(set, spanned) };
    const combined = combinedSamplers.get(binding);
    const d = set.descriptors.get(combined ?? binding);
    if (!d) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `the shader uses binding ${combined ?? binding}, which the bound descriptor set never wrote`);
    if (combined === undefined) return { binding, resource: bindingResource(d) };
    if (d.kind !== 'image' || !d.sampler) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `binding ${combined} is not a combined image sampler`);
    return { binding, resource: d.sampler.gpu };
  });
  const group = set.layout.device.gpu.createBindGroup({ layout, entries });
  set.bindGroups.set(layout, { version: set.version, group });
  return group;
}
