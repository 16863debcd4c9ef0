// The floor-division pass on the IR (shim/spirv/passes/floor-division.ts): Taichi's OpSDiv and
// sign correction become one FloorDiv of the SDiv's operands; a divisor clamped with max(b, 0)
// makes it FloorDivNonNegative; in a loop stepping the dividend by an invariant amount the
// quotient is carried (CarriedQuotient, CarriedRemainder and the phi's entry); a near miss stays
// as written. What the printed WGSL computes is checked on Dawn in ../idioms.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { floorDivisions } from '../../../shim/spirv/passes/floor-division.js';
import { SpirvCompiler } from '../harness.js';
import { loopModule, module } from '../idiom-modules.js';
import { lifted, withOp } from './lifted.js';

describe('floor-division pass', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it("rewrites Taichi's sequence into FloorDiv of the division's operands", () => {
    const { ir, main } = lifted(compiler.asm(module()));
    const [sdiv] = withOp(main, Op.SDiv);
    const subs = withOp(main, Op.ISub).length;
    floorDivisions(ir, main);
    const [fd] = withOp(main, IrOp.FloorDiv);
    expect(Array.from(fd.args)).toEqual([sdiv.args[0], sdiv.args[1]]);
    expect(withOp(main, Op.ISub)).toHaveLength(subs - 1);
    expect(main.carried.size).toBe(0);
  });

  it('makes it FloorDivNonNegative when the divisor is max(b, 0)', () => {
    const { ir, main } = lifted(compiler.asm(module(undefined, true)));
    floorDivisions(ir, main);
    expect(withOp(main, IrOp.FloorDivNonNegative)).toHaveLength(1);
    expect(withOp(main, IrOp.FloorDiv)).toHaveLength(0);
  });

  it('leaves a near miss as written', () => {
    const { ir, main } = lifted(compiler.asm(module('%inexact = OpINotEqual %bool %prod %b')));
    floorDivisions(ir, main);
    expect(withOp(main, IrOp.FloorDiv)).toHaveLength(0);
    expect(withOp(main, IrOp.FloorDivNonNegative)).toHaveLength(0);
  });

  it.each([false, true])('carries the quotient of a stepped loop phi (bounded by its header: %s)', (guarded) => {
    const { ir, main } = lifted(compiler.asm(loopModule(guarded)));
    floorDivisions(ir, main);
    const [q] = withOp(main, IrOp.CarriedQuotient);
    const [r] = withOp(main, IrOp.CarriedRemainder);
    expect(q.args).toHaveLength(0);
    expect(Array.from(r.args)).toEqual([q.id]);
    const [[phi, list]] = [...main.carried];
    expect(list).toHaveLength(1);
    const c = list[0];
    expect({ division: c.division, dividend: c.dividend, remainder: c.remainder }).toEqual({ division: q.id, dividend: phi, remainder: true });
    // The phi's back-edge value is phi + step, and the header index is the phi's block.
    const next = main.fn.blocks.flatMap((b) => b.body).find((inst) => inst.id === c.next)!;
    expect(next.op).toBe(Op.IAdd);
    expect([next.args[0], next.args[1]]).toEqual([phi, c.step]);
    expect(main.fn.blocks[c.header].phis.some((p) => p.id === phi)).toBe(true);
    expect(c.bound !== undefined).toBe(guarded);
  });
});
