import { interopCall, type RuntimeContext } from './context.js';
import { Memory, type VulkanMemoryInfo } from './memory.js';
import { Event } from './event.js';
import { TaichiError } from './errors.js';
import { TiVulkanRuntimeInteropInfo, TiVulkanMemoryInteropInfo, TiVulkanEventInteropInfo, TiVulkanImageInteropInfo } from './abi/taichi-structs.js';
import { Image, type ImageDimension, type VulkanImageInfo } from './image.js';

export type { VulkanMemoryInfo, VulkanImageInfo };
import { VkImageViewType, VkImageLayout } from '../shim/src/abi/vk-enums.js';
import { gpuBufferOf, gpuDeviceOf, gpuTextureOf, importGpuBuffer, importGpuTexture, releaseImportedGpuBuffer, releaseImportedGpuTexture } from '../shim/src/entry/interop.js';

/** What ti_export_vulkan_runtime hands out (dispatchable handles are 32-bit on wasm32). */
export interface VulkanRuntimeInfo {
  apiVersion: number;
  instance: number;
  physicalDevice: number;
  device: number;
  computeQueue: number;
  computeQueueFamilyIndex: number;
  graphicsQueue: number;
  graphicsQueueFamilyIndex: number;
}

export interface VulkanEventInfo {
  event: bigint;
}

const VIEW_TYPES: Record<ImageDimension, number> = {
  '1d': VkImageViewType['1D'],
  '2d': VkImageViewType['2D'],
  '3d': VkImageViewType['3D'],
  '2d-array': VkImageViewType['2D_ARRAY'],
  cube: VkImageViewType.CUBE,
};

/**
 * The runtime's Vulkan interop (taichi_vulkan.h) and the WebGPU objects behind it. `export*`
 * hands Taichi's objects out; `import*` wraps objects made elsewhere, which Taichi never destroys.
 */
export class VulkanInterop {
  /** @internal */
  constructor(private readonly runtime: RuntimeContext) {}

  exportRuntime(): VulkanRuntimeInfo {
    const L = TiVulkanRuntimeInteropInfo;
    const wasm = this.runtime.wasm;
    return wasm.withHeap(L.size, (p) => {
      wasm.call('ti_export_vulkan_runtime', this.runtime.handle, p);
      const v = wasm.view();
      const u = (f: keyof typeof L.offsets) => v.getUint32(p + L.offsets[f], true);
      return {
        apiVersion: u('api_version'),
        instance: u('instance'),
        physicalDevice: u('physical_device'),
        device: u('device'),
        computeQueue: u('compute_queue'),
        computeQueueFamilyIndex: u('compute_queue_family_index'),
        graphicsQueue: u('graphics_queue'),
        graphicsQueueFamilyIndex: u('graphics_queue_family_index'),
      };
    });
  }

  exportMemory(memory: Memory): VulkanMemoryInfo {
    return memory.exportVulkan();
  }

  importMemory(info: VulkanMemoryInfo): Memory {
    const L = TiVulkanMemoryInteropInfo;
    const wasm = this.runtime.wasm;
    const handle = wasm.withHeap(L.size, (p) => {
      const v = wasm.view();
      v.setBigUint64(p + L.offsets.buffer, info.buffer, true);
      v.setBigUint64(p + L.offsets.size, BigInt(info.size), true);
      v.setUint32(p + L.offsets.usage, info.usage, true);
      v.setBigUint64(p + L.offsets.memory, info.memory, true);
      v.setBigUint64(p + L.offsets.offset, BigInt(info.offset), true);
      return wasm.call('ti_import_vulkan_memory', this.runtime.handle, p);
    });
    return new Memory(this.runtime, handle, info.size, false, false);
  }

  exportEvent(event: Event): VulkanEventInfo {
    const wasm = this.runtime.wasm;
    return wasm.withHeap(TiVulkanEventInteropInfo.size, (p) => {
      wasm.call('ti_export_vulkan_event', this.runtime.handle, event.handle, p);
      return { event: wasm.view().getBigUint64(p + TiVulkanEventInteropInfo.offsets.event, true) };
    });
  }

  importEvent(info: VulkanEventInfo): Event {
    const wasm = this.runtime.wasm;
    const handle = wasm.withHeap(TiVulkanEventInteropInfo.size, (p) => {
      wasm.view().setBigUint64(p + TiVulkanEventInteropInfo.offsets.event, info.event, true);
      return wasm.call('ti_import_vulkan_event', this.runtime.handle, p);
    });
    return new Event(this.runtime, handle);
  }

  exportImage(image: Image): VulkanImageInfo {
    return image.exportVulkan();
  }

  /** Wraps a VkImage as a TiImage viewed as `dimension`, in Vulkan layout `layout` (default UNDEFINED). */
  importImage(info: VulkanImageInfo, dimension: ImageDimension, layout: number = VkImageLayout.UNDEFINED): Image {
    const L = TiVulkanImageInteropInfo;
    const wasm = this.runtime.wasm;
    const viewType = VIEW_TYPES[dimension];
    if (viewType === undefined) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `importImage: unknown dimension '${String(dimension)}'`);
    const handle = wasm.withHeap(L.size, (p) => {
      const v = wasm.view();
      const e = L.offsets.extent;
      v.setBigUint64(p + L.offsets.image, info.image, true);
      v.setUint32(p + L.offsets.image_type, info.imageType, true);
      v.setUint32(p + L.offsets.format, info.format, true);
      v.setUint32(p + e, info.extent.width, true);
      v.setUint32(p + e + 4, info.extent.height, true);
      v.setUint32(p + e + 8, info.extent.depth, true);
      v.setUint32(p + L.offsets.mip_level_count, info.mipLevels, true);
      v.setUint32(p + L.offsets.array_layer_count, info.arrayLayers, true);
      v.setUint32(p + L.offsets.sample_count, info.sampleCount, true);
      v.setUint32(p + L.offsets.tiling, info.tiling, true);
      v.setUint32(p + L.offsets.usage, info.usage, true);
      return wasm.call('ti_import_vulkan_image', this.runtime.handle, p, viewType, layout);
    });
    return Image.describe(this.runtime, handle);
  }

  /** The GPUTexture behind an image: the same texels, no copy. */
  gpuTexture(image: Image): GPUTexture {
    return interopCall(this.runtime, () => gpuTextureOf(this.runtime.wasm.shim, image.exportVulkan().image));
  }

  /** Wraps an existing GPUTexture of the runtime's device as a Taichi image, without copying. */
  importGpuTexture(texture: GPUTexture, dimension?: ImageDimension): Image {
    const shim = this.runtime.wasm.shim;
    const wrapped = interopCall(this.runtime, () => importGpuTexture(shim, this.exportRuntime().device, texture));
    const viewDimension: ImageDimension = dimension ?? (texture.dimension === '2d' && wrapped.arrayLayers > 1 ? '2d-array' : texture.dimension);
    try {
      const image = this.importImage(
        { image: BigInt(wrapped.image), imageType: wrapped.imageType, format: wrapped.format, extent: wrapped.extent, mipLevels: wrapped.mipLevels, arrayLayers: wrapped.arrayLayers, sampleCount: 1, tiling: 0, usage: wrapped.usage },
        viewDimension,
        VkImageLayout.GENERAL,
      );
      image.onFree = () => releaseImportedGpuTexture(shim, wrapped.image);
      return image;
    } catch (e) {
      releaseImportedGpuTexture(shim, wrapped.image);
      throw e;
    }
  }

  /** The GPUDevice the runtime's VkDevice runs on. */
  gpuDevice(): GPUDevice {
    return interopCall(this.runtime, () => gpuDeviceOf(this.runtime.wasm.shim, this.exportRuntime().device));
  }

  /** The GPUBuffer behind a memory: the same storage, no copy. */
  gpuBuffer(memory: Memory): GPUBuffer {
    return interopCall(this.runtime, () => gpuBufferOf(this.runtime.wasm.shim, memory.exportVulkan().buffer).buffer);
  }

  /** Wraps an existing GPUBuffer of the runtime's device as Taichi memory, without copying. */
  importGpuBuffer(gpuBuffer: GPUBuffer, size = gpuBuffer.size): Memory {
    const shim = this.runtime.wasm.shim;
    const wrapped = interopCall(this.runtime, () => importGpuBuffer(shim, this.exportRuntime().device, gpuBuffer));
    try {
      const memory = this.importMemory({ buffer: BigInt(wrapped.buffer), size, usage: wrapped.usage, memory: BigInt(wrapped.memory), offset: 0 });
      memory.onFree = () => releaseImportedGpuBuffer(shim, wrapped.buffer, wrapped.memory);
      return memory;
    } catch (e) {
      releaseImportedGpuBuffer(shim, wrapped.buffer, wrapped.memory);
      throw e;
    }
  }
}
