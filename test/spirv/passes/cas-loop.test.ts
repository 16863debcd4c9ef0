// The cas-loop pass on the IR (shim/spirv/passes/cas-loop.ts): Taichi's compare-exchange loop
// adding to an f32 cell becomes FloatAtomicCas of the cell and the addend, and its exit test
// holds at once; a loop that does anything else, or whose addend changes in it, is left alone.
// Where nothing reads the result and every invocation adds to one cell, the add is combinable.
// The results, with and without subgroups, are checked on Dawn by the GLSL corpus (cas_loop).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FLOAT_ATOMIC_ADD, FLOAT_ATOMIC_FMA, IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { casLoops, COMBINABLE } from '../../../shim/spirv/passes/cas-loop.js';
import { GLSL_DIR, SpirvCompiler } from '../harness.js';
import { lifted, withOp } from './lifted.js';

const CAS_LOOP = readFileSync(join(GLSL_DIR, 'cas_loop.comp'), 'utf8');

describe('cas-loop pass', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it("turns each of Taichi's compare-exchange loops into FloatAtomicCas, combinable where every invocation adds to one cell", () => {
    const { ir: mod, main } = lifted(compiler.glsl(CAS_LOOP, { optimize: true }));
    const exchanges = withOp(main, Op.AtomicCompareExchange);
    expect(exchanges).toHaveLength(2);
    casLoops(mod, main);
    expect(withOp(main, Op.AtomicCompareExchange)).toHaveLength(0);
    const cas = withOp(main, IrOp.FloatAtomicCas);
    // o[0] is one cell for all; o[1 + i % 4] is not.
    expect(cas.map((i) => [i.args[0], i.args[2], i.args[3]])).toEqual(exchanges.map((e, k) => [e.args[0], FLOAT_ATOMIC_ADD, k === 0 ? COMBINABLE : 0]));
    // The exit tests compare the result with itself.
    for (const test of withOp(main, Op.IEqual).filter((t) => cas.some((c) => c.id === t.args[0]))) expect(test.args[1]).toBe(test.args[0]);
  });

  it("takes Taichi 1.7's fma(a, b, cell) as the combine, with both factors", () => {
    const source = CAS_LOOP.replace('uintBitsToFloat(old) + v', 'fma(v, v, uintBitsToFloat(old))');
    const { ir: mod, main } = lifted(compiler.glsl(source, { optimize: true }));
    expect(withOp(main, Op.ExtInst)).not.toHaveLength(0);
    casLoops(mod, main);
    expect(withOp(main, Op.AtomicCompareExchange)).toHaveLength(0);
    const cas = withOp(main, IrOp.FloatAtomicCas);
    expect(cas).toHaveLength(2);
    for (const c of cas) {
      expect(c.args[2]).toBe(FLOAT_ATOMIC_FMA);
      expect(c.args).toHaveLength(5);
    }
  });

  it("matches forge 0.7's loop, which reads the cell with OpAtomicLoad", () => {
    const source = CAS_LOOP.replace('#version 450', '#version 450\n#extension GL_KHR_memory_scope_semantics : require').replace(
      'uint old = o[cell];',
      'uint old = atomicLoad(o[cell], gl_ScopeDevice, gl_StorageSemanticsBuffer, gl_SemanticsRelaxed);',
    );
    const { ir: mod, main } = lifted(compiler.glsl(source, { optimize: true }));
    expect(withOp(main, Op.AtomicLoad)).toHaveLength(2);
    casLoops(mod, main);
    expect(withOp(main, Op.AtomicCompareExchange)).toHaveLength(0);
    expect(withOp(main, IrOp.FloatAtomicCas).map((c) => c.args[2])).toEqual([FLOAT_ATOMIC_ADD, FLOAT_ATOMIC_ADD]);
  });

  it('leaves a loop that also writes other memory', () => {
    const source = CAS_LOOP.replace('if (atomicCompSwap', 'a[cell] = 1.0;\n    if (atomicCompSwap');
    const { ir: mod, main } = lifted(compiler.glsl(source, { optimize: true }));
    casLoops(mod, main);
    expect(withOp(main, IrOp.FloatAtomicCas)).toHaveLength(0);
    expect(withOp(main, Op.AtomicCompareExchange)).toHaveLength(2);
  });

  it('leaves a loop whose addend is computed in the loop from the cell', () => {
    const source = CAS_LOOP.replace('uintBitsToFloat(old) + v', 'uintBitsToFloat(old) + uintBitsToFloat(old) * v');
    const { ir: mod, main } = lifted(compiler.glsl(source, { optimize: true }));
    casLoops(mod, main);
    expect(withOp(main, IrOp.FloatAtomicCas)).toHaveLength(0);
  });
});
