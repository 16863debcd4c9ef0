// fractal.kernel.tcm and fractal.cgraph.tcm (Taichi 1.8.0): the 640x320 Julia-set canvas against
// the same iteration on the CPU in f32; differing pixels must be ones whose orbit is sensitive to
// rounding.

import { describe, expect, test } from 'vitest';
import type { NdArray, Runtime } from '../../src/index.js';
import { fixture, useRuntime } from '../helpers/aot.js';
import { compareFractal, FRACTAL_H as H, FRACTAL_W as W } from '../helpers/fractal.js';

const runtime = useRuntime();

async function checkCanvas(rt: Runtime, launch: (t: number, canvas: NdArray<'f32'>) => void): Promise<void> {
  const canvas = rt.ndarray('f32', [W, H]);
  try {
    for (const t of [0.3, 2.1]) {
      launch(t, canvas);
      const { matching, unexplained } = compareFractal(await canvas.read(), t);
      console.log(`t=${t}: ${matching} of ${W * H} pixels match, ${unexplained} unexplained`);
      expect(matching / (W * H)).toBeGreaterThanOrEqual(0.999);
      expect(unexplained).toBe(0);
    }
  } finally {
    canvas.free();
  }
}

describe('fractal', () => {
  test('fractal.kernel.tcm: kernel fractal(t, canvas) for t = 0.3 and 2.1', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(fixture('fractal.kernel.tcm'));
    try {
      expect(mod.kernels.map((k) => [k.name, k.args.map((a) => a.kind)])).toEqual([['fractal', ['scalar', 'ndarray']]]);
      await checkCanvas(rt, (t, canvas) => mod.kernel('fractal').launch(t, canvas));
    } finally {
      await mod.destroy();
    }
  });

  test('fractal.cgraph.tcm: graph fractal with named args t and canvas', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(fixture('fractal.cgraph.tcm'));
    try {
      const graph = mod.graphs.find((g) => g.name === 'fractal')!;
      expect(graph.args.map((a) => a.name).sort()).toEqual(['canvas', 't']);
      await checkCanvas(rt, (t, canvas) => mod.graph('fractal').launch({ t, canvas }));
    } finally {
      await mod.destroy();
    }
  });
});
