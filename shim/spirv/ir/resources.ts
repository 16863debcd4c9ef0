// How the IR uses each resource (buffer, image, sampler variable with a binding): read, written,
// sampled. The printer declares storage buffers read-only and storage textures with their
// access from it, and reflect.ts lists a binding for each resource the entry point reaches.
import { isAtomicOp, isPointerChain } from '../atomics.js';
import { Op, StorageClass } from '../opcodes.js';
import type { Instruction } from '../parse.js';
import { IrOp, type IrModule } from './ir.js';
import { isBufferBlock } from './module.js';
import { readIds } from './operands.js';

export interface ResourceUse { read: boolean; written: boolean; sampled: boolean }

const RESOURCE_STORAGE = new Set<number>([StorageClass.Uniform, StorageClass.StorageBuffer, StorageClass.UniformConstant]);

function isBuffer(mod: IrModule, id: number): boolean {
  const g = mod.globals.get(id);
  return g !== undefined && (g.storage === StorageClass.Uniform || g.storage === StorageClass.StorageBuffer);
}

/** The resources the functions of `mod` reach (in their reachable blocks), by variable id. */
export function resourceUses(mod: IrModule): Map<number, ResourceUse> {
  const uses = new Map<number, ResourceUse>();
  const touch = (id: number): ResourceUse | undefined => {
    const g = mod.globals.get(id);
    if (g === undefined || !RESOURCE_STORAGE.has(g.storage)) return undefined;
    let r = uses.get(id);
    if (r === undefined) {
      // A uniform block is only ever read.
      const uniformBlock = g.storage === StorageClass.Uniform && !isBufferBlock(mod, g.pointee);
      uses.set(id, (r = { read: uniformBlock, written: false, sampled: false }));
    }
    return r;
  };
  for (const f of mod.functions) {
    const defs = new Map<number, Instruction>();
    for (const b of f.fn.blocks) for (const inst of b.body) if (inst.id !== 0) defs.set(inst.id, inst);
    // The variable a pointer leads to, through access chains and copies of pointers.
    const root = (id: number): number => {
      for (let guard = 0; guard < 1 << 20; guard++) {
        const d = defs.get(id);
        if (d === undefined || !(isPointerChain(d.op) || (d.op === Op.CopyObject && mod.types.get(d.type)?.kind === 'pointer'))) return id;
        id = d.args[0];
      }
      return id;
    };
    // The variable an image value was loaded from.
    const imageRoot = (id: number): number | undefined => {
      const d = defs.get(id);
      if (d === undefined) return undefined;
      if (d.op === Op.Load) return root(d.args[0]);
      if (d.op === Op.SampledImage || d.op === Op.Image || d.op === Op.CopyObject) return imageRoot(d.args[0]);
      return undefined;
    };
    const typeOf = (id: number) => mod.types.get(mod.constants.get(id)?.type ?? defs.get(id)?.type ?? 0);
    const reached = f.fn.blocks.filter((b) => f.tree.scopeOf[b.index] >= 0);
    for (const b of reached) for (const inst of b.body) for (const id of readIds(inst, typeOf)) touch(id);
    for (const b of reached) {
      for (const inst of b.body) {
        const mark = (pointer: number | undefined, read: boolean, written: boolean, sampled = false): void => {
          const r = pointer === undefined ? undefined : uses.get(pointer);
          if (r === undefined) return;
          r.read ||= read;
          r.written ||= written;
          r.sampled ||= sampled;
        };
        const a = inst.args;
        if (inst.op === Op.Load) mark(isBuffer(mod, root(a[0])) ? root(a[0]) : undefined, true, false);
        else if (inst.op === Op.Store) mark(root(a[0]), false, true);
        else if (inst.op === Op.CopyMemory) {
          mark(root(a[0]), false, true);
          mark(isBuffer(mod, root(a[1])) ? root(a[1]) : undefined, true, false);
        } else if (inst.op === Op.FunctionCall) {
          // A callee may read and write what a pointer argument leads to.
          for (let i = 1; i < a.length; i++) mark(root(a[i]), true, true);
        } else if (isAtomicOp(inst.op)) mark(root(a[0]), true, inst.op !== Op.AtomicLoad);
        else if (inst.op === IrOp.SampleLevel || inst.op === IrOp.SampleGrad) mark(imageRoot(a[0]), true, false, true);
        else if (inst.op === IrOp.TextureLoad) mark(imageRoot(a[0]), true, false);
        else if (inst.op === Op.ImageWrite) mark(imageRoot(a[0]), false, true);
      }
    }
  }
  return uses;
}
