// Deterministic mode's transcendental functions (shim/spirv/passes/soft-math.ts,
// wgsl/soft-math.ts): the pass rewrites each f32 GLSL.std.450 transcendental into its software
// version, and on the device each stays within its stated error of the f64 result (Math.*,
// rounded to f32) over the domain stated, with C's special values at the edges. The bounds here
// are the ones docs/deterministic.md gives; MEASURED records the largest error each run finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { SOFT_STD450, softMath } from '../../../shim/spirv/passes/soft-math.js';
import { createDevice, rng, SpirvCompiler } from '../harness.js';
import { evaluate, expressionShader, floatOf, floats, modeValue, ulpError } from './deterministic-device.js';
import { lifted, withOp } from './lifted.js';

const N = 1 << 15;

interface Case {
  glsl: string;
  /** The exact function, on the mode's inputs. */
  exact: (a: number, b: number) => number;
  /** Operands: one or two. */
  arity: 1 | 2;
  pick: (next: () => number) => [number, number];
  /** Largest error allowed, in ulps of the result. */
  ulps: number;
  domain: string;
}

const uniform = (next: () => number, lo: number, hi: number) => lo + (hi - lo) * next();
// Magnitudes spread over many binades, of either sign.
const logUniform = (next: () => number, lo: number, hi: number) => (next() < 0.5 ? -1 : 1) * 2 ** uniform(next, lo, hi);

export const CASES: Record<string, Case> = {
  sin: { glsl: 'sin(a)', exact: Math.sin, arity: 1, pick: (n) => [uniform(n, -100, 100), 0], ulps: 2, domain: '|x| <= 100' },
  sinWide: { glsl: 'sin(a)', exact: Math.sin, arity: 1, pick: (n) => [uniform(n, -8192, 8192), 0], ulps: 2.5, domain: '|x| <= 8192' },
  cos: { glsl: 'cos(a)', exact: Math.cos, arity: 1, pick: (n) => [uniform(n, -100, 100), 0], ulps: 2, domain: '|x| <= 100' },
  tan: { glsl: 'tan(a)', exact: Math.tan, arity: 1, pick: (n) => [uniform(n, -10, 10), 0], ulps: 3, domain: '|x| <= 10' },
  asin: { glsl: 'asin(a)', exact: Math.asin, arity: 1, pick: (n) => [uniform(n, -1, 1), 0], ulps: 2.5, domain: '[-1, 1]' },
  acos: { glsl: 'acos(a)', exact: Math.acos, arity: 1, pick: (n) => [uniform(n, -1, 1), 0], ulps: 2, domain: '[-1, 1]' },
  atan: { glsl: 'atan(a)', exact: Math.atan, arity: 1, pick: (n) => [logUniform(n, -20, 20), 0], ulps: 3, domain: 'all' },
  atan2: { glsl: 'atan(a, b)', exact: Math.atan2, arity: 2, pick: (n) => [logUniform(n, -20, 20), logUniform(n, -20, 20)], ulps: 3, domain: 'all' },
  tanh: { glsl: 'tanh(a)', exact: Math.tanh, arity: 1, pick: (n) => [uniform(n, -12, 12), 0], ulps: 1.5, domain: 'all' },
  exp: { glsl: 'exp(a)', exact: Math.exp, arity: 1, pick: (n) => [uniform(n, -87, 88), 0], ulps: 1, domain: '[-87, 88]' },
  exp2: { glsl: 'exp2(a)', exact: (a) => 2 ** a, arity: 1, pick: (n) => [uniform(n, -125, 127), 0], ulps: 1, domain: '[-125, 127]' },
  log: { glsl: 'log(a)', exact: Math.log, arity: 1, pick: (n) => [Math.abs(logUniform(n, -125, 127)), 0], ulps: 1, domain: 'x > 0' },
  log2: { glsl: 'log2(a)', exact: Math.log2, arity: 1, pick: (n) => [Math.abs(logUniform(n, -125, 127)), 0], ulps: 2, domain: 'x > 0' },
  pow: {
    glsl: 'pow(a, b)',
    exact: Math.pow,
    arity: 2,
    pick: (n) => [uniform(n, 0.01, 10), uniform(n, -8, 8)],
    ulps: 6,
    domain: 'x in [0.01, 10], y in [-8, 8]',
  },
};

/** Largest ulp error of each function over its sample, filled in by the tests (printed at the end). */
export const MEASURED: Record<string, number> = {};

let device: GPUDevice;
const compiler = new SpirvCompiler();
beforeAll(async () => {
  device = await createDevice();
});
afterAll(() => {
  console.log(`soft-math max ulp errors: ${JSON.stringify(MEASURED)}`);
  device?.destroy();
  compiler.dispose();
});

describe('soft-math pass', () => {
  it('rewrites every f32 transcendental the table names into a helper call', () => {
    const { ir, main } = lifted(compiler.glsl(expressionShader('sin(a) + exp(b) + pow(a, b) + atan(a, b)', ['float', 'float'])));
    const before = withOp(main, Op.ExtInst).length;
    softMath(ir, main);
    expect(withOp(main, Op.ExtInst)).toHaveLength(before - 4);
    expect(withOp(main, IrOp.DetCall)).toHaveLength(4);
    expect(Object.keys(SOFT_STD450)).toEqual(expect.arrayContaining(['Sin', 'Cos', 'Tan', 'Asin', 'Acos', 'Atan2', 'Tanh', 'Exp', 'Log', 'Pow']));
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} is within ${c.ulps} ulp of f64 on ${c.domain}`, async () => {
      const next = rng(name.length * 7919 + name.charCodeAt(0));
      const pairs = Array.from({ length: N }, () => c.pick(next));
      const a = floats(N, () => 0, pairs.map((p) => p[0]));
      const b = floats(N, () => 0, pairs.map((p) => p[1]));
      const inputs = c.arity === 1 ? [a] : [a, b];
      const got = await evaluate(device, compiler, c.glsl, inputs, inputs.map(() => 'float'));
      let worst = 0;
      let at = '';
      for (let i = 0; i < N; i++) {
        const want = c.exact(modeValue(a[i]), modeValue(b[i]));
        if (Math.abs(want) < 2 ** -126 || Math.abs(want) > 3.4e38) continue;
        const e = ulpError(floatOf(got[i]), want);
        if (e > worst) {
          worst = e;
          at = `${name}(${modeValue(a[i])}${c.arity === 2 ? `, ${modeValue(b[i])}` : ''}) = ${floatOf(got[i])}, f64 ${want}`;
        }
      }
      MEASURED[name] = Math.round(worst * 100) / 100;
      expect(worst, at).toBeLessThanOrEqual(c.ulps);
    });
  }
});
