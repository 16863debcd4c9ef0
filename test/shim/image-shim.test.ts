// The shim's image entry points driven from TypeScript as C would: buffer <-> image copies with
// row pitches WebGPU cannot take directly, clears, format queries, and what is refused.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as S from '../../shim/src/abi/vk-structs.js';
import { VkStructureType, VkResult, VkFormat, VkImageType, VkImageLayout, VkImageUsageFlagBits as U, VkFormatFeatureFlagBits as F, VkImageTiling } from '../../shim/src/abi/vk-enums.js';
import { adapter } from '../helpers/gpu.js';
import { VkHarness, MemoryType } from '../helpers/vk.js';
import { writeStruct } from '../helpers/structs.js';
import { isStructLayout, type StructLayout } from '../../shim/src/abi/layout.js';

let vk: VkHarness;

beforeAll(async () => {
  vk = new VkHarness(await adapter());
  await vk.open();
});

afterAll(() => vk?.close());

const COLOR = 1;

type Fields = { [name: string]: number | bigint | Fields };

/** A struct with nested structs (extents, offsets, subresources) in the test heap. */
function struct(layout: StructLayout, values: Fields): number {
  const ptr = vk.alloc(layout.size);
  put(ptr, layout, values);
  return ptr;
}

function put(ptr: number, layout: StructLayout, values: Fields): void {
  const scalars = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v !== 'object')) as Record<string, number | bigint>;
  writeStruct(vk.heap.view, ptr, layout, scalars);
  for (const [name, v] of Object.entries(values)) {
    if (typeof v !== 'object') continue;
    const field = layout.fields.find((f) => f.name === name)!;
    if (!isStructLayout(field.type)) throw new Error(`${layout.name}.${name} is not a struct`);
    put(ptr + field.offset, field.type, v);
  }
}

function createImage(format: number, width: number, height: number): bigint {
  const info = struct(S.VkImageCreateInfo, {
    sType: VkStructureType.IMAGE_CREATE_INFO,
    imageType: VkImageType['2D'],
    format,
    extent: { width, height, depth: 1 },
    mipLevels: 1,
    arrayLayers: 1,
    samples: 1,
    tiling: VkImageTiling.OPTIMAL,
    usage: U.TRANSFER_SRC_BIT | U.TRANSFER_DST_BIT | U.SAMPLED_BIT,
    initialLayout: VkImageLayout.UNDEFINED,
  });
  const pImage = vk.alloc(8);
  vk.expectSuccess('vkCreateImage', vk.call('vkCreateImage', vk.device, info, 0, pImage));
  const image = vk.u64(pImage);
  const req = vk.alloc(S.VkMemoryRequirements.size);
  vk.call('vkGetImageMemoryRequirements', vk.device, image, req);
  const size = Number(vk.u64(req + S.VkMemoryRequirements.offsets.size));
  vk.expectSuccess('vkBindImageMemory', vk.call('vkBindImageMemory', vk.device, image, vk.allocateMemory(size, MemoryType.DEVICE_LOCAL), 0n));
  return image;
}

function barrier(cb: number, image: bigint, oldLayout: number, newLayout: number): void {
  const b = struct(S.VkImageMemoryBarrier, {
    sType: VkStructureType.IMAGE_MEMORY_BARRIER,
    oldLayout,
    newLayout,
    image,
    subresourceRange: { aspectMask: COLOR, baseMipLevel: 0, levelCount: 1, baseArrayLayer: 0, layerCount: 1 },
  });
  vk.call('vkCmdPipelineBarrier', cb, 0, 0, 0, 0, 0, 0, 0, 1, b);
}

function region(offset: number, rowLength: number, width: number, height: number, x = 0, y = 0): number {
  return struct(S.VkBufferImageCopy, {
    bufferOffset: offset,
    bufferRowLength: rowLength,
    bufferImageHeight: 0,
    imageSubresource: { aspectMask: COLOR, mipLevel: 0, baseArrayLayer: 0, layerCount: 1 },
    imageOffset: { x, y, z: 0 },
    imageExtent: { width, height, depth: 1 },
  });
}

describe('buffer <-> image copies', () => {
  it('vkCmdCopyBufferToImage with a tight 13-byte row pitch, read back with a padded 20-byte pitch', async () => {
    const [w, h] = [13, 5];
    const image = createImage(VkFormat.R8_UNORM, w, h);
    const memory = vk.allocateMemory(4096, MemoryType.HOST_COHERENT);
    const upload = vk.bufferIn(memory, 1024, 0);
    const download = vk.bufferIn(memory, 1024, 1024);
    const host = vk.map(memory);
    const src = new Uint8Array(w * h).map((_, i) => (i * 29 + 3) & 0xff);
    vk.heap.u8.set(src, host);
    vk.heap.u8.fill(0xee, host + 1024, host + 2048);
    await vk.run((cb) => {
      barrier(cb, image, VkImageLayout.UNDEFINED, VkImageLayout.TRANSFER_DST_OPTIMAL);
      vk.call('vkCmdCopyBufferToImage', cb, upload, image, VkImageLayout.TRANSFER_DST_OPTIMAL, 1, region(0, 0, w, h));
      barrier(cb, image, VkImageLayout.TRANSFER_DST_OPTIMAL, VkImageLayout.TRANSFER_SRC_OPTIMAL);
      vk.call('vkCmdCopyImageToBuffer', cb, image, VkImageLayout.TRANSFER_SRC_OPTIMAL, download, 1, region(4, 20, w, h));
    });
    const back = vk.heap.u8.slice(host + 1024, host + 1024 + 4 + 20 * h);
    for (let y = 0; y < h; y++) {
      expect(Array.from(back.subarray(4 + 20 * y, 4 + 20 * y + w)), `row ${y}`).toEqual(Array.from(src.subarray(w * y, w * y + w)));
      if (y < h - 1) expect(Array.from(back.subarray(4 + 20 * y + w, 4 + 20 * (y + 1))).every((b) => b === 0xee)).toBe(true);
    }
    expect(vk.shim.validation.messages()).toEqual([]);
  });

  it('vkCmdClearColorImage packs the colour into rgba8 texels', async () => {
    const image = createImage(VkFormat.R8G8B8A8_UNORM, 7, 3);
    const memory = vk.allocateMemory(1024, MemoryType.HOST_CACHED);
    const download = vk.bufferIn(memory, 1024, 0);
    const color = vk.alloc(16);
    [1, 0.5, 0, 0.25].forEach((v, i) => vk.heap.view.setFloat32(color + 4 * i, v, true));
    const range = vk.struct(S.VkImageSubresourceRange, { aspectMask: COLOR, baseMipLevel: 0, levelCount: 1, baseArrayLayer: 0, layerCount: 1 });
    await vk.run((cb) => {
      barrier(cb, image, VkImageLayout.UNDEFINED, VkImageLayout.TRANSFER_DST_OPTIMAL);
      vk.call('vkCmdClearColorImage', cb, image, VkImageLayout.TRANSFER_DST_OPTIMAL, color, 1, range);
      barrier(cb, image, VkImageLayout.TRANSFER_DST_OPTIMAL, VkImageLayout.TRANSFER_SRC_OPTIMAL);
      vk.call('vkCmdCopyImageToBuffer', cb, image, VkImageLayout.TRANSFER_SRC_OPTIMAL, download, 1, region(0, 0, 7, 3));
    });
    const host = vk.map(memory);
    const texels = vk.heap.u8.slice(host, host + 7 * 3 * 4);
    for (let i = 0; i < 21; i++) expect(Array.from(texels.subarray(4 * i, 4 * i + 4))).toEqual([255, 128, 0, 64]);
  });

  it('a barrier whose oldLayout is not the layout the image is in is reported at submission', async () => {
    const image = createImage(VkFormat.R32_SFLOAT, 4, 4);
    const before = vk.shim.validation.count;
    await vk.run((cb) => barrier(cb, image, VkImageLayout.GENERAL, VkImageLayout.TRANSFER_DST_OPTIMAL));
    expect(vk.shim.validation.count).toBe(before + 1);
    expect(vk.shim.validation.last?.message).toMatch(/in layout UNDEFINED, not GENERAL/);
  });
});

describe('format queries and refusals', () => {
  it('derives format features from WebGPU: r32f storage and (with float32-filterable) linear; rgba8 srgb not storage; RGB none', () => {
    const p = vk.alloc(S.VkFormatProperties.size);
    const optimal = (format: number): number => {
      vk.call('vkGetPhysicalDeviceFormatProperties', vk.physicalDevice, format, p);
      return vk.u32(p + S.VkFormatProperties.offsets.optimalTilingFeatures);
    };
    expect(optimal(VkFormat.R32_SFLOAT) & F.STORAGE_IMAGE_BIT).toBeTruthy();
    expect(optimal(VkFormat.R8G8B8A8_UNORM) & F.SAMPLED_IMAGE_FILTER_LINEAR_BIT).toBeTruthy();
    expect(optimal(VkFormat.R8G8B8A8_SRGB) & F.STORAGE_IMAGE_BIT).toBe(0);
    expect(optimal(VkFormat.R32G32B32_SFLOAT)).toBe(0);
    const props = vk.alloc(S.VkImageFormatProperties.size);
    expect(vk.call('vkGetPhysicalDeviceImageFormatProperties', vk.physicalDevice, VkFormat.R8G8B8A8_SRGB, VkImageType['2D'], VkImageTiling.OPTIMAL, U.STORAGE_BIT, 0, props)).toBe(VkResult.ERROR_FORMAT_NOT_SUPPORTED);
    expect(vk.call('vkGetPhysicalDeviceImageFormatProperties', vk.physicalDevice, VkFormat.R32_SFLOAT, VkImageType['1D'], VkImageTiling.OPTIMAL, U.STORAGE_BIT, 0, props)).toBe(VkResult.SUCCESS);
    expect(vk.u32(props + S.VkImageFormatProperties.offsets.maxMipLevels)).toBe(1);
    expect(vk.call('vkGetPhysicalDeviceImageFormatProperties', vk.physicalDevice, VkFormat.R32_SFLOAT, VkImageType['2D'], VkImageTiling.LINEAR, U.SAMPLED_BIT, 0, props)).toBe(VkResult.ERROR_FORMAT_NOT_SUPPORTED);
  });

  it('vkGetImageSubresourceLayout fails clearly: every image is optimal', () => {
    const image = createImage(VkFormat.R8_UNORM, 4, 4);
    const sub = vk.struct(S.VkImageSubresource, { aspectMask: COLOR, mipLevel: 0, arrayLayer: 0 });
    vk.call('vkGetImageSubresourceLayout', vk.device, image, sub, vk.alloc(S.VkSubresourceLayout.size));
    expect(vk.shim.validation.last?.message).toMatch(/linear tiling/);
  });

  it('refuses samplers WebGPU cannot make (border clamp) and stale image handles', () => {
    const info = vk.struct(S.VkSamplerCreateInfo, { sType: VkStructureType.SAMPLER_CREATE_INFO, addressModeU: 3, maxLod: 1 });
    expect(vk.call('vkCreateSampler', vk.device, info, 0, vk.alloc(8))).toBe(VkResult.ERROR_FEATURE_NOT_PRESENT);
    const image = createImage(VkFormat.R8_UNORM, 4, 4);
    vk.call('vkDestroyImage', vk.device, image, 0);
    vk.call('vkDestroyImage', vk.device, image, 0);
    expect(vk.shim.validation.last?.message).toMatch(/invalid VkImage/);
  });
});
