// Deterministic mode's integer-to-float conversions, a pass on the IR (docs/deterministic.md).
// WGSL lets an implementation round an integer above 2^24 to either neighbouring float; f32
// results of OpConvertSToF and OpConvertUToF become helpers (wgsl/exact-conversion.ts) that
// round to nearest, ties to even, as Taichi's CPU backend does.
import { Op } from '../opcodes.js';
import type { IrFunction, IrModule } from '../ir/ir.js';
import { callHelper, floatShape } from './deterministic-calls.js';

export function exactConversion(mod: IrModule, f: IrFunction): void {
  for (const b of f.fn.blocks) {
    for (const inst of [...b.body]) {
      if ((inst.op === Op.ConvertSToF || inst.op === Op.ConvertUToF) && floatShape(mod, inst.type) === 'f32') {
        callHelper(mod, f.fn, inst, inst.op === Op.ConvertSToF ? 'det_i2f' : 'det_u2f', [inst.args[0]]);
      }
    }
  }
}
