// Float atomics, a pass on the IR. WGSL has atomics on i32 and u32 only, so OpAtomicFAddEXT,
// OpAtomicFMinEXT and OpAtomicFMaxEXT on f32 become FloatAtomicCas: the printer writes a loop
// that reads the cell's bits, combines them as a float with the operand and compare-exchanges
// the result back until no other invocation wrote in between (exact; concurrent adds may sum in
// another order than the CPU's). The cell is declared atomic<u32> (atomics.ts).
import { SpirvTranslationError } from '../errors.js';
import { FLOAT_ATOMIC_ADD, FLOAT_ATOMIC_MAX, FLOAT_ATOMIC_MIN, IrOp, replaceInstruction, type IrFunction, type IrModule } from '../ir/ir.js';
import { Op, opName } from '../opcodes.js';
import { definitions, useCounts } from '../def-use.js';
import { COMBINABLE, uniformAddress } from './cas-loop.js';

const COMBINE = new Map<number, number>([[Op.AtomicFAddEXT, FLOAT_ATOMIC_ADD], [Op.AtomicFMinEXT, FLOAT_ATOMIC_MIN], [Op.AtomicFMaxEXT, FLOAT_ATOMIC_MAX]]);

export function floatAtomics(mod: IrModule, f: IrFunction): void {
  const uses = useCounts(f.fn);
  const { defs } = definitions(f.fn);
  // The type each pointer of the function points to.
  const pointees = new Map<number, number>();
  for (const [id, g] of mod.globals) pointees.set(id, g.pointee);
  for (const inst of [...f.fn.params, ...f.fn.vars, ...f.fn.blocks.flatMap((b) => b.body)]) {
    const t = mod.types.get(inst.type);
    if (t?.kind === 'pointer') pointees.set(inst.id, t.pointee);
  }
  for (const b of f.fn.blocks) {
    for (const inst of [...b.body]) {
      const combine = COMBINE.get(inst.op);
      if (combine === undefined) continue;
      // args: pointer, scope, semantics, value.
      const cell = mod.types.get(pointees.get(inst.args[0]) ?? 0);
      if (cell?.kind !== 'float' || cell.width !== 32) {
        throw new SpirvTranslationError(inst.offset, inst.op, `${opName(inst.op)} %${inst.id}: float atomic on a non-float pointer`);
      }
      replaceInstruction(f.fn, inst.id, IrOp.FloatAtomicCas, [inst.args[0], inst.args[3], combine, !uses.get(inst.id) && uniformAddress(mod, defs, inst.args[0]) ? COMBINABLE : 0]);
    }
  }
}
