// What each instruction reads: the ids among its operands that name values or pointers, from
// SPIR-V's grammar (literals, extended-instruction numbers, composite indices and operand masks
// left out) and from the IR operations' definitions (ir.ts). The printer's use counts come
// from here, so what an instruction reads is said once; where the printer writes an operand's
// text more than once it names the operand first (Printer.pin).
import { isAtomicOp } from '../atomics.js';
import { isSubgroupArithmetic, isSubgroupOp, Op } from '../opcodes.js';
import type { Instruction } from '../parse.js';
import { FLOAT_ATOMIC_FMA, IrOp } from './ir.js';
import type { IrType } from './module.js';

/** Image instructions: where their optional operand mask sits (the ids before and after it are read). */
function imageMaskAt(op: number): number | undefined {
  switch (op) {
    case Op.ImageSampleImplicitLod: case Op.ImageSampleExplicitLod: case Op.ImageSampleProjImplicitLod:
    case Op.ImageSampleProjExplicitLod: case Op.ImageFetch: case Op.ImageRead: case Op.ImageGather:
      return 2;
    case Op.ImageSampleDrefImplicitLod: case Op.ImageSampleDrefExplicitLod: case Op.ImageSampleProjDrefImplicitLod:
    case Op.ImageSampleProjDrefExplicitLod: case Op.ImageWrite: case Op.ImageDrefGather:
      return 3;
    default:
      return undefined;
  }
}

/**
 * The ids `inst` reads, in operand order. (A pointer made by an access chain is re-read where it
 * is used: the printer counts the chain's operands there.) `typeOf` gives an operand's type.
 */
export function readIds(inst: Instruction, typeOf: (id: number) => IrType | undefined): number[] {
  const a = inst.args;
  const all = (from = 0): number[] => Array.from(a.subarray(from));
  switch (inst.op) {
    case IrOp.FloorDiv: case IrOp.FloorDivNonNegative: return all();
    case IrOp.CarriedQuotient: case IrOp.CarriedRemainder: return [];
    case IrOp.ShiftMask: return [a[0]];
    case IrOp.Relinearized: return [a[0], a[1], a[2]];
    case IrOp.FloatAtomicCas: return a[2] === FLOAT_ATOMIC_FMA ? [a[0], a[1], a[4]] : [a[0], a[1]];
    case IrOp.DetCall: return all(1);
    case IrOp.SampleLevel: case IrOp.SampleGrad: case IrOp.TextureLoad: return all().filter((id) => id !== 0);
    case Op.Nop: case Op.Line: case Op.NoLine: case Op.Undef: case Op.Variable:
      return [];
    case Op.Load: case Op.CompositeExtract: case Op.ArrayLength: case Op.Image:
      return [a[0]];
    case Op.Store: case Op.CopyMemory: case Op.CompositeInsert:
      return [a[0], a[1]];
    case Op.VectorShuffle: {
      // Only the vectors some component is taken from.
      const t = typeOf(a[0]);
      const n1 = t?.kind === 'vector' ? t.count : 0;
      const out: number[] = [];
      const parts = Array.from(a.subarray(2)).filter((c) => c !== 0xffffffff);
      if (parts.some((c) => c < n1) || parts.length === 0) out.push(a[0]);
      if (parts.some((c) => c >= n1)) out.push(a[1]);
      return out;
    }
    case Op.ExtInst: return all(2);
    case Op.FunctionCall: return all(1);
    default: {
      if (isAtomicOp(inst.op)) return all();
      // The scope is a constant; an arithmetic one's group operation is a literal.
      if (isSubgroupOp(inst.op)) return isSubgroupArithmetic(inst.op) ? [a[2]] : all(1);
      const mask = imageMaskAt(inst.op);
      if (mask !== undefined) return all().filter((_, i) => i !== mask);
      return all();
    }
  }
}
