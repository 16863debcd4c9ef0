// The relinearisation pass on the IR (shim/spirv/passes/relinearize.ts): q * A + r of a carried
// floor division becomes Relinearized, reading the dividend in the copy of its loop where A
// equals the divisor, and the loop lists it with A and the divisor. What the printed loop
// computes, in both copies, is checked on Dawn in ../idioms.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { floorDivisions } from '../../../shim/spirv/passes/floor-division.js';
import { relinearize } from '../../../shim/spirv/passes/relinearize.js';
import { SpirvCompiler } from '../harness.js';
import { loopModule, module } from '../idiom-modules.js';
import { lifted, withOp } from './lifted.js';

describe('relinearisation pass', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it('marks q * A + r of a carried division and versions its loop on A == b', () => {
    const { ir, main } = lifted(compiler.asm(loopModule(true)));
    floorDivisions(ir, main);
    relinearize(ir, main);
    const [rel] = withOp(main, IrOp.Relinearized);
    const [c] = [...main.carried.values()][0];
    expect(rel.args[2]).toBe(c.dividend);
    const [[header, list]] = [...main.versioned];
    expect(header).toBe(c.header);
    expect(list).toEqual([{ id: rel.id, scale: expect.any(Number), divisor: c.divisor }]);
    // A is the stride the quotient is multiplied by: the product's other operand.
    const product = main.fn.blocks.flatMap((b) => b.body).find((inst) => inst.op === Op.IMul && [inst.args[0], inst.args[1]].includes(c.division) && [inst.args[0], inst.args[1]].includes(list[0].scale));
    expect(product).toBeDefined();
  });

  it('finds nothing without a carried division', () => {
    const { ir, main } = lifted(compiler.asm(module()));
    floorDivisions(ir, main);
    relinearize(ir, main);
    expect(withOp(main, IrOp.Relinearized)).toHaveLength(0);
    expect(main.versioned.size).toBe(0);
  });
});
