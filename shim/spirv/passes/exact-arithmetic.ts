// Deterministic mode's float arithmetic, a pass on the IR (docs/deterministic.md). WGSL rounds
// f32 +, - and * correctly but lets each implementation fuse a multiply-add (one rounding where
// Taichi's CPU run rounds twice), keep or flush subnormals (lavapipe keeps them, SwiftShader
// flushes) and choose NaN bits. Every f32 add, subtract, multiply, negation, comparison and the
// GLSL.std.450 functions that are exact by nature (floor, min, abs, ...) become calls of helpers
// (wgsl/exact-arithmetic.ts) that hide each result from the compiler behind integer operations
// (so no product is fused into a sum), flush subnormals to zero and give NaN one set of bits.
// Fma itself rounds the product and the sum apart, as Taichi's CPU backend does.
import { Op } from '../opcodes.js';
import type { IrFunction, IrModule } from '../ir/ir.js';
import { callHelper, floatShape, rewriteStd450, valueTypes } from './deterministic-calls.js';

const BINARY = new Map<number, string>([
  [Op.FAdd, 'det_add'], [Op.FSub, 'det_sub'], [Op.FMul, 'det_mul'], [Op.FMod, 'det_fmod'], [Op.FRem, 'det_frem'],
  [Op.FOrdEqual, 'det_oeq'], [Op.FOrdNotEqual, 'det_one'], [Op.FOrdLessThan, 'det_olt'], [Op.FOrdGreaterThan, 'det_ogt'],
  [Op.FOrdLessThanEqual, 'det_ole'], [Op.FOrdGreaterThanEqual, 'det_oge'], [Op.FUnordEqual, 'det_ueq'], [Op.FUnordNotEqual, 'det_une'],
  [Op.FUnordLessThan, 'det_ult'], [Op.FUnordGreaterThan, 'det_ugt'], [Op.FUnordLessThanEqual, 'det_ule'], [Op.FUnordGreaterThanEqual, 'det_uge'],
]);

/** GLSL.std.450 functions by name -> the helper computing them from exact operations. */
export const EXACT_STD450: Record<string, string> = {
  Fma: 'det_fma', FAbs: 'det_abs', FSign: 'det_sign', FMin: 'det_min', FMax: 'det_max', NMin: 'det_min', NMax: 'det_max',
  FClamp: 'det_clamp', NClamp: 'det_clamp', Floor: 'det_floor', Ceil: 'det_ceil', Trunc: 'det_trunc', Round: 'det_round',
  RoundEven: 'det_round', Fract: 'det_fract', Step: 'det_step', FMix: 'det_mix', SmoothStep: 'det_smoothstep',
  Ldexp: 'det_ldexp', Radians: 'det_radians', Degrees: 'det_degrees',
};

/** Rewrites `f`'s f32 arithmetic into deterministic helpers; other float shapes are left to the check (deterministic-floats.ts). */
export function exactArithmetic(mod: IrModule, f: IrFunction): void {
  const types = valueTypes(mod, f.fn);
  const isF32 = (id: number) => floatShape(mod, types.get(id)) === 'f32';
  for (const b of f.fn.blocks) {
    for (const inst of [...b.body]) {
      const a = Array.from(inst.args);
      const binary = BINARY.get(inst.op);
      if (binary !== undefined && isF32(a[0]) && isF32(a[1])) callHelper(mod, f.fn, inst, binary, a);
      else if (inst.op === Op.FNegate && isF32(a[0])) callHelper(mod, f.fn, inst, 'det_neg', a);
    }
  }
  rewriteStd450(mod, f, EXACT_STD450);
}
