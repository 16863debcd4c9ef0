// The translator's IR: the parsed module's instructions, SSA values with their types, grouped per
// function under the structured control-flow tree of structurize.ts, plus the few operations
// SPIR-V lacks that the passes (passes/) rewrite instruction sequences into; beside them the
// module's types, constants and variables with their decorations folded in (module.ts). The
// WGSL printer (wgsl/) reads only this: what a value reads is operands.ts's answer for its
// instruction.
import type { Instruction, SpirvFunction } from '../parse.js';
import type { StructuredFunction } from '../structurize.js';
import type { IrConstant, IrEntry, IrGlobal, IrType } from './module.js';

// An instruction, block and function of the IR are the parsed module's records, rewritten in place.
export type { Block, Instruction, SpirvFunction } from '../parse.js';

/**
 * Operations the passes introduce. They take numbers above SPIR-V's 16-bit opcodes, so they never
 * meet a real one; like SPIR-V's, their `args` are ids unless their comment says otherwise.
 */
export const IrOp = {
  /** floor(a / b) on i32: args [a, b] (passes/floor-division.ts). */
  FloorDiv: 0x10000,
  /** FloorDiv where b is known not to be negative: args [a, b]. */
  FloorDivNonNegative: 0x10001,
  /** The quotient of a floor division carried by its loop (IrFunction.carried): no args. */
  CarriedQuotient: 0x10002,
  /** a - q * b for the carried division `args[0]` (an id, not read as a value): no value args. */
  CarriedRemainder: 0x10003,
  /** (x << c) >> c on u32 as x & mask: args [x, mask as a literal] (passes/shift-mask.ts). */
  ShiftMask: 0x10004,
  /**
   * q * A + r of a carried division (passes/relinearize.ts): args [x, y] (the IAdd's), then the
   * division's dividend, which it is in the copy of its loop where A equals the divisor.
   */
  Relinearized: 0x10005,
  /**
   * A float atomic emulated by a compare-exchange loop on the value's bits (passes/float-atomics.ts):
   * args [pointer, value, combine as a literal: FLOAT_ATOMIC_ADD, _MIN, _MAX or _FMA, then 1 as a
   * literal where the adds of a subgroup may be combined first (passes/cas-loop.ts's COMBINABLE),
   * else 0; for _FMA
   * then the second factor: the cell becomes fma(value, factor, cell)]. Its result is the cell's
   * value before the operation, as an f32 or as the u32 of its bits (the result type).
   */
  FloatAtomicCas: 0x10006,
  /** textureSampleLevel (passes/images.ts): args [sampled image, coordinate, level, const offset or 0]. */
  SampleLevel: 0x10007,
  /** textureSampleGrad: args [sampled image, coordinate, dx, dy, const offset or 0]. */
  SampleGrad: 0x10008,
  /** textureLoad: args [image, coordinate, level or 0, sample or 0]. */
  TextureLoad: 0x10009,
  /**
   * A call of one of deterministic mode's WGSL helpers (wgsl/deterministic-helpers.ts): args
   * [the helper's index in IrModule.helpers as a literal, then its operands].
   */
  DetCall: 0x1000a,
} as const;

export const FLOAT_ATOMIC_ADD = 0;
export const FLOAT_ATOMIC_MIN = 1;
export const FLOAT_ATOMIC_MAX = 2;
export const FLOAT_ATOMIC_FMA = 3;

const NAMES = new Map<number, string>(Object.entries(IrOp).map(([name, op]) => [op, name]));

/** The name of an IR operation, for errors. */
export function irOpName(op: number): string | undefined {
  return NAMES.get(op);
}

/** A floor division of a loop's phi whose quotient and remainder ride along with the phi. */
export interface CarriedDivision {
  /** The id of the CarriedQuotient instruction. */
  division: number;
  divisor: number;
  /** The step s of `next = phi + s`. */
  step: number;
  /** The id of `next`, the phi's value on the back edge. */
  next: number;
  /** n, where the loop header leaves the loop unless phi < n. */
  bound?: number;
  /** The phi. */
  dividend: number;
  /** Index of the loop header, the phi's block. */
  header: number;
  /** A CarriedRemainder reads the remainder. */
  remainder: boolean;
  /** A bare truncating OpSDiv rather than the floor-division sequence (passes/floor-division.ts). */
  truncating: boolean;
}

/** A Relinearized instruction's id, and the two values whose equality lets it read the dividend. */
export interface Relinearization {
  id: number;
  /** A, the stride the quotient is multiplied by; defined before the loop. */
  scale: number;
  /** b, the carried division's divisor. */
  divisor: number;
  /**
   * For a truncating division joined as (q mod M) * A + r: M, the loop's bound n and the carried
   * division's id, whose exactness flag the test reads too (passes/relinearize.ts).
   */
  modulus?: { m: number; bound: number; division: number };
}

export interface IrFunction {
  fn: SpirvFunction;
  tree: StructuredFunction;
  /** Phi id -> the floor divisions of it carried across iterations (passes/floor-division.ts). */
  carried: Map<number, CarriedDivision[]>;
  /** Loop header (block index) -> the relinearisations its loop is run twice over (passes/relinearize.ts). */
  versioned: Map<number, Relinearization[]>;
}

export interface IrModule {
  /** One past the largest id: a pass that adds a value takes its id from here. */
  bound: number;
  types: Map<number, IrType>;
  constants: Map<number, IrConstant>;
  globals: Map<number, IrGlobal>;
  /** Extended instruction sets (OpExtInstImport) by id: their names. */
  extInstSets: Map<number, string>;
  entry: IrEntry;
  /** The functions the entry point reaches, callees before callers; the entry point last. */
  functions: IrFunction[];
  /**
   * Names of the printer's helper functions that DetCall instructions call, in the order their
   * first operand indexes them. Passes name a helper; the printer holds its code.
   */
  helpers: string[];
}

/** The index of the helper `name` in `ir.helpers`, added if new: a DetCall's first operand. */
export function helperIndex(ir: IrModule, name: string): number {
  const i = ir.helpers.indexOf(name);
  return i >= 0 ? i : ir.helpers.push(name) - 1;
}

/** The function `id` among those the entry point reaches. */
export function irFunction(ir: IrModule, id: number): IrFunction | undefined {
  return ir.functions.find((f) => f.fn.id === id);
}

/** The entry point's function: the last one. */
export function entryFunction(ir: IrModule): IrFunction {
  return ir.functions[ir.functions.length - 1];
}

// The SPIR-V opcode each IR operation replaced: errors name the instruction the module holds.
const replaced = new WeakMap<Instruction, number>();

/** The SPIR-V opcode of `inst`, or of the instruction an IR operation took the place of. */
export function spirvOpcode(inst: Instruction): number {
  return replaced.get(inst) ?? inst.op;
}

/** Replaces the instruction defining `id` in `fn`'s blocks (a pass's rewrite in place). */
export function replaceInstruction(fn: SpirvFunction, id: number, op: number, args: readonly number[]): Instruction {
  for (const b of fn.blocks) {
    const i = b.body.findIndex((inst) => inst.id === id);
    if (i < 0) continue;
    const old = b.body[i];
    const inst: Instruction = { op, type: old.type, id, args: Uint32Array.from(args), offset: old.offset };
    replaced.set(inst, spirvOpcode(old));
    b.body[i] = inst;
    return inst;
  }
  throw new Error(`no instruction defines %${id}`);
}

/** Removes the instruction defining `id` from `fn`'s blocks (one nothing reads any more). */
export function removeInstruction(fn: SpirvFunction, id: number): void {
  for (const b of fn.blocks) {
    const i = b.body.findIndex((inst) => inst.id === id);
    if (i >= 0) {
      b.body.splice(i, 1);
      return;
    }
  }
}
