// Issue 14 item 4 and issue 21 items 3 and 7: a module per capability (capabilities.py), each
// with a kernel that uses it where Taichi can emit one. A capability the runtime reports runs and
// matches ti.cpu; any other is refused at load, naming the capability and why
// (docs/capabilities.md).

import { describe, expect, test } from 'vitest';
import { TiCapability } from '../../../src/abi/taichi-enums.js';
import { expectTaichiError, useRuntime } from '../../helpers/aot.js';
import { expected, expectClose, loadModule, type Stored } from './load.js';

const runtime = useRuntime();
const want = expected<{ exported: string[]; kernels: Record<string, string>; results: Record<string, { input: Stored; output: Stored; second?: boolean }> }>('capabilities');

/** What a new runtime offers besides spirv_version, and so what runs (int8, int16: in 32-bit words; float16: on lavapipe too). */
const OFFERED = ['spirv_has_int8', 'spirv_has_int16', 'spirv_has_float16', 'spirv_has_atomic_float', 'spirv_has_atomic_float_add', 'spirv_has_atomic_float_minmax', 'spirv_has_no_integer_wrap_decoration'];

/** Offered where the device has WebGPU's subgroups feature (lavapipe and the GPU machine do). */
const SUBGROUPS = ['spirv_has_subgroup_basic', 'spirv_has_subgroup_vote', 'spirv_has_subgroup_arithmetic', 'spirv_has_subgroup_ballot'];

const enumName = (cap: string) => cap.toUpperCase() as keyof typeof TiCapability;

/**
 * A subgroup kernel's result depends on how invocations are grouped, so it is checked by what
 * holds at any subgroup size: reduce_add of ones gives each invocation its subgroup's active
 * count v (so v divides the number of invocations given v); elect() is 0 or 1 and 1 somewhere.
 */
function expectSubgroupResult(kernel: string, values: ArrayLike<number>): void {
  const counts = new Map<number, number>();
  for (const v of Array.from(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (kernel === 'use_subgroup_add') {
    for (const [v, n] of counts) {
      expect(Number.isInteger(v) && v >= 1 && v <= 128, `reduce_add of ones: ${v}`).toBe(true);
      expect(n % v, `${n} invocations gave ${v}`).toBe(0);
    }
  } else {
    expect([...counts.keys()].every((v) => v === 0 || v === 1), 'elect() is 0 or 1').toBe(true);
    expect(counts.get(1) ?? 0, 'elected invocations').toBeGreaterThanOrEqual(Math.ceil(values.length / 128));
  }
}

describe('capabilities', () => {
  test('a new runtime reports spirv_version and exactly the capabilities it can run', () => {
    const caps = runtime().capabilities();
    expect(caps.spirv_version).toBeGreaterThanOrEqual(0x10300);
    // Every capability is named, by Taichi's names (those ti.aot.Module exported above), 0 where not offered.
    expect(Object.keys(caps).sort()).toEqual(['spirv_version', ...want.exported].sort());
    const offered = [...OFFERED, ...(runtime().gpuDevice.features.has('subgroups') ? SUBGROUPS : [])];
    expect(Object.entries(caps).filter(([name, level]) => name !== 'spirv_version' && level > 0).sort()).toEqual(offered.map((c) => [c, 1]).sort());
    // @ts-expect-error: a capability Taichi does not have is not a property
    expect(caps.spirv_has_float128).toBeUndefined();
    // float16 is WebGPU's shader-f16, which Dawn offers on lavapipe.
    expect(runtime().gpuDevice.features.has('shader-f16')).toBe(true);
  });

  test('every capability of ti.aot.Module has a module', () => {
    const all = Object.keys(TiCapability).filter((k) => k.startsWith('SPIRV_HAS_'));
    expect(want.exported.map((c) => c.toUpperCase()).sort()).toEqual(all.sort());
  });

  for (const cap of Object.keys(want.kernels)) {
    const kernel = want.kernels[cap];
    if (SUBGROUPS.includes(cap) && kernel !== 'use_plain') {
      test(`${cap}: runs ${kernel} where the device has subgroups, refused naming it elsewhere`, async () => {
        const rt = runtime();
        if (!rt.gpuDevice.features.has('subgroups')) {
          await expectTaichiError(() => loadModule(rt, `cap_${cap}`), 'INCOMPATIBLE_MODULE', `requires ${cap} = 1`, 'subgroups feature');
          return;
        }
        const mod = await loadModule(rt, `cap_${cap}`);
        const n = 1000;
        const dtype = kernel === 'use_subgroup_add' ? 'f32' : 'i32';
        const a = rt.ndarray(dtype, [n], { hostWrite: true, hostRead: true });
        a.write(new Array<number>(n).fill(1));
        mod.kernel(kernel).launch(a);
        expectSubgroupResult(kernel, await a.read());
        await mod.destroy();
      });
    } else if (OFFERED.includes(cap) || SUBGROUPS.includes(cap)) {
      test(`${cap}: runs ${kernel} and matches ti.cpu`, async () => {
        const rt = runtime();
        const mod = await loadModule(rt, `cap_${cap}`);
        const r = want.results[kernel];
        const dtype = r.input.dtype === 'int32' ? 'i32' : 'f32';
        const a = rt.ndarray(dtype, r.input.shape, { hostWrite: true, hostRead: true });
        a.write(dtype === 'i32' ? Int32Array.from(r.input.data) : Float32Array.from(r.input.data));
        let out = a;
        if (r.second) {
          out = rt.ndarray('f32', r.output.shape, { hostWrite: true, hostRead: true });
          out.write(Float32Array.from(kernel.includes('minmax') ? [-1e30, 1e30, 0, 0] : [0, 0, 0, 0]));
          mod.kernel(kernel).launch(a, out);
        } else {
          mod.kernel(kernel).launch(a);
        }
        await rt.wait();
        // Float atomic sums add in another order than on the CPU; f16 results (up to 70) may
        // differ by an f16 ulp (1/16 there), and use_plain's a * 2 + 1 (up to 9) by an f32 ulp,
        // where a multiply-add is fused; the rest is exact.
        const tolerance = kernel === 'use_atomic_float_add' ? 1e-4 : kernel === 'use_f16' ? 1 / 16 : kernel === 'use_plain' ? 1e-6 : 0;
        expectClose(await out.read(), r.output.data, tolerance, kernel);
        await mod.destroy();
      });
    } else {
      test(`${cap}: refused at load, naming it`, async () => {
        await expectTaichiError(() => loadModule(runtime(), `cap_${cap}`), 'INCOMPATIBLE_MODULE', `requires ${cap} = 1`, 'the runtime has 0: ');
      });
    }
  }

  test('a capability switched off by ti_set_runtime_capabilities_ext refuses its module, saying so', async () => {
    const rt = runtime();
    const wasm = rt.wasm;
    const before = rt.capabilities();
    wasm.withHeap(8, (ptr) => {
      wasm.view().setUint32(ptr, TiCapability.SPIRV_VERSION, true);
      wasm.view().setUint32(ptr + 4, before.spirv_version, true);
      wasm.call('ti_set_runtime_capabilities_ext', rt.handle, 1, ptr);
    });
    try {
      await expectTaichiError(() => loadModule(rt, 'cap_spirv_has_atomic_float_add'), 'INCOMPATIBLE_MODULE', 'spirv_has_atomic_float_add', 'ti_set_runtime_capabilities_ext');
      expect(rt.capabilities().spirv_has_atomic_float_add).toBe(0);
    } finally {
      const entries = Object.entries(before)
        .filter(([, level]) => level > 0)
        .map(([name, level]) => [TiCapability[enumName(name)], level]);
      wasm.withHeap(8 * entries.length, (ptr) => {
        entries.forEach(([c, l], i) => {
          wasm.view().setUint32(ptr + 8 * i, c, true);
          wasm.view().setUint32(ptr + 8 * i + 4, l, true);
        });
        wasm.call('ti_set_runtime_capabilities_ext', rt.handle, entries.length, ptr);
      });
    }
  });
});
