// Deterministic mode through the C API (docs/deterministic.md): ti_create_runtime_ext's flag and
// the shim's VK_TAICHIWASM_deterministic device extension make the same runtime, whose kernels
// that depend on the workgroup load and then refuse to launch, naming themselves and the reason.
// The corpus in this mode: test/taichi/deterministic.test.ts.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TiArch, TiError } from '../../src/abi/taichi-enums.js';
import type { TaichiWasm } from '../../src/wasm.js';
import { CApi, instantiate } from '../helpers/taichi.js';

const VK_API_VERSION_1_3 = (1 << 22) | (3 << 12);
const DETERMINISTIC_BIT = 1;
/** A module whose kernels all use a shared array and barriers. */
const SHARED = readFileSync(new URL('../taichi/taichi/atomics_shared.tcm', import.meta.url));

describe('deterministic runtimes in the C API', () => {
  let wasm: TaichiWasm;
  let c: CApi;
  beforeAll(async () => {
    wasm = await instantiate();
    c = new CApi(wasm);
  });
  afterAll(() => c?.release());

  /** Launches kernel `name` of the shared-array module with no arguments; the error it fails with. */
  async function launchShared(runtime: number, name: string): Promise<{ code: number; message: string }> {
    const module = await wasm.withHeapAsync(SHARED.length, async (ptr) => {
      wasm.heap.set(SHARED, ptr);
      return wasm.callAsync('ti_create_aot_module', runtime, ptr, BigInt(SHARED.length));
    });
    const cname = wasm.allocCString(name);
    try {
      const kernel = wasm.call('ti_get_aot_module_kernel', module, cname);
      c.clearError();
      wasm.raw('ti_launch_kernel', runtime, kernel, 0, 0);
      return c.error();
    } finally {
      wasm.free(cname);
      await wasm.callAsync('ti_destroy_aot_module', module);
    }
  }

  test('ti_create_runtime_ext refuses flags it does not define', async () => {
    c.clearError();
    const runtime = await wasm.callAsync('ti_create_runtime_ext', TiArch.VULKAN, 0, 2).catch(() => 0);
    expect(runtime).toBe(0);
    expect(c.error()).toMatchObject({ code: TiError.ARGUMENT_OUT_OF_RANGE });
    expect(c.error().message).toContain('TI_RUNTIME_FLAG_DETERMINISTIC_BIT_EXT');
  });

  test('by flag or by extension name, a kernel with barriers loads and refuses to launch, naming itself and the reason', async () => {
    const name = wasm.allocCString('VK_TAICHIWASM_deterministic');
    const list = c.alloc(4);
    c.setU32(list, name);
    const byName = await wasm.callAsync('ti_create_vulkan_runtime_ext', VK_API_VERSION_1_3, 0, 0, 1, list);
    wasm.free(name);
    const byFlag = await wasm.callAsync('ti_create_runtime_ext', TiArch.VULKAN, 0, DETERMINISTIC_BIT);
    for (const runtime of [byName, byFlag]) {
      const e = await launchShared(runtime, 'atomic_add_i32_shared');
      expect(e.code).toBe(TiError.NOT_SUPPORTED);
      expect(e.message).toContain("kernel 'atomic_add_i32_shared' cannot run in deterministic mode");
      expect(e.message).toContain('it synchronizes its workgroup with barriers');
      await wasm.callAsync('ti_destroy_runtime', runtime);
    }
  });

  test('without the flag the same launch gets as far as its arguments', async () => {
    const runtime = await wasm.callAsync('ti_create_runtime_ext', TiArch.VULKAN, 0, 0);
    const e = await launchShared(runtime, 'atomic_add_i32_shared');
    expect(e.code).not.toBe(TiError.SUCCESS);
    expect(e.code).not.toBe(TiError.NOT_SUPPORTED);
    await wasm.callAsync('ti_destroy_runtime', runtime);
  });
});
