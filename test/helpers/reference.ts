// Seeded inputs and CPU references of the AOT-module tests, free of vitest and Node so that the
// same checks run on Dawn (vitest) and on wgpu (Deno: test/api/wgpu-fixtures-main.ts).

import type { NdArrayOptions, Runtime } from '../../src/index.js';
import { Rng } from './random.js';

/** Uniform numbers in [0, 1) from a seed (the fuzzers' mulberry32), so every run sees the same inputs. */
export function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** Index of the first non-finite value, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** How many values lie outside the open interval (0, 1) (NaN counts as outside). */
export function outsideUnitInterval(x: ArrayLike<number>): number {
  let outside = 0;
  for (let i = 0; i < x.length; i++) if (!(x[i] > 0 && x[i] < 1)) outside++;
  return outside;
}

/**
 * Operands for Taichi's matmul kernel: a (n x m) and b (m x p) filled with seeded numbers in
 * [-1, 1) (their host copies av and bv kept for the CPU), and c (n x p) made with `cOptions`.
 */
export function matmulOperands(rt: Runtime, [n, m, p]: [number, number, number], seed: number, cOptions: NdArrayOptions = {}) {
  const next = random(seed);
  const av = Float32Array.from({ length: n * m }, () => next() * 2 - 1);
  const bv = Float32Array.from({ length: m * p }, () => next() * 2 - 1);
  const a = rt.ndarray('f32', [n, m], { hostWrite: true });
  const b = rt.ndarray('f32', [m, p], { hostWrite: true });
  const c = rt.ndarray('f32', [n, p], cOptions);
  a.write(av);
  b.write(bv);
  return { av, bv, a, b, c };
}

/**
 * The worst error of `out` (n x p) against a (n x m) times b (m x p) computed on the CPU in f64,
 * each relative to the sum of |a*b| of its element: the scale f32 rounding grows with, so an
 * element that cancels to near zero stays meaningful.
 */
export function matmulError(a: Float32Array, b: Float32Array, out: ArrayLike<number>, n: number, m: number, p: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      let scale = 0;
      for (let k = 0; k < m; k++) {
        s += a[i * m + k] * b[k * p + j];
        scale += Math.abs(a[i * m + k] * b[k * p + j]);
      }
      worst = Math.max(worst, Math.abs(out[i * p + j] - s) / scale);
    }
  }
  return worst;
}
