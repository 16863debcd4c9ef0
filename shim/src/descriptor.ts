// Descriptor set layouts, pools and sets. A descriptor set holds what vkUpdateDescriptorSets
// wrote; the GPUBindGroup is made from it when a dispatch first needs it, for the bind group
// layout of the pipeline in use (cached until the set is written again).

import type { VulkanShim } from './vulkan.js';
import { lookupDevice, type Device } from './device.js';
import { lookupBuffer, type Buffer } from './buffer.js';
import { lookupImageView, type ImageView } from './image.js';
import { lookupSampler, type Sampler } from './sampler.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readStruct, readArray, requirePointer, writeHandle64, handleArg, type StructReader } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType, VkDescriptorType, VkDescriptorPoolCreateFlagBits, VkImageLayout, VkImageUsageFlagBits } from './abi/vk-enums.js';

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

export function lookupSetLayout(vk: VulkanShim, handle: unknown, entryPoint: string): DescriptorSetLayout {
  const l = vk.descriptorSetLayouts.lookup(handleArg(handle));
  if (!l) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkDescriptorSetLayout ${String(handle)}`);
  return l;
}

export function lookupDescriptorSet(vk: VulkanShim, handle: unknown, entryPoint: string): DescriptorSet {
  const s = vk.descriptorSets.lookup(handleArg(handle));
  if (!s) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkDescriptorSet ${String(handle)}`);
  return s;
}

function lookupPool(vk: VulkanShim, handle: unknown, entryPoint: string): DescriptorPool {
  const p = vk.descriptorPools.lookup(handleArg(handle));
  if (!p) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkDescriptorPool ${String(handle)}`);
  return p;
}

const IMAGE_TYPES: readonly number[] = [VkDescriptorType.SAMPLER, VkDescriptorType.COMBINED_IMAGE_SAMPLER, VkDescriptorType.SAMPLED_IMAGE, VkDescriptorType.STORAGE_IMAGE];

const SUPPORTED_TYPES: readonly number[] = [
  ...IMAGE_TYPES,
  VkDescriptorType.UNIFORM_BUFFER,
  VkDescriptorType.STORAGE_BUFFER,
  VkDescriptorType.UNIFORM_BUFFER_DYNAMIC,
  VkDescriptorType.STORAGE_BUFFER_DYNAMIC,
];

export function vkCreateDescriptorSetLayout(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pSetLayout: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateDescriptorSetLayout');
  const info = readStruct(vk.heap, pCreateInfo, S.VkDescriptorSetLayoutCreateInfo, VkStructureType.DESCRIPTOR_SET_LAYOUT_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pSetLayout, 8, 'pSetLayout');
  const layout = new DescriptorSetLayout(device);
  for (const b of readArray(vk.heap, info.ptr('pBindings'), info.u32('bindingCount'), S.VkDescriptorSetLayoutBinding, 'pBindings')) {
    const binding = b.u32('binding');
    const type = b.u32('descriptorType');
    const count = b.u32('descriptorCount');
    if (!SUPPORTED_TYPES.includes(type)) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `descriptor type ${type} at binding ${binding} is not supported`);
    if (count > 1) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `binding ${binding}: descriptor arrays are not supported (count ${count})`);
    if (layout.bindings.has(binding)) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `binding ${binding} appears twice`);
    layout.bindings.set(binding, { binding, type, count });
  }
  writeHandle64(vk.heap, pSetLayout, vk.descriptorSetLayouts.insert(layout));
  return VkResult.SUCCESS;
}

export function vkDestroyDescriptorSetLayout(vk: VulkanShim, deviceHandle: number, layoutHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyDescriptorSetLayout');
  if (handleArg(layoutHandle) === 0) return;
  lookupSetLayout(vk, layoutHandle, 'vkDestroyDescriptorSetLayout');
  vk.descriptorSetLayouts.remove(handleArg(layoutHandle));
}

export function vkCreateDescriptorPool(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pPool: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateDescriptorPool');
  const info = readStruct(vk.heap, pCreateInfo, S.VkDescriptorPoolCreateInfo, VkStructureType.DESCRIPTOR_POOL_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pPool, 8, 'pDescriptorPool');
  const freeable = (info.u32('flags') & VkDescriptorPoolCreateFlagBits.FREE_DESCRIPTOR_SET_BIT) !== 0;
  writeHandle64(vk.heap, pPool, vk.descriptorPools.insert(new DescriptorPool(device, info.u32('maxSets'), freeable)));
  return VkResult.SUCCESS;
}

function freeSets(vk: VulkanShim, pool: DescriptorPool): void {
  for (const s of pool.sets) vk.descriptorSets.remove(s);
  pool.sets.clear();
}

export function vkDestroyDescriptorPool(vk: VulkanShim, deviceHandle: number, poolHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyDescriptorPool');
  if (handleArg(poolHandle) === 0) return;
  freeSets(vk, lookupPool(vk, poolHandle, 'vkDestroyDescriptorPool'));
  vk.descriptorPools.remove(handleArg(poolHandle));
}

export function vkResetDescriptorPool(vk: VulkanShim, deviceHandle: number, poolHandle: unknown, _flags: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkResetDescriptorPool');
  freeSets(vk, lookupPool(vk, poolHandle, 'vkResetDescriptorPool'));
  return VkResult.SUCCESS;
}

export function vkAllocateDescriptorSets(vk: VulkanShim, deviceHandle: number, pAllocateInfo: number, pSets: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkAllocateDescriptorSets');
  const info = readStruct(vk.heap, pAllocateInfo, S.VkDescriptorSetAllocateInfo, VkStructureType.DESCRIPTOR_SET_ALLOCATE_INFO, 'pAllocateInfo');
  const poolHandle = handleArg(info.handle('descriptorPool'));
  const pool = lookupPool(vk, poolHandle, 'vkAllocateDescriptorSets');
  if (pool.device !== device) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'descriptor pool of another device');
  const count = info.u32('descriptorSetCount');
  requirePointer(vk.heap, pSets, 8 * count, 'pDescriptorSets');
  const layoutsPtr = info.ptr('pSetLayouts');
  requirePointer(vk.heap, layoutsPtr, 8 * count, 'pSetLayouts');
  if (pool.sets.size + count > pool.maxSets) return VkResult.ERROR_OUT_OF_POOL_MEMORY;
  const layouts = Array.from({ length: count }, (_, i) => lookupSetLayout(vk, vk.heap.u64(layoutsPtr + 8 * i), 'vkAllocateDescriptorSets'));
  layouts.forEach((layout, i) => {
    const handle = vk.descriptorSets.insert(new DescriptorSet(layout, poolHandle));
    pool.sets.add(handle);
    writeHandle64(vk.heap, pSets + 8 * i, handle);
  });
  return VkResult.SUCCESS;
}

export function vkFreeDescriptorSets(vk: VulkanShim, deviceHandle: number, poolHandle: unknown, count: number, pSets: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkFreeDescriptorSets');
  const pool = lookupPool(vk, poolHandle, 'vkFreeDescriptorSets');
  if (!pool.freeable) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'pool was created without FREE_DESCRIPTOR_SET_BIT');
  requirePointer(vk.heap, pSets, 8 * count, 'pDescriptorSets');
  for (let i = 0; i < count; i++) {
    const handle = handleArg(vk.heap.u64(pSets + 8 * i));
    if (handle === 0) continue;
    if (!pool.sets.has(handle)) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `descriptor set ${handle} is not a live set of this pool`);
    pool.sets.delete(handle);
    vk.descriptorSets.remove(handle);
  }
  return VkResult.SUCCESS;
}

export function vkUpdateDescriptorSets(vk: VulkanShim, deviceHandle: number, writeCount: number, pWrites: number, copyCount: number, pCopies: number): void {
  lookupDevice(vk, deviceHandle, 'vkUpdateDescriptorSets');
  for (const w of readArray(vk.heap, pWrites, writeCount, S.VkWriteDescriptorSet, 'pDescriptorWrites')) {
    if (w.u32('sType') !== VkStructureType.WRITE_DESCRIPTOR_SET) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'VkWriteDescriptorSet has the wrong sType');
    const set = lookupDescriptorSet(vk, w.handle('dstSet'), 'vkUpdateDescriptorSets');
    const first = w.u32('dstBinding');
    const type = w.u32('descriptorType');
    const count = w.u32('descriptorCount');
    const isImage = IMAGE_TYPES.includes(type);
    const infos = isImage
      ? readArray(vk.heap, w.ptr('pImageInfo'), count, S.VkDescriptorImageInfo, 'pImageInfo')
      : readArray(vk.heap, w.ptr('pBufferInfo'), count, S.VkDescriptorBufferInfo, 'pBufferInfo');
    infos.forEach((bi, i) => {
      const binding = first + i;
      const declared = set.layout.bindings.get(binding);
      if (!declared || declared.type !== type) {
        throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `binding ${binding} is not a descriptor of type ${type} in the set's layout`);
      }
      if (isImage) {
        set.descriptors.set(binding, imageDescriptor(vk, bi, type, binding));
        return;
      }
      const buffer = lookupBuffer(vk, bi.handle('buffer'), 'vkUpdateDescriptorSets');
      const offset = bi.u64('offset');
      const rawRange = bi.u64('range');
      const range = rawRange >= 0xffff_ffff_ffff_f000 ? buffer.size - offset : rawRange;
      if (offset + range > buffer.size || range <= 0) {
        throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `binding ${binding}: range [${offset}, +${range}) is outside the ${buffer.size}-byte buffer`);
      }
      set.descriptors.set(binding, { kind: 'buffer', buffer, offset, range });
    });
    set.version++;
  }
  for (const c of readArray(vk.heap, pCopies, copyCount, S.VkCopyDescriptorSet, 'pDescriptorCopies')) {
    const src = lookupDescriptorSet(vk, c.handle('srcSet'), 'vkUpdateDescriptorSets');
    const dst = lookupDescriptorSet(vk, c.handle('dstSet'), 'vkUpdateDescriptorSets');
    const count = c.u32('descriptorCount');
    for (let i = 0; i < count; i++) {
      const d = src.descriptors.get(c.u32('srcBinding') + i);
      if (d) dst.descriptors.set(c.u32('dstBinding') + i, d);
    }
    dst.version++;
  }
}

/** An image, sampler or combined image sampler descriptor, checked against what WebGPU binds. */
function imageDescriptor(vk: VulkanShim, info: StructReader, type: number, binding: number): Descriptor {
  const where = `vkUpdateDescriptorSets: binding ${binding}`;
  if (type === VkDescriptorType.SAMPLER) return { kind: 'sampler', sampler: lookupSampler(vk, info.handle('sampler'), where) };
  const view = lookupImageView(vk, info.handle('imageView'), where);
  const layout = info.u32('imageLayout');
  if (type === VkDescriptorType.STORAGE_IMAGE) {
    view.image.requireUsage(VkImageUsageFlagBits.STORAGE_BIT, where, 'STORAGE usage');
    if (layout !== VkImageLayout.GENERAL) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${where}: storage images are used in layout GENERAL, not ${layout}`);
    if (view.range.mipCount !== 1) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${where}: a storage image view has exactly one mip level in WebGPU`);
    return { kind: 'image', view, sampler: undefined, layout };
  }
  view.image.requireUsage(VkImageUsageFlagBits.SAMPLED_BIT, where, 'SAMPLED usage');
  const sampler = type === VkDescriptorType.COMBINED_IMAGE_SAMPLER ? lookupSampler(vk, info.handle('sampler'), where) : undefined;
  return { kind: 'image', view, sampler, layout };
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
export function spannedRange(set: DescriptorSet, bindings: readonly number[]): GPUBufferBinding {
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
 * several aliased ones (alias.ts) to them.
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
