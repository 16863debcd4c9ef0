// Issue 21, items 0 and 4: kernels whose only arguments are textures, in a graph whose
// graphs.json carries Taichi 1.7.4's uninitialised field_dim for them (textures.py). Expected
// values come from ti.vulkan, as textures do not run under ti.cpu.

import { describe, expect, test } from 'vitest';
import { useRuntime } from '../../helpers/aot.js';
import { expected, expectClose, loadModule, type Stored } from './load.js';

const runtime = useRuntime();
const want = expected<{ width: number; height: number; rows: Stored; painted_rows: Stored }>('textures');

describe('texture-only kernels', () => {
  const image = () => runtime().allocateImage({ dimension: '2d', width: want.width, height: want.height, format: 'r32f' });

  test('the graph loads and runs as on ti.vulkan', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'textures');
    expect(mod.graphs[0].args.map((a) => [a.name, a.kind])).toEqual([
      ['a', 'rw_texture'],
      ['ta', 'texture'],
      ['b', 'rw_texture'],
      ['tb', 'texture'],
      ['out', 'ndarray'],
    ]);
    const [a, b] = [image(), image()];
    const out = rt.ndarray('f32', [want.height], { hostRead: true });
    mod.graph('pipeline').launch({ a, ta: a, b, tb: b, out });
    await rt.wait();
    expectClose(await out.read(), want.rows.data, 1e-4, 'rows of 1 - checkerboard');
  });

  test('the kernels run one by one, texture-only ones binding no args buffer', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'textures');
    const a = image();
    const out = rt.ndarray('f32', [want.height], { hostRead: true });
    mod.kernel('paint').launch(a);
    mod.kernel('rows').launch(a, out);
    await rt.wait();
    expectClose(await out.read(), want.painted_rows.data, 1e-4, 'rows of the checkerboard');
    expect(rt.diagnostics().validationMessages).toEqual([]);
  });
});
