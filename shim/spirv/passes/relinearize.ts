// Relinearisation, a pass on the IR. Taichi joins the quotient and remainder of a carried floor
// division (passes/floor-division.ts) into an element index with the array's own stride:
// q * A + r. Where A equals the divisor b, that is the dividend a itself; Taichi's b is
// max(A, 0), so the two agree for every real shape, but no static fact says so. The printer runs
// a small loop twice over, under `if (A == b)`: the first copy reads a for the index and leaves
// the carried quotient dead, the second is the loop as written. This pass finds the IAdds,
// makes them Relinearized and lists them under their loop in `f.versioned`.
//
// Where the division is a bare truncating one, Taichi splits the quotient again before joining:
// (q - M * (q / M)) * A + r, q mod M. That is the dividend too when q stays in [0, M): the copy
// also runs only where the quotient is carried exactly (so a >= 0) and the loop's bound n is at
// most M * b, computed without overflow, since a < n inside the loop.
import { definitions } from '../def-use.js';
import { IrOp, replaceInstruction, type CarriedDivision, type IrFunction, type IrModule, type Relinearization } from '../ir/ir.js';
import { Op } from '../opcodes.js';
import { isScalarI32 } from '../ir/module.js';
import type { SpirvFunction } from '../parse.js';

/** Loops larger than this many instructions are not run twice over: compile time would grow more than the index arithmetic shrinks. */
const MAX_VERSIONED_LOOP = 256;

export function relinearize(mod: IrModule, f: IrFunction): void {
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
      const invariant = (id: number | undefined): id is number => id !== undefined && (defBlock.get(id) ?? -1) < division.header;
      if (loopSize(f.fn, division.header) > MAX_VERSIONED_LOOP) continue;
      let found: Relinearization | undefined;
      for (const [factor, scale] of [[product.args[0], product.args[1]], [product.args[1], product.args[0]]]) {
        if (!invariant(scale)) continue;
        if (factor === d) {
          found = { id: add.id, scale, divisor: division.divisor };
          break;
        }
        const m = division.truncating && division.bound !== undefined ? truncatedModulus(factor, d) : undefined;
        if (invariant(m)) {
          found = { id: add.id, scale, divisor: division.divisor, modulus: { m, bound: division.bound!, division: d } };
          break;
        }
      }
      if (!found) continue;
      replaceInstruction(f.fn, add.id, IrOp.Relinearized, [add.args[0], add.args[1], division.dividend]);
      const list = f.versioned.get(division.header) ?? [];
      list.push(found);
      f.versioned.set(division.header, list);
      break;
    }
  }

  // M when `id` is q - M * (q / M) with a bare OpSDiv: q mod M, truncating.
  function truncatedModulus(id: number, q: number): number | undefined {
    const sub = defs.get(id);
    const product = sub?.op === Op.ISub && sub.args[0] === q ? defs.get(sub.args[1]) : undefined;
    if (product?.op !== Op.IMul) return undefined;
    for (const [m, quotient] of [[product.args[0], product.args[1]], [product.args[1], product.args[0]]]) {
      const div = defs.get(quotient);
      if (div?.op === Op.SDiv && div.args[0] === q && div.args[1] === m) return m;
    }
    return undefined;
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
