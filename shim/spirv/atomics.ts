// Which variables are touched atomically. WGSL atomics are types, not operations: a buffer (or
// workgroup variable) reached by any atomic instruction is declared with atomic<> leaves, and
// every plain load and store of it then goes through atomicLoad/atomicStore. Other buffers keep
// plain types.
import { SpirvTranslationError } from './errors.js';
import { IrOp } from './ir/ir.js';
import { Op, opName } from './opcodes.js';
import type { IrModule } from './ir/ir.js';
import type { SpirvFunction } from './parse.js';

export function isAtomicOp(op: number): boolean {
  return (op >= Op.AtomicLoad && op <= Op.AtomicXor) || op === Op.AtomicFAddEXT || op === Op.AtomicFMinEXT || op === Op.AtomicFMaxEXT ||
    op === IrOp.FloatAtomicCas;
}

export function isPointerChain(op: number): boolean {
  return op === Op.AccessChain || op === Op.InBoundsAccessChain;
}

export function findAtomicRoots(mod: Pick<IrModule, 'types' | 'globals'>, fns: SpirvFunction[]): Set<number> {
  const roots = new Set<number>();
  for (const fn of fns) {
    const chains = new Map<number, number>();
    const params = new Set(fn.params.map((p) => p.id));
    for (const b of fn.blocks) {
      for (const inst of b.body) {
        if (isPointerChain(inst.op) || (inst.op === Op.CopyObject && mod.types.get(inst.type)?.kind === 'pointer')) {
          chains.set(inst.id, inst.args[0]);
        } else if (isAtomicOp(inst.op)) {
          let p = inst.args[0];
          // Chains are defined before use, so this walk visits each link once.
          for (let guard = 0; chains.has(p) && guard < 1 << 20; guard++) p = chains.get(p)!;
          if (mod.globals.has(p)) roots.add(p);
          else if (params.has(p)) throw new SpirvTranslationError(inst.offset, inst.op, `${opName(inst.op)}: atomic access through a function parameter pointer is not supported`);
          else if (!fn.vars.some((v) => v.id === p)) throw new SpirvTranslationError(inst.offset, inst.op, `${opName(inst.op)}: pointer %${inst.args[0]} does not lead to a variable`);
          else throw new SpirvTranslationError(inst.offset, inst.op, `${opName(inst.op)}: atomics on Function-storage variables are not supported by WGSL`);
        }
      }
    }
  }
  return roots;
}
