// Issue 21, item 5: launches Taichi's runtime accepts with the shape split another way
// (leniency.py), compared with ti.cpu; splits that would read or write out of bounds stay refused.

import { describe, expect, test } from 'vitest';
import { expectTaichiError, useRuntime } from '../../helpers/aot.js';
import { expected, expectClose, loadModule, type Stored } from './load.js';

const runtime = useRuntime();
const want = expected<{ k: number; a0: Stored; a: Stored; p0: Stored; p: Stored; out: Stored }>('leniency');

describe('shape leniency', () => {
  const inputs = () => {
    const rt = runtime();
    const a = rt.ndarray('f32', want.a0.shape, { elementShape: [1], hostRead: true, hostWrite: true });
    a.write(Float32Array.from(want.a0.data));
    const p = rt.ndarray('f32', [3], { hostRead: true, hostWrite: true });
    p.write(Float32Array.from(want.p0.data));
    const out = rt.ndarray('f32', [2], { hostRead: true });
    return { a, p, out };
  };

  test('element shape [1] for scalar elements, and a 0-D vec3 given shape [3], in kernels', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'leniency');
    const { a, p, out } = inputs();
    mod.kernel('scale').launch(a, want.k);
    mod.kernel('measure').launch(p, out);
    await rt.wait();
    expectClose(await a.read(), want.a.data, 1e-5, 'scale');
    expectClose(await p.read(), want.p.data, 1e-5, 'p');
    expectClose(await out.read(), want.out.data, 1e-5, 'measure');
  });

  test('the same in a graph', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'leniency');
    const { a, p, out } = inputs();
    mod.graph('both').launch({ a, k: want.k, p, out });
    await rt.wait();
    expectClose(await a.read(), want.a.data, 1e-5, 'scale');
    expectClose(await out.read(), want.out.data, 1e-5, 'measure');
  });

  test('splits that do not hold the element are refused', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'leniency');
    const out = rt.ndarray('f32', [2]);
    const cases: [ReturnType<typeof rt.ndarray>, string[]][] = [
      [rt.ndarray('f32', [4]), ['shape [4]', 'elements [3]']],
      [rt.ndarray('f32', [1], { elementShape: [2] }), ['element shape [2]']],
      [rt.ndarray('f32', [2], { elementShape: [3] }), ['shape [2]', 'element shape [3]']],
    ];
    for (const [p, fragments] of cases) await expectTaichiError(() => mod.kernel('measure').launch(p, out), 'INVALID_ARGUMENT', "'_p'", ...fragments);
    await expectTaichiError(() => mod.kernel('scale').launch(rt.ndarray('f32', [5], { elementShape: [2] }), 1), 'INVALID_ARGUMENT', 'element shape [2]');
    expect(rt.diagnostics().validationMessages).toEqual([]);
  });
});
