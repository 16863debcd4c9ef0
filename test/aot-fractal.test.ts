// fractal.kernel.tcm and fractal.cgraph.tcm (Taichi 1.8.0): the 640x320 Julia-set canvas against
// the same iteration on the CPU in f32; differing pixels must be ones whose orbit is sensitive to
// rounding.

import { describe, expect, test } from 'vitest';
import type { NdArray, Runtime } from '../src/index.js';
import { fixture, useRuntime } from './helpers/aot.js';

const runtime = useRuntime();
const [W, H] = [640, 320];
const N = 320; // compiled into the kernel
const f = Math.fround;

/** The kernel's escape count, iterated in f32 (`round`) from z0 = (zx, zy) with c = (-0.8, cy). */
function escapeCount(zx: number, zy: number, cy: number, round: (x: number) => number): number {
  let iterations = 0;
  while (round(Math.sqrt(round(round(zx * zx) + round(zy * zy)))) < 20 && iterations < 50) {
    const nx = round(round(round(zx * zx) - round(zy * zy)) - 0.8);
    zy = round(round(round(2 * zx) * zy) + cy);
    zx = nx;
    iterations++;
  }
  return iterations;
}

function start(t: number, i: number, j: number): [number, number, number] {
  return [f(f(f(i / N) - 1) * 2), f(f(f(j / N) - 0.5) * 2), f(f(Math.cos(f(t))) * 0.2)];
}

/**
 * Whether the CPU reaches `count` too once rounding is perturbed: in f64, or in f32 with z0 and c
 * nudged by a few ulps. Near the Julia set the orbit amplifies rounding differences (the GPU's
 * cos, fused multiply-adds) until one escape test against |z| = 20 goes the other way; a pixel
 * that no nudge explains would be a real error.
 */
function explainedByRounding(t: number, i: number, j: number, count: number): boolean {
  const [zx, zy, cy] = start(t, i, j);
  if (escapeCount(zx, zy, cy, (x) => x) === count) return true;
  const ulp = 2 ** -23;
  for (const dx of [-2, -1, 0, 1, 2]) {
    for (const dy of [-2, -1, 0, 1, 2]) {
      for (const dc of [-1, 0, 1]) {
        if (escapeCount(f(zx * (1 + dx * ulp)), f(zy * (1 + dy * ulp)), f(cy * (1 + dc * ulp)), f) === count) return true;
      }
    }
  }
  return false;
}

/** Counts pixels equal to the CPU's value, and differing ones that rounding cannot explain. */
function compare(canvas: Float32Array, t: number): { matching: number; unexplained: number } {
  let matching = 0;
  let unexplained = 0;
  for (let i = 0; i < W; i++) {
    for (let j = 0; j < H; j++) {
      const [zx, zy, cy] = start(t, i, j);
      const value = canvas[i * H + j];
      // The kernel writes 1 - iterations * 0.02 in f32.
      if (value === f(1 - f(escapeCount(zx, zy, cy, f) * f(0.02)))) {
        matching++;
        continue;
      }
      const gpuCount = Math.round((1 - value) / 0.02);
      if (!(value === f(1 - f(gpuCount * f(0.02))) && explainedByRounding(t, i, j, gpuCount))) unexplained++;
    }
  }
  return { matching, unexplained };
}

async function checkCanvas(rt: Runtime, launch: (t: number, canvas: NdArray<'f32'>) => void): Promise<void> {
  const canvas = rt.ndarray('f32', [W, H]);
  try {
    for (const t of [0.3, 2.1]) {
      launch(t, canvas);
      const { matching, unexplained } = compare(await canvas.read(), t);
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
