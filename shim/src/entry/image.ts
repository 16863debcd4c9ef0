// The image calls: format queries, vkCreateImage and its memory, image views, and the readers
// of subresource ranges that the image commands share (image-commands.ts).

import type { ShimState } from './state.js';
import { VkResult, VkStructureType, VkImageLayout, VkImageViewType, VkImageAspectFlagBits, VkComponentSwizzle } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg, sizeArg, StructReader } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { textureFormat, optimalTilingFeatures } from '../webgpu/format.js';
import { Image, ImageView, IMAGE_ALIGNMENT, IMAGE_MEMORY_TYPE_BITS, imageLimits, layoutName, textureUsage, type Extent, type SubresourceRange } from '../objects/image.js';
import type { Origin } from '../commands/command.js';
import { writeMemoryRequirements } from './memory.js';

const REMAINING = 0xffffffff;

export function vkGetPhysicalDeviceFormatProperties(vk: ShimState, physicalDevice: number, format: number, pProperties: number): void {
  const p = vk.handles.physicalDevices.get(physicalDevice, 'vkGetPhysicalDeviceFormatProperties');
  const L = S.VkFormatProperties;
  requirePointer(vk.heap, pProperties, L.size, 'pFormatProperties');
  const f = textureFormat(format);
  vk.heap.setU32(pProperties + L.offsets.linearTilingFeatures, 0);
  vk.heap.setU32(pProperties + L.offsets.optimalTilingFeatures, f ? optimalTilingFeatures(f, p.features) : 0);
  vk.heap.setU32(pProperties + L.offsets.bufferFeatures, 0);
}

export function vkGetPhysicalDeviceImageFormatProperties(vk: ShimState, physicalDevice: number, format: number, type: number, tiling: number, usage: number, flags: number, pProperties: number): VkResult {
  const p = vk.handles.physicalDevices.get(physicalDevice, 'vkGetPhysicalDeviceImageFormatProperties');
  const L = S.VkImageFormatProperties;
  requirePointer(vk.heap, pProperties, L.size, 'pImageFormatProperties');
  vk.heap.u8.fill(0, pProperties, pProperties + L.size);
  const limits = imageLimits(p.limits, p.features, format, type, tiling, usage, flags);
  if (typeof limits === 'string') return VkResult.ERROR_FORMAT_NOT_SUPPORTED;
  const e = pProperties + L.offsets.maxExtent;
  vk.heap.setU32(e + S.VkExtent3D.offsets.width, limits.maxExtent.width);
  vk.heap.setU32(e + S.VkExtent3D.offsets.height, limits.maxExtent.height);
  vk.heap.setU32(e + S.VkExtent3D.offsets.depth, limits.maxExtent.depth);
  vk.heap.setU32(pProperties + L.offsets.maxMipLevels, limits.maxMipLevels);
  vk.heap.setU32(pProperties + L.offsets.maxArrayLayers, limits.maxArrayLayers);
  vk.heap.setU32(pProperties + L.offsets.sampleCounts, 1);
  vk.heap.setU64(pProperties + L.offsets.maxResourceSize, p.limits.maxBufferSize);
  return VkResult.SUCCESS;
}

export function readExtent(r: StructReader, field: string): Extent {
  const at = r.offset(field);
  const E = S.VkExtent3D.offsets;
  return { width: r.heap.u32(at + E.width), height: r.heap.u32(at + E.height), depth: r.heap.u32(at + E.depth) };
}

export function readOffset(r: StructReader, field: string): Origin {
  const at = r.offset(field);
  const O = S.VkOffset3D.offsets;
  return { x: r.heap.i32(at + O.x), y: r.heap.i32(at + O.y), z: r.heap.i32(at + O.z) };
}

export function vkCreateImage(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pImage: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateImage');
  const info = readStruct(vk.heap, pCreateInfo, S.VkImageCreateInfo, VkStructureType.IMAGE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pImage, 8, 'pImage');
  const type = info.u32('imageType');
  const vkFormat = info.u32('format');
  const usage = info.u32('usage');
  const limits = imageLimits(device.gpu.limits, device.gpu.features, vkFormat, type, info.u32('tiling'), usage, info.u32('flags'));
  if (typeof limits === 'string') throw new VkFailure(VkResult.ERROR_FORMAT_NOT_SUPPORTED, `vkCreateImage: ${limits}`);
  const extent = readExtent(info, 'extent');
  const mipLevels = info.u32('mipLevels');
  const arrayLayers = info.u32('arrayLayers');
  const max = limits.maxExtent;
  if (extent.width === 0 || extent.height === 0 || extent.depth === 0 || extent.width > max.width || extent.height > max.height || extent.depth > max.depth) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `extent ${extent.width}x${extent.height}x${extent.depth} is outside 1..${max.width}x${max.height}x${max.depth}`);
  }
  const fullChain = Math.floor(Math.log2(Math.max(extent.width, extent.height, extent.depth))) + 1;
  if (mipLevels === 0 || mipLevels > Math.min(limits.maxMipLevels, fullChain)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `mipLevels ${mipLevels} is outside 1..${Math.min(limits.maxMipLevels, fullChain)}`);
  }
  if (arrayLayers === 0 || arrayLayers > limits.maxArrayLayers) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `arrayLayers ${arrayLayers} is outside 1..${limits.maxArrayLayers}`);
  }
  if (info.u32('samples') !== 1) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'multisampled images are not supported');
  const initialLayout = info.u32('initialLayout');
  if (initialLayout !== VkImageLayout.UNDEFINED && initialLayout !== VkImageLayout.PREINITIALIZED) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `initialLayout must be UNDEFINED or PREINITIALIZED, not ${layoutName(initialLayout)}`);
  }
  const image = new Image(device, vk.validation, type, textureFormat(vkFormat)!, extent, mipLevels, arrayLayers, usage, initialLayout);
  writeHandle64(vk.heap, pImage, vk.handles.images.insert(image));
  return VkResult.SUCCESS;
}

export function vkDestroyImage(vk: ShimState, deviceHandle: number, imageHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyImage');
  if (handleArg(imageHandle) === 0) return;
  const image = vk.handles.images.get(imageHandle, 'vkDestroyImage');
  vk.handles.images.remove(handleArg(imageHandle));
  // WebGPU destroys a texture only after the submitted work that uses it has finished.
  if (!image.external) image.texture?.destroy();
  image.texture = undefined;
}

export function vkGetImageMemoryRequirements(vk: ShimState, deviceHandle: number, imageHandle: unknown, pRequirements: number): void {
  vk.handles.devices.get(deviceHandle, 'vkGetImageMemoryRequirements');
  const image = vk.handles.images.get(imageHandle, 'vkGetImageMemoryRequirements');
  writeMemoryRequirements(vk, pRequirements, image.byteSize, IMAGE_ALIGNMENT, IMAGE_MEMORY_TYPE_BITS);
}

export function vkBindImageMemory(vk: ShimState, deviceHandle: number, imageHandle: unknown, memoryHandle: unknown, offsetArg: unknown): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkBindImageMemory');
  const image = vk.handles.images.get(imageHandle, 'vkBindImageMemory');
  const memory = vk.handles.memories.get(memoryHandle, 'vkBindImageMemory');
  const offset = sizeArg(offsetArg);
  if (image.memory) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkBindImageMemory: the image already has memory bound');
  if (memory.device !== device) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkBindImageMemory: memory belongs to another VkDevice');
  if (!((1 << memory.typeIndex) & IMAGE_MEMORY_TYPE_BITS)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkBindImageMemory: memory type ${memory.typeIndex} is not in the image's memoryTypeBits (device-local only)`);
  }
  if (offset % IMAGE_ALIGNMENT !== 0 || offset + image.byteSize > memory.size) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkBindImageMemory: ${image.byteSize} bytes at offset ${offset} do not fit ${memory.size} bytes of memory aligned to ${IMAGE_ALIGNMENT}`);
  }
  const e = image.extent;
  image.texture = device.gpu.createTexture({
    size: { width: e.width, height: e.height, depthOrArrayLayers: image.is3D ? e.depth : image.arrayLayers },
    mipLevelCount: image.mipLevels,
    dimension: image.dimension,
    format: image.format.gpu,
    usage: textureUsage(image.usage),
    label: 'VkImage',
  });
  image.memory = memory;
  return VkResult.SUCCESS;
}

export function vkGetImageSubresourceLayout(vk: ShimState, deviceHandle: number, imageHandle: unknown, pSubresource: number, pLayout: number): void {
  vk.handles.devices.get(deviceHandle, 'vkGetImageSubresourceLayout');
  vk.handles.images.get(imageHandle, 'vkGetImageSubresourceLayout');
  readStruct(vk.heap, pSubresource, S.VkImageSubresource, undefined, 'pSubresource');
  requirePointer(vk.heap, pLayout, S.VkSubresourceLayout.size, 'pLayout');
  vk.heap.u8.fill(0, pLayout, pLayout + S.VkSubresourceLayout.size);
  throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'only images of linear tiling have a host layout, and WebGPU has none: every image is optimal');
}

function aspectOf(image: Image): number {
  return image.format.kind === 'depth' ? VkImageAspectFlagBits.DEPTH_BIT : VkImageAspectFlagBits.COLOR_BIT;
}

/** A VkImageSubresourceRange of `image`, checked and with VK_REMAINING_* resolved. */
export function readRange(image: Image, r: StructReader, what: string): SubresourceRange {
  const aspect = r.u32('aspectMask');
  if (!(aspect & aspectOf(image))) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what}: aspectMask 0x${aspect.toString(16)} lacks the image's aspect`);
  const baseMip = r.u32('baseMipLevel');
  const baseLayer = r.u32('baseArrayLayer');
  const levels = r.u32('levelCount');
  const layers = r.u32('layerCount');
  const mipCount = levels === REMAINING ? image.mipLevels - baseMip : levels;
  const layerCount = layers === REMAINING ? image.arrayLayers - baseLayer : layers;
  if (mipCount <= 0 || baseMip + mipCount > image.mipLevels || layerCount <= 0 || baseLayer + layerCount > image.arrayLayers) {
    throw new VkFailure(
      VkResult.ERROR_VALIDATION_FAILED_EXT,
      `${what}: mips ${baseMip}+${levels === REMAINING ? 'REMAINING' : levels}, layers ${baseLayer}+${layers === REMAINING ? 'REMAINING' : layers} exceed the image's ${image.mipLevels} mips and ${image.arrayLayers} layers`,
    );
  }
  return { baseMip, mipCount, baseLayer, layerCount };
}

/** A VkImageSubresourceLayers as a range of one mip. */
export function readLayers(image: Image, r: StructReader, what: string): SubresourceRange {
  const aspect = r.u32('aspectMask');
  if (!(aspect & aspectOf(image))) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what}: aspectMask 0x${aspect.toString(16)} lacks the image's aspect`);
  const mip = r.u32('mipLevel');
  const baseLayer = r.u32('baseArrayLayer');
  const layers = r.u32('layerCount');
  const layerCount = layers === REMAINING ? image.arrayLayers - baseLayer : layers;
  if (mip >= image.mipLevels || layerCount <= 0 || baseLayer + layerCount > image.arrayLayers) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what}: mip ${mip}, layers ${baseLayer}+${layerCount} exceed the image's ${image.mipLevels} mips and ${image.arrayLayers} layers`);
  }
  return { baseMip: mip, mipCount: 1, baseLayer, layerCount };
}

const VIEW_DIMENSIONS: Record<number, GPUTextureViewDimension> = {
  [VkImageViewType['1D']]: '1d',
  [VkImageViewType['2D']]: '2d',
  [VkImageViewType['3D']]: '3d',
  [VkImageViewType.CUBE]: 'cube',
  [VkImageViewType['2D_ARRAY']]: '2d-array',
  [VkImageViewType.CUBE_ARRAY]: 'cube-array',
};

export function vkCreateImageView(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pView: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkCreateImageView');
  const info = readStruct(vk.heap, pCreateInfo, S.VkImageViewCreateInfo, VkStructureType.IMAGE_VIEW_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pView, 8, 'pView');
  const image = vk.handles.images.get(info.handle('image'), 'vkCreateImageView');
  const texture = image.bound('vkCreateImageView');
  const viewType = info.u32('viewType');
  const dimension = VIEW_DIMENSIONS[viewType];
  if (!dimension) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `view type ${viewType}: WebGPU has no 1D array textures`);
  if (info.u32('format') !== image.format.vk) {
    throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `view format ${info.u32('format')} differs from the image's ${image.format.vk}; WebGPU views keep the texture's format`);
  }
  const components = new StructReader(vk.heap, info.offset('components'), S.VkComponentMapping);
  const identity = [VkComponentSwizzle.R, VkComponentSwizzle.G, VkComponentSwizzle.B, VkComponentSwizzle.A];
  (['r', 'g', 'b', 'a'] as const).forEach((c, i) => {
    const s = components.u32(c);
    if (s !== VkComponentSwizzle.IDENTITY && s !== identity[i]) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `component swizzles are not supported (${c} = ${s})`);
  });
  const range = readRange(image, new StructReader(vk.heap, info.offset('subresourceRange'), S.VkImageSubresourceRange), 'vkCreateImageView');
  const expected = image.is3D ? ['3d'] : image.dimension === '1d' ? ['1d'] : range.layerCount === 1 ? ['2d', '2d-array'] : ['2d-array', 'cube', 'cube-array'];
  if (!expected.includes(dimension) || (dimension === '2d' && range.layerCount !== 1) || (dimension === 'cube' && range.layerCount !== 6) || (dimension === 'cube-array' && range.layerCount % 6 !== 0)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `a ${dimension} view of ${range.layerCount} layers does not fit a ${image.dimension} image`);
  }
  const gpu = texture.createView({
    dimension,
    baseMipLevel: range.baseMip,
    mipLevelCount: range.mipCount,
    baseArrayLayer: range.baseLayer,
    arrayLayerCount: range.layerCount,
    label: 'VkImageView',
  });
  writeHandle64(vk.heap, pView, vk.handles.imageViews.insert(new ImageView(image, gpu, dimension, range)));
  return VkResult.SUCCESS;
}

export function vkDestroyImageView(vk: ShimState, deviceHandle: number, viewHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyImageView');
  if (handleArg(viewHandle) === 0) return;
  vk.handles.imageViews.get(viewHandle, 'vkDestroyImageView');
  vk.handles.imageViews.remove(handleArg(viewHandle));
}
