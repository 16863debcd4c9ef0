// The float-atomics pass on the IR (shim/spirv/passes/float-atomics.ts): each OpAtomicFAddEXT
// (and FMin, FMax) on an f32 becomes FloatAtomicCas of its pointer and value, saying how to
// combine them and whether a subgroup may combine its adds first; on anything else it is refused, named. The loop's
// results are checked on Dawn and wgpu by the GLSL corpus (atomic_float, atomic_float_shared).
import { afterAll, describe, expect, it } from 'vitest';
import { FLOAT_ATOMIC_ADD, FLOAT_ATOMIC_MAX, IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { floatAtomics } from '../../../shim/spirv/passes/float-atomics.js';
import { COMBINABLE } from '../../../shim/spirv/passes/cas-loop.js';
import { SpirvCompiler } from '../harness.js';
import { lifted, withOp } from './lifted.js';

const MINMAX = `#version 450
#extension GL_EXT_shader_atomic_float2 : require
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer Out { float o[]; };
void main() { atomicMax(o[gl_GlobalInvocationID.x % 4u], 1.5); }
`;

describe('float-atomics pass', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it('turns each float atomic add into FloatAtomicCas of its pointer and value', () => {
    const { ir, main } = lifted(compiler.glslFile('atomic_float.comp', { env: 'vulkan1.2' }));
    const adds = withOp(main, Op.AtomicFAddEXT);
    expect(adds).toHaveLength(3);
    floatAtomics(ir, main);
    expect(withOp(main, Op.AtomicFAddEXT)).toHaveLength(0);
    const cas = withOp(main, IrOp.FloatAtomicCas);
    // Only the first adds to one cell for all invocations (o[0]); the third's result is read.
    expect(cas.map((i) => Array.from(i.args))).toEqual(adds.map((i, k) => [i.args[0], i.args[3], FLOAT_ATOMIC_ADD, k === 0 ? COMBINABLE : 0]));
    expect(cas.map((i) => i.id)).toEqual(adds.map((i) => i.id));
  });

  it('says max for atomicMax', () => {
    const { ir, main } = lifted(compiler.glsl(MINMAX, { env: 'vulkan1.2' }));
    floatAtomics(ir, main);
    expect(withOp(main, IrOp.FloatAtomicCas).map((i) => i.args[2])).toEqual([FLOAT_ATOMIC_MAX]);
  });

  it('refuses a float atomic on an integer cell, naming the instruction', () => {
    const { ir, main } = lifted(compiler.glslFile('atomic_float.comp', { env: 'vulkan1.2' }));
    const [add] = withOp(main, Op.AtomicFAddEXT);
    // Point the add at an int: what a module whose types disagree would say.
    const cell = [...ir.types].find(([, t]) => t.kind === 'int' && t.width === 32)![0];
    const ptr = [...ir.types].find(([, t]) => t.kind === 'pointer' && t.pointee === cell);
    const chain = main.fn.blocks.flatMap((b) => b.body).find((i) => i.id === add.args[0])!;
    if (ptr) chain.type = ptr[0];
    else ir.types.set(chain.type, { kind: 'pointer', storage: 12, pointee: cell });
    expect(() => floatAtomics(ir, main)).toThrow(`OpAtomicFAddEXT %${add.id}: float atomic on a non-float pointer`);
  });
});
