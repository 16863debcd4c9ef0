// Issue 21, item 1: vector and matrix arguments (TI_ARGUMENT_TYPE_TENSOR) of a kernel and of a
// graph, exported by vector_args.py and compared with Taichi's CPU backend.

import { describe, expect, test } from 'vitest';
import { expectTaichiError, useRuntime } from '../../helpers/aot.js';
import { expected, expectClose, loadModule, type Stored } from './load.js';

const runtime = useRuntime();
const want = expected<{ s: number; v: number[]; m: number[][]; w: number[]; a: Stored; b0: Stored; b1: Stored; b2: Stored }>('vector_args');

describe('vector and matrix arguments', () => {
  test('the module describes them as tensors with their shapes', async () => {
    const mod = await loadModule(runtime(), 'vector_args');
    const combine = mod.kernels.find((k) => k.name === 'combine')!;
    expect(combine.args.map((a) => [a.name, a.kind, a.dtype, a.elementShape])).toEqual([
      ['_a', 'ndarray', 'f32', []],
      ['s', 'scalar', 'f32', []],
      ['v', 'tensor', 'f32', [3]],
      ['m', 'tensor', 'i32', [2, 2]],
      ['w', 'tensor', 'i32', [2]],
    ]);
    expect(mod.graphs[0].args.map((a) => [a.name, a.kind])).toEqual([
      ['a', 'ndarray'],
      ['s', 'scalar'],
      ['v', 'tensor'],
      ['m', 'tensor'],
      ['w', 'tensor'],
      ['b', 'ndarray'],
    ]);
  });

  test('a kernel with vector and matrix arguments matches ti.cpu', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'vector_args');
    const a = rt.ndarray('f32', want.a.shape, { hostRead: true });
    // A matrix goes as rows or flat, row-major as Taichi's m[i, j].
    mod.kernel('combine').launch(a, want.s, want.v, want.m, want.w);
    await rt.wait();
    expectClose(await a.read(), want.a.data, 1e-5, 'combine');
    mod.kernel('combine').launch(a, want.s, want.v, want.m.flat(), want.w);
    const b = rt.ndarray('f32', [want.b0.shape[0]], { elementShape: [3], hostRead: true, hostWrite: true });
    b.write(Float32Array.from(want.b0.data));
    mod.kernel('shift').launch(b, want.v);
    await rt.wait();
    expectClose(await a.read(), want.a.data, 1e-5, 'combine (flat matrix)');
    expectClose(await b.read(), want.b1.data, 1e-5, 'shift');
  });

  test('a graph with vector and matrix arguments matches ti.cpu', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'vector_args');
    const a = rt.ndarray('f32', want.a.shape, { hostRead: true });
    const b = rt.ndarray('f32', [want.b0.shape[0]], { elementShape: [3], hostRead: true, hostWrite: true });
    b.write(Float32Array.from(want.b0.data));
    mod.graph('vectors').launch({ a, b, s: want.s, v: want.v, m: want.m, w: want.w });
    await rt.wait();
    expectClose(await a.read(), want.a.data, 1e-5, 'combine');
    expectClose(await b.read(), want.b2.data, 1e-5, 'shift twice');
  });

  test('a tensor of the wrong length or type is refused, naming the argument', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'vector_args');
    const a = rt.ndarray('f32', want.a.shape);
    await expectTaichiError(() => mod.kernel('combine').launch(a, want.s, [1, 2], want.m, want.w), 'INVALID_ARGUMENT', "'v'", '2 tensor elements', 'takes 3');
    await expectTaichiError(() => mod.kernel('combine').launch(a, want.s, want.v, want.m, 3), 'INVALID_ARGUMENT', "'w'");
  });
});
