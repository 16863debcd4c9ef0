// The GLSL corpus: each shader is compiled by glslang, translated, run on Dawn and on wgpu (under
// Deno, whose naga validates the WGSL too), and its output compared with the same computation
// done here on the CPU.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateSpirv, type TranslationResult } from '../../shim/spirv/translate.js';
import { createDevice, GLSL_DIR, rng, run, SpirvCompiler, type Resource } from './harness.js';
import { onWgpu, type WgpuResult } from '../helpers/wgpu-shaders.js';

const N = 256;
const f = Math.fround;
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const bits = (x: number): number => { F32[0] = x; return U32[0]; };
const fromBits = (u: number): number => { U32[0] = u; return F32[0]; };
const smod = (x: number, y: number): number => ((x % y) + y) % y;

function ints(seed: number, n: number, lo: number, hi: number): Int32Array {
  const r = rng(seed);
  return Int32Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo + 1)));
}
function uints(seed: number, n: number): Uint32Array {
  const r = rng(seed);
  return Uint32Array.from({ length: n }, () => Math.floor(r() * 4294967296));
}
function floats(seed: number, n: number, lo: number, hi: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => lo + r() * (hi - lo));
}

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBeGreaterThanOrEqual(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (Number.isNaN(e)) { expect(Number.isNaN(a)).toBe(true); continue; }
    if (Math.abs(a - e) > tol * Math.max(1, Math.abs(e))) {
      throw new Error(`element ${i}: got ${a}, expected ${e} (tolerance ${tol})`);
    }
  }
}
function exact(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBeGreaterThanOrEqual(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i]) && actual[i] !== expected[i]) throw new Error(`element ${i}: got ${actual[i]}, expected ${expected[i]}`);
  }
}

interface Case {
  file: string;
  env?: string;
  optimize?: boolean;
  groups: [number, number, number];
  resources: Record<number, Resource>;
  check: (out: Record<number, ArrayBuffer>, r: TranslationResult) => void;
}

const popcount = (x: number): number => { let c = 0; for (let v = x >>> 0; v; v >>>= 1) c += v & 1; return c; };
const findMsbU = (x: number): number => (x >>> 0 === 0 ? -1 : 31 - Math.clz32(x));
const findMsbS = (x: number): number => (x < 0 ? findMsbU(~x) : findMsbU(x));
const findLsb = (x: number): number => (x >>> 0 === 0 ? -1 : 31 - Math.clz32(x & -x));
const roundEven = (x: number): number => { const r = Math.round(x); return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r; };

const A_INT = ints(1, N, -1000, 1000);
const A_UINT = uints(2, N);
const A_F = floats(3, N, -10, 10);
const A_SMALL = ints(4, N, -50, 50);

const cases: Record<string, Case> = {
  int_arith: {
    groups: [4, 1, 1], file: 'int_arith.comp', resources: { 0: { buffer: A_INT }, 1: { buffer: 4 * N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_INT[i];
        const y = A_INT[(i * 7 + 3) % N] | 1;
        e.push((x * 3 + y - Math.trunc(x / y)) | 0, smod(x, y), -x, (Math.imul(x, y) - 17) | 0);
      }
      exact(new Int32Array(o[1]), e);
    },
  },
  uint_arith: {
    groups: [4, 1, 1], file: 'uint_arith.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: 4 * N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_UINT[i];
        const y = (A_UINT[(i * 5 + 1) % N] | 1) >>> 0;
        e.push((Math.floor(x / y) + (x % y)) >>> 0, Math.imul(x, 2654435761) >>> 0, (y - x) >>> 0, ((x + y) >>> 0) % 1000);
      }
      exact(new Uint32Array(o[1]), e);
    },
  },
  float_arith: {
    groups: [4, 1, 1], file: 'float_arith.comp', resources: { 0: { buffer: A_F }, 1: { buffer: 4 * N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_F[i];
        const y = A_F[(i * 3 + 1) % N];
        e.push(f(f(x * y) + 0.5), f(x / f(Math.abs(y) + 1)), f(-x - y), x - 1.5 * Math.floor(x / 1.5));
      }
      close(new Float32Array(o[1]), e, 1e-5);
    },
  },
  bitwise: {
    groups: [4, 1, 1], file: 'bitwise.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: 6 * N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_UINT[i];
        const y = A_UINT[(i + 17) % N];
        e.push((x & y) >>> 0, (x | (y << 3)) >>> 0, (x ^ ~y) >>> 0, x >>> (y & 31), ((x | 0) >> 7) >>> 0, ((x << (i & 31)) >>> 0) >>> 1);
      }
      exact(new Uint32Array(o[1]), e);
    },
  },
  bitfield: {
    groups: [4, 1, 1], file: 'bitfield.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: 6 * N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_UINT[i];
        const s = x | 0;
        e.push((x >>> 3) & 0x7f, (s << 18) >> 23, ((x & ~(7 << 4)) | (5 << 4)) | 0, popcount(x), findLsb(x), findMsbU(x) + 100 * findMsbS(s));
      }
      exact(new Int32Array(o[1]), e);
    },
  },
  compare: {
    groups: [4, 1, 1], file: 'compare.comp', resources: { 0: { buffer: A_SMALL }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_SMALL[i];
        const y = A_SMALL[255 - i];
        const ux = x >>> 0, uy = y >>> 0, fx = x * 0.5, fy = y * 0.5;
        const flags = [x < y, x <= y, x > y, x >= y, x === y, x !== y, ux < uy, ux >= uy, fx < fy, fx >= fy, fx !== fy, fx === fy];
        e.push(flags.reduce((acc, b, k) => acc | (b ? 1 << k : 0), 0));
      }
      exact(new Uint32Array(o[1]), e);
    },
  },
  logical: {
    groups: [4, 1, 1], file: 'logical.comp', resources: { 0: { buffer: A_SMALL }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_SMALL[i];
        const p = x > 0, q = (x & 4) !== 0, r = smod(x, 3) === 0;
        e.push((p && q ? 1 : 0) + (p || r ? 2 : 0) + (!q ? 4 : 0) + (p === r ? 8 : 0) + (q !== r ? 16 : 0) + (p !== q ? 32 : 0));
      }
      exact(new Int32Array(o[1]), e);
    },
  },
  convert: {
    groups: [4, 1, 1], file: 'convert.comp', resources: { 0: { buffer: floats(5, N, -100, 100) }, 1: { buffer: 5 * N * 4 } },
    check: (o) => {
      const a = floats(5, N, -100, 100);
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = a[i];
        const s = Math.trunc(x);
        const u = Math.trunc(Math.abs(x));
        e.push(s >>> 0, u, bits(f(s * 0.25)), bits(f(u + 1)), (((bits(x) | 0) >> 1) + 0x3f800000) >>> 0);
      }
      exact(new Uint32Array(o[1]), e);
    },
  },
  vector: {
    groups: [4, 1, 1], file: 'vector.comp', resources: { 0: { buffer: floats(6, 4 * N, -2, 2) }, 1: { buffer: 12 * N * 4 } },
    check: (o) => {
      const a = floats(6, 4 * N, -2, 2);
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = a.subarray(4 * i, 4 * i + 4);
        const y = a.subarray(4 * ((i + 1) % N), 4 * ((i + 1) % N) + 4);
        const yz = [y[2], y[1], y[0]];
        const c = [x[1] * yz[2] - x[2] * yz[1], x[2] * yz[0] - x[0] * yz[2], x[0] * yz[1] - x[1] * yz[0]];
        const d = x[0] * y[0] + x[1] * y[1] + x[2] * y[2] + x[3] * y[3];
        const m = [x[3] * 2 + y[0], x[2] * 2 + y[1]];
        const t = [x[0] + 2, x[1] + 2, x[2] + 2];
        const len = Math.hypot(...t);
        e.push(...c, d, ...m, Math.hypot(x[0], x[1]), x[1] - y[3], t[2] / len, t[0] / len, m[1] * 3, -m[0]);
      }
      close(new Float32Array(o[1]), e, 1e-5);
    },
  },
  vector_dynamic: {
    groups: [4, 1, 1], file: 'vector_dynamic.comp', resources: { 0: { buffer: ints(7, 4 * N, -100, 100) }, 1: { buffer: 4 * N * 4 } },
    check: (o) => {
      const a = ints(7, 4 * N, -100, 100);
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const v = Array.from(a.subarray(4 * i, 4 * i + 4));
        const k = i % 4;
        v[(k + 1) % 4] = v[k] * 10;
        v[0] += 1;
        e.push(...v);
      }
      exact(new Int32Array(o[1]), e);
    },
  },
  matrix: {
    groups: [4, 1, 1], file: 'matrix.comp', resources: { 0: { buffer: floats(8, 9 * N, -2, 2) }, 1: { buffer: 16 * N * 4 } },
    check: (o) => {
      const a = floats(8, 9 * N, -2, 2);
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const m = (c: number, r: number): number => a[9 * i + 3 * c + r];
        const v = [a[9 * i], 1, -2];
        const mv = [0, 1, 2].map((r) => m(0, r) * v[0] + m(1, r) * v[1] + m(2, r) * v[2]);
        const vm = [0, 1, 2].map((c) => v[0] * m(c, 0) + v[1] * m(c, 1) + v[2] * m(c, 2));
        const mm = (c: number, r: number): number => 0.5 * [0, 1, 2].reduce((s, k) => s + m(k, r) * m(k, c), 0);
        const det = m(0, 0) * (m(1, 1) * m(2, 2) - m(2, 1) * m(1, 2)) - m(1, 0) * (m(0, 1) * m(2, 2) - m(2, 1) * m(0, 2)) + m(2, 0) * (m(0, 1) * m(1, 2) - m(1, 1) * m(0, 2));
        const qv = [m(0, 0) + 2 * m(1, 0), m(0, 1) + 2 * m(1, 1)];
        const m2 = [0, 1, 2].reduce((s, k) => s + m(k, 1) * m(0, k), 0);
        e.push(...mv, ...vm, mm(0, 0), mm(1, 2), mm(2, 1), det, v[1] * mv[2], v[2] * mv[0], ...qv, 2 * m(1, 1), m2);
      }
      close(new Float32Array(o[1]), e, 1e-4);
    },
  },
  matrix_ssbo: {
    groups: [4, 1, 1], file: 'matrix_ssbo.comp', resources: { 0: { buffer: floats(9, 16 * N, -2, 2) }, 1: { buffer: 4 * N * 4 } },
    check: (o) => {
      const a = floats(9, 16 * N, -2, 2);
      const v = [1, -1, 0.5, 2];
      const e: number[] = [];
      for (let i = 0; i < N; i++) for (let r = 0; r < 4; r++) e.push([0, 1, 2, 3].reduce((s, c) => s + a[16 * i + 4 * c + r] * v[c], 0));
      close(new Float32Array(o[1]), e, 1e-5);
    },
  },
  local_array: {
    groups: [4, 1, 1], file: 'local_array.comp', resources: { 0: { buffer: A_F }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const arr = Array.from({ length: 8 }, (_, k) => A_F[(i + k) % N] * (k + 1));
        e.push(arr[7] + arr[5] + arr[3] + arr[1] + arr[i % 8]);
      }
      close(new Float32Array(o[1]), e, 1e-5);
    },
  },
  const_array: {
    groups: [4, 1, 1], file: 'const_array.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: N * 4 } },
    check: (o) => {
      const t = [3, -1, 4, -1, 5, -9, 2, 6];
      exact(new Int32Array(o[1]), Array.from({ length: N }, (_, i) => t[A_UINT[i] % 8] * t[i % 8]));
    },
  },
  struct_local: {
    groups: [4, 1, 1], file: 'struct_local.comp', resources: { 0: { buffer: A_F }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from({ length: N }, (_, i) => {
        const x = A_F[i], y = A_F[(i + 1) % N];
        return 3 * (x * x + y * y) + 2 * i;
      });
      close(new Float32Array(o[1]), e, 1e-5);
    },
  },
  std430_struct: {
    groups: [4, 1, 1], file: 'std430_struct.comp',
    resources: (() => {
      const buf = new ArrayBuffer(32 * N);
      const fv = new Float32Array(buf), iv = new Int32Array(buf);
      const r = rng(10);
      for (let i = 0; i < N; i++) {
        fv[8 * i] = r(); fv[8 * i + 1] = r() * 2; fv[8 * i + 2] = -r(); fv[8 * i + 3] = 1 + r();
        iv[8 * i + 4] = i; iv[8 * i + 5] = -i; iv[8 * i + 6] = i * 3;
      }
      return { 0: { buffer: new Uint8Array(buf) }, 1: { buffer: 32 * N } };
    })(),
    check: (o) => {
      const fo = new Float32Array(o[1]), io = new Int32Array(o[1]);
      const r = rng(10);
      for (let i = 0; i < N; i++) {
        const p = [f(r()), f(r() * 2), f(-r())], w = f(1 + r());
        close(fo.subarray(8 * i, 8 * i + 3), p.map((x) => x * w), 1e-6);
        expect([io[8 * i + 4], io[8 * i + 5], io[8 * i + 6]]).toEqual([-i + 1, i + 2, (i * 3) ^ 0xff]);
      }
    },
  },
  glsl_float: {
    groups: [4, 1, 1], file: 'glsl_float.comp', resources: { 0: { buffer: floats(11, N, -4, 4) }, 1: { buffer: 16 * N * 4 } },
    check: (o) => {
      const a = floats(11, N, -4, 4);
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = a[i], p = f(Math.abs(x) + 0.1);
        e.push(Math.sin(x), Math.cos(x), Math.exp(x * 0.5), Math.log(p), Math.sqrt(p), 1 / Math.sqrt(p), Math.pow(p, 1.5), Math.abs(x),
          Math.sign(x), Math.floor(x), Math.ceil(x), x - Math.floor(x), Math.trunc(x), roundEven(x * 2), Math.atan2(x, 1.5), Math.tanh(x * 0.3));
      }
      close(new Float32Array(o[1]), e, 2e-4);
    },
  },
  glsl_float2: {
    groups: [4, 1, 1], file: 'glsl_float2.comp', resources: { 0: { buffer: floats(12, N, -3, 3) }, 1: { buffer: 12 * N * 4 } },
    check: (o) => {
      const a = floats(12, N, -3, 3);
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = a[i], y = a[(i + 9) % N];
        const t = Math.min(1, Math.max(0, (x + 1) / 2));
        e.push(Math.min(0.75, Math.max(-0.5, x)), Math.min(x, y), Math.max(x, y), x * 0.75 + y * 0.25, x < 0.1 ? 0 : 1, t * t * (3 - 2 * t),
          x * y + 1, x, Math.pow(2, x), Math.log2(Math.abs(y) + 1), Math.hypot(x - 1, y), -y + Math.asin(Math.min(1, Math.max(-1, x))));
      }
      // lavapipe's asin is only good to about 3e-4.
      close(new Float32Array(o[1]), e, 1e-3);
    },
  },
  glsl_int: {
    groups: [4, 1, 1], file: 'glsl_int.comp', resources: { 0: { buffer: A_INT }, 1: { buffer: 8 * N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = A_INT[i], y = A_INT[(i + 3) % N], ux = x >>> 0, uy = y >>> 0;
        e.push(Math.abs(x), Math.sign(x), Math.min(x, y), Math.max(x, y), Math.min(100, Math.max(-100, x)), Math.min(ux, uy) | 0, Math.max(ux, uy) | 0, Math.min(500, Math.max(10, ux)) | 0);
      }
      exact(new Int32Array(o[1]), e);
    },
  },
  pack: {
    groups: [4, 1, 1], file: 'pack.comp', resources: { 0: { buffer: floats(13, 4 * N, -1.5, 1.5) }, 1: { buffer: 4 * N * 4 } },
    check: (o) => {
      const a = floats(13, 4 * N, -1.5, 1.5);
      const out = new Uint32Array(o[1]);
      const half = (h: number): number => {
        const s = h & 0x8000 ? -1 : 1, ex = (h >> 10) & 31, m = h & 1023;
        return s * (ex === 0 ? m * 2 ** -24 : (1 + m / 1024) * 2 ** (ex - 15));
      };
      for (let i = 0; i < N; i++) {
        const v = a.subarray(4 * i, 4 * i + 4);
        const p = out[4 * i];
        close([half(p & 0xffff), half(p >>> 16)], [v[0], v[1]], 1e-3);
        for (let c = 0; c < 4; c++) {
          const un = (out[4 * i + 1] >>> (8 * c)) & 0xff;
          expect(Math.abs(un - Math.min(1, Math.max(0, v[c])) * 255)).toBeLessThanOrEqual(0.51);
          const sn = ((out[4 * i + 2] >>> (8 * c)) << 24) >> 24;
          expect(Math.abs(sn - Math.min(1, Math.max(-1, v[c])) * 127)).toBeLessThanOrEqual(0.51);
        }
        expect(out[4 * i + 3]).toBe(bits(2));
      }
    },
  },
  nan_inf: {
    groups: [4, 1, 1], file: 'nan_inf.comp',
    resources: { 0: { buffer: Uint32Array.from({ length: N }, (_, i) => [0x7fc00000, 0xffc00001, 0x7f800001, 0x7f800000, 0xff800000, 0, 0x7f7fffff, bits(1.5)][i % 8]) }, 1: { buffer: N * 4 } },
    check: (o) => exact(new Uint32Array(o[1]), Array.from({ length: N }, (_, i) => [1, 1, 1, 2, 2, 0, 0, 0][i % 8])),
  },
  loops_nested: {
    groups: [4, 1, 1], file: 'loops_nested.comp', resources: { 0: { buffer: A_INT }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from({ length: N }, (_, i) => {
        const lim = A_INT[i] & 15;
        let acc = 0;
        for (let p = 0; p < 10; p++) {
          if (p === lim) break;
          if ((p & 1) === 1) continue;
          for (let q = 0; q < 8; q++) {
            if (q > p) break;
            if (q === 2) continue;
            acc += p * 10 + q;
          }
        }
        return acc;
      });
      exact(new Int32Array(o[1]), e);
    },
  },
  while_loop: {
    groups: [4, 1, 1], file: 'while_loop.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from({ length: N }, (_, i) => {
        let n = (A_UINT[i] % 1000) + 1, steps = 0;
        while (n !== 1 && steps < 500) { n = n % 2 === 0 ? n / 2 : 3 * n + 1; steps++; }
        return steps;
      });
      exact(new Uint32Array(o[1]), e);
    },
  },
  do_while: {
    groups: [4, 1, 1], file: 'do_while.comp', resources: { 0: { buffer: A_INT }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from({ length: N }, (_, i) => {
        let k = A_INT[i] & 31, s = 0;
        do { k--; if (k % 3 === 0) continue; s += k; } while (k > 0);
        return s;
      });
      exact(new Int32Array(o[1]), e);
    },
  },
  switch: {
    groups: [4, 1, 1], file: 'switch.comp', resources: { 0: { buffer: ints(14, N, -100, 100) }, 1: { buffer: N * 4 } },
    check: (o) => {
      const a = ints(14, N, -100, 100);
      const e = Array.from(a, (x) => {
        const m = smod(x, 7);
        if (m === 0) return 100;
        if (m === 1 || m === 2) return x * 2;
        if (m === 4) { let r = 0; for (let k = 0; k < smod(x, 5); k++) r += k; return r; }
        return 7;
      });
      exact(new Int32Array(o[1]), e);
    },
  },
  switch_in_loop: {
    groups: [4, 1, 1], file: 'switch_in_loop.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from(A_UINT, (x) => {
        let acc = 0;
        for (let k = 0; k < 12; k++) {
          const s = (x >>> k) & 3;
          if (s === 1) continue;
          if (s === 0) acc = (acc + 1) >>> 0;
          else if (s === 2) acc = Math.imul(acc, 3) >>> 0;
          else acc = (acc ^ k) >>> 0;
          acc = (acc + 100) >>> 0;
        }
        return acc;
      });
      exact(new Uint32Array(o[1]), e);
    },
  },
  early_return: {
    groups: [4, 1, 1], file: 'early_return.comp', resources: { 0: { buffer: A_SMALL }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from({ length: N }, (_, i) => {
        if ((i & 3) === 1) return -1;
        let x = A_SMALL[i];
        for (let k = 0; k < 20; k++) { if (x > 1000) return k; x = x * 2 + 1; }
        return x;
      });
      exact(new Int32Array(o[1]), e);
    },
  },
  functions: {
    groups: [4, 1, 1], file: 'functions.comp', resources: { 0: { buffer: A_F }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from({ length: N }, (_, i) => {
        const x = f(A_F[i] * 3), w = Math.floor(x), p = x - w, k = i % 6;
        return 1 + w * w + p * p + (k > 2 ? k * 2 : -k);
      });
      close(new Float32Array(o[1]), e, 1e-5);
    },
  },
  functions_globals: {
    groups: [4, 1, 1], file: 'functions_globals.comp', resources: { 0: { buffer: A_F }, 1: { buffer: N * 4 } },
    check: (o) => close(new Float32Array(o[1]), Array.from({ length: N }, (_, i) => A_F[i] * 3 + A_F[(i + 1) % N] * 4 + (i % 3)), 1e-5),
  },
  shared_reduce: {
    groups: [4, 1, 1], file: 'shared_reduce.comp', resources: { 0: { buffer: A_UINT.map((x) => x % 1000) }, 1: { buffer: 16 } },
    check: (o) => exact(new Uint32Array(o[1]), [0, 1, 2, 3].map((g) => A_UINT.slice(64 * g, 64 * g + 64).reduce((s, x) => s + (x % 1000), 0))),
  },
  shared_reverse: {
    groups: [4, 1, 1], file: 'shared_reverse.comp', resources: { 0: { buffer: A_F }, 1: { buffer: N * 4 } },
    check: (o) => close(new Float32Array(o[1]), Array.from({ length: N }, (_, i) => A_F[(i & ~63) + 63 - (i & 63)] + (((i & 63) + 1) % 64)), 1e-6),
  },
  barrier_loop: {
    groups: [4, 1, 1], file: 'barrier_loop.comp', resources: { 0: { buffer: A_UINT.map((x) => x % 100) }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let g = 0; g < 4; g++) { let s = 0; for (let l = 0; l < 64; l++) { s += A_UINT[64 * g + l] % 100; e.push(s); } }
      exact(new Uint32Array(o[1]), e);
    },
  },
  atomics_int: {
    groups: [4, 1, 1], file: 'atomics_int.comp',
    resources: { 0: { buffer: A_INT }, 1: { buffer: Int32Array.from([0, 2147483647, -2147483648, -1, 0, 0, 0, 0, 0, 2147483647, -2147483648, 0, 0]) } },
    check: (o) => {
      const r = new Int32Array(o[1]);
      let and = -1, or = 0, xor = 0;
      for (let i = 0; i < N; i++) { and &= ~(1 << (i % 31)) | (A_INT[i] & 1); or |= 1 << (i % 29); xor ^= A_INT[i]; }
      const a = Array.from(A_INT);
      expect([r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]]).toEqual([a.reduce((s, x) => s + x, 0), Math.min(...a), Math.max(...a), and, or, xor, -N, A_INT[77]]);
      expect(r[8] - 1000000).toBeGreaterThanOrEqual(0);
      expect(r[8] - 1000000).toBeLessThan(N);
      expect([r[9], r[10], r[11], r[12]]).toEqual([Math.min(...a.map((x) => x >> 1)), Math.max(...a.map((x) => x >> 1)), N, 1]);
    },
  },
  atomics_uint: {
    groups: [4, 1, 1], file: 'atomics_uint.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: Uint32Array.from([0xffffffff, 0, 0, 0]) }, 2: { buffer: N * 4 } },
    check: (o, r) => {
      const out = new Uint32Array(o[1]);
      const a = Array.from(A_UINT);
      expect([out[0], out[1], out[2], out[3]]).toEqual([Math.min(...a), Math.max(...a), a.reduce((s, x) => (s + x) >>> 0, 0), N]);
      expect(Array.from(new Uint32Array(o[2])).sort((x, y) => x - y)).toEqual(Array.from({ length: N }, (_, i) => i));
      // Only the buffer used atomically is atomic; the plain one stays plain.
      expect(r.wgsl).toMatch(/array<atomic<u32>>/);
      expect((r.wgsl.match(/atomic</g) ?? []).length).toBe(1);
      expect(r.bindings.map((b) => [b.binding, b.kind, b.access])).toEqual([[0, 'storage', 'read'], [1, 'storage', 'read_write'], [2, 'storage', 'read_write']]);
    },
  },
  atomics_shared: {
    groups: [4, 1, 1], file: 'atomics_shared.comp', resources: { 0: { buffer: A_UINT }, 1: { buffer: 36 * 4 } },
    check: (o) => {
      const e: number[] = [];
      for (let g = 0; g < 4; g++) {
        const h = new Array(8).fill(0);
        let t = 0;
        for (let l = 0; l < 64; l++) { h[A_UINT[64 * g + l] % 8]++; t += A_UINT[64 * g + l] % 5; }
        e.push(...h, t);
      }
      exact(new Uint32Array(o[1]), e);
    },
  },
  atomic_float: {
    groups: [16, 1, 1], file: 'atomic_float.comp', env: 'vulkan1.2', resources: { 0: { buffer: Float32Array.from(ints(15, N, -20, 20)) }, 1: { buffer: 8 * 4 } },
    check: (o) => {
      const a = ints(15, N, -20, 20);
      const sums = [0, 0, 0, 0];
      for (let i = 0; i < 1024; i++) sums[i % 4] += a[i % N];
      exact(new Float32Array(o[1]), [120 * 64, ...sums, 1024, 42]);
    },
  },
  cas_loop: {
    // Optimized, as Taichi's SPIR-V is: the pass (passes/cas-loop.ts) matches the loop in SSA form.
    groups: [16, 1, 1], file: 'cas_loop.comp', optimize: true, resources: { 0: { buffer: Float32Array.from(ints(15, N, -20, 20)) }, 1: { buffer: 8 * 4 } },
    check: (o) => {
      const a = ints(15, N, -20, 20);
      const sums = [0, 0, 0, 0];
      for (let i = 0; i < 1024; i++) sums[i % 4] += a[i % N];
      exact(new Float32Array(o[1]).subarray(0, 5), [120 * 64, ...sums]);
    },
  },
  cas_loop_fma: {
    // The same loop adding fma(v, v, cell): squares of small integers, exact in any order.
    groups: [16, 1, 1], file: 'cas_loop_fma.comp', optimize: true, resources: { 0: { buffer: Float32Array.from(ints(15, N, -20, 20)) }, 1: { buffer: 8 * 4 } },
    check: (o) => {
      const a = ints(15, N, -20, 20);
      const sums = [0, 0, 0, 0];
      for (let i = 0; i < 1024; i++) sums[i % 4] += a[i % N] ** 2;
      let first = 0;
      for (let i = 0; i < 1024; i++) first += (i % 16) ** 2;
      exact(new Float32Array(o[1]).subarray(0, 5), [first, ...sums]);
    },
  },
  atomic_float_shared: {
    groups: [4, 1, 1], file: 'atomic_float_shared.comp', env: 'vulkan1.2', resources: { 0: { buffer: Float32Array.from(ints(16, N, -50, 50)) }, 1: { buffer: 16 } },
    check: (o) => {
      const a = ints(16, N, -50, 50);
      exact(new Float32Array(o[1]), [0, 1, 2, 3].map((g) => a.slice(64 * g, 64 * g + 64).reduce((s, x) => s + x, 0)));
    },
  },
  ubo_std140: {
    groups: [1, 1, 1], file: 'ubo_std140.comp',
    resources: (() => {
      const buf = new ArrayBuffer(176);
      const fv = new Float32Array(buf), iv = new Int32Array(buf);
      fv.set([1.5, 2.5, 3.5, 4.5], 0);
      for (let k = 0; k < 4; k++) fv[4 + 4 * k] = 10 + k;
      for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) fv[20 + 4 * c + r] = 20 + 3 * c + r;
      fv[32] = 31; fv[33] = 32; iv[34] = -33;
      iv[36] = -7; iv[37] = 9; fv[43] = 99;
      return { 0: { buffer: new Uint8Array(buf) }, 1: { buffer: 32 * 4 } };
    })(),
    check: (o, r) => {
      const m = Array.from({ length: 9 }, (_, k) => 20 + k);
      exact(new Float32Array(o[1]), [1.5, 2.5, 3.5, 4.5, 10, 11, 12, 13, ...m, 31, 32, -33, -7, 9, 99, 32 - 33 + 26]);
      expect(r.bindings[0]).toMatchObject({ binding: 0, kind: 'uniform', minSize: 176 });
    },
  },
  ubo_dynamic: {
    groups: [4, 1, 1], file: 'ubo_dynamic.comp',
    resources: (() => {
      const buf = new ArrayBuffer(208);
      const fv = new Float32Array(buf), iv = new Int32Array(buf);
      for (let k = 0; k < 8; k++) fv[4 * k] = k + 0.5;
      for (let k = 0; k < 16; k++) fv[32 + k] = 100 + k;
      iv[48] = 3;
      return { 0: { buffer: new Uint8Array(buf) }, 1: { buffer: N * 4 } };
    })(),
    check: (o) => close(new Float32Array(o[1]), Array.from({ length: N }, (_, i) => ((i % 8) + 0.5) * i + 100 + 4 * (i % 4) + (i % 3) + 3), 1e-6),
  },
  builtins_2d: {
    groups: [2, 3, 2], file: 'builtins_2d.comp', resources: { 0: { buffer: 8 * 768 * 4 } },
    check: (o, r) => {
      expect(r.workgroupSize).toEqual([8, 4, 2]);
      const e: number[] = [];
      for (let z = 0; z < 4; z++) for (let y = 0; y < 12; y++) for (let x = 0; x < 16; x++) {
        const lx = x % 8, ly = y % 4, lz = z % 2;
        e.push(x, y, z, lx + 10 * ly + 100 * lz, (x >> 3) + 10 * (y >> 2) + 100 * (z >> 1), 2 + 30 + 200, lx + 8 * ly + 32 * lz, 64);
      }
      exact(new Uint32Array(o[0]), e);
    },
  },
  runtime_length: {
    groups: [4, 1, 1], file: 'runtime_length.comp',
    resources: { 0: { buffer: (() => { const b = new ArrayBuffer(404); new Uint32Array(b)[0] = 7; new Float32Array(b).set(Array.from({ length: 100 }, (_, j) => j), 1); return new Uint8Array(b); })() }, 1: { buffer: N * 4 } },
    check: (o, r) => {
      exact(new Uint32Array(o[1]), Array.from({ length: N }, (_, i) => 107 + (i % 100)));
      expect(r.bindings[0].minSize).toBe(8);
    },
  },
  u32_bitcast: {
    groups: [4, 1, 1], file: 'u32_bitcast.comp', resources: { 0: { buffer: Uint32Array.from(A_F, bits) }, 1: { buffer: N * 4 } },
    check: (o) => exact(new Uint32Array(o[1]), Array.from(A_F, (x) => bits(f(f(x * 2) + 1)))),
  },
  private_global: {
    groups: [4, 1, 1], file: 'private_global.comp', resources: { 0: { buffer: A_SMALL }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from(A_SMALL, (a) => {
        let state = 5, pair = [1, 2];
        for (const by of [a, 3]) { state += by; pair = [pair[1] + by, pair[0] + by]; }
        return state * 100 + pair[0] * 10 + pair[1];
      });
      exact(new Int32Array(o[1]), e);
    },
  },
  phi_opt: {
    groups: [4, 1, 1], file: 'phi_opt.comp', optimize: true, resources: { 0: { buffer: A_INT }, 1: { buffer: N * 4 } },
    check: (o) => {
      const e = Array.from(A_INT, (x) => {
        let s = 0, t = 1;
        for (let p = 0; p < 6; p++) {
          for (let q = 0; q < p; q++) { if (((x >> q) & 1) !== 0) s += q; else t = (t * 2) % 1001; }
          const tmp = s; s = t; t = tmp + p;
        }
        return s * 7 + t;
      });
      exact(new Int32Array(o[1]), e);
    },
  },
  phi_shortcircuit: {
    groups: [4, 1, 1], file: 'phi_shortcircuit.comp', optimize: true, resources: { 0: { buffer: A_SMALL }, 1: { buffer: N * 4 } },
    check: (o) => {
      const check = (v: number): boolean => A_SMALL[(v >>> 0) % 256] > 0;
      const e = Array.from(A_SMALL, (x) => (x > 10 && check(x) ? 1 : 0) + (x < -10 || check(x + 1) ? 2 : 0) + (Math.abs(x) % 7));
      exact(new Int32Array(o[1]), e);
    },
  },
  select_vec: {
    groups: [4, 1, 1], file: 'select_vec.comp', resources: { 0: { buffer: floats(17, 4 * N, -2, 2) }, 1: { buffer: 4 * N * 4 } },
    check: (o) => {
      const a = floats(17, 4 * N, -2, 2);
      const e: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = a.subarray(4 * i, 4 * i + 4), y = a.subarray(4 * ((i + 5) % N), 4 * ((i + 5) % N) + 4);
        const lt = [0, 1, 2, 3].map((c) => x[c] < y[c]);
        const anyLt = lt.some(Boolean) ? 1 : 0;
        for (let c = 0; c < 4; c++) e.push((lt[c] ? y[c] : x[c]) + anyLt + 0.5);
      }
      close(new Float32Array(o[1]), e, 1e-6);
    },
  },
  image_storage: {
    groups: [2, 2, 1], file: 'image_storage.comp',
    resources: {
      0: { texture: { width: 16, height: 16, format: 'r32float', bytesPerTexel: 4, data: Float32Array.from({ length: 256 }, (_, k) => k * 0.5) } },
      1: { texture: { width: 16, height: 16, format: 'rgba32float', bytesPerTexel: 16 } },
    },
    check: (o, r) => {
      const img = new Float32Array(o[0]);
      const out = new Float32Array(o[1]);
      for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) {
        const v = (16 * y + x) * 0.5;
        expect(img[64 * y + x]).toBe(v * 2 + 16);
        expect(Array.from(out.subarray(64 * y + 4 * x, 64 * y + 4 * x + 4))).toEqual([x, y, v, 16]);
      }
      expect(r.bindings).toMatchObject([
        { binding: 0, kind: 'storage-texture', access: 'read_write', format: 'r32float', viewDimension: '2d' },
        { binding: 1, kind: 'storage-texture', access: 'write', format: 'rgba32float' },
      ]);
    },
  },
  texel_fetch: {
    groups: [2, 2, 1], file: 'texel_fetch.comp',
    resources: {
      0: { texture: { width: 16, height: 16, format: 'rgba32float', bytesPerTexel: 16, data: Float32Array.from({ length: 1024 }, (_, k) => k) } },
      1: { buffer: 256 * 16 },
    },
    check: (o, r) => {
      exact(new Float32Array(o[1]), Array.from({ length: 1024 }, (_, k) => 11 * k + 16));
      expect(r.bindings).toMatchObject([
        { binding: 0, kind: 'sampled-texture', viewDimension: '2d', sampleType: 'float' },
        { binding: 1, kind: 'storage' },
        { binding: 500, kind: 'sampler', combinedWith: 0 },
      ]);
    },
  },
};

describe('GLSL corpus on Dawn', () => {
  let device: GPUDevice;
  const compiler = new SpirvCompiler();
  beforeAll(async () => { device = await createDevice(); });
  afterAll(() => { device?.destroy(); compiler.dispose(); });

  it('has a case for every shader file, and at least 40', () => {
    const files = readdirSync(GLSL_DIR).filter((x) => x.endsWith('.comp')).sort();
    expect(files).toEqual(Object.values(cases).map((c) => c.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const words = compiler.glslFile(c.file, { env: c.env, optimize: c.optimize });
      const r = translateSpirv(words);
      const out = await run(device, r, { resources: c.resources, groups: c.groups });
      c.check(out, r);
    });
  }
});

describe('GLSL corpus on wgpu (Deno)', () => {
  const translations = new Map<string, TranslationResult>();
  let results = new Map<string, WgpuResult>();
  beforeAll(async () => {
    const compiler = new SpirvCompiler();
    try {
      for (const [name, c] of Object.entries(cases)) translations.set(name, translateSpirv(compiler.glslFile(c.file, { env: c.env, optimize: c.optimize })));
    } finally {
      compiler.dispose();
    }
    results = await onWgpu(Object.entries(cases).map(([name, c]) => ({ name, shader: translations.get(name)!, dispatch: { resources: c.resources, groups: c.groups } })));
  }, 300_000);

  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const result = results.get(name);
      expect(result, 'Deno reported no result').toBeDefined();
      expect(result!.errors).toEqual([]);
      c.check(result!.out!, translations.get(name)!);
    });
  }
});
