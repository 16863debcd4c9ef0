// Relinearisation, a pass on the IR. Taichi joins the quotient and remainder of a carried floor
// division (passes/floor-division.ts) into an element index with the array's own stride:
// q * A + r. Where A equals the divisor b, that is the dividend a itself; Taichi's b is
// max(A, 0), so the two agree for every real shape, but no static fact says so. The printer runs
// a small loop twice over, under `if (A == b)`: the first copy reads a for the index and leaves
// the carried quotient dead, the second is the loop as written. This pass finds the IAdds,
// makes them Relinearized and lists them under their loop in `f.versioned`.
import { definitions } from '../def-use.js';
import { IrOp, replaceInstruction, type CarriedDivision, type IrFunction } from '../ir/ir.js';
import { Op } from '../opcodes.js';
import { isScalarI32, type SpirvFunction, type SpirvModule } from '../parse.js';

/** Loops larger than this many instructions are not run twice over: compile time would grow more than the index arithmetic shrinks. */
const MAX_VERSIONED_LOOP = 256;

export function relinearize(mod: SpirvModule, f: IrFunction): void {
  const { defs, defBlock } = definitions(f.fn);
  const byRemainder = new Map<number, CarriedDivision>();
  const carried = new Map<number, CarriedDivision>();
  for (const list of f.carried.values()) for (const c of list) carried.set(c.division, c);
  for (const inst of defs.values()) if (inst.op === IrOp.CarriedRemainder) byRemainder.set(inst.id, carried.get(inst.args[0])!);
  for (const add of [...defs.values()]) {
    if (add.op !== Op.IAdd || !isScalarI32(mod, add.type)) continue;
    for (const [r, other] of [[add.args[0], add.args[1]], [add.args[1], add.args[0]]]) {
      const division = byRemainder.get(r);
      const product = defs.get(other);
      if (division === undefined || product?.op !== Op.IMul) continue;
      const d = division.division;
      const scale = product.args[0] === d ? product.args[1] : product.args[1] === d ? product.args[0] : undefined;
      if (scale === undefined || (defBlock.get(scale) ?? -1) >= division.header || loopSize(f.fn, division.header) > MAX_VERSIONED_LOOP) continue;
      replaceInstruction(f.fn, add.id, IrOp.Relinearized, [add.args[0], add.args[1], division.dividend]);
      const list = f.versioned.get(division.header) ?? [];
      list.push({ id: add.id, scale, divisor: division.divisor });
      f.versioned.set(division.header, list);
      break;
    }
  }
}

/** Instructions in the blocks from a loop's header up to its merge block, in module order. */
function loopSize(fn: SpirvFunction, header: number): number {
  const merge = fn.blocks[header].merge;
  const end = merge ? fn.blockIndex.get(merge.args[0]) ?? fn.blocks.length : fn.blocks.length;
  let size = 0;
  for (let i = header; i < end; i++) size += fn.blocks[i].body.length;
  return size;
}
