// The descriptor calls: set layouts, pools, allocation, and vkUpdateDescriptorSets, which checks
// each descriptor against its layout and what WebGPU can bind.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType, VkDescriptorType, VkDescriptorPoolCreateFlagBits, VkImageLayout, VkImageUsageFlagBits } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, readArray, requirePointer, writeHandle64, handleArg, type StructReader } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { DescriptorSetLayout, DescriptorSet, DescriptorPool, type Descriptor } from '../objects/descriptor.js';

const IMAGE_TYPES: readonly number[] = [VkDescriptorType.SAMPLER, VkDescriptorType.COMBINED_IMAGE_SAMPLER, VkDescriptorType.SAMPLED_IMAGE, VkDescriptorType.STORAGE_IMAGE];

const SUPPORTED_TYPES: readonly number[] = [
  ...IMAGE_TYPES,
  VkDescriptorType.UNIFORM_BUFFER,
  VkDescriptorType.STORAGE_BUFFER,
  VkDescriptorType.UNIFORM_BUFFER_DYNAMIC,
  VkDescriptorType.STORAGE_BUFFER_DYNAMIC,
];

export function vkCreateDescriptorSetLayout(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pSetLayout: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateDescriptorSetLayout');
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
  writeHandle64(vk.heap, pSetLayout, vk.handles.descriptorSetLayouts.insert(layout));
  return VkResult.SUCCESS;
}

export function vkDestroyDescriptorSetLayout(vk: ShimState, deviceHandle: number, layoutHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyDescriptorSetLayout');
  if (handleArg(layoutHandle) === 0) return;
  vk.handles.descriptorSetLayouts.get(layoutHandle, 'vkDestroyDescriptorSetLayout');
  vk.handles.descriptorSetLayouts.remove(handleArg(layoutHandle));
}

export function vkCreateDescriptorPool(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pPool: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateDescriptorPool');
  const info = readStruct(vk.heap, pCreateInfo, S.VkDescriptorPoolCreateInfo, VkStructureType.DESCRIPTOR_POOL_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pPool, 8, 'pDescriptorPool');
  const freeable = (info.u32('flags') & VkDescriptorPoolCreateFlagBits.FREE_DESCRIPTOR_SET_BIT) !== 0;
  writeHandle64(vk.heap, pPool, vk.handles.descriptorPools.insert(new DescriptorPool(device, info.u32('maxSets'), freeable)));
  return VkResult.SUCCESS;
}

function freeSets(vk: ShimState, pool: DescriptorPool): void {
  for (const s of pool.sets) vk.handles.descriptorSets.remove(s);
  pool.sets.clear();
}

export function vkDestroyDescriptorPool(vk: ShimState, deviceHandle: number, poolHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyDescriptorPool');
  if (handleArg(poolHandle) === 0) return;
  freeSets(vk, vk.handles.descriptorPools.get(poolHandle, 'vkDestroyDescriptorPool'));
  vk.handles.descriptorPools.remove(handleArg(poolHandle));
}

export function vkResetDescriptorPool(vk: ShimState, deviceHandle: number, poolHandle: unknown, _flags: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkResetDescriptorPool');
  freeSets(vk, vk.handles.descriptorPools.get(poolHandle, 'vkResetDescriptorPool'));
  return VkResult.SUCCESS;
}

export function vkAllocateDescriptorSets(vk: ShimState, deviceHandle: number, pAllocateInfo: number, pSets: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkAllocateDescriptorSets');
  const info = readStruct(vk.heap, pAllocateInfo, S.VkDescriptorSetAllocateInfo, VkStructureType.DESCRIPTOR_SET_ALLOCATE_INFO, 'pAllocateInfo');
  const poolHandle = handleArg(info.handle('descriptorPool'));
  const pool = vk.handles.descriptorPools.get(poolHandle, 'vkAllocateDescriptorSets');
  if (pool.device !== device) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'descriptor pool of another device');
  const count = info.u32('descriptorSetCount');
  requirePointer(vk.heap, pSets, 8 * count, 'pDescriptorSets');
  const layoutsPtr = info.ptr('pSetLayouts');
  requirePointer(vk.heap, layoutsPtr, 8 * count, 'pSetLayouts');
  if (pool.sets.size + count > pool.maxSets) return VkResult.ERROR_OUT_OF_POOL_MEMORY;
  const layouts = Array.from({ length: count }, (_, i) => vk.handles.descriptorSetLayouts.get(vk.heap.u64(layoutsPtr + 8 * i), 'vkAllocateDescriptorSets'));
  layouts.forEach((layout, i) => {
    const handle = vk.handles.descriptorSets.insert(new DescriptorSet(layout, poolHandle));
    pool.sets.add(handle);
    writeHandle64(vk.heap, pSets + 8 * i, handle);
  });
  return VkResult.SUCCESS;
}

export function vkFreeDescriptorSets(vk: ShimState, deviceHandle: number, poolHandle: unknown, count: number, pSets: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkFreeDescriptorSets');
  const pool = vk.handles.descriptorPools.get(poolHandle, 'vkFreeDescriptorSets');
  if (!pool.freeable) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'pool was created without FREE_DESCRIPTOR_SET_BIT');
  requirePointer(vk.heap, pSets, 8 * count, 'pDescriptorSets');
  for (let i = 0; i < count; i++) {
    const handle = handleArg(vk.heap.u64(pSets + 8 * i));
    if (handle === 0) continue;
    if (!pool.sets.has(handle)) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `descriptor set ${handle} is not a live set of this pool`);
    pool.sets.delete(handle);
    vk.handles.descriptorSets.remove(handle);
  }
  return VkResult.SUCCESS;
}

export function vkUpdateDescriptorSets(vk: ShimState, deviceHandle: number, writeCount: number, pWrites: number, copyCount: number, pCopies: number): void {
  vk.handles.devices.get(deviceHandle, 'vkUpdateDescriptorSets');
  for (const w of readArray(vk.heap, pWrites, writeCount, S.VkWriteDescriptorSet, 'pDescriptorWrites')) {
    if (w.u32('sType') !== VkStructureType.WRITE_DESCRIPTOR_SET) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'VkWriteDescriptorSet has the wrong sType');
    const set = vk.handles.descriptorSets.get(w.handle('dstSet'), 'vkUpdateDescriptorSets');
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
      const buffer = vk.handles.buffers.get(bi.handle('buffer'), 'vkUpdateDescriptorSets');
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
    const src = vk.handles.descriptorSets.get(c.handle('srcSet'), 'vkUpdateDescriptorSets');
    const dst = vk.handles.descriptorSets.get(c.handle('dstSet'), 'vkUpdateDescriptorSets');
    const count = c.u32('descriptorCount');
    for (let i = 0; i < count; i++) {
      const d = src.descriptors.get(c.u32('srcBinding') + i);
      if (d) dst.descriptors.set(c.u32('dstBinding') + i, d);
    }
    dst.version++;
  }
}

/** An image, sampler or combined image sampler descriptor, checked against what WebGPU binds. */
function imageDescriptor(vk: ShimState, info: StructReader, type: number, binding: number): Descriptor {
  const where = `vkUpdateDescriptorSets: binding ${binding}`;
  if (type === VkDescriptorType.SAMPLER) return { kind: 'sampler', sampler: vk.handles.samplers.get(info.handle('sampler'), where) };
  const view = vk.handles.imageViews.get(info.handle('imageView'), where);
  const layout = info.u32('imageLayout');
  if (type === VkDescriptorType.STORAGE_IMAGE) {
    view.image.requireUsage(VkImageUsageFlagBits.STORAGE_BIT, where, 'STORAGE usage');
    if (layout !== VkImageLayout.GENERAL) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${where}: storage images are used in layout GENERAL, not ${layout}`);
    if (view.range.mipCount !== 1) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${where}: a storage image view has exactly one mip level in WebGPU`);
    return { kind: 'image', view, sampler: undefined, layout };
  }
  view.image.requireUsage(VkImageUsageFlagBits.SAMPLED_BIT, where, 'SAMPLED usage');
  const sampler = type === VkDescriptorType.COMBINED_IMAGE_SAMPLER ? vk.handles.samplers.get(info.handle('sampler'), where) : undefined;
  return { kind: 'image', view, sampler, layout };
}
