// Issue 21, item 2: block reductions through ti.simt.block.SharedArray with barriers inside
// Taichi's grid-stride loop (shared_arrays.py), which the translator makes uniform
// (shim/spirv/passes/uniform-barrier-loop.ts). Expected values: the same reductions on ti.cpu,
// which Taichi's own Vulkan runtime matched when they were exported.

import { describe, expect, test } from 'vitest';
import { useRuntime } from '../../helpers/aot.js';
import { expected, loadModule, type Stored } from './load.js';

const runtime = useRuntime();
const want = expected<{ block: number; ints: Stored; floats: Stored; sums: Stored; maxes: Stored }>('shared_arrays');

describe('shared arrays with barriers', () => {
  test('a tree sum per block (shared-memory atomics between barriers) matches exactly', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'shared_arrays');
    const a = rt.ndarray('i32', want.ints.shape, { hostWrite: true });
    a.write(Int32Array.from(want.ints.data));
    const out = rt.ndarray('i32', want.sums.shape, { hostRead: true });
    mod.kernel('block_sum').launch(a, out);
    await rt.wait();
    expect(Array.from(await out.read())).toEqual(want.sums.data);
  });

  test('a max per block (plain shared stores between barriers, in an unrolled loop) matches exactly', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'shared_arrays');
    const a = rt.ndarray('f32', want.floats.shape, { hostWrite: true });
    a.write(Float32Array.from(want.floats.data));
    const out = rt.ndarray('f32', want.maxes.shape, { hostRead: true });
    // Twice: the second launch reuses the pipeline and the workgroup memory starts over.
    for (let i = 0; i < 2; i++) mod.kernel('block_max_f32').launch(a, out);
    await rt.wait();
    // max and subtraction of the same f32 values round identically everywhere.
    expect(Array.from(await out.read())).toEqual(want.maxes.data);
  });
});
