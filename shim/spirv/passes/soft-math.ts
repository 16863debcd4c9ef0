// Deterministic mode's transcendental functions, a pass on the IR (docs/deterministic.md). A
// GPU's sin, exp, log, pow, ... are its own approximations, so their bits differ between
// adapters; f32 GLSL.std.450 transcendentals become calls of software versions
// (wgsl/soft-math.ts) built from exactly rounded operations, the same bits on every adapter.
import type { IrFunction, IrModule } from '../ir/ir.js';
import { rewriteStd450 } from './deterministic-calls.js';

export const SOFT_STD450: Record<string, string> = {
  Sin: 'det_sin', Cos: 'det_cos', Tan: 'det_tan', Asin: 'det_asin', Acos: 'det_acos', Atan: 'det_atan', Atan2: 'det_atan2',
  Tanh: 'det_tanh', Exp: 'det_exp', Exp2: 'det_exp2', Log: 'det_log', Log2: 'det_log2', Pow: 'det_pow',
};

export function softMath(mod: IrModule, f: IrFunction): void {
  rewriteStd450(mod, f, SOFT_STD450);
}
