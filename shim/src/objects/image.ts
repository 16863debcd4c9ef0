// VkImage and VkImageView, and what WebGPU allows an image to be.
//
// WebGPU textures are not placed in buffers, so an image's GPUTexture is created when memory is
// bound; the memory only accounts for the bytes (it never gets a GPUBuffer for the image).
// WebGPU needs no layout transitions, but the layout of every subresource is tracked anyway, in
// submission order as commands are replayed (commands/image.ts), and a command that finds an
// image in another layout than it says is reported the way a validation layer would.

import { VkResult, VkImageType, VkImageTiling, VkImageLayout, VkImageUsageFlagBits as U, VkImageCreateFlagBits, VkFormatFeatureFlagBits as F } from '../abi/vk-enums.js';
import { VkFailure, type ValidationLog } from '../validation.js';
import { TextureUsage } from '../webgpu/flags.js';
import { textureFormat, optimalTilingFeatures, type TextureFormat } from '../webgpu/format.js';
import type { Device } from './device.js';
import type { DeviceMemory } from './memory.js';

/** Image memory is device-local only: WebGPU gives the host no view of a texture's texels. */
export const IMAGE_MEMORY_TYPE_BITS = 0b001;
export const IMAGE_ALIGNMENT = 256;

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

export function layoutName(layout: number): string {
  return Object.entries(VkImageLayout).find(([, v]) => v === layout)?.[0] ?? String(layout);
}

export function textureUsage(usage: number): number {
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
export function imageLimits(limits: GPUSupportedLimits, features: GPUSupportedFeatures, vkFormat: number, type: number, tiling: number, usage: number, flags: number): ImageLimits | string {
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
