// Between Vulkan handles and WebGPU objects, for code that mixes the two: resolve a VkDevice,
// VkBuffer or VkImage to the GPUDevice, GPUBuffer or GPUTexture behind it, and wrap an external
// GPUBuffer or GPUTexture as a Vulkan object (never destroyed by the shim: its owner keeps it).

import type { ShimState } from './state.js';
import { VkResult, VkBufferUsageFlagBits, VkImageUsageFlagBits, VkImageType, VkImageLayout } from '../abi/vk-enums.js';
import { handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { BufferUsage, TextureUsage } from '../webgpu/flags.js';
import { formatOfGpu } from '../webgpu/format.js';
import { Buffer } from '../objects/buffer.js';
import { DeviceMemory } from '../objects/memory.js';
import { Image } from '../objects/image.js';
import { countHeapUse } from './memory.js';

export function gpuDeviceOf(vk: ShimState, device: number): GPUDevice {
  return vk.handles.devices.get(device, 'gpuDeviceOf').gpu;
}

/** The GPUBuffer range a bound VkBuffer occupies. */
export function gpuBufferOf(vk: ShimState, buffer: number | bigint): { buffer: GPUBuffer; offset: number; size: number } {
  const b = vk.handles.buffers.get(buffer, 'gpuBufferOf');
  const bound = b.bound('gpuBufferOf');
  return { buffer: bound.gpu, offset: bound.offset, size: b.size };
}

/** Vulkan usage flags equivalent to a GPUBuffer's usage. */
function vulkanUsageOf(usage: number): number {
  let flags = 0;
  if (usage & BufferUsage.STORAGE) flags |= VkBufferUsageFlagBits.STORAGE_BUFFER_BIT;
  if (usage & BufferUsage.UNIFORM) flags |= VkBufferUsageFlagBits.UNIFORM_BUFFER_BIT;
  if (usage & BufferUsage.COPY_SRC) flags |= VkBufferUsageFlagBits.TRANSFER_SRC_BIT;
  if (usage & BufferUsage.COPY_DST) flags |= VkBufferUsageFlagBits.TRANSFER_DST_BIT;
  if (usage & BufferUsage.VERTEX) flags |= VkBufferUsageFlagBits.VERTEX_BUFFER_BIT;
  if (usage & BufferUsage.INDEX) flags |= VkBufferUsageFlagBits.INDEX_BUFFER_BIT;
  if (usage & BufferUsage.INDIRECT) flags |= VkBufferUsageFlagBits.INDIRECT_BUFFER_BIT;
  return flags;
}

/** Wraps `gpuBuffer` (of the VkDevice's GPUDevice) as a VkBuffer bound to a VkDeviceMemory. */
export function importGpuBuffer(vk: ShimState, device: number, gpuBuffer: GPUBuffer): { buffer: number; memory: number; size: number; usage: number } {
  const d = vk.handles.devices.get(device, 'importGpuBuffer');
  if (gpuBuffer.mapState !== 'unmapped') throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'importGpuBuffer: the GPUBuffer is mapped');
  if (gpuBuffer.usage & (BufferUsage.MAP_READ | BufferUsage.MAP_WRITE)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'importGpuBuffer: a mappable GPUBuffer cannot be bound to shaders');
  }
  const memory = new DeviceMemory(d, gpuBuffer.size, 0, gpuBuffer);
  const usage = vulkanUsageOf(gpuBuffer.usage);
  const buffer = new Buffer(d, gpuBuffer.size, usage, 0);
  buffer.memory = memory;
  const handles = { buffer: vk.handles.buffers.insert(buffer), memory: vk.handles.memories.insert(memory), size: gpuBuffer.size, usage };
  countHeapUse(memory, 1);
  return handles;
}

/** Releases what importGpuBuffer made; the GPUBuffer itself stays with its owner. */
export function releaseImportedGpuBuffer(vk: ShimState, buffer: number, memory: number): void {
  const m = vk.handles.memories.lookup(handleArg(memory));
  if (!m?.imported) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'releaseImportedGpuBuffer: not an imported memory');
  vk.handles.buffers.remove(handleArg(buffer));
  vk.handles.memories.remove(handleArg(memory));
  countHeapUse(m, -1);
  m.destroy(vk.heap);
}

export function gpuTextureOf(vk: ShimState, image: number | bigint): GPUTexture {
  return vk.handles.images.get(image, 'gpuTextureOf').bound('gpuTextureOf');
}

/** What a VkImage wrapping an external GPUTexture looks like to Vulkan (TiVulkanImageInteropInfo). */
export interface ImportedTexture {
  image: number;
  imageType: number;
  format: number;
  extent: { width: number; height: number; depth: number };
  mipLevels: number;
  arrayLayers: number;
  usage: number;
}

/** Wraps `texture` (of the VkDevice's GPUDevice) as a VkImage in GENERAL layout. */
export function importGpuTexture(vk: ShimState, device: number, texture: GPUTexture): ImportedTexture {
  const d = vk.handles.devices.get(device, 'importGpuTexture');
  const format = formatOfGpu(texture.format);
  if (!format) throw new VkFailure(VkResult.ERROR_FORMAT_NOT_SUPPORTED, `importGpuTexture: format ${texture.format} has no VkFormat here`);
  let usage = 0;
  if (texture.usage & TextureUsage.COPY_SRC) usage |= VkImageUsageFlagBits.TRANSFER_SRC_BIT;
  if (texture.usage & TextureUsage.COPY_DST) usage |= VkImageUsageFlagBits.TRANSFER_DST_BIT;
  if (texture.usage & TextureUsage.TEXTURE_BINDING) usage |= VkImageUsageFlagBits.SAMPLED_BIT;
  if (texture.usage & TextureUsage.STORAGE_BINDING) usage |= VkImageUsageFlagBits.STORAGE_BIT;
  if (texture.usage & TextureUsage.RENDER_ATTACHMENT) usage |= VkImageUsageFlagBits.COLOR_ATTACHMENT_BIT;
  const imageType = texture.dimension === '1d' ? VkImageType['1D'] : texture.dimension === '3d' ? VkImageType['3D'] : VkImageType['2D'];
  const is3D = texture.dimension === '3d';
  const extent = { width: texture.width, height: texture.height, depth: is3D ? texture.depthOrArrayLayers : 1 };
  const arrayLayers = is3D ? 1 : texture.depthOrArrayLayers;
  const image = new Image(d, vk.validation, imageType, format, extent, texture.mipLevelCount, arrayLayers, usage, VkImageLayout.GENERAL);
  image.texture = texture;
  image.external = true;
  return { image: vk.handles.images.insert(image), imageType, format: format.vk, extent, mipLevels: texture.mipLevelCount, arrayLayers, usage };
}

/** Releases what importGpuTexture made; the GPUTexture stays with its owner. */
export function releaseImportedGpuTexture(vk: ShimState, image: number): void {
  const i = vk.handles.images.lookup(handleArg(image));
  if (!i?.external) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'releaseImportedGpuTexture: not an imported texture');
  vk.handles.images.remove(handleArg(image));
}
