// Deterministic mode's division and square root (shim/spirv/passes/exact-division.ts): f32
// OpFDiv, Sqrt and InverseSqrt become integer-only helpers; on the device their results are the
// correctly rounded ones (f64 results rounded to f32 are: 53 >= 2 * 24 + 2) under the mode's
// rules (subnormal operands and results are zeros, one NaN), for random operands over the
// whole exponent range, edge values, and quotients that are exactly halfway between floats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { exactDivision } from '../../../shim/spirv/passes/exact-division.js';
import { createDevice, rng, SpirvCompiler } from '../harness.js';
import { bitsOf, evaluate, expressionShader, floatOf, floats, modeBits, modeValue } from './deterministic-device.js';
import { lifted, withOp } from './lifted.js';

const N = 1 << 16;
const EDGES = [0, -0, 1, -1, 3, 0.1, 2 ** -126, -(2 ** -126), 2 ** -140, 2 ** 127, 3.4028234663852886e38, Infinity, -Infinity, NaN, 1.5, 7, 1 - 2 ** -24];

let device: GPUDevice;
const compiler = new SpirvCompiler();
beforeAll(async () => {
  device = await createDevice();
});
afterAll(() => {
  device?.destroy();
  compiler.dispose();
});

/** Any finite f32 of random sign, exponent and significand. */
function anyFloat(next: () => number): () => number {
  return () => (next() < 0.5 ? -1 : 1) * (1 + next()) * 2 ** (Math.floor(next() * 254) - 126);
}

function mismatches(got: Uint32Array, want: (i: number) => number): string[] {
  const bad: string[] = [];
  for (let i = 0; i < got.length && bad.length < 8; i++) {
    const w = want(i);
    if (got[i] !== w) bad.push(`#${i}: got ${got[i].toString(16)} (${floatOf(got[i])}), want ${w.toString(16)} (${floatOf(w)})`);
  }
  return bad;
}

describe('exact division pass', () => {
  it('rewrites f32 OpFDiv, Sqrt and InverseSqrt into helper calls', () => {
    const { ir, main } = lifted(compiler.glsl(expressionShader('a / b + sqrt(a) + inversesqrt(b)', ['float', 'float'])));
    expect(withOp(main, Op.FDiv)).toHaveLength(1);
    exactDivision(ir, main);
    expect(withOp(main, Op.FDiv)).toHaveLength(0);
    expect(withOp(main, IrOp.DetCall)).toHaveLength(3);
  });

  it('divides with correct rounding', async () => {
    const next = rng(11);
    const pick = anyFloat(next);
    const a = floats(N, pick, [...EDGES, ...EDGES.map(() => 1)]);
    const b = floats(N, pick, [...EDGES.map(() => 3), ...EDGES]);
    // Exact halfway quotients: (2^24 + 2k + 1) / 2 rounds to even.
    for (let k = 0; k < 64; k++) {
      a[N - 1 - k] = bitsOf(2 ** 24 + 2 * k + 1);
      b[N - 1 - k] = bitsOf(2);
    }
    const got = await evaluate(device, compiler, 'a / b', [a, b], ['float', 'float']);
    expect(mismatches(got, (i) => modeBits(modeValue(a[i]) / modeValue(b[i])))).toEqual([]);
  });

  it('takes square roots with correct rounding, and inversesqrt as 1 / sqrt', async () => {
    const next = rng(12);
    const pick = anyFloat(next);
    const a = floats(N, () => Math.abs(pick()), EDGES);
    const got = await evaluate(device, compiler, 'sqrt(a)', [a], ['float']);
    expect(mismatches(got, (i) => modeBits(Math.sqrt(modeValue(a[i]))))).toEqual([]);
    const inverse = await evaluate(device, compiler, 'inversesqrt(a)', [a], ['float']);
    expect(mismatches(inverse, (i) => modeBits(1 / floatOf(modeBits(Math.sqrt(modeValue(a[i]))))))).toEqual([]);
  });
});
