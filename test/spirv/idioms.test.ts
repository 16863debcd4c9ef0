// The floor-division idiom (shim/spirv/passes/floor-division.ts, relinearize.ts): Taichi's OpSDiv + sign correction is emitted as
// one helper call, and on Dawn it gives what the original sequence gives for every input,
// including negative operands, a zero divisor and INT_MIN / -1; with the divisor clamped by
// max(b, 0), as Taichi clamps shapes, through the branch-free helper. A sequence that differs
// from the idiom in one operand is left alone. In a loop whose phi steps by an invariant amount,
// the quotient is carried from iteration to iteration; the test drives it through negative
// starts, wrap-around, zero divisors and negative steps. Taichi's shift pair (x << c) >> c becomes
// one mask (passes/shift-mask.ts), with the same results. Taichi's bare truncating division of a
// loop index is carried too, and its (q mod M) * d + r joined back into the index where the
// loop's bound allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateSpirv } from '../../shim/spirv/translate.js';
import { createDevice, rng, run, SpirvCompiler } from './harness.js';
import { ITER, LOOP_THREADS, loopModule, module, N, perThread, truncLoopModule } from './idiom-modules.js';

/** The original sequence under WGSL's integer division (x / 0 = x, INT_MIN / -1 = INT_MIN). */
function expected(a: number, b: number): number {
  const q = b === 0 || (a === -0x80000000 && b === -1) ? a : Math.trunc(a / b) | 0;
  const correct = a < 0 !== b < 0 && a !== 0 && Math.imul(b, q) !== a;
  return (q - (correct ? 1 : 0)) | 0;
}

function inputs(): Int32Array {
  const pairs: [number, number][] = [
    [7, 2], [-7, 2], [7, -2], [-7, -2], [6, 3], [-6, 3], [0, 5], [0, -5], [5, 0], [-5, 0], [0, 0],
    [-0x80000000, -1], [-0x80000000, 1], [0x7fffffff, 1], [0x7fffffff, -1], [1, 0x7fffffff], [-1, 0x7fffffff],
  ];
  const next = rng(7);
  while (pairs.length < N) {
    const a = (next() | 0) >> (next() % 31);
    const b = (next() | 0) >> (next() % 31);
    pairs.push([a, b]);
  }
  return new Int32Array(pairs.flat());
}

/** What loopModule computes, on the CPU with i32 wrap-around: every quotient, every remainder, every q * d + remainder. */
function loopExpected(guarded: boolean, d: number, step: number, n: number, starts: number[]): number[] {
  const quotients: number[] = [];
  const remainders: number[] = [];
  const joined: number[] = [];
  const b = Math.max(d, 0);
  for (const start of starts) {
    const q = new Array<number>(ITER).fill(0);
    const m = new Array<number>(ITER).fill(0);
    const j = new Array<number>(ITER).fill(0);
    let a = start;
    for (let k = 0; guarded ? a < n : k < ITER; k++) {
      if (k < ITER) {
        q[k] = expected(a, b);
        m[k] = (a - Math.imul(q[k], b)) | 0;
        j[k] = (Math.imul(q[k], d) + m[k]) | 0;
      }
      a = (a + step) | 0;
    }
    quotients.push(...q);
    remainders.push(...m);
    joined.push(...j);
  }
  return [...quotients, ...remainders, ...joined];
}

describe('floor-division idiom', () => {
  let device: GPUDevice;
  const compiler = new SpirvCompiler();
  beforeAll(async () => { device = await createDevice(); });
  afterAll(() => { device?.destroy(); compiler.dispose(); });

  async function outputs(asm: string): Promise<{ wgsl: string; got: Int32Array }> {
    const r = translateSpirv(compiler.asm(asm));
    const out = await run(device, r, { resources: { 0: { buffer: inputs() }, 1: { buffer: N * 4 } }, groups: [N / 64, 1, 1] });
    return { wgsl: r.wgsl, got: new Int32Array(out[1]) };
  }

  it("is recognised in Taichi's form and matches the original sequence for every input", async () => {
    const { wgsl, got } = await outputs(module());
    expect(wgsl).toContain('idiom_floor_div(');
    // The truncating division and its correction are gone from the entry point.
    expect(wgsl.slice(wgsl.indexOf('@compute'))).not.toMatch(/select\(/);
    const input = inputs();
    const want = Array.from({ length: N }, (_, i) => expected(input[2 * i], input[2 * i + 1]));
    expect(Array.from(got)).toEqual(want);
  });

  it('uses the branch-free helper for a divisor clamped with max(b, 0), with the same results', async () => {
    const { wgsl, got } = await outputs(module(undefined, true));
    expect(wgsl).toContain('idiom_floor_div_nonneg(');
    const input = inputs();
    const want = Array.from({ length: N }, (_, i) => expected(input[2 * i], Math.max(input[2 * i + 1], 0)));
    expect(Array.from(got)).toEqual(want);
  });

  async function runLoop(r: ReturnType<typeof translateSpirv>, d: number, step: number, n: number, starts: number[]): Promise<number[]> {
    const input = new Int32Array([d, step, n, ...starts]);
    const out = await run(device, r, { resources: { 0: { buffer: input }, 1: { buffer: 3 * LOOP_THREADS * ITER * 4 } }, groups: [1, 1, 1] });
    return Array.from(new Int32Array(out[1]));
  }

  it('carries the quotient and remainder of a loop phi across iterations, exactly, including wrap-around', async () => {
    const r = translateSpirv(compiler.asm(loopModule(false)));
    expect(r.wgsl).toMatch(/iq_\d+ = iq_\d+ \+ isq_\d+;/);
    // a - q * b is the carried remainder where the carry is exact.
    expect(r.wgsl).toMatch(/fm_\d+ = bitcast<i32>\(ir_\d+\)/);
    // Without a bound on the phi, each step checks for wrap-around.
    expect(r.wgsl).toMatch(/iok_\d+ = iok_\d+ && /);
    const next = rng(11);
    const starts = Array.from({ length: LOOP_THREADS }, (_, t) => {
      if (t === 0) return 0x7fffffff - 5; // wraps on the first step
      if (t === 1) return -0x80000000;
      if (t < 8) return -t * 1000;
      return (next() | 0) >> (next() % 31);
    });
    for (const [d, step] of [[7, 3], [1, 1], [0, 5], [-4, 9], [1000, 0x30000000], [3, -5], [0x7fffffff, 0x7fffffff], [128, 131072]]) {
      const got = await runLoop(r, d, step, 0, starts);
      expect({ d, step, got }).toEqual({ d, step, got: loopExpected(false, d, step, 0, starts) });
    }
  });

  it("in Taichi's loop form (while a < n) rules out wrap-around once, and stays exact where it cannot", async () => {
    const r = translateSpirv(compiler.asm(loopModule(true)));
    expect(r.wgsl).toMatch(/iq_\d+ = iq_\d+ \+ isq_\d+;/);
    // The loop runs twice over, the first copy under the strides' equality (d == max(d, 0)).
    expect(r.wgsl).toMatch(/if \(v_\d+ == v_\d+\) \{\n\s+loop \{/);
    expect(r.wgsl).not.toMatch(/iok_\d+ = iok_\d+ && /);
    const max = 0x7fffffff;
    const threads = (f: (t: number) => number) => Array.from({ length: LOOP_THREADS }, (_, t) => f(t));
    // Every case ends within a few hundred iterations per thread.
    const cases: [number, number, number, number[]][] = [
      [7, 3, 200, threads((t) => -100 + 5 * t)],
      [128, 131072, 1000000, threads((t) => t)],
      [0, 3, 50, threads((t) => t - 30)],
      // n - 1 + step overflows: the quotient is not carried (no wrap happens on these starts).
      [1000, 5, max - 2, threads((t) => max - 5 - 5 * (t % 13))],
      // Steps that wrap around inside the loop (threads 0 and 1) and come back above n.
      [7, 2 ** 30 + 3, 2 ** 30 + 10, threads((t) => 2 ** 30 - 3 * t)],
      // A negative step wraps around: not carried either.
      [3, -(2 ** 30), 100, threads((t) => t - 20)],
      [1, 1, 64, threads((t) => t - 64)],
      // A negative stride: the clamped divisor differs from it, so the loop as written runs.
      [-3, 5, 40, threads((t) => t - 10)],
    ];
    for (const [d, step, n, starts] of cases) {
      const got = await runLoop(r, d, step, n, starts);
      expect({ d, step, n, got }).toEqual({ d, step, n, got: loopExpected(true, d, step, n, starts) });
    }
  });

  it('leaves a sequence alone when one term differs, and still computes it as written', async () => {
    // b * q compared with b instead of a: not a floor division.
    const { wgsl, got } = await outputs(module('%inexact = OpINotEqual %bool %prod %b'));
    expect(wgsl).not.toContain('idiom_floor_div');
    const input = inputs();
    const want = Array.from({ length: N }, (_, i) => {
      const [a, b] = [input[2 * i], input[2 * i + 1]];
      const q = b === 0 || (a === -0x80000000 && b === -1) ? a : Math.trunc(a / b) | 0;
      const c = a < 0 !== b < 0 && a !== 0 && Math.imul(b, q) !== b;
      return (q - (c ? 1 : 0)) | 0;
    });
    expect(Array.from(got)).toEqual(want);
  });
});

/** WGSL's truncating i32 division (x / 0 = x, INT_MIN / -1 = INT_MIN). */
function truncDiv(a: number, b: number): number {
  return b === 0 || (a === -0x80000000 && b === -1) ? a : Math.trunc(a / b) | 0;
}

/** What truncLoopModule computes, on the CPU with i32 wrap-around. */
function truncLoopExpected(d: number, step: number, n: number, mod: number, starts: number[]): number[] {
  const parts: number[][] = [[], [], []];
  for (const start of starts) {
    const rows = [0, 1, 2].map(() => new Array<number>(ITER).fill(0));
    let a = start;
    for (let k = 0; a < n; k++) {
      if (k < ITER) {
        const q = truncDiv(a, d);
        const m = (a - Math.imul(d, q)) | 0;
        const wrapped = (q - Math.imul(mod, truncDiv(q, mod))) | 0;
        rows[0][k] = q;
        rows[1][k] = m;
        rows[2][k] = (Math.imul(wrapped, d) + m) | 0;
      }
      a = (a + step) | 0;
    }
    rows.forEach((row, i) => parts[i].push(...row));
  }
  return parts.flat();
}

describe('truncating division of a loop index', () => {
  let device: GPUDevice;
  const compiler = new SpirvCompiler();
  beforeAll(async () => { device = await createDevice(); });
  afterAll(() => { device?.destroy(); compiler.dispose(); });

  it('is carried, and joined as the loop index where n <= M * d bounds the quotient, with the results as written', async () => {
    const r = translateSpirv(compiler.asm(truncLoopModule()));
    expect(r.wgsl).toMatch(/iq_\d+ = iq_\d+ \+ isq_\d+;/);
    // The first copy runs under the extra tests on the modulus and the bound.
    expect(r.wgsl).toMatch(/if \(v_\d+ == v_\d+ && iok_\d+ && v_\d+ > 0i && v_\d+ <= 2147483647i \/ v_\d+ && v_\d+ <= v_\d+ \* v_\d+\) \{/);
    const threads = (f: (t: number) => number) => Array.from({ length: LOOP_THREADS }, (_, t) => f(t));
    const cases: [number, number, number, number, number[]][] = [
      // Taichi's shape: n = M * d, starts from 0.
      [7, 3, 210, 30, threads((t) => t)],
      [128, 4096, 8192, 64, threads((t) => 3 * t)],
      // Negative starts: truncation differs from floor there, so nothing is carried for them.
      [7, 3, 210, 30, threads((t) => t - 20)],
      [0, 3, 0, 50, threads((t) => t - 30)],
      [-3, 5, 30, -10, threads((t) => t - 40)],
      // M * d overflows i32; and a bound past M * d, where q mod M is not q.
      [65536, 5000, 65536, 65537, threads((t) => 1000 * t)],
      [5, 3, 100, 4, threads((t) => t)],
      [7, 3, 200, 2 ** 30, threads((t) => t)],
    ];
    for (const [d, step, n, mod, starts] of cases) {
      const input = new Int32Array([d, step, n, mod, ...starts]);
      const out = await run(device, r, { resources: { 0: { buffer: input }, 1: { buffer: 3 * LOOP_THREADS * ITER * 4 } }, groups: [1, 1, 1] });
      const got = Array.from(new Int32Array(out[1]));
      expect({ d, step, n, mod, got }).toEqual({ d, step, n, mod, got: truncLoopExpected(d, step, n, mod, starts) });
    }
  });
});

describe('shift-mask idiom', () => {
  let device: GPUDevice;
  const compiler = new SpirvCompiler();
  beforeAll(async () => { device = await createDevice(); });
  afterAll(() => { device?.destroy(); compiler.dispose(); });

  /** out[i] = (in[i] << left) >> right, logical shifts on i32, as Taichi turns byte offsets into word indices. */
  function shiftModule(left: number, right: number): string {
    return perThread(
      `%pa = OpAccessChain %pInt %inbuf %int_0 %i
%a = OpLoad %int %pa
%up = OpShiftLeftLogical %int %a %c_left
%r = OpShiftRightLogical %int %up %c_right`,
      `%c_left = OpConstant %int ${left}\n%c_right = OpConstant %int ${right}\n`,
    );
  }

  async function shifted(left: number, right: number): Promise<{ wgsl: string; got: number[]; want: number[] }> {
    const input = inputs();
    const r = translateSpirv(compiler.asm(shiftModule(left, right)));
    const out = await run(device, r, { resources: { 0: { buffer: input }, 1: { buffer: N * 4 } }, groups: [N / 64, 1, 1] });
    const want = Array.from(input.subarray(0, N), (a) => ((a << left) >>> right) | 0);
    return { wgsl: r.wgsl, got: Array.from(new Int32Array(out[1])), want };
  }

  it.each([1, 2, 17, 31])('(x << %i) >> the same is one mask, with the same results', async (c) => {
    const { wgsl, got, want } = await shifted(c, c);
    expect(wgsl).toContain(`& 0x${(0xffffffff >>> c).toString(16)}u`);
    expect(wgsl).not.toContain('<<');
    expect(got).toEqual(want);
  });

  it('leaves shifts by different amounts alone', async () => {
    const { wgsl, got, want } = await shifted(2, 3);
    expect(wgsl).toContain('<<');
    expect(got).toEqual(want);
  });
});
