// Deterministic mode's float passes in order, then the check that no float operation (nor texture
// sampling) is left whose bits WGSL leaves to the adapter: such a task is refused (IndexOrderRefusal, reported at
// launch with the kernel's name) rather than run with results that may differ between adapters.
import { GLSL_STD_450 } from '../glsl-std450.js';
import { FLOAT_ATOMIC_ADD, IrOp, type IrFunction, type IrModule } from '../ir/ir.js';
import { Op, opName } from '../opcodes.js';
import { floatShape, valueTypes } from './deterministic-calls.js';
import { exactArithmetic } from './exact-arithmetic.js';
import { exactConversion } from './exact-conversion.js';
import { exactDivision } from './exact-division.js';
import { IndexOrderRefusal } from './index-order.js';
import { softMath } from './soft-math.js';

// Operations whose result depends on how the adapter rounds, once the passes have rewritten
// those on f32 scalars.
const INEXACT = new Set<number>([
  Op.FAdd, Op.FSub, Op.FMul, Op.FDiv, Op.FRem, Op.FMod, Op.FNegate, Op.VectorTimesScalar, Op.MatrixTimesScalar,
  Op.VectorTimesMatrix, Op.MatrixTimesVector, Op.MatrixTimesMatrix, Op.OuterProduct, Op.Dot, Op.ConvertSToF, Op.ConvertUToF,
  Op.FConvert, Op.QuantizeToF16, Op.FOrdEqual, Op.FOrdNotEqual, Op.FOrdLessThan, Op.FOrdGreaterThan, Op.FOrdLessThanEqual,
  Op.FOrdGreaterThanEqual, Op.FUnordEqual, Op.FUnordNotEqual, Op.FUnordLessThan, Op.FUnordGreaterThan, Op.FUnordLessThanEqual,
  Op.FUnordGreaterThanEqual,
]);

// Sampling: WebGPU lets each adapter map coordinates to texels and weigh filtered texels with its
// own precision (the H100 and lavapipe differ on a blur that samples between texel centres);
// textureLoad (OpImageFetch, OpImageRead) reads texels exactly.
const SAMPLING = new Set<number>([
  IrOp.SampleLevel, IrOp.SampleGrad, Op.ImageSampleImplicitLod, Op.ImageSampleExplicitLod, Op.ImageSampleDrefImplicitLod,
  Op.ImageSampleDrefExplicitLod, Op.ImageSampleProjImplicitLod, Op.ImageSampleProjExplicitLod, Op.ImageGather, Op.ImageDrefGather,
]);

export function deterministicFloats(mod: IrModule, f: IrFunction): void {
  exactArithmetic(mod, f);
  exactDivision(mod, f);
  softMath(mod, f);
  exactConversion(mod, f);
  const types = valueTypes(mod, f.fn);
  const shapeOf = (id: number) => floatShape(mod, types.get(id));
  for (const b of f.fn.blocks) {
    for (const inst of b.body) {
      const type = mod.types.get(inst.type);
      const what = type?.kind === 'vector' || type?.kind === 'matrix' ? 'a float vector or matrix' : 'a float value';
      if (SAMPLING.has(inst.op)) {
        throw new IndexOrderRefusal(`it samples a texture (%${inst.id}): each adapter maps coordinates to texels and filters them with its own precision (a texel fetch reads them exactly)`);
      }
      if (INEXACT.has(inst.op)) {
        throw new IndexOrderRefusal(`its ${opName(inst.op)} %${inst.id} on ${what} is not one deterministic mode computes exactly (f32 scalars only): its bits would depend on the adapter`);
      }
      if (inst.op === Op.ExtInst && mod.extInstSets.get(inst.args[0]) === 'GLSL.std.450') {
        const floats = [inst.id, ...inst.args.subarray(2)].some((id) => (id === inst.id ? floatShape(mod, inst.type) : shapeOf(id)) !== 'not float');
        const name = GLSL_STD_450[inst.args[1]]?.name ?? `instruction ${inst.args[1]}`;
        if (floats) throw new IndexOrderRefusal(`its GLSL.std.450 ${name} %${inst.id} has no exact version in deterministic mode (f32 scalars only): its bits would depend on the adapter`);
      }
      if (inst.op === IrOp.FloatAtomicCas && inst.args[2] === FLOAT_ATOMIC_ADD) {
        throw new IndexOrderRefusal(`its float atomic add %${inst.id} (the atomic_float capability) is not computed exactly in deterministic mode`);
      }
    }
  }
}
