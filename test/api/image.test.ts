// Images and samplers through the TS API and the C API: texel round trips in several formats,
// shapes, mips and layers; image-to-image copies; the reference's argument checks; samplers.
// Every read-back is compared with the bytes the test wrote.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Runtime, TaichiError, type Image, type ImageAllocateOptions } from '../../src/index.js';
import { texelBytes } from '../../src/image.js';
import { TiError, TiFormat, TiImageDimension, TiImageLayout } from '../../src/abi/taichi-enums.js';
import { TiImageAllocateInfo, TiImageSlice, TiSamplerCreateInfo } from '../../src/abi/taichi-structs.js';
import { CApi } from '../helpers/taichi.js';

const MAX_ENUM = 0xffffffff;

let runtime: Runtime;
let c: CApi;

beforeAll(async () => {
  runtime = await Runtime.create();
  c = new CApi(runtime.wasm);
});

afterAll(async () => {
  c?.release();
  await runtime?.destroy();
});

/** Deterministic bytes that differ per seed. */
function bytesOf(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (Math.imul(i + 1, 2654435761) ^ (seed * 97)) >>> 24;
  return out;
}

/** Texel data that every format reads back bit for bit (finite floats, no NaN patterns). */
function texels(image: Image, mip: number, layers: number, seed: number): Uint8Array {
  const e = image.mipExtent(mip);
  const count = e.width * e.height * e.depth * layers;
  const size = count * texelBytes(image.format);
  if (image.format.endsWith('f')) {
    const floats = new Float32Array(size / 4);
    for (let i = 0; i < floats.length; i++) floats[i] = ((i * 7 + seed) % 1000) / 8 - 60;
    return new Uint8Array(floats.buffer);
  }
  return bytesOf(size, seed);
}

async function roundTrip(options: ImageAllocateOptions): Promise<void> {
  const image = runtime.allocateImage(options);
  try {
    const written: Uint8Array[] = [];
    for (let mip = 0; mip < image.mipLevels; mip++) {
      for (let layer = 0; layer < image.arrayLayers; layer++) {
        const data = texels(image, mip, 1, mip * 31 + layer * 7 + 1);
        image.write(data, { mip, layer });
        written.push(data);
      }
    }
    let i = 0;
    for (let mip = 0; mip < image.mipLevels; mip++) {
      for (let layer = 0; layer < image.arrayLayers; layer++) {
        const back = await image.read(Uint8Array, { mip, layer });
        expect(back, `mip ${mip} layer ${layer}`).toEqual(written[i++]);
      }
    }
  } finally {
    image.free();
  }
}

describe('image round trips (write through staging, read back)', () => {
  it.each([
    ['r32f', 37],
    ['rgba8', 19],
    ['rgba32f', 5],
    ['r32i', 33],
    ['r32u', 300],
    ['rg16f', 7],
    ['r8', 3],
  ] as const)('2D %s, %i texels wide (rows not 256-byte aligned)', async (format, width) => {
    await roundTrip({ dimension: '2d', width, height: 9, format });
  });

  it('2D rgba8 64 wide (aligned rows take the single-copy path)', async () => {
    await roundTrip({ dimension: '2d', width: 64, height: 4, format: 'rgba8' });
  });

  it('1D r32f', async () => {
    await roundTrip({ dimension: '1d', width: 100, format: 'r32f' });
  });

  it('3D rgba8', async () => {
    await roundTrip({ dimension: '3d', width: 6, height: 5, depth: 4, format: 'rgba8' });
  });

  it('2D r32f with a full mip chain', async () => {
    await roundTrip({ dimension: '2d', width: 20, height: 12, format: 'r32f', mipLevels: 5 });
  });

  it('2D array rgba32u with 3 layers and 2 mips', async () => {
    await roundTrip({ dimension: '2d-array', width: 8, height: 8, format: 'rgba32u', arrayLayers: 3, mipLevels: 2 });
  });

  it('reads and writes several layers at once', async () => {
    const image = runtime.allocateImage({ dimension: '2d', width: 5, height: 3, format: 'r32u', arrayLayers: 4 });
    const all = texels(image, 0, 4, 9);
    image.write(all);
    expect(await image.read(Uint8Array)).toEqual(all);
    expect(await image.read(Uint8Array, { layer: 2 })).toEqual(all.subarray(2 * 60, 3 * 60));
    image.free();
  });
});

describe('image errors', () => {
  it('refuses a formats WebGPU lacks with NOT_SUPPORTED naming it', () => {
    expect(() => runtime.allocateImage({ dimension: '2d', width: 4, height: 4, format: 'rgb32f' })).toThrow(/rgb32f/);
    try {
      runtime.allocateImage({ dimension: '2d', width: 4, height: 4, format: 'rgba8srgb', usage: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as TaichiError).code).toBe('NOT_SUPPORTED');
      expect((e as TaichiError).message).toMatch(/rgba8srgb.*storage/);
    }
  });

  it('refuses 1D arrays and too many mips', () => {
    expect(() => runtime.allocateImage({ dimension: '1d', width: 4, format: 'r32f', arrayLayers: 2 })).toThrow(TaichiError);
    expect(() => runtime.allocateImage({ dimension: '2d', width: 4, height: 4, format: 'r32f', mipLevels: 4 })).toThrow(/mip_level_count/);
  });

  it('a write of the wrong size and a freed image are refused', () => {
    const image = runtime.allocateImage({ dimension: '2d', width: 4, height: 4, format: 'r32f' });
    expect(() => image.write(new Float32Array(15))).toThrow(/64 bytes/);
    image.free();
    expect(() => image.write(new Float32Array(16))).toThrow(/freed/);
  });
});

describe('C API (the reference behaviour tests)', () => {
  const wasm = () => runtime.wasm;

  function allocateInfo(values: Record<string, number>): number {
    const L = TiImageAllocateInfo;
    const ptr = c.alloc(L.size);
    const v = wasm().view();
    v.setUint32(ptr + L.offsets.dimension, values.dimension ?? TiImageDimension['2D'], true);
    const e = ptr + L.offsets.extent;
    v.setUint32(e, 16, true);
    v.setUint32(e + 4, 16, true);
    v.setUint32(e + 8, 1, true);
    v.setUint32(e + 12, 1, true);
    v.setUint32(ptr + L.offsets.mip_level_count, 1, true);
    v.setUint32(ptr + L.offsets.format, values.format ?? TiFormat.RGBA8, true);
    v.setUint32(ptr + L.offsets.usage, 3, true);
    return ptr;
  }

  it('AllocateImage with dimension MAX_ENUM: ARGUMENT_OUT_OF_RANGE "allocate_info->dimension"', () => {
    const r = c.check(() => wasm().raw('ti_allocate_image', runtime.handle, allocateInfo({ dimension: MAX_ENUM })));
    expect(r.result).toBe(0);
    expect(r.code).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
    expect(r.message).toBe('allocate_info->dimension');
  });

  it('AllocateImage with format MAX_ENUM or 999: ARGUMENT_OUT_OF_RANGE "allocate_info->format"', () => {
    for (const format of [MAX_ENUM, 999, 44]) {
      const r = c.check(() => wasm().raw('ti_allocate_image', runtime.handle, allocateInfo({ format })));
      expect(r.result).toBe(0);
      expect(r.code).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
      expect(r.message).toBe('allocate_info->format');
    }
  });

  it('AllocateImage: null runtime and null info give ARGUMENT_NULL', () => {
    expect(c.check(() => wasm().raw('ti_allocate_image', 0, allocateInfo({}))).code).toBe(TiError.ARGUMENT_NULL);
    expect(c.check(() => wasm().raw('ti_allocate_image', runtime.handle, 0)).message).toBe('allocate_info');
  });

  it('a 16x16 RGBA8 STORAGE|SAMPLED image, freed twice: the second is INVALID_ARGUMENT', () => {
    const r = c.check(() => wasm().raw('ti_allocate_image', runtime.handle, allocateInfo({})));
    expect(r.code).toBe(TiError.SUCCESS);
    expect(r.result).not.toBe(0);
    expect(c.check(() => wasm().raw('ti_free_image', runtime.handle, r.result)).code).toBe(TiError.SUCCESS);
    expect(c.check(() => wasm().raw('ti_free_image', runtime.handle, r.result)).code).toBe(TiError.INVALID_ARGUMENT);
  });

  it('transition and track with a bad layout: ARGUMENT_OUT_OF_RANGE "layout"', () => {
    const image = runtime.allocateImage({ dimension: '2d', width: 4, height: 4, format: 'rgba8' });
    for (const fn of ['ti_transition_image', 'ti_track_image_ext']) {
      const r = c.check(() => wasm().raw(fn, runtime.handle, image.handle, 11));
      expect(r.code).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
      expect(r.message).toBe('layout');
    }
    expect(c.check(() => wasm().raw('ti_transition_image', runtime.handle, image.handle, TiImageLayout.SHADER_READ)).code).toBe(TiError.SUCCESS);
    image.free();
  });

  function slice(image: Image, box: { x?: number; y?: number; width?: number; height?: number } = {}, mip = 0): number {
    const ptr = c.alloc(TiImageSlice.size);
    image.writeSlice(ptr, { mip, layer: 0, layers: 1 }, box);
    return ptr;
  }

  it('copies a region of one image into another (device to device)', async () => {
    const src = runtime.allocateImage({ dimension: '2d', width: 13, height: 7, format: 'r32u' });
    const dst = runtime.allocateImage({ dimension: '2d', width: 9, height: 9, format: 'r32u' });
    const s = new Uint32Array(13 * 7).map((_, i) => i + 1);
    src.write(s);
    dst.write(new Uint32Array(81).fill(0xdead));
    const r = c.check(() => wasm().raw('ti_copy_image_device_to_device', runtime.handle, slice(dst, { x: 1, y: 2, width: 5, height: 4 }), slice(src, { x: 6, y: 3, width: 5, height: 4 })));
    expect(r.code, r.message).toBe(TiError.SUCCESS);
    const expected = new Uint32Array(81).fill(0xdead);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 5; x++) expected[(2 + y) * 9 + 1 + x] = s[(3 + y) * 13 + 6 + x];
    expect(await dst.read(Uint32Array)).toEqual(expected);
    src.free();
    dst.free();
  });

  it('copies of unequal extents are INVALID_ARGUMENT; regions outside the image ARGUMENT_OUT_OF_RANGE', () => {
    const a = runtime.allocateImage({ dimension: '2d', width: 8, height: 8, format: 'rgba8' });
    const b = runtime.allocateImage({ dimension: '2d', width: 8, height: 8, format: 'rgba8' });
    const unequal = c.check(() => wasm().raw('ti_copy_image_device_to_device', runtime.handle, slice(a, { width: 4, height: 4 }), slice(b, { width: 4, height: 3 })));
    expect(unequal.code).toBe(TiError.INVALID_ARGUMENT);
    const outside = c.check(() => wasm().raw('ti_copy_image_device_to_device', runtime.handle, slice(a, { x: 6, width: 4, height: 4 }), slice(b, { width: 4, height: 4 })));
    expect(outside.code).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
    expect(c.check(() => wasm().raw('ti_copy_image_device_to_device', runtime.handle, 0, slice(b))).code).toBe(TiError.ARGUMENT_NULL);
    a.free();
    b.free();
  });

  it('creates and destroys samplers; bad filters are ARGUMENT_OUT_OF_RANGE', () => {
    const L = TiSamplerCreateInfo;
    const info = (mag: number, anisotropy = 1): number => {
      const ptr = c.alloc(L.size);
      const v = wasm().view();
      v.setUint32(ptr + L.offsets.mag_filter, mag, true);
      v.setUint32(ptr + L.offsets.min_filter, 1, true);
      v.setUint32(ptr + L.offsets.address_mode, 2, true);
      v.setFloat32(ptr + L.offsets.max_anisotropy, anisotropy, true);
      return ptr;
    };
    const ok = c.check(() => wasm().raw('ti_create_sampler', runtime.handle, info(1, 8)));
    expect(ok.code, ok.message).toBe(TiError.SUCCESS);
    expect(ok.result).not.toBe(0);
    expect(c.check(() => wasm().raw('ti_destroy_sampler', runtime.handle, ok.result)).code).toBe(TiError.SUCCESS);
    expect(c.check(() => wasm().raw('ti_destroy_sampler', runtime.handle, ok.result)).code).toBe(TiError.INVALID_ARGUMENT);
    const bad = c.check(() => wasm().raw('ti_create_sampler', runtime.handle, info(7)));
    expect(bad.code).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
    expect(bad.message).toBe('create_info->mag_filter');
  });

  it('a stale image handle and a memory handle passed as an image are reported, not dereferenced', () => {
    const memory = runtime.allocateMemory({ size: 64 });
    expect(c.check(() => wasm().raw('ti_free_image', runtime.handle, memory.handle)).code).toBe(TiError.INVALID_ARGUMENT);
    memory.free();
  });
});

describe('leaks', () => {
  it('freeing images and samplers leaves no Vulkan objects behind', () => {
    const before = runtime.diagnostics().vulkanObjects;
    for (let i = 0; i < 20; i++) {
      runtime.allocateImage({ dimension: '2d', width: 16, height: 16, format: 'rgba8', mipLevels: 2 }).free();
      runtime.createSampler({ magFilter: 'nearest' }).destroy();
    }
    expect(runtime.diagnostics().vulkanObjects).toEqual(before);
  });

  it('the shim validated every command of these tests without a report (layouts included)', () => {
    expect(runtime.diagnostics().validationMessages).toEqual([]);
  });
});
