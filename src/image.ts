import { interopCall, type RuntimeContext } from './context.js';
import { TaichiError } from './errors.js';
import { TiImageAllocateInfo, TiImageExtent, TiImageOffset, TiImageSlice, TiMemorySlice, TiSamplerCreateInfo, TiTexture, TiVulkanImageInteropInfo } from './abi/taichi-structs.js';
import { TiAddressMode, TiFilter, TiFormat, TiImageDimension } from './abi/taichi-enums.js';
import { Memory } from './memory.js';
import { gpuTextureOf } from '../shim/src/entry/interop.js';

/** An image format: a TiFormat name in lower case ('r32f', 'rgba8', 'rgba8srgb', 'r32u', ...). */
export type ImageFormat = Lowercase<Exclude<keyof typeof TiFormat, 'UNKNOWN'>>;

export type ImageDimension = '1d' | '2d' | '3d' | '2d-array' | 'cube';

/** Usage of an image (TiImageUsageFlagBits). */
export const ImageUsage = { STORAGE: 1, SAMPLED: 2, ATTACHMENT: 4 } as const;

export interface ImageAllocateOptions {
  dimension: ImageDimension;
  width: number;
  height?: number;
  depth?: number;
  format: ImageFormat;
  mipLevels?: number;
  /** Layers of a 2D array (a 2D image with several layers is one too); a cube has 6. */
  arrayLayers?: number;
  /** ImageUsage bits; by default sampled, and storage where the format allows it. */
  usage?: number;
}

/** Which part of an image a read or write covers: one mip level of a run of layers, whole. */
export interface ImageRegion {
  mip?: number;
  layer?: number;
  layers?: number;
}

const DIMENSIONS: Record<ImageDimension, number> = {
  '1d': TiImageDimension['1D'],
  '2d': TiImageDimension['2D'],
  '3d': TiImageDimension['3D'],
  '2d-array': TiImageDimension['2D_ARRAY'],
  cube: TiImageDimension.CUBE,
};

/** Bytes per texel of a format, from its name: channels times channel size. */
export function texelBytes(format: ImageFormat): number {
  if (format === 'depth16') return 2;
  if (format === 'depth24stencil8' || format === 'depth32f') return 4;
  const channels = /^(rgba|bgra)/.test(format) ? 4 : format.startsWith('rgb') ? 3 : format.startsWith('rg') ? 2 : 1;
  const bits = Number(/\d+/.exec(format)![0]);
  return (channels * bits) / 8;
}

function formatValue(format: string): number {
  const value = (TiFormat as Record<string, number>)[format.toUpperCase()];
  if (value === undefined || value === TiFormat.UNKNOWN) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `allocateImage: unknown format '${format}'`);
  return value;
}

type TypedArrayConstructor<T> = { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number };

/** A TiImage as Vulkan sees it (TiVulkanImageInteropInfo). */
export interface VulkanImageInfo {
  image: bigint;
  imageType: number;
  format: number;
  extent: { width: number; height: number; depth: number };
  mipLevels: number;
  arrayLayers: number;
  sampleCount: number;
  tiling: number;
  usage: number;
}

/**
 * An image allocated by the runtime (a TiImage). Texels are written and read through staging
 * memory and copies recorded on the runtime, in the format's own texel layout (rows tightly
 * packed, then slices or layers).
 *
 * ```ts
 * const image = runtime.allocateImage({ dimension: '2d', width: 64, height: 64, format: 'r32f' });
 * image.write(new Float32Array(64 * 64).fill(0.5));
 * console.log(await image.read(Float32Array));
 * ```
 */
export class Image {
  private freed = false;
  /** @internal Runs after the TiImage is freed (releases what an import made). */
  onFree: (() => void) | undefined;

  /** @internal */
  constructor(
    readonly runtime: RuntimeContext,
    /** The TiImage handle. */
    readonly handle: number,
    readonly dimension: ImageDimension,
    readonly format: ImageFormat,
    readonly width: number,
    readonly height: number,
    readonly depth: number,
    readonly mipLevels: number,
    readonly arrayLayers: number,
  ) {}

  /** @internal An Image object for a live TiImage, as the runtime describes it. */
  static describe(runtime: RuntimeContext, handle: number): Image {
    const L = TiImageAllocateInfo;
    const wasm = runtime.wasm;
    return wasm.withHeap(L.size, (p) => {
      wasm.call('ti_describe_image_ext', runtime.handle, handle, p);
      const v = wasm.view();
      const u = (offset: number) => v.getUint32(p + offset, true);
      const e = L.offsets.extent;
      const dimension = (Object.keys(DIMENSIONS) as ImageDimension[]).find((d) => DIMENSIONS[d] === u(L.offsets.dimension))!;
      const format = Object.keys(TiFormat).find((k) => (TiFormat as Record<string, number>)[k] === u(L.offsets.format))!.toLowerCase() as ImageFormat;
      return new Image(runtime, handle, dimension, format, u(e), u(e + 4), u(e + 8), u(L.offsets.mip_level_count), u(e + 12));
    });
  }

  /** @internal */
  static allocate(runtime: RuntimeContext, options: ImageAllocateOptions): Image {
    const dimension = DIMENSIONS[options.dimension];
    if (dimension === undefined) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `allocateImage: unknown dimension '${String(options.dimension)}'`);
    const format = formatValue(options.format);
    const height = options.height ?? 1;
    const depth = options.depth ?? 1;
    const mipLevels = options.mipLevels ?? 1;
    const arrayLayers = options.arrayLayers ?? (options.dimension === 'cube' ? 6 : 1);
    for (const [name, v] of Object.entries({ width: options.width, height, depth, mipLevels, arrayLayers })) {
      if (!Number.isInteger(v) || v < 1 || v > 0xffffffff) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `allocateImage: ${name} must be a positive integer, got ${v}`);
    }
    const L = TiImageAllocateInfo;
    const E = L.offsets.extent;
    const wasm = runtime.wasm;
    const handle = wasm.withHeap(L.size, (ptr) => {
      const v = wasm.view();
      v.setUint32(ptr + L.offsets.dimension, dimension, true);
      v.setUint32(ptr + E + TiImageExtent.offsets.width, options.width, true);
      v.setUint32(ptr + E + TiImageExtent.offsets.height, height, true);
      v.setUint32(ptr + E + TiImageExtent.offsets.depth, depth, true);
      v.setUint32(ptr + E + TiImageExtent.offsets.array_layer_count, arrayLayers, true);
      v.setUint32(ptr + L.offsets.mip_level_count, mipLevels, true);
      v.setUint32(ptr + L.offsets.format, format, true);
      v.setUint32(ptr + L.offsets.export_sharing, 0, true);
      v.setUint32(ptr + L.offsets.usage, options.usage ?? 0, true);
      return wasm.call('ti_allocate_image', runtime.handle, ptr);
    });
    return new Image(runtime, handle, options.dimension, options.format, options.width, height, depth, mipLevels, arrayLayers);
  }

  get isFreed(): boolean {
    return this.freed;
  }

  /** The size of mip level `mip`. */
  mipExtent(mip: number): { width: number; height: number; depth: number } {
    return { width: Math.max(1, this.width >> mip), height: Math.max(1, this.height >> mip), depth: Math.max(1, this.depth >> mip) };
  }

  /** Bytes of a region: the whole of one mip level over `layers` layers. */
  regionBytes(region: ImageRegion = {}): number {
    const { mip, layers } = this.resolve(region, 'region');
    const e = this.mipExtent(mip);
    return e.width * e.height * e.depth * layers * texelBytes(this.format);
  }

  /** Records a write of `data` (texels of the image's format) into a region; it lands in order with launches. */
  write(data: ArrayBufferView, region: ImageRegion = {}): void {
    this.checkLive('write');
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const size = this.regionBytes(region);
    if (bytes.byteLength !== size) throw new TaichiError('INVALID_ARGUMENT', `write: the region holds ${size} bytes, got ${bytes.byteLength}`);
    const staging = Memory.allocate(this.runtime, { size, hostWrite: true });
    try {
      staging.write(bytes);
      this.copyWithMemory('ti_copy_memory_to_image_ext', staging, region);
    } finally {
      staging.free();
    }
  }

  /** Waits for the runtime's work, then reads a region's texels. */
  async read(): Promise<Uint8Array>;
  async read<T>(type: TypedArrayConstructor<T>, region?: ImageRegion): Promise<T>;
  async read<T>(type?: TypedArrayConstructor<T>, region: ImageRegion = {}): Promise<T | Uint8Array> {
    this.checkLive('read');
    const size = this.regionBytes(region);
    const staging = Memory.allocate(this.runtime, { size, hostRead: true });
    try {
      this.copyWithMemory('ti_copy_image_to_memory_ext', staging, region);
      const bytes = await staging.read();
      return type ? new type(bytes.buffer as ArrayBuffer) : bytes;
    } finally {
      staging.free();
    }
  }

  /** Frees the image (after submitting recorded work that may use it). Freeing twice throws. */
  free(): void {
    this.checkLive('free');
    this.runtime.wasm.call('ti_free_image', this.runtime.handle, this.handle);
    this.freed = true;
    this.onFree?.();
  }

  /** The GPUTexture holding this image (shared, not copied): sample or render it in your own passes. */
  get gpuTexture(): GPUTexture {
    this.checkLive('gpuTexture');
    return interopCall(this.runtime, () => gpuTextureOf(this.runtime.wasm.shim, this.exportVulkan().image));
  }

  /** @internal The VkImage behind this image and how it was made (ti_export_vulkan_image). */
  exportVulkan(): VulkanImageInfo {
    const L = TiVulkanImageInteropInfo;
    const wasm = this.runtime.wasm;
    return wasm.withHeap(L.size, (p) => {
      wasm.call('ti_export_vulkan_image', this.runtime.handle, this.handle, p);
      const v = wasm.view();
      const u = (offset: number) => v.getUint32(p + offset, true);
      const e = L.offsets.extent;
      return {
        image: v.getBigUint64(p + L.offsets.image, true),
        imageType: u(L.offsets.image_type),
        format: u(L.offsets.format),
        extent: { width: u(e), height: u(e + 4), depth: u(e + 8) },
        mipLevels: u(L.offsets.mip_level_count),
        arrayLayers: u(L.offsets.array_layer_count),
        sampleCount: u(L.offsets.sample_count),
        tiling: u(L.offsets.tiling),
        usage: u(L.offsets.usage),
      };
    });
  }

  /** @internal Writes a TiImageSlice covering `region` at `ptr`. */
  writeSlice(ptr: number, region: ImageRegion = {}, box?: { x?: number; y?: number; z?: number; width?: number; height?: number; depth?: number }): void {
    const { mip, layer, layers } = this.resolve(region, 'slice');
    const e = this.mipExtent(mip);
    const v = this.runtime.wasm.view();
    const L = TiImageSlice.offsets;
    v.setUint32(ptr + L.image, this.handle, true);
    v.setUint32(ptr + L.offset + TiImageOffset.offsets.x, box?.x ?? 0, true);
    v.setUint32(ptr + L.offset + TiImageOffset.offsets.y, box?.y ?? 0, true);
    v.setUint32(ptr + L.offset + TiImageOffset.offsets.z, box?.z ?? 0, true);
    v.setUint32(ptr + L.offset + TiImageOffset.offsets.array_layer_offset, layer, true);
    v.setUint32(ptr + L.extent + TiImageExtent.offsets.width, box?.width ?? e.width, true);
    v.setUint32(ptr + L.extent + TiImageExtent.offsets.height, box?.height ?? e.height, true);
    v.setUint32(ptr + L.extent + TiImageExtent.offsets.depth, box?.depth ?? e.depth, true);
    v.setUint32(ptr + L.extent + TiImageExtent.offsets.array_layer_count, layers, true);
    v.setUint32(ptr + L.mip_level, mip, true);
  }

  /** @internal Writes a TiTexture for a kernel argument at `ptr`. */
  writeTexture(view: DataView, ptr: number, sampler: Sampler | undefined): void {
    const L = TiTexture.offsets;
    view.setUint32(ptr + L.image, this.handle, true);
    view.setUint32(ptr + L.sampler, sampler?.handle ?? 0, true);
    view.setUint32(ptr + L.dimension, DIMENSIONS[this.dimension], true);
    view.setUint32(ptr + L.extent + TiImageExtent.offsets.width, this.width, true);
    view.setUint32(ptr + L.extent + TiImageExtent.offsets.height, this.height, true);
    view.setUint32(ptr + L.extent + TiImageExtent.offsets.depth, this.depth, true);
    view.setUint32(ptr + L.extent + TiImageExtent.offsets.array_layer_count, this.arrayLayers, true);
    view.setUint32(ptr + L.format, formatValue(this.format), true);
  }

  /** @internal */
  checkLive(what: string): void {
    if (this.freed) throw new TaichiError('INVALID_STATE', `${what}: the image was freed`);
    this.runtime.checkLive(what);
  }

  private resolve(region: ImageRegion, what: string): { mip: number; layer: number; layers: number } {
    const mip = region.mip ?? 0;
    const layer = region.layer ?? 0;
    const layers = region.layers ?? (region.layer === undefined ? this.arrayLayers : 1);
    if (!Number.isInteger(mip) || mip < 0 || mip >= this.mipLevels) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `${what}: mip ${mip} of an image with ${this.mipLevels}`);
    if (!Number.isInteger(layer) || !Number.isInteger(layers) || layer < 0 || layers < 1 || layer + layers > this.arrayLayers) {
      throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `${what}: layers ${layer}+${layers} of an image with ${this.arrayLayers}`);
    }
    return { mip, layer, layers };
  }

  private copyWithMemory(fn: 'ti_copy_memory_to_image_ext' | 'ti_copy_image_to_memory_ext', memory: Memory, region: ImageRegion): void {
    const wasm = this.runtime.wasm;
    wasm.withHeap(TiImageSlice.size + TiMemorySlice.size, (ptr) => {
      const slice = ptr;
      const mem = ptr + TiImageSlice.size;
      this.writeSlice(slice, region);
      memory.writeSlice(mem, 0, memory.size);
      if (fn === 'ti_copy_memory_to_image_ext') wasm.call(fn, this.runtime.handle, slice, mem);
      else wasm.call(fn, this.runtime.handle, mem, slice);
    });
  }
}

export interface SamplerOptions {
  magFilter?: 'nearest' | 'linear';
  minFilter?: 'nearest' | 'linear';
  addressMode?: 'repeat' | 'mirrored-repeat' | 'clamp-to-edge';
  /** Anisotropy above 1 turns it on (clamped to 16; WebGPU needs linear filters for it). */
  maxAnisotropy?: number;
}

const FILTERS = { nearest: TiFilter.NEAREST, linear: TiFilter.LINEAR } as const;
const ADDRESS_MODES = { repeat: TiAddressMode.REPEAT, 'mirrored-repeat': TiAddressMode.MIRRORED_REPEAT, 'clamp-to-edge': TiAddressMode.CLAMP_TO_EDGE } as const;

/** A sampler (a TiSampler) for texture arguments. */
export class Sampler {
  private destroyed = false;

  /** @internal */
  constructor(
    readonly runtime: RuntimeContext,
    readonly handle: number,
  ) {}

  /** @internal */
  static create(runtime: RuntimeContext, options: SamplerOptions = {}): Sampler {
    const mag = FILTERS[options.magFilter ?? 'linear'];
    const min = FILTERS[options.minFilter ?? 'linear'];
    const address = ADDRESS_MODES[options.addressMode ?? 'repeat'];
    if (mag === undefined || min === undefined) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', 'createSampler: filters are nearest or linear');
    if (address === undefined) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `createSampler: unknown address mode '${String(options.addressMode)}'`);
    const L = TiSamplerCreateInfo;
    const wasm = runtime.wasm;
    const handle = wasm.withHeap(L.size, (ptr) => {
      const v = wasm.view();
      v.setUint32(ptr + L.offsets.mag_filter, mag, true);
      v.setUint32(ptr + L.offsets.min_filter, min, true);
      v.setUint32(ptr + L.offsets.address_mode, address, true);
      v.setFloat32(ptr + L.offsets.max_anisotropy, options.maxAnisotropy ?? 1, true);
      return wasm.call('ti_create_sampler', runtime.handle, ptr);
    });
    return new Sampler(runtime, handle);
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    if (this.destroyed) throw new TaichiError('INVALID_STATE', 'destroy: the sampler was destroyed');
    this.runtime.checkLive('destroy');
    this.runtime.wasm.call('ti_destroy_sampler', this.runtime.handle, this.handle);
    this.destroyed = true;
  }
}

/** A texture argument: an image, with the sampler a sampled texture uses (the runtime's default otherwise). */
export interface TextureArgument {
  image: Image;
  sampler?: Sampler;
}
