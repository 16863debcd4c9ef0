// VkImage, VkImageView, the format queries, and the commands that touch images (copies, clears,
// layout transitions).
//
// WebGPU textures are not placed in buffers, so an image's GPUTexture is created when memory is
// bound; the memory only accounts for the bytes (it never gets a GPUBuffer for the image).
// WebGPU needs no layout transitions, but the layout of every subresource is tracked anyway, in
// submission order as commands are replayed, and a command that finds an image in another layout
// than it says is reported the way a validation layer would.

import type { VulkanShim } from './vulkan.js';
import { lookupDevice, type Device } from './device.js';
import { lookupMemory, writeMemoryRequirements, type DeviceMemory } from './memory.js';
import { lookupBuffer, type Buffer } from './buffer.js';
import { lookupPhysicalDevice } from './physical-device.js';
import { lookupCommandBuffer } from './command-buffer.js';
import type { EncodeContext } from './encode.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure, type ValidationLog } from './validation.js';
import { readStruct, readArray, requirePointer, writeHandle64, handleArg, sizeArg, StructReader } from './structs.js';
import { BufferUsage, TextureUsage } from './webgpu-flags.js';
import { textureFormat, optimalTilingFeatures, packClearColor, type TextureFormat } from './format.js';
import * as S from './abi/vk-structs.js';
import {
  VkStructureType,
  VkImageType,
  VkImageTiling,
  VkImageViewType,
  VkImageLayout,
  VkImageUsageFlagBits as U,
  VkImageCreateFlagBits,
  VkImageAspectFlagBits,
  VkFormatFeatureFlagBits as F,
  VkComponentSwizzle,
} from './abi/vk-enums.js';

/** Image memory is device-local only: WebGPU gives the host no view of a texture's texels. */
const IMAGE_MEMORY_TYPE_BITS = 0b001;
const IMAGE_ALIGNMENT = 256;
const REMAINING = 0xffffffff;
const VALID_LAYOUTS = new Set<number>(Object.values(VkImageLayout));

export interface Extent {
  width: number;
  height: number;
  depth: number;
}

/** Mips and layers of one image, with VK_REMAINING_* resolved. */
export interface SubresourceRange {
  baseMip: number;
  mipCount: number;
  baseLayer: number;
  layerCount: number;
}

export class Image {
  memory: DeviceMemory | undefined;
  texture: GPUTexture | undefined;
  /** A GPUTexture wrapped by interop.ts: its owner destroys it, never the shim. */
  external = false;
  /** The layout of each subresource, at index layer * mipLevels + mip, as of the last replayed command. */
  readonly layouts: number[];

  constructor(
    readonly device: Device,
    readonly validation: ValidationLog,
    readonly type: number,
    readonly format: TextureFormat,
    readonly extent: Extent,
    readonly mipLevels: number,
    readonly arrayLayers: number,
    readonly usage: number,
    initialLayout: number,
  ) {
    this.layouts = new Array<number>(mipLevels * arrayLayers).fill(initialLayout);
  }

  get is3D(): boolean {
    return this.type === VkImageType['3D'];
  }

  get dimension(): GPUTextureDimension {
    return this.type === VkImageType['1D'] ? '1d' : this.is3D ? '3d' : '2d';
  }

  mipExtent(mip: number): Extent {
    return {
      width: Math.max(1, this.extent.width >> mip),
      height: Math.max(1, this.extent.height >> mip),
      depth: Math.max(1, this.extent.depth >> mip),
    };
  }

  /** Bytes the image accounts for in its memory: every mip of every layer, tightly packed. */
  get byteSize(): number {
    let total = 0;
    for (let mip = 0; mip < this.mipLevels; mip++) {
      const e = this.mipExtent(mip);
      total += e.width * e.height * e.depth * this.format.bytes * this.arrayLayers;
    }
    return Math.ceil(total / IMAGE_ALIGNMENT) * IMAGE_ALIGNMENT;
  }

  bound(entryPoint: string): GPUTexture {
    if (!this.texture) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: the image has no memory bound`);
    return this.texture;
  }

  requireUsage(bit: number, entryPoint: string, name: string): void {
    if (!(this.usage & bit)) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: the image was created without ${name}`);
  }

  /** Reports subresources of `range` whose tracked layout is not `expected` (UNDEFINED accepts any). */
  checkLayout(range: SubresourceRange, expected: number, what: string): void {
    if (expected === VkImageLayout.UNDEFINED) return;
    const wrong = new Set<number>();
    this.forEachSubresource(range, (i) => {
      if (this.layouts[i] !== expected) wrong.add(this.layouts[i]);
    });
    if (wrong.size > 0) {
      this.validation.report(what, `the image is in layout ${[...wrong].map(layoutName).join(', ')}, not ${layoutName(expected)} as the command says`);
    }
  }

  setLayout(range: SubresourceRange, layout: number): void {
    this.forEachSubresource(range, (i) => (this.layouts[i] = layout));
  }

  private forEachSubresource(range: SubresourceRange, fn: (index: number) => void): void {
    for (let layer = range.baseLayer; layer < range.baseLayer + range.layerCount; layer++) {
      for (let mip = range.baseMip; mip < range.baseMip + range.mipCount; mip++) fn(layer * this.mipLevels + mip);
    }
  }
}

export class ImageView {
  constructor(
    readonly image: Image,
    readonly gpu: GPUTextureView,
    readonly dimension: GPUTextureViewDimension,
    readonly range: SubresourceRange,
  ) {}
}

function layoutName(layout: number): string {
  return Object.entries(VkImageLayout).find(([, v]) => v === layout)?.[0] ?? String(layout);
}

export function lookupImage(vk: VulkanShim, handle: unknown, entryPoint: string): Image {
  const i = vk.images.lookup(handleArg(handle));
  if (!i) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkImage ${String(handle)}`);
  return i;
}

export function lookupImageView(vk: VulkanShim, handle: unknown, entryPoint: string): ImageView {
  const v = vk.imageViews.lookup(handleArg(handle));
  if (!v) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkImageView ${String(handle)}`);
  return v;
}

function textureUsage(usage: number): number {
  let out = 0;
  if (usage & U.TRANSFER_SRC_BIT) out |= TextureUsage.COPY_SRC;
  if (usage & U.TRANSFER_DST_BIT) out |= TextureUsage.COPY_DST;
  if (usage & U.SAMPLED_BIT) out |= TextureUsage.TEXTURE_BINDING;
  if (usage & U.STORAGE_BIT) out |= TextureUsage.STORAGE_BINDING;
  if (usage & (U.COLOR_ATTACHMENT_BIT | U.DEPTH_STENCIL_ATTACHMENT_BIT)) out |= TextureUsage.RENDER_ATTACHMENT;
  return out;
}

/** The format features each usage needs. */
const USAGE_FEATURES: [number, number, string][] = [
  [U.TRANSFER_SRC_BIT, F.TRANSFER_SRC_BIT, 'TRANSFER_SRC'],
  [U.TRANSFER_DST_BIT, F.TRANSFER_DST_BIT, 'TRANSFER_DST'],
  [U.SAMPLED_BIT, F.SAMPLED_IMAGE_BIT, 'SAMPLED'],
  [U.STORAGE_BIT, F.STORAGE_IMAGE_BIT, 'STORAGE'],
  [U.COLOR_ATTACHMENT_BIT, F.COLOR_ATTACHMENT_BIT, 'COLOR_ATTACHMENT'],
  [U.DEPTH_STENCIL_ATTACHMENT_BIT, F.DEPTH_STENCIL_ATTACHMENT_BIT, 'DEPTH_STENCIL_ATTACHMENT'],
];

interface ImageLimits {
  maxExtent: Extent;
  maxMipLevels: number;
  maxArrayLayers: number;
}

/**
 * What WebGPU allows for an image of this kind, or a reason it cannot exist at all: the answer
 * of vkGetPhysicalDeviceImageFormatProperties and the check of vkCreateImage.
 */
function imageLimits(limits: GPUSupportedLimits, features: GPUSupportedFeatures, vkFormat: number, type: number, tiling: number, usage: number, flags: number): ImageLimits | string {
  const format = textureFormat(vkFormat);
  if (!format) return `VkFormat ${vkFormat} has no WebGPU texture format`;
  if (tiling !== VkImageTiling.OPTIMAL) return 'WebGPU has only optimal tiling';
  const supported = optimalTilingFeatures(format, features);
  for (const [bit, feature, name] of USAGE_FEATURES) {
    if (usage & bit && !(supported & feature)) return `${format.gpu} cannot have usage ${name} in WebGPU`;
  }
  if (usage & ~(U.TRANSFER_SRC_BIT | U.TRANSFER_DST_BIT | U.SAMPLED_BIT | U.STORAGE_BIT | U.COLOR_ATTACHMENT_BIT | U.DEPTH_STENCIL_ATTACHMENT_BIT)) {
    return `usage 0x${usage.toString(16)} has bits WebGPU textures lack`;
  }
  if (flags & ~(VkImageCreateFlagBits.CUBE_COMPATIBLE_BIT | VkImageCreateFlagBits['2D_ARRAY_COMPATIBLE_BIT'])) return `create flags 0x${flags.toString(16)} are not supported`;
  const mips = (size: number): number => Math.floor(Math.log2(size)) + 1;
  switch (type) {
    case VkImageType['1D']:
      if (format.kind === 'depth') return 'WebGPU has no 1D depth textures';
      return { maxExtent: { width: limits.maxTextureDimension1D, height: 1, depth: 1 }, maxMipLevels: 1, maxArrayLayers: 1 };
    case VkImageType['2D']: {
      const d = limits.maxTextureDimension2D;
      return { maxExtent: { width: d, height: d, depth: 1 }, maxMipLevels: mips(d), maxArrayLayers: limits.maxTextureArrayLayers };
    }
    case VkImageType['3D']: {
      if (format.kind === 'depth') return 'WebGPU has no 3D depth textures';
      const d = limits.maxTextureDimension3D;
      return { maxExtent: { width: d, height: d, depth: d }, maxMipLevels: mips(d), maxArrayLayers: 1 };
    }
    default:
      return `image type ${type} does not exist`;
  }
}

export function vkGetPhysicalDeviceFormatProperties(vk: VulkanShim, physicalDevice: number, format: number, pProperties: number): void {
  const p = lookupPhysicalDevice(vk, physicalDevice, 'vkGetPhysicalDeviceFormatProperties');
  const L = S.VkFormatProperties;
  requirePointer(vk.heap, pProperties, L.size, 'pFormatProperties');
  const f = textureFormat(format);
  vk.heap.setU32(pProperties + L.offsets.linearTilingFeatures, 0);
  vk.heap.setU32(pProperties + L.offsets.optimalTilingFeatures, f ? optimalTilingFeatures(f, p.features) : 0);
  vk.heap.setU32(pProperties + L.offsets.bufferFeatures, 0);
}

export function vkGetPhysicalDeviceImageFormatProperties(vk: VulkanShim, physicalDevice: number, format: number, type: number, tiling: number, usage: number, flags: number, pProperties: number): VkResult {
  const p = lookupPhysicalDevice(vk, physicalDevice, 'vkGetPhysicalDeviceImageFormatProperties');
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

function readExtent(r: StructReader, field: string): Extent {
  const at = r.offset(field);
  const E = S.VkExtent3D.offsets;
  return { width: r.heap.u32(at + E.width), height: r.heap.u32(at + E.height), depth: r.heap.u32(at + E.depth) };
}

function readOffset(r: StructReader, field: string): { x: number; y: number; z: number } {
  const at = r.offset(field);
  const O = S.VkOffset3D.offsets;
  return { x: r.heap.i32(at + O.x), y: r.heap.i32(at + O.y), z: r.heap.i32(at + O.z) };
}

export function vkCreateImage(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pImage: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateImage');
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
  writeHandle64(vk.heap, pImage, vk.images.insert(image));
  return VkResult.SUCCESS;
}

export function vkDestroyImage(vk: VulkanShim, deviceHandle: number, imageHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyImage');
  if (handleArg(imageHandle) === 0) return;
  const image = lookupImage(vk, imageHandle, 'vkDestroyImage');
  vk.images.remove(handleArg(imageHandle));
  // WebGPU destroys a texture only after the submitted work that uses it has finished.
  if (!image.external) image.texture?.destroy();
  image.texture = undefined;
}

export function vkGetImageMemoryRequirements(vk: VulkanShim, deviceHandle: number, imageHandle: unknown, pRequirements: number): void {
  lookupDevice(vk, deviceHandle, 'vkGetImageMemoryRequirements');
  const image = lookupImage(vk, imageHandle, 'vkGetImageMemoryRequirements');
  writeMemoryRequirements(vk, pRequirements, image.byteSize, IMAGE_ALIGNMENT, IMAGE_MEMORY_TYPE_BITS);
}

export function vkBindImageMemory(vk: VulkanShim, deviceHandle: number, imageHandle: unknown, memoryHandle: unknown, offsetArg: unknown): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkBindImageMemory');
  const image = lookupImage(vk, imageHandle, 'vkBindImageMemory');
  const memory = lookupMemory(vk, memoryHandle, 'vkBindImageMemory');
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

export function vkGetImageSubresourceLayout(vk: VulkanShim, deviceHandle: number, imageHandle: unknown, pSubresource: number, pLayout: number): void {
  lookupDevice(vk, deviceHandle, 'vkGetImageSubresourceLayout');
  lookupImage(vk, imageHandle, 'vkGetImageSubresourceLayout');
  readStruct(vk.heap, pSubresource, S.VkImageSubresource, undefined, 'pSubresource');
  requirePointer(vk.heap, pLayout, S.VkSubresourceLayout.size, 'pLayout');
  vk.heap.u8.fill(0, pLayout, pLayout + S.VkSubresourceLayout.size);
  throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'only images of linear tiling have a host layout, and WebGPU has none: every image is optimal');
}

function aspectOf(image: Image): number {
  return image.format.kind === 'depth' ? VkImageAspectFlagBits.DEPTH_BIT : VkImageAspectFlagBits.COLOR_BIT;
}

/** A VkImageSubresourceRange of `image`, checked and with VK_REMAINING_* resolved. */
function readRange(image: Image, r: StructReader, what: string): SubresourceRange {
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
function readLayers(image: Image, r: StructReader, what: string): SubresourceRange {
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

export function vkCreateImageView(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pView: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkCreateImageView');
  const info = readStruct(vk.heap, pCreateInfo, S.VkImageViewCreateInfo, VkStructureType.IMAGE_VIEW_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pView, 8, 'pView');
  const image = lookupImage(vk, info.handle('image'), 'vkCreateImageView');
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
  writeHandle64(vk.heap, pView, vk.imageViews.insert(new ImageView(image, gpu, dimension, range)));
  return VkResult.SUCCESS;
}

export function vkDestroyImageView(vk: VulkanShim, deviceHandle: number, viewHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyImageView');
  if (handleArg(viewHandle) === 0) return;
  lookupImageView(vk, viewHandle, 'vkDestroyImageView');
  vk.imageViews.remove(handleArg(viewHandle));
}

// ---- Commands ----

interface Origin {
  x: number;
  y: number;
  z: number;
}

export interface ImageCopyRegion {
  src: SubresourceRange;
  srcOffset: Origin;
  dst: SubresourceRange;
  dstOffset: Origin;
  extent: Extent;
}

export interface BufferImageRegion {
  bufferOffset: number;
  /** Bytes between rows and between slices (or layers) in the buffer. */
  rowPitch: number;
  slicePitch: number;
  image: SubresourceRange;
  offset: Origin;
  extent: Extent;
}

export type ImageCommand =
  | { kind: 'imageLayout'; image: Image; range: SubresourceRange; oldLayout: number; newLayout: number }
  | { kind: 'copyImage'; src: Image; srcLayout: number; dst: Image; dstLayout: number; regions: ImageCopyRegion[] }
  | { kind: 'copyBufferToImage'; src: Buffer; dst: Image; dstLayout: number; regions: BufferImageRegion[] }
  | { kind: 'copyImageToBuffer'; src: Image; srcLayout: number; dst: Buffer; regions: BufferImageRegion[] }
  | { kind: 'clearColorImage'; image: Image; layout: number; texel: Uint8Array; ranges: SubresourceRange[] };

/** The image barriers of vkCmdPipelineBarrier (or vkCmdWaitEvents) as layout transitions. */
export function readImageBarriers(vk: VulkanShim, count: number, ptr: number, entryPoint: string): ImageCommand[] {
  return readArray(vk.heap, ptr, count, S.VkImageMemoryBarrier, 'pImageMemoryBarriers').map((b) => {
    if (b.u32('sType') !== VkStructureType.IMAGE_MEMORY_BARRIER) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: VkImageMemoryBarrier has the wrong sType`);
    const image = lookupImage(vk, b.handle('image'), entryPoint);
    const oldLayout = b.u32('oldLayout');
    const newLayout = b.u32('newLayout');
    if (!VALID_LAYOUTS.has(oldLayout)) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: oldLayout ${oldLayout} is not a VkImageLayout`);
    if (!VALID_LAYOUTS.has(newLayout) || newLayout === VkImageLayout.UNDEFINED || newLayout === VkImageLayout.PREINITIALIZED) {
      throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: newLayout ${newLayout} is not a layout an image can be transitioned to`);
    }
    const range = readRange(image, new StructReader(vk.heap, b.offset('subresourceRange'), S.VkImageSubresourceRange), entryPoint);
    return { kind: 'imageLayout', image, range, oldLayout, newLayout };
  });
}

const TRANSFER_SRC_LAYOUTS: number[] = [VkImageLayout.TRANSFER_SRC_OPTIMAL, VkImageLayout.GENERAL];
const TRANSFER_DST_LAYOUTS: number[] = [VkImageLayout.TRANSFER_DST_OPTIMAL, VkImageLayout.GENERAL];

function checkCommandLayout(layout: number, allowed: number[], what: string): void {
  if (!allowed.includes(layout)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what} is ${layoutName(layout)}; it must be ${allowed.map(layoutName).join(' or ')}`);
  }
}

/** Checks that `offset + extent` lies inside mip `range.baseMip` of `image`. */
function checkBox(image: Image, range: SubresourceRange, offset: Origin, extent: Extent, what: string): void {
  const m = image.mipExtent(range.baseMip);
  const inside = (o: number, e: number, max: number): boolean => o >= 0 && e > 0 && o + e <= max;
  if (!inside(offset.x, extent.width, m.width) || !inside(offset.y, extent.height, m.height) || !inside(offset.z, extent.depth, m.depth)) {
    throw new VkFailure(
      VkResult.ERROR_VALIDATION_FAILED_EXT,
      `${what}: box (${offset.x}, ${offset.y}, ${offset.z}) + ${extent.width}x${extent.height}x${extent.depth} is outside mip ${range.baseMip} (${m.width}x${m.height}x${m.depth})`,
    );
  }
}

export function vkCmdCopyImage(vk: VulkanShim, commandBuffer: number, srcHandle: unknown, srcLayout: number, dstHandle: unknown, dstLayout: number, regionCount: number, pRegions: number): void {
  const cb = lookupCommandBuffer(vk, commandBuffer, 'vkCmdCopyImage');
  const src = lookupImage(vk, srcHandle, 'vkCmdCopyImage');
  const dst = lookupImage(vk, dstHandle, 'vkCmdCopyImage');
  src.requireUsage(U.TRANSFER_SRC_BIT, 'vkCmdCopyImage', 'TRANSFER_SRC usage');
  dst.requireUsage(U.TRANSFER_DST_BIT, 'vkCmdCopyImage', 'TRANSFER_DST usage');
  checkCommandLayout(srcLayout, TRANSFER_SRC_LAYOUTS, 'vkCmdCopyImage: srcImageLayout');
  checkCommandLayout(dstLayout, TRANSFER_DST_LAYOUTS, 'vkCmdCopyImage: dstImageLayout');
  if (src.format.gpu.replace('-srgb', '') !== dst.format.gpu.replace('-srgb', '')) {
    throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `vkCmdCopyImage: WebGPU copies only between equal formats (${src.format.gpu} -> ${dst.format.gpu})`);
  }
  const regions = readArray(vk.heap, pRegions, regionCount, S.VkImageCopy, 'pRegions').map((r) => {
    const region: ImageCopyRegion = {
      src: readLayers(src, new StructReader(vk.heap, r.offset('srcSubresource'), S.VkImageSubresourceLayers), 'vkCmdCopyImage src'),
      srcOffset: readOffset(r, 'srcOffset'),
      dst: readLayers(dst, new StructReader(vk.heap, r.offset('dstSubresource'), S.VkImageSubresourceLayers), 'vkCmdCopyImage dst'),
      dstOffset: readOffset(r, 'dstOffset'),
      extent: readExtent(r, 'extent'),
    };
    if (region.src.layerCount !== region.dst.layerCount) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCmdCopyImage: src and dst layer counts differ');
    checkBox(src, region.src, region.srcOffset, region.extent, 'vkCmdCopyImage src');
    checkBox(dst, region.dst, region.dstOffset, region.extent, 'vkCmdCopyImage dst');
    return region;
  });
  cb.record('vkCmdCopyImage', { kind: 'copyImage', src, srcLayout, dst, dstLayout, regions });
}

function readBufferImageRegions(vk: VulkanShim, buffer: Buffer, image: Image, count: number, ptr: number, what: string): BufferImageRegion[] {
  return readArray(vk.heap, ptr, count, S.VkBufferImageCopy, 'pRegions').map((r) => {
    const range = readLayers(image, new StructReader(vk.heap, r.offset('imageSubresource'), S.VkImageSubresourceLayers), what);
    const offset = readOffset(r, 'imageOffset');
    const extent = readExtent(r, 'imageExtent');
    checkBox(image, range, offset, extent, what);
    const texel = image.format.bytes;
    const rowLength = r.u32('bufferRowLength') || extent.width;
    const imageHeight = r.u32('bufferImageHeight') || extent.height;
    if (rowLength < extent.width || imageHeight < extent.height) {
      throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what}: bufferRowLength/bufferImageHeight ${rowLength}/${imageHeight} are smaller than the extent`);
    }
    const bufferOffset = r.u64('bufferOffset');
    if (bufferOffset % texel !== 0) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what}: bufferOffset ${bufferOffset} is not a multiple of the ${texel}-byte texel`);
    const rowPitch = rowLength * texel;
    const slicePitch = imageHeight * rowPitch;
    const slices = image.is3D ? extent.depth : range.layerCount;
    const end = bufferOffset + (slices - 1) * slicePitch + (extent.height - 1) * rowPitch + extent.width * texel;
    if (end > buffer.size) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what}: the region reaches byte ${end} of a ${buffer.size}-byte buffer`);
    return { bufferOffset, rowPitch, slicePitch, image: range, offset, extent };
  });
}

export function vkCmdCopyBufferToImage(vk: VulkanShim, commandBuffer: number, srcHandle: unknown, dstHandle: unknown, dstLayout: number, regionCount: number, pRegions: number): void {
  const cb = lookupCommandBuffer(vk, commandBuffer, 'vkCmdCopyBufferToImage');
  const src = lookupBuffer(vk, srcHandle, 'vkCmdCopyBufferToImage');
  const dst = lookupImage(vk, dstHandle, 'vkCmdCopyBufferToImage');
  dst.requireUsage(U.TRANSFER_DST_BIT, 'vkCmdCopyBufferToImage', 'TRANSFER_DST usage');
  if (!dst.format.copyDst) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `vkCmdCopyBufferToImage: WebGPU cannot copy into ${dst.format.gpu}`);
  checkCommandLayout(dstLayout, TRANSFER_DST_LAYOUTS, 'vkCmdCopyBufferToImage: dstImageLayout');
  const regions = readBufferImageRegions(vk, src, dst, regionCount, pRegions, 'vkCmdCopyBufferToImage');
  cb.record('vkCmdCopyBufferToImage', { kind: 'copyBufferToImage', src, dst, dstLayout, regions });
}

export function vkCmdCopyImageToBuffer(vk: VulkanShim, commandBuffer: number, srcHandle: unknown, srcLayout: number, dstHandle: unknown, regionCount: number, pRegions: number): void {
  const cb = lookupCommandBuffer(vk, commandBuffer, 'vkCmdCopyImageToBuffer');
  const src = lookupImage(vk, srcHandle, 'vkCmdCopyImageToBuffer');
  const dst = lookupBuffer(vk, dstHandle, 'vkCmdCopyImageToBuffer');
  src.requireUsage(U.TRANSFER_SRC_BIT, 'vkCmdCopyImageToBuffer', 'TRANSFER_SRC usage');
  if (!src.format.copySrc) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `vkCmdCopyImageToBuffer: WebGPU cannot copy out of ${src.format.gpu}`);
  checkCommandLayout(srcLayout, TRANSFER_SRC_LAYOUTS, 'vkCmdCopyImageToBuffer: srcImageLayout');
  const regions = readBufferImageRegions(vk, dst, src, regionCount, pRegions, 'vkCmdCopyImageToBuffer');
  cb.record('vkCmdCopyImageToBuffer', { kind: 'copyImageToBuffer', src, srcLayout, dst, regions });
}

export function vkCmdClearColorImage(vk: VulkanShim, commandBuffer: number, imageHandle: unknown, layout: number, pColor: number, rangeCount: number, pRanges: number): void {
  const cb = lookupCommandBuffer(vk, commandBuffer, 'vkCmdClearColorImage');
  const image = lookupImage(vk, imageHandle, 'vkCmdClearColorImage');
  image.requireUsage(U.TRANSFER_DST_BIT, 'vkCmdClearColorImage', 'TRANSFER_DST usage');
  checkCommandLayout(layout, TRANSFER_DST_LAYOUTS, 'vkCmdClearColorImage: imageLayout');
  requirePointer(vk.heap, pColor, S.VkClearColorValue.size, 'pColor');
  const texel = packClearColor(image.format, new DataView(vk.heap.u8.buffer, pColor, S.VkClearColorValue.size));
  if (!texel || !image.format.copyDst) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `vkCmdClearColorImage: clearing ${image.format.gpu} is not supported`);
  const ranges = readArray(vk.heap, pRanges, rangeCount, S.VkImageSubresourceRange, 'pRanges').map((r) => readRange(image, r, 'vkCmdClearColorImage'));
  cb.record('vkCmdClearColorImage', { kind: 'clearColorImage', image, layout, texel, ranges });
}

// ---- Replay ----

function texelCopy(image: Image, range: SubresourceRange, offset: Origin, layer = range.baseLayer): GPUTexelCopyTextureInfo {
  return { texture: image.bound('vkQueueSubmit'), mipLevel: range.baseMip, origin: { x: offset.x, y: offset.y, z: image.is3D ? offset.z : layer } };
}

/** Buffer <-> texture copies. WebGPU wants rows 256-byte aligned; tighter rows go one at a time. */
function bufferTextureCopies(image: Image, region: BufferImageRegion, copy: (buffer: GPUTexelCopyBufferLayout, texture: GPUTexelCopyTextureInfo, size: GPUExtent3DStrict) => void): void {
  const { extent, offset } = region;
  const slices = image.is3D ? extent.depth : region.image.layerCount;
  if (region.rowPitch % 256 === 0) {
    const rowsPerImage = region.slicePitch / region.rowPitch;
    copy({ offset: region.bufferOffset, bytesPerRow: region.rowPitch, rowsPerImage }, texelCopy(image, region.image, offset), { width: extent.width, height: extent.height, depthOrArrayLayers: slices });
    return;
  }
  for (let s = 0; s < slices; s++) {
    for (let y = 0; y < extent.height; y++) {
      const at = { x: offset.x, y: offset.y + y, z: offset.z + (image.is3D ? s : 0) };
      copy({ offset: region.bufferOffset + s * region.slicePitch + y * region.rowPitch }, texelCopy(image, region.image, at, region.image.baseLayer + (image.is3D ? 0 : s)), { width: extent.width, height: 1, depthOrArrayLayers: 1 });
    }
  }
}

/** Replays one image command into the submission's encoder. */
export function encodeImageCommand(ctx: EncodeContext, c: ImageCommand): void {
  ctx.endPass();
  const encoder = ctx.encoder;
  switch (c.kind) {
    case 'imageLayout':
      c.image.checkLayout(c.range, c.oldLayout, 'vkCmdPipelineBarrier');
      c.image.setLayout(c.range, c.newLayout);
      return;
    case 'copyImage':
      for (const r of c.regions) {
        c.src.checkLayout(r.src, c.srcLayout, 'vkCmdCopyImage');
        c.dst.checkLayout(r.dst, c.dstLayout, 'vkCmdCopyImage');
        const size = { width: r.extent.width, height: r.extent.height, depthOrArrayLayers: c.src.is3D ? r.extent.depth : r.src.layerCount };
        encoder.copyTextureToTexture(texelCopy(c.src, r.src, r.srcOffset), texelCopy(c.dst, r.dst, r.dstOffset), size);
      }
      return;
    case 'copyBufferToImage': {
      const src = c.src.bound('vkCmdCopyBufferToImage');
      for (const r of c.regions) {
        c.dst.checkLayout(r.image, c.dstLayout, 'vkCmdCopyBufferToImage');
        bufferTextureCopies(c.dst, r, (layout, texture, size) => encoder.copyBufferToTexture({ ...layout, offset: src.offset + (layout.offset ?? 0), buffer: src.gpu }, texture, size));
      }
      return;
    }
    case 'copyImageToBuffer': {
      const dst = c.dst.bound('vkCmdCopyImageToBuffer');
      for (const r of c.regions) {
        c.src.checkLayout(r.image, c.srcLayout, 'vkCmdCopyImageToBuffer');
        bufferTextureCopies(c.src, r, (layout, texture, size) => encoder.copyTextureToBuffer(texture, { ...layout, offset: dst.offset + (layout.offset ?? 0), buffer: dst.gpu }, size));
      }
      ctx.written.add(dst.memory);
      return;
    }
    case 'clearColorImage':
      return clearColorImage(ctx, c.image, c.layout, c.texel, c.ranges);
  }
}

/** WebGPU clears textures only in render passes; a copy from a buffer of repeated texels works for every format. */
function clearColorImage(ctx: EncodeContext, image: Image, layout: number, texel: Uint8Array, ranges: SubresourceRange[]): void {
  const base = image.mipExtent(0);
  const bytesPerRow = Math.ceil((base.width * texel.length) / 256) * 256;
  const slices = image.is3D ? base.depth : Math.max(...ranges.map((r) => r.layerCount));
  const size = bytesPerRow * base.height * slices;
  const staging = ctx.device.gpu.createBuffer({ size, usage: BufferUsage.COPY_SRC, mappedAtCreation: true, label: 'vkCmdClearColorImage texels' });
  const bytes = new Uint8Array(staging.getMappedRange());
  for (let at = 0; at < size; at += texel.length) bytes.set(texel, at);
  staging.unmap();
  ctx.temporaries.push(staging);
  for (const range of ranges) {
    image.checkLayout(range, layout, 'vkCmdClearColorImage');
    for (let mip = range.baseMip; mip < range.baseMip + range.mipCount; mip++) {
      const e = image.mipExtent(mip);
      const one = { baseMip: mip, mipCount: 1, baseLayer: range.baseLayer, layerCount: range.layerCount };
      ctx.encoder.copyBufferToTexture(
        { buffer: staging, bytesPerRow, rowsPerImage: e.height },
        texelCopy(image, one, { x: 0, y: 0, z: 0 }),
        { width: e.width, height: e.height, depthOrArrayLayers: image.is3D ? e.depth : range.layerCount },
      );
    }
  }
}
