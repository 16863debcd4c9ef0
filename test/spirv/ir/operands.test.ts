// What each instruction reads (shim/spirv/ir/operands.ts), the one source of the printer's use
// counts: literals, extended-instruction numbers, composite indices and image operand masks are
// not reads; a shuffle reads only the vectors it takes components from; the IR's own operations
// read what their definitions say.
import { describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { readIds } from '../../../shim/spirv/ir/operands.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import type { IrType } from '../../../shim/spirv/ir/module.js';
import type { Instruction } from '../../../shim/spirv/parse.js';

const inst = (op: number, ...args: number[]): Instruction => ({ op, type: 1, id: 99, args: Uint32Array.from(args), offset: 0 });
const vec4: IrType = { kind: 'vector', elem: 2, count: 4 };
const typeOf = (): IrType => vec4;

describe('readIds', () => {
  it('leaves literals out', () => {
    expect(readIds(inst(Op.CompositeExtract, 10, 0, 2), typeOf)).toEqual([10]);
    expect(readIds(inst(Op.CompositeInsert, 10, 11, 1), typeOf)).toEqual([10, 11]);
    expect(readIds(inst(Op.ExtInst, 5, 40, 10, 11), typeOf)).toEqual([10, 11]);
    expect(readIds(inst(Op.Load, 10, 2, 4), typeOf)).toEqual([10]);
    expect(readIds(inst(Op.FunctionCall, 7, 10, 11), typeOf)).toEqual([10, 11]);
  });

  it('leaves image operand masks out and keeps the ids after them', () => {
    expect(readIds(inst(Op.ImageSampleExplicitLod, 10, 11, 2, 12), typeOf)).toEqual([10, 11, 12]);
    expect(readIds(inst(Op.ImageWrite, 10, 11, 12, 2, 13), typeOf)).toEqual([10, 11, 12, 13]);
    expect(readIds(inst(Op.ImageFetch, 10, 11), typeOf)).toEqual([10, 11]);
  });

  it('reads only the vectors a shuffle takes components from', () => {
    expect(readIds(inst(Op.VectorShuffle, 10, 11, 0, 1), typeOf)).toEqual([10]);
    expect(readIds(inst(Op.VectorShuffle, 10, 11, 4, 7), typeOf)).toEqual([11]);
    expect(readIds(inst(Op.VectorShuffle, 10, 11, 0, 5), typeOf)).toEqual([10, 11]);
  });

  it("reads what the IR's operations define", () => {
    expect(readIds(inst(IrOp.FloorDiv, 10, 11), typeOf)).toEqual([10, 11]);
    expect(readIds(inst(IrOp.ShiftMask, 10, 0xff), typeOf)).toEqual([10]);
    expect(readIds(inst(IrOp.CarriedQuotient), typeOf)).toEqual([]);
    expect(readIds(inst(IrOp.CarriedRemainder, 42), typeOf)).toEqual([]);
    expect(readIds(inst(IrOp.Relinearized, 10, 11, 12), typeOf)).toEqual([10, 11, 12]);
  });
});
