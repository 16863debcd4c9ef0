// The vkCmd* calls that touch images: copies, clears, and the layout transitions of barriers.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType, VkImageLayout, VkImageUsageFlagBits as U } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readArray, requirePointer, StructReader } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { packClearColor } from '../webgpu/format.js';
import { layoutName, type Image, type Extent, type SubresourceRange } from '../objects/image.js';
import type { Buffer } from '../objects/buffer.js';
import type { ImageCommand, ImageCopyRegion, BufferImageRegion, Origin } from '../commands/command.js';
import { readExtent, readOffset, readRange, readLayers } from './image.js';

const VALID_LAYOUTS = new Set<number>(Object.values(VkImageLayout));

/** The image barriers of vkCmdPipelineBarrier (or vkCmdWaitEvents) as layout transitions. */
export function readImageBarriers(vk: ShimState, count: number, ptr: number, entryPoint: string): ImageCommand[] {
  return readArray(vk.heap, ptr, count, S.VkImageMemoryBarrier, 'pImageMemoryBarriers').map((b) => {
    if (b.u32('sType') !== VkStructureType.IMAGE_MEMORY_BARRIER) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: VkImageMemoryBarrier has the wrong sType`);
    const image = vk.handles.images.get(b.handle('image'), entryPoint);
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

export function vkCmdCopyImage(vk: ShimState, commandBuffer: number, srcHandle: unknown, srcLayout: number, dstHandle: unknown, dstLayout: number, regionCount: number, pRegions: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdCopyImage');
  const src = vk.handles.images.get(srcHandle, 'vkCmdCopyImage');
  const dst = vk.handles.images.get(dstHandle, 'vkCmdCopyImage');
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

function readBufferImageRegions(vk: ShimState, buffer: Buffer, image: Image, count: number, ptr: number, what: string): BufferImageRegion[] {
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

export function vkCmdCopyBufferToImage(vk: ShimState, commandBuffer: number, srcHandle: unknown, dstHandle: unknown, dstLayout: number, regionCount: number, pRegions: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdCopyBufferToImage');
  const src = vk.handles.buffers.get(srcHandle, 'vkCmdCopyBufferToImage');
  const dst = vk.handles.images.get(dstHandle, 'vkCmdCopyBufferToImage');
  dst.requireUsage(U.TRANSFER_DST_BIT, 'vkCmdCopyBufferToImage', 'TRANSFER_DST usage');
  if (!dst.format.copyDst) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `vkCmdCopyBufferToImage: WebGPU cannot copy into ${dst.format.gpu}`);
  checkCommandLayout(dstLayout, TRANSFER_DST_LAYOUTS, 'vkCmdCopyBufferToImage: dstImageLayout');
  const regions = readBufferImageRegions(vk, src, dst, regionCount, pRegions, 'vkCmdCopyBufferToImage');
  cb.record('vkCmdCopyBufferToImage', { kind: 'copyBufferToImage', src, dst, dstLayout, regions });
}

export function vkCmdCopyImageToBuffer(vk: ShimState, commandBuffer: number, srcHandle: unknown, srcLayout: number, dstHandle: unknown, regionCount: number, pRegions: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdCopyImageToBuffer');
  const src = vk.handles.images.get(srcHandle, 'vkCmdCopyImageToBuffer');
  const dst = vk.handles.buffers.get(dstHandle, 'vkCmdCopyImageToBuffer');
  src.requireUsage(U.TRANSFER_SRC_BIT, 'vkCmdCopyImageToBuffer', 'TRANSFER_SRC usage');
  if (!src.format.copySrc) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `vkCmdCopyImageToBuffer: WebGPU cannot copy out of ${src.format.gpu}`);
  checkCommandLayout(srcLayout, TRANSFER_SRC_LAYOUTS, 'vkCmdCopyImageToBuffer: srcImageLayout');
  const regions = readBufferImageRegions(vk, dst, src, regionCount, pRegions, 'vkCmdCopyImageToBuffer');
  cb.record('vkCmdCopyImageToBuffer', { kind: 'copyImageToBuffer', src, srcLayout, dst, regions });
}

export function vkCmdClearColorImage(vk: ShimState, commandBuffer: number, imageHandle: unknown, layout: number, pColor: number, rangeCount: number, pRanges: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdClearColorImage');
  const image = vk.handles.images.get(imageHandle, 'vkCmdClearColorImage');
  image.requireUsage(U.TRANSFER_DST_BIT, 'vkCmdClearColorImage', 'TRANSFER_DST usage');
  checkCommandLayout(layout, TRANSFER_DST_LAYOUTS, 'vkCmdClearColorImage: imageLayout');
  requirePointer(vk.heap, pColor, S.VkClearColorValue.size, 'pColor');
  const texel = packClearColor(image.format, new DataView(vk.heap.u8.buffer, pColor, S.VkClearColorValue.size));
  if (!texel || !image.format.copyDst) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `vkCmdClearColorImage: clearing ${image.format.gpu} is not supported`);
  const ranges = readArray(vk.heap, pRanges, rangeCount, S.VkImageSubresourceRange, 'pRanges').map((r) => readRange(image, r, 'vkCmdClearColorImage'));
  cb.record('vkCmdClearColorImage', { kind: 'clearColorImage', image, layout, texel, ranges });
}
