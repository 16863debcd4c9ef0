// Deterministic mode's division and square root, a pass on the IR (docs/deterministic.md).
// Vulkan lets a driver divide within 2.5 ulp and compute sqrt as 1 / inversesqrt, so the
// quotient's last bits differ between adapters; f32 OpFDiv, Sqrt and InverseSqrt become calls of
// helpers (wgsl/exact-division.ts) that compute the correctly rounded result with integer
// operations only (InverseSqrt: the correctly rounded 1 / correctly rounded sqrt).
import { Op } from '../opcodes.js';
import type { IrFunction, IrModule } from '../ir/ir.js';
import { callHelper, floatShape, rewriteStd450, valueTypes } from './deterministic-calls.js';

export function exactDivision(mod: IrModule, f: IrFunction): void {
  const types = valueTypes(mod, f.fn);
  for (const b of f.fn.blocks) {
    for (const inst of [...b.body]) {
      if (inst.op === Op.FDiv && floatShape(mod, types.get(inst.args[0])) === 'f32') callHelper(mod, f.fn, inst, 'det_div', Array.from(inst.args));
    }
  }
  rewriteStd450(mod, f, { Sqrt: 'det_sqrt', InverseSqrt: 'det_rsqrt' });
}
