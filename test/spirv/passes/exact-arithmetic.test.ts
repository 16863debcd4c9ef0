// Deterministic mode's float arithmetic (shim/spirv/passes/exact-arithmetic.ts and the check of
// deterministic-floats.ts): f32 +, -, *, negation, comparisons and GLSL.std.450's exact
// functions become helper calls, Fma rounds its product and its sum apart, and on the device
// every result is the correctly rounded one with subnormals as zeros of their sign and one NaN;
// an operation on a float vector is refused; normal mode prints none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { deterministicFloats } from '../../../shim/spirv/passes/deterministic-floats.js';
import { exactArithmetic } from '../../../shim/spirv/passes/exact-arithmetic.js';
import { IndexOrderRefusal } from '../../../shim/spirv/passes/index-order.js';
import { translateSpirv } from '../../../shim/spirv/translate.js';
import { createDevice, rng, SpirvCompiler } from '../harness.js';
import { bitsOf, evaluate, expressionShader, floatOf, floats, modeBits, modeValue } from './deterministic-device.js';
import { lifted, withOp } from './lifted.js';

let device: GPUDevice;
const compiler = new SpirvCompiler();
beforeAll(async () => {
  device = await createDevice();
});
afterAll(() => {
  device?.destroy();
  compiler.dispose();
});

const N = 1 << 14;
// 1 + 2^-12 squared is 1 + 2^-11 + 2^-24: rounded, the 2^-24 is lost, fused it is not.
const NEAR_ONE = 1 + 2 ** -12;
const SUBNORMAL = 2 ** -140;

describe('exact arithmetic pass', () => {
  it('rewrites f32 arithmetic, comparisons and exact functions into helper calls', () => {
    const { ir, main } = lifted(compiler.glsl(expressionShader('(a * b + c < -a ? fma(a, b, c) : floor(c)) - b', ['float', 'float', 'float'])));
    exactArithmetic(ir, main);
    for (const op of [Op.FAdd, Op.FSub, Op.FMul, Op.FOrdLessThan, Op.FNegate]) expect(withOp(main, op), `op ${op}`).toHaveLength(0);
    expect(withOp(main, Op.ExtInst)).toHaveLength(0);
    // a * b, + c, <, -a, fma, floor, - b.
    expect(withOp(main, IrOp.DetCall)).toHaveLength(7);
  });

  it('leaves normal mode as it was and gives deterministic mode no hardware fma', () => {
    const words = compiler.glsl(expressionShader('fma(a, b, c) + a * b', ['float', 'float', 'float']));
    const normal = translateSpirv(words).wgsl;
    const deterministic = translateSpirv(words, { indexOrder: true }).wgsl;
    expect(normal).toContain('fma(');
    expect(normal).not.toContain('det_');
    expect(deterministic).not.toMatch(/[^_]fma\(/);
    expect(deterministic).toContain('@builtin(workgroup_id) det_workgroup');
  });

  it('refuses an operation on a float vector', () => {
    const { ir, main } = lifted(compiler.glsl(expressionShader('dot(vec2(a, b), vec2(b, a))', ['float', 'float'])));
    expect(() => deterministicFloats(ir, main)).toThrow(IndexOrderRefusal);
    expect(() => deterministicFloats(ir, main)).toThrow(/Dot .* float/);
  });

  it('refuses sampling a texture, and runs a texel fetch', () => {
    const shader = (read: string) => `#version 450
layout(local_size_x = 1) in;
layout(binding = 0) uniform sampler2D tex;
layout(std430, binding = 1) buffer O { vec4 o[]; };
void main() { o[0] = ${read}; }
`;
    const sampled = lifted(compiler.glsl(shader('textureLod(tex, vec2(0.3, 0.7), 0.0)')));
    expect(() => deterministicFloats(sampled.ir, sampled.main)).toThrow(/samples a texture/);
    const fetched = lifted(compiler.glsl(shader('texelFetch(tex, ivec2(1, 2), 0)')));
    expect(() => deterministicFloats(fetched.ir, fetched.main)).not.toThrow();
  });

  it('rounds a * b + c and fma(a, b, c) twice, as two operations', async () => {
    const next = rng(21);
    const pick = () => (next() - 0.5) * 2 ** Math.floor(next() * 40 - 20);
    const edges = [[NEAR_ONE, NEAR_ONE, -(1 + 2 ** -11)]];
    const [a, b, c] = [0, 1, 2].map((k) => floats(N, pick, edges.map((e) => e[k])));
    const want = (i: number) => modeBits(modeValue(modeBits(modeValue(a[i]) * modeValue(b[i]))) + modeValue(c[i]));
    for (const expr of ['a * b + c', 'fma(a, b, c)']) {
      const got = await evaluate(device, compiler, expr, [a, b, c], ['float', 'float', 'float']);
      expect(got[0], `${expr} on the halfway case`).toBe(0);
      const bad = [...got].flatMap((g, i) => (g === want(i) ? [] : [`${expr} #${i}: ${floatOf(g)} != ${floatOf(want(i))}`]));
      expect(bad.slice(0, 4)).toEqual([]);
    }
  });

  it('takes subnormals as zeros of their sign and gives NaN one set of bits', async () => {
    const a = Float32Array.of(SUBNORMAL, 2 ** -70, -(2 ** -70), 0, Infinity, SUBNORMAL, 2 ** -127);
    const b = Float32Array.of(2 ** 100, 2 ** -60, 2 ** -60, Infinity, -Infinity, 0, 2 ** -127);
    const bits = (x: Float32Array) => new Uint32Array(x.buffer);
    const product = await evaluate(device, compiler, 'a * b', [bits(a), bits(b)], ['float', 'float']);
    expect([...product]).toEqual([0, 0, 0x80000000, 0x7fc00000, 0xff800000, 0, 0]);
    const sum = await evaluate(device, compiler, 'a + b', [bits(a), bits(b)], ['float', 'float']);
    expect(sum[6], '2^-127 + 2^-127: two zeros').toBe(0);
    expect(sum[4], 'inf - inf').toBe(0x7fc00000);
    const greater = await evaluate(device, compiler, 'a > b ? 1u : 0u', [bits(a), bits(b)], ['float', 'float'], 'uint');
    expect(greater[5], 'a subnormal is not above 0').toBe(0);
    expect(greater[3], 'NaN-free: 0 > inf').toBe(0);
  });

  it('compares NaN unordered, in both forms', async () => {
    const a = new Uint32Array([0x7fc00000, bitsOf(1), 0xffc00001]);
    const b = new Uint32Array([bitsOf(1), bitsOf(2), 0x7f800001]);
    const ordered = await evaluate(device, compiler, '(a < b || a >= b || a == b) ? 1u : 0u', [a, b], ['float', 'float'], 'uint');
    expect([...ordered]).toEqual([0, 1, 0]);
    const unordered = await evaluate(device, compiler, 'a != b ? 1u : 0u', [a, b], ['float', 'float'], 'uint');
    expect([...unordered]).toEqual([1, 1, 1]);
  });
});
