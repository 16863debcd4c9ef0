// The shift-mask pass on the IR (shim/spirv/passes/shift-mask.ts): (x << c) >> c becomes one
// ShiftMask of x with 0xffffffff >> c and the left shift goes; other pairs stay. The printed
// mask's results are checked on Dawn in ../idioms.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { shiftMasks } from '../../../shim/spirv/passes/shift-mask.js';
import { SpirvCompiler } from '../harness.js';
import { perThread } from '../idiom-modules.js';
import { lifted, withOp } from './lifted.js';

function shiftModule(left: number, right: number): string {
  return perThread(
    `%pa = OpAccessChain %pInt %inbuf %int_0 %i
%a = OpLoad %int %pa
%up = OpShiftLeftLogical %int %a %c_left
%r = OpShiftRightLogical %int %up %c_right`,
    `%c_left = OpConstant %int ${left}\n%c_right = OpConstant %int ${right}\n`,
  );
}

describe('shift-mask pass', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it.each([1, 17, 31])('(x << %i) >> the same becomes x & mask', (c) => {
    const { ir, main } = lifted(compiler.asm(shiftModule(c, c)));
    const [load] = withOp(main, Op.Load).slice(-1);
    shiftMasks(ir, main);
    const [mask] = withOp(main, IrOp.ShiftMask);
    expect(Array.from(mask.args)).toEqual([load.id, 0xffffffff >>> c]);
    expect(withOp(main, Op.ShiftLeftLogical)).toHaveLength(0);
  });

  it('leaves shifts by different amounts alone', () => {
    const { ir, main } = lifted(compiler.asm(shiftModule(2, 3)));
    shiftMasks(ir, main);
    expect(withOp(main, IrOp.ShiftMask)).toHaveLength(0);
    expect(withOp(main, Op.ShiftLeftLogical)).toHaveLength(1);
  });
});
