// Shift masks, a pass on the IR. Taichi turns a byte offset into a word index by shifting left
// then logically right by the same amount, (x << c) >> c, which is x & (0xffffffff >> c): one
// operation instead of two in every ndarray access. The right shift becomes a ShiftMask and the
// left one, read by nothing else, goes.
import { definitions, useCounts } from '../def-use.js';
import { IrOp, removeInstruction, replaceInstruction, type IrFunction, type IrModule } from '../ir/ir.js';
import { Op } from '../opcodes.js';
import { intConstant, isScalarI32 } from '../ir/module.js';
import type { SpirvFunction } from '../parse.js';

interface ShiftMask {
  /** The value shifted. */
  value: number;
  /** The left shift, which the mask replaces. */
  inner: number;
  mask: number;
}

/** The OpShiftRightLogical instructions of `fn` that undo a left shift by the same amount, by result id. */
function findShiftMasks(mod: IrModule, fn: SpirvFunction): Map<number, ShiftMask> {
  const { defs } = definitions(fn);
  const uses = useCounts(fn);
  const found = new Map<number, ShiftMask>();
  for (const outer of defs.values()) {
    if (outer.op !== Op.ShiftRightLogical || !isScalarI32(mod, outer.type)) continue;
    const inner = defs.get(outer.args[0]);
    if (!inner || inner.op !== Op.ShiftLeftLogical || !isScalarI32(mod, inner.type) || uses.get(inner.id) !== 1) continue;
    const c = intConstant(mod, outer.args[1]);
    if (c === undefined || c <= 0 || c >= 32 || intConstant(mod, inner.args[1]) !== c) continue;
    found.set(outer.id, { value: inner.args[0], inner: inner.id, mask: 0xffffffff >>> c });
  }
  return found;
}

export function shiftMasks(mod: IrModule, f: IrFunction): void {
  for (const [id, m] of findShiftMasks(mod, f.fn)) {
    replaceInstruction(f.fn, id, IrOp.ShiftMask, [m.value, m.mask]);
    removeInstruction(f.fn, m.inner);
  }
}
