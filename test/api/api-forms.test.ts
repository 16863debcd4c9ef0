// What users naturally pass: copies between memories, ndarrays and slices; graphs launched with
// positional arguments, which are refused with the form they take.

import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { expectTaichiError, useRuntime } from '../helpers/aot.js';

const runtime = useRuntime();

describe('argument forms', () => {
  test('copy takes a Memory, an NdArray or a slice at either end', async () => {
    const rt = runtime();
    const a = rt.ndarray('f32', [8], { hostWrite: true });
    const b = rt.ndarray('f32', [8], { hostRead: true });
    a.write(Float32Array.from({ length: 8 }, (_, i) => i + 0.5));
    rt.copy(b.memory, a.memory);
    expect(Array.from(await b.read())).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]);
    a.write(new Float32Array(8).fill(-2));
    rt.copy(b, a);
    expect(Array.from(await b.read())).toEqual(new Array(8).fill(-2));
    a.write(Float32Array.from({ length: 8 }, (_, i) => 10 * i));
    rt.copy({ memory: b.memory, offset: 16 }, { memory: a.memory, offset: 0, size: 8 });
    expect(Array.from(await b.read())).toEqual([-2, -2, -2, -2, 0, 10, -2, -2]);
    await expectTaichiError(() => rt.copy(b, 3 as never), 'INVALID_ARGUMENT', 'copy: src must be a Memory, an NdArray or { memory, offset?, size? }');
  });

  test('a graph launched with positional arguments says it takes them by name', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(fileURLToPath(new URL('../../examples/modules/mpm88.cgraph.tcm', import.meta.url)));
    const x = rt.ndarray('f32', [64], { elementShape: [2] });
    await expectTaichiError(() => mod.graph('init').launch(x as never), 'INVALID_ARGUMENT', "graph 'init' takes its arguments by name, as one object: launch({ x, v, J })");
    await expectTaichiError(() => mod.graph('init').launch([x] as never), 'INVALID_ARGUMENT', 'by name');
    await mod.destroy();
  });
});
