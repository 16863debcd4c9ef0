// android_fill_matmul.tcm (Taichi 1.8.0): fill and matmul on non-square shapes, against the CPU.

import { describe, expect, test } from 'vitest';
import { fixture, matmulError, matmulOperands, random, useRuntime } from '../helpers/aot.js';

const runtime = useRuntime();
const MODULE = fixture('android_fill_matmul.tcm');

describe('android_fill_matmul.tcm', () => {
  test('lists its kernels with their argument kinds', async () => {
    const mod = await runtime().loadModule(MODULE);
    try {
      expect(mod.kernels.map((k) => k.name).sort()).toEqual(['fill', 'matmul']);
      const fill = mod.kernels.find((k) => k.name === 'fill')!;
      expect(fill.args.map((a) => [a.kind, a.dtype, a.ndim])).toEqual([
        ['ndarray', 'f32', 2],
        ['scalar', 'f32', 0],
      ]);
      expect(mod.graphs).toEqual([]);
    } finally {
      await mod.destroy();
    }
  });

  test('fill sets every element of a 37x53 ndarray, then a 5x211 one', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(MODULE);
    try {
      for (const [shape, value] of [
        [[37, 53], 3.25],
        [[5, 211], -0.125],
      ] as const) {
        const a = rt.ndarray('f32', [...shape], { hostWrite: true });
        a.write(new Float32Array(shape[0] * shape[1]).fill(Number.NaN));
        mod.kernel('fill').launch(a, value);
        const out = await a.read();
        expect(out.every((x) => x === value)).toBe(true);
        a.free();
      }
    } finally {
      await mod.destroy();
    }
  });

  test('matmul of 37x53 by 53x29 equals the CPU product within 1e-4 relative', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(MODULE);
    const [n, m, p] = [37, 53, 29];
    const { av, bv, a, b, c } = matmulOperands(rt, [n, m, p], 17);
    try {
      mod.kernel('matmul').launch(a, b, c);
      const out = await c.read();
      // The kernel sums in f32, the CPU in f64.
      expect(matmulError(av, bv, out, n, m, p)).toBeLessThan(1e-4);
    } finally {
      a.free();
      b.free();
      c.free();
      await mod.destroy();
    }
  });

  test('matmul with a 1-wide inner dimension (29x1 by 1x37) is the outer product', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(MODULE);
    const next = random(5);
    const u = Float32Array.from({ length: 29 }, () => next() * 4 - 2);
    const w = Float32Array.from({ length: 37 }, () => next() * 4 - 2);
    const a = rt.ndarray('f32', [29, 1], { hostWrite: true });
    const b = rt.ndarray('f32', [1, 37], { hostWrite: true });
    const c = rt.ndarray('f32', [29, 37]);
    try {
      a.write(u);
      b.write(w);
      mod.kernel('matmul').launch(a, b, c);
      const out = await c.read();
      // One f32 product per element: exact.
      for (let i = 0; i < 29; i++) for (let j = 0; j < 37; j++) expect(out[i * 37 + j]).toBe(Math.fround(u[i] * w[j]));
    } finally {
      a.free();
      b.free();
      c.free();
      await mod.destroy();
    }
  });

  // Consecutive launches with equal argument bytes share an argument slot, and the runtime binds
  // again only when the descriptor set or the slot changes: each launch here must still land.
  // The lists split at the 2nd, 4th and 8th launch after a wait, so most pairs share a list.
  test('repeated fills with equal arguments, across arrays and a copy between them, all land', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(MODULE);
    const fill = mod.kernel('fill');
    const nan = new Float32Array(37 * 53).fill(Number.NaN);
    const arrays = Array.from({ length: 8 }, () => rt.ndarray('f32', [37, 53], { hostWrite: true }));
    const [c, blank] = [0, 1].map(() => rt.ndarray('f32', [37, 53], { hostWrite: true }));
    try {
      for (const x of [...arrays, c, blank]) x.write(nan);
      await rt.wait();
      // The same bytes (shape and value) each time, on another array each time: another set.
      for (const x of arrays) fill.launch(x, 1.5);
      // A copy between two equal launches on one array: the second runs after it, in a new pass.
      fill.launch(c, 4);
      rt.copy({ memory: c.memory }, { memory: blank.memory, size: 37 * 53 * 4 });
      fill.launch(c, 4);
      fill.launch(arrays[0], -2);
      const outs = await Promise.all(arrays.map((x) => x.read()));
      expect(outs.map((o, i) => o.every((x) => x === (i === 0 ? -2 : 1.5)))).toEqual(arrays.map(() => true));
      expect((await c.read()).every((x) => x === 4)).toBe(true);
    } finally {
      for (const x of [...arrays, c, blank]) x.free();
      await mod.destroy();
    }
  });
});
