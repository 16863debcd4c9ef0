// Deterministic mode's integer-to-float conversions (shim/spirv/passes/exact-conversion.ts):
// f32 OpConvertSToF and OpConvertUToF become helpers, and on the device every i32 and u32, above
// 2^24 most of all, converts to the nearest float, ties to even (what Math.fround gives).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { exactConversion } from '../../../shim/spirv/passes/exact-conversion.js';
import { createDevice, rng, SpirvCompiler } from '../harness.js';
import { bitsOf, evaluate, expressionShader } from './deterministic-device.js';
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

const N = 1 << 16;
const EDGES = [0, 1, 2 ** 24, 2 ** 24 + 1, 2 ** 24 + 3, 2 ** 25 + 2, 2 ** 25 + 6, 0x7fffffff, 0x7fffff80, 0x7fffffc0, 0x80000000, 0xffffffff, 0xffffff80, 0xffffff7f];

describe('exact conversion pass', () => {
  it('rewrites f32 conversions from i32 and u32 into helper calls', () => {
    const { ir, main } = lifted(compiler.glsl(expressionShader('float(a) + float(uint(a))', ['int'])));
    exactConversion(ir, main);
    expect(withOp(main, Op.ConvertSToF)).toHaveLength(0);
    expect(withOp(main, Op.ConvertUToF)).toHaveLength(0);
    expect(withOp(main, IrOp.DetCall)).toHaveLength(2);
  });

  it.each([['int', (v: number) => v | 0], ['uint', (v: number) => v >>> 0]] as const)('converts every %s to the nearest float, ties to even', async (type, value) => {
    const next = rng(type.length);
    const inputs = new Uint32Array(N);
    for (let i = 0; i < N; i++) {
      // Magnitudes over every bit length, and the edges (ties among them).
      inputs[i] = i < EDGES.length ? EDGES[i] : (next() * 2 ** 32) >>> Math.floor(next() * 32);
    }
    const got = await evaluate(device, compiler, 'float(a)', [inputs], [type]);
    const bad: string[] = [];
    for (let i = 0; i < N && bad.length < 8; i++) {
      const want = bitsOf(Math.fround(value(inputs[i])));
      if (got[i] !== want) bad.push(`${value(inputs[i])}: ${got[i].toString(16)} != ${want.toString(16)}`);
    }
    expect(bad).toEqual([]);
  });
});
