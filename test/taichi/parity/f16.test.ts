// Issue 21, item 3: half precision. SPIR-V's float16 becomes WGSL's f16 where the device has
// WebGPU's shader-f16 (and is refused by name where it has not); the 16-bit float device
// extensions that Taichi's C API users ask for map onto it. The kernel that computes in f16 is
// checked against ti.cpu in capabilities.test.ts (spirv_has_float16).

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unzipSync } from 'fflate';
import { translateSpirv, SpirvTranslationError } from '../../../shim/spirv/translate.js';
import { TiCapability, TiError } from '../../../src/abi/taichi-enums.js';
import type { TaichiWasm } from '../../../src/wasm.js';
import { CApi, instantiate } from '../../helpers/taichi.js';

const VK_API_VERSION_1_3 = (1 << 22) | (3 << 12);

function f16Spirv(): Uint32Array {
  const files = unzipSync(readFileSync(new URL('./modules/cap_spirv_has_float16.tcm', import.meta.url)));
  const name = Object.keys(files).find((n) => n.endsWith('.spv'))!;
  const bytes = files[name];
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

describe('f16 in the translator', () => {
  test('float16 becomes f16 with shader-f16, and is refused by name without it', () => {
    const words = f16Spirv();
    const r = translateSpirv(words, { f16: true });
    expect(r.wgsl.startsWith('enable f16;')).toBe(true);
    expect(r.wgsl).toMatch(/f16\(/);
    let error: unknown;
    try {
      translateSpirv(words);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpirvTranslationError);
    expect((error as SpirvTranslationError).reason).toContain("needs WebGPU's shader-f16 feature");
  });
});

describe('16-bit float device extensions', () => {
  let wasm: TaichiWasm;
  let c: CApi;
  beforeAll(async () => {
    wasm = await instantiate();
    c = new CApi(wasm);
  });
  afterAll(() => c?.release());

  const create = async (names: string[]) => {
    const list = c.alloc(4 * names.length);
    const strings = names.map((n) => wasm.allocCString(n));
    strings.forEach((s, i) => c.setU32(list + 4 * i, s));
    try {
      return await wasm.callAsync('ti_create_vulkan_runtime_ext', VK_API_VERSION_1_3, 0, 0, names.length, list);
    } finally {
      for (const s of strings) wasm.free(s);
    }
  };
  const float16 = (runtime: number) =>
    wasm.withHeap(8 * 32, (buf) => {
      const count = c.alloc(4);
      c.setU32(count, 32);
      wasm.raw('ti_get_runtime_capabilities', runtime, count, buf);
      const n = c.u32(count);
      for (let i = 0; i < n; i++) if (c.u32(buf + 8 * i) === TiCapability.SPIRV_HAS_FLOAT16) return c.u32(buf + 8 * i + 4);
      return 0;
    });

  test('VK_KHR_shader_float16_int8 and VK_KHR_16bit_storage are offered and give spirv_has_float16', async () => {
    const runtime = await create(['VK_KHR_shader_float16_int8', 'VK_KHR_16bit_storage']);
    expect(runtime).not.toBe(0);
    expect(float16(runtime)).toBe(1);
    await wasm.callAsync('ti_destroy_runtime', runtime);
    const plain = await wasm.callAsync('ti_create_runtime', 1, 0);
    expect(float16(plain)).toBe(1);
    await wasm.callAsync('ti_destroy_runtime', plain);
  });

  test('an extension the shim does not offer is NOT_SUPPORTED', async () => {
    c.clearError();
    const runtime = await create(['VK_KHR_shader_float16_int8', 'VK_EXT_no_such_extension']).catch(() => 0);
    expect(runtime).toBe(0);
    expect(c.error().code).toBe(TiError.NOT_SUPPORTED);
  });
});
