// Image lowering, a pass on the IR. SPIR-V's image instructions take their level, gradients,
// offset and sample as optional operands behind a mask; WGSL has one builtin per combination.
// This pass decodes the masks: explicit-level sampling becomes SampleLevel or SampleGrad, and
// fetches and storage reads become TextureLoad, each with its operands in fixed places (0 where
// one is absent). The printer then writes each as its builtin (wgsl/images.ts). Other image
// operands (Bias, a run-time Offset, MinLod) have no use in compute shaders and are left out.
import { SpirvTranslationError } from '../errors.js';
import { IrOp, replaceInstruction, type IrFunction } from '../ir/ir.js';
import { Op, opName } from '../opcodes.js';
import type { Instruction } from '../parse.js';

const LOD = 2;
const GRAD = 4;
const CONST_OFFSET = 8;
const SAMPLE = 0x40;

/** The optional operands after the mask at `maskAt`, by mask bit: ids in bit order. */
function imageOperands(inst: Instruction, maskAt: number): Map<number, number[]> {
  const a = inst.args;
  const m = new Map<number, number[]>();
  if (a.length <= maskAt) return m;
  const mask = a[maskAt];
  let i = maskAt + 1;
  for (const bit of [1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80]) {
    if (!(mask & bit)) continue;
    const count = bit === GRAD ? 2 : 1;
    m.set(bit, Array.from(a.subarray(i, i + count)));
    i += count;
  }
  return m;
}

export function lowerImages(f: IrFunction): void {
  for (const b of f.fn.blocks) {
    for (const inst of [...b.body]) {
      const a = inst.args;
      if (inst.op === Op.ImageSampleExplicitLod) {
        const ops = imageOperands(inst, 2);
        const offset = ops.get(CONST_OFFSET)?.[0] ?? 0;
        if (ops.has(LOD)) replaceInstruction(f.fn, inst.id, IrOp.SampleLevel, [a[0], a[1], ops.get(LOD)![0], offset]);
        else if (ops.has(GRAD)) replaceInstruction(f.fn, inst.id, IrOp.SampleGrad, [a[0], a[1], ...ops.get(GRAD)!, offset]);
        else throw new SpirvTranslationError(inst.offset, inst.op, `${opName(inst.op)} %${inst.id}: explicit-lod sampling without Lod or Grad`);
      } else if (inst.op === Op.ImageFetch || inst.op === Op.ImageRead) {
        const ops = imageOperands(inst, 2);
        replaceInstruction(f.fn, inst.id, IrOp.TextureLoad, [a[0], a[1], ops.get(LOD)?.[0] ?? 0, ops.get(SAMPLE)?.[0] ?? 0]);
      }
    }
  }
}
