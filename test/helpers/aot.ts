// Shared pieces of the AOT-module tests: fixture paths, one runtime per test file, error
// assertions, a seeded random source and small numeric summaries.

import { afterAll, beforeAll, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Runtime, TaichiError, type NdArrayOptions } from '../../src/index.js';
import type { TaichiErrorCode } from '../../src/errors.js';
import { Rng } from '../fuzz/random.js';

/** The real Taichi modules (read-only, shared/ beside the checkout, as in CI). */
export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/taichi-aot/', import.meta.url));

export function fixture(name: string): string {
  return FIXTURES + name;
}

/** Creates one runtime for the calling test file (beforeAll) and destroys it afterwards. */
export function useRuntime(): () => Runtime {
  let runtime: Runtime | undefined;
  beforeAll(async () => {
    runtime = await Runtime.create();
  });
  afterAll(async () => {
    await runtime?.destroy();
  });
  return () => {
    if (!runtime) throw new Error('the runtime is created in beforeAll');
    return runtime;
  };
}

/** Runs `fn` and checks it fails with a TaichiError of `code` whose detail contains every fragment. */
export async function expectTaichiError(fn: () => unknown, code: TaichiErrorCode, ...fragments: string[]): Promise<TaichiError> {
  let caught: unknown;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected TI_ERROR_${code}`).toBeInstanceOf(TaichiError);
  const error = caught as TaichiError;
  expect(error.code, error.message).toBe(code);
  for (const f of fragments) expect(error.detail).toContain(f);
  return error;
}

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
