// What deterministic mode's float passes share (exact-arithmetic.ts, exact-division.ts,
// exact-conversion.ts, soft-math.ts): the types of a function's values, and the rewrite of an
// instruction into a call of a WGSL helper (wgsl/deterministic-helpers.ts).
import { GLSL_STD_450 } from '../glsl-std450.js';
import { helperIndex, IrOp, replaceInstruction, type IrFunction, type IrModule } from '../ir/ir.js';
import { Op } from '../opcodes.js';
import type { Instruction, SpirvFunction } from '../parse.js';

/** The type id of every value `fn` can read: its instructions' results, parameters and the module's constants. */
export function valueTypes(mod: IrModule, fn: SpirvFunction): Map<number, number> {
  const types = new Map<number, number>();
  for (const [id, c] of mod.constants) types.set(id, c.type);
  for (const p of fn.params) types.set(p.id, p.type);
  for (const b of fn.blocks) for (const inst of [...b.phis, ...b.body]) if (inst.id !== 0) types.set(inst.id, inst.type);
  return types;
}

export type FloatShape = 'f32' | 'other float' | 'not float';

/** Whether `type` is a 32-bit float scalar, another float type (vector, matrix, f16) or no float. */
export function floatShape(mod: IrModule, type: number | undefined): FloatShape {
  const t = type === undefined ? undefined : mod.types.get(type);
  if (t?.kind === 'float') return t.width === 32 ? 'f32' : 'other float';
  if (t?.kind === 'vector') return floatShape(mod, t.elem) === 'not float' ? 'not float' : 'other float';
  if (t?.kind === 'matrix') return 'other float';
  return 'not float';
}

/** Rewrites `inst` into a call of the helper `name` on the values `args`. */
export function callHelper(mod: IrModule, fn: SpirvFunction, inst: Instruction, name: string, args: readonly number[]): void {
  replaceInstruction(fn, inst.id, IrOp.DetCall, [helperIndex(mod, name), ...args]);
}

/**
 * Rewrites each GLSL.std.450 instruction of `f` that `table` names (by the instruction's name)
 * into a call of its helper, where the result is an f32 and no operand another float shape.
 */
export function rewriteStd450(mod: IrModule, f: IrFunction, table: Record<string, string>): void {
  const types = valueTypes(mod, f.fn);
  for (const b of f.fn.blocks) {
    for (const inst of [...b.body]) {
      if (inst.op !== Op.ExtInst || mod.extInstSets.get(inst.args[0]) !== 'GLSL.std.450') continue;
      const helper = table[GLSL_STD_450[inst.args[1]]?.name ?? ''];
      const operands = Array.from(inst.args.subarray(2));
      if (helper === undefined || floatShape(mod, inst.type) !== 'f32' || operands.some((x) => floatShape(mod, types.get(x)) === 'other float')) continue;
      callHelper(mod, f.fn, inst, helper, operands);
    }
  }
}
