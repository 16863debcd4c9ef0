// VkFormat <-> GPUTextureFormat, with what WebGPU can do with each format: which VkFormats exist
// at all, which can be storage images or linearly filtered (some only with a device feature),
// how large a texel is, and how a clear colour is packed into one.

import { VkFormat, VkFormatFeatureFlagBits as F } from '../abi/vk-enums.js';

/** How a texel's channels are stored; decides sampling types and clear-colour packing. */
export type ChannelKind = 'unorm' | 'snorm' | 'srgb' | 'uint' | 'sint' | 'float' | 'packed' | 'depth';

export interface TextureFormat {
  vk: number;
  gpu: GPUTextureFormat;
  /** Bytes per texel. */
  bytes: number;
  channels: number;
  kind: ChannelKind;
  /** Usable as a storage texture: always, never, or with this device feature. */
  storage: boolean | GPUFeatureName;
  /** Filterable by a linear sampler: always, never, or with this device feature. */
  filterable: boolean | GPUFeatureName;
  /** copyBufferToTexture/copyTextureToBuffer are allowed (false for packed depth-stencil). */
  copyDst: boolean;
  copySrc: boolean;
}

function color(vk: number, gpu: GPUTextureFormat, bytes: number, channels: number, kind: ChannelKind, storage: boolean | GPUFeatureName, filterable: boolean | GPUFeatureName): TextureFormat {
  return { vk, gpu, bytes, channels, kind, storage, filterable, copyDst: true, copySrc: true };
}

const FLOAT32_FILTERABLE: GPUFeatureName = 'float32-filterable';

const FORMATS: TextureFormat[] = [
  color(VkFormat.R8_UNORM, 'r8unorm', 1, 1, 'unorm', false, true),
  color(VkFormat.R8_SNORM, 'r8snorm', 1, 1, 'snorm', false, true),
  color(VkFormat.R8_UINT, 'r8uint', 1, 1, 'uint', false, false),
  color(VkFormat.R8_SINT, 'r8sint', 1, 1, 'sint', false, false),
  color(VkFormat.R8G8_UNORM, 'rg8unorm', 2, 2, 'unorm', false, true),
  color(VkFormat.R8G8_SNORM, 'rg8snorm', 2, 2, 'snorm', false, true),
  color(VkFormat.R8G8_UINT, 'rg8uint', 2, 2, 'uint', false, false),
  color(VkFormat.R8G8_SINT, 'rg8sint', 2, 2, 'sint', false, false),
  color(VkFormat.R8G8B8A8_UNORM, 'rgba8unorm', 4, 4, 'unorm', true, true),
  color(VkFormat.R8G8B8A8_SRGB, 'rgba8unorm-srgb', 4, 4, 'srgb', false, true),
  color(VkFormat.R8G8B8A8_SNORM, 'rgba8snorm', 4, 4, 'snorm', true, true),
  color(VkFormat.R8G8B8A8_UINT, 'rgba8uint', 4, 4, 'uint', true, false),
  color(VkFormat.R8G8B8A8_SINT, 'rgba8sint', 4, 4, 'sint', true, false),
  color(VkFormat.B8G8R8A8_UNORM, 'bgra8unorm', 4, 4, 'unorm', 'bgra8unorm-storage', true),
  color(VkFormat.B8G8R8A8_SRGB, 'bgra8unorm-srgb', 4, 4, 'srgb', false, true),
  color(VkFormat.A2B10G10R10_UNORM_PACK32, 'rgb10a2unorm', 4, 4, 'packed', false, true),
  color(VkFormat.A2B10G10R10_UINT_PACK32, 'rgb10a2uint', 4, 4, 'packed', false, false),
  color(VkFormat.B10G11R11_UFLOAT_PACK32, 'rg11b10ufloat', 4, 3, 'packed', false, true),
  color(VkFormat.E5B9G9R9_UFLOAT_PACK32, 'rgb9e5ufloat', 4, 3, 'packed', false, true),
  color(VkFormat.R16_UINT, 'r16uint', 2, 1, 'uint', false, false),
  color(VkFormat.R16_SINT, 'r16sint', 2, 1, 'sint', false, false),
  color(VkFormat.R16_SFLOAT, 'r16float', 2, 1, 'float', false, true),
  color(VkFormat.R16G16_UINT, 'rg16uint', 4, 2, 'uint', false, false),
  color(VkFormat.R16G16_SINT, 'rg16sint', 4, 2, 'sint', false, false),
  color(VkFormat.R16G16_SFLOAT, 'rg16float', 4, 2, 'float', false, true),
  color(VkFormat.R16G16B16A16_UINT, 'rgba16uint', 8, 4, 'uint', true, false),
  color(VkFormat.R16G16B16A16_SINT, 'rgba16sint', 8, 4, 'sint', true, false),
  color(VkFormat.R16G16B16A16_SFLOAT, 'rgba16float', 8, 4, 'float', true, true),
  color(VkFormat.R32_UINT, 'r32uint', 4, 1, 'uint', true, false),
  color(VkFormat.R32_SINT, 'r32sint', 4, 1, 'sint', true, false),
  color(VkFormat.R32_SFLOAT, 'r32float', 4, 1, 'float', true, FLOAT32_FILTERABLE),
  color(VkFormat.R32G32_UINT, 'rg32uint', 8, 2, 'uint', true, false),
  color(VkFormat.R32G32_SINT, 'rg32sint', 8, 2, 'sint', true, false),
  color(VkFormat.R32G32_SFLOAT, 'rg32float', 8, 2, 'float', true, FLOAT32_FILTERABLE),
  color(VkFormat.R32G32B32A32_UINT, 'rgba32uint', 16, 4, 'uint', true, false),
  color(VkFormat.R32G32B32A32_SINT, 'rgba32sint', 16, 4, 'sint', true, false),
  color(VkFormat.R32G32B32A32_SFLOAT, 'rgba32float', 16, 4, 'float', true, FLOAT32_FILTERABLE),
  // Depth formats are sampled, never stored; WebGPU copies only some of them.
  { vk: VkFormat.D16_UNORM, gpu: 'depth16unorm', bytes: 2, channels: 1, kind: 'depth', storage: false, filterable: false, copyDst: true, copySrc: true },
  { vk: VkFormat.D32_SFLOAT, gpu: 'depth32float', bytes: 4, channels: 1, kind: 'depth', storage: false, filterable: false, copyDst: false, copySrc: true },
  { vk: VkFormat.D24_UNORM_S8_UINT, gpu: 'depth24plus-stencil8', bytes: 4, channels: 1, kind: 'depth', storage: false, filterable: false, copyDst: false, copySrc: false },
];

const BY_VK = new Map(FORMATS.map((f) => [f.vk, f]));
const BY_GPU = new Map(FORMATS.map((f) => [f.gpu, f]));

/** The WebGPU format of a VkFormat, or undefined when WebGPU has none (RGB, 64-bit, compressed...). */
export function textureFormat(vkFormat: number): TextureFormat | undefined {
  return BY_VK.get(vkFormat);
}

export function formatOfGpu(gpu: GPUTextureFormat): TextureFormat | undefined {
  return BY_GPU.get(gpu);
}

function allowed(rule: boolean | GPUFeatureName, features: GPUSupportedFeatures): boolean {
  return typeof rule === 'boolean' ? rule : features.has(rule);
}

export function supportsStorage(f: TextureFormat, features: GPUSupportedFeatures): boolean {
  return allowed(f.storage, features);
}

export function supportsLinearFilter(f: TextureFormat, features: GPUSupportedFeatures): boolean {
  return allowed(f.filterable, features);
}

/** VkFormatFeatureFlags of optimal tiling (WebGPU has no linear tiling and no texel buffers). */
export function optimalTilingFeatures(f: TextureFormat, features: GPUSupportedFeatures): number {
  let flags = F.SAMPLED_IMAGE_BIT;
  if (f.copySrc) flags |= F.TRANSFER_SRC_BIT;
  if (f.copyDst) flags |= F.TRANSFER_DST_BIT;
  if (supportsStorage(f, features)) flags |= F.STORAGE_IMAGE_BIT;
  if (supportsLinearFilter(f, features)) flags |= F.SAMPLED_IMAGE_FILTER_LINEAR_BIT;
  if (f.kind === 'depth') flags |= F.DEPTH_STENCIL_ATTACHMENT_BIT;
  else if (f.kind !== 'snorm' && f.gpu !== 'rgb9e5ufloat') flags |= F.COLOR_ATTACHMENT_BIT;
  return flags;
}

/** A VkClearColorValue (its 16 bytes) as a texel of `f`; undefined for packed and depth formats. */
export function packClearColor(f: TextureFormat, value: DataView): Uint8Array | undefined {
  const out = new DataView(new ArrayBuffer(f.bytes));
  const size = f.bytes / f.channels;
  if (f.kind === 'packed' || f.kind === 'depth') return undefined;
  const bgra = f.gpu.startsWith('bgra');
  for (let c = 0; c < f.channels; c++) {
    const src = bgra && c !== 3 ? 2 - c : c;
    const at = c * size;
    const fl = value.getFloat32(4 * src, true);
    switch (f.kind) {
      case 'unorm':
      case 'srgb': {
        const linear = Math.min(1, Math.max(0, fl));
        const v = f.kind === 'srgb' && c !== 3 ? linearToSrgb(linear) : linear;
        out.setUint8(at, Math.round(v * 255));
        break;
      }
      case 'snorm':
        out.setInt8(at, Math.round(Math.min(1, Math.max(-1, fl)) * 127));
        break;
      case 'uint': {
        const u = value.getUint32(4 * src, true);
        if (size === 1) out.setUint8(at, Math.min(u, 0xff));
        else if (size === 2) out.setUint16(at, Math.min(u, 0xffff), true);
        else out.setUint32(at, u, true);
        break;
      }
      case 'sint': {
        const s = value.getInt32(4 * src, true);
        if (size === 1) out.setInt8(at, Math.min(127, Math.max(-128, s)));
        else if (size === 2) out.setInt16(at, Math.min(32767, Math.max(-32768, s)), true);
        else out.setInt32(at, s, true);
        break;
      }
      case 'float':
        if (size === 2) out.setUint16(at, toHalf(fl), true);
        else out.setFloat32(at, fl, true);
        break;
    }
  }
  return new Uint8Array(out.buffer);
}

function linearToSrgb(x: number): number {
  return x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
}

/** IEEE half-precision bits of `x`, rounded to nearest even. */
export function toHalf(x: number): number {
  const f32 = new Float32Array([x]);
  const bits = new Uint32Array(f32.buffer)[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && (half & 1))) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  // A carry out of the mantissa rounds up into the exponent, as IEEE rounding does.
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1))) half++;
  return sign | half;
}
