// Replay of the image commands into a submission's encoder: copies between buffers and
// textures, texture to texture, clears, and the layout tracking of barriers.

import { BufferUsage } from '../webgpu/flags.js';
import type { Device } from '../objects/device.js';
import type { DeviceMemory } from '../objects/memory.js';
import type { Image, SubresourceRange } from '../objects/image.js';
import type { ImageCommand, BufferImageRegion, Origin } from './command.js';

/** What image commands need of the submission's encoding (encode.ts's EncodeContext). */
export interface ImageEncoding {
  readonly device: Device;
  readonly encoder: GPUCommandEncoder;
  /** Memories the GPU may write in this submission. */
  readonly written: Set<DeviceMemory>;
  /** Buffers to destroy once the submission completes. */
  readonly temporaries: GPUBuffer[];
  /** Ends the open compute pass: image commands are transfers. */
  endPass(): void;
}

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
export function encodeImageCommand(ctx: ImageEncoding, c: ImageCommand): void {
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
function clearColorImage(ctx: ImageEncoding, image: Image, layout: number, texel: Uint8Array, ranges: SubresourceRange[]): void {
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
