// Barriers in Taichi's grid-stride loop. A kernel using ti.simt.block.SharedArray and
// ti.simt.block.sync() puts workgroupBarrier inside
//
//   for (i = gid.x + begin; i < end; i += num_workgroups.x * size) { body }
//
// whose trip count depends on the invocation, so WGSL's uniformity analysis refuses the barrier.
// This pass makes the loop uniform: it counts the workgroup's first index instead,
//
//   for (base = workgroup_id.x * size + begin; base < end; base += num_workgroups.x * size) {
//     i = base + local_invocation_id.x;  active = i < end;  body, its writes guarded by active
//   }
//
// so every invocation of a workgroup runs the same trips. Where i < end for the whole workgroup
// (ranges that are whole blocks: the only ones whose barriers Taichi defines) nothing changes.
// In a partial last block the invocations past the end run the body without writing memory:
// their stores and atomics are skipped (a skipped compare-exchange reads as having succeeded,
// so its retry loop ends; other atomics read 0), and their out-of-range loads are WGSL's safe ones.
// The pass leaves a module alone unless the loop holds a workgroup barrier, and it refuses
// (leaves it alone) where a guarded write sits in a loop header it cannot split. It takes the
// loop grid-stride.ts found, rewrites the entry function's blocks and structures them again.
import { definitions, replaceIdOperands } from '../def-use.js';
import { entryFunction, type IrModule } from '../ir/ir.js';
import { BuiltIn, Op, StorageClass } from '../opcodes.js';
import type { Block, Instruction, SpirvFunction } from '../parse.js';
import { structurize } from '../structurize.js';
import type { GridStrideLoop } from './grid-stride.js';

const SCOPE_WORKGROUP = 2;

/** Writes an invocation past the end must not make. */
const GUARDED = new Set<number>([Op.Store, Op.AtomicStore, Op.ImageWrite, Op.CopyMemory, Op.CopyMemorySized, Op.AtomicFAddEXT, Op.AtomicFMinEXT, Op.AtomicFMaxEXT]);
for (let op = Op.AtomicExchange; op <= Op.AtomicXor; op++) GUARDED.add(op);

/** Storage classes private to an invocation: writes there need no guard. */
const PRIVATE = new Set<number>([StorageClass.Function, StorageClass.Private, StorageClass.Input, StorageClass.Output]);

export function uniformBarrierLoop(mod: IrModule, loop: GridStrideLoop): void {
  const main = entryFunction(mod);
  const fn = main.fn;
  const inside = fn.blocks.filter((b) => loop.inside.has(b.label));
  const barrier = (inst: Instruction) => inst.op === Op.ControlBarrier && scopeOf(mod, inst.args[0]) === SCOPE_WORKGROUP;
  if (!inside.some((b) => b.body.some(barrier))) return;
  const { defs } = definitions(fn);
  const guarded = (inst: Instruction) => GUARDED.has(inst.op) && !(inst.op === Op.Store && PRIVATE.has(rootStorage(mod, fn, defs, inst.args[0])));
  // A loop header keeps its OpLoopMerge, so a write in one cannot be put under a selection.
  if (inside.some((b) => b !== loop.header && b.merge?.op === Op.LoopMerge && b.body.some(guarded))) return;

  const ids = { next: mod.bound };
  const fresh = () => ids.next++;
  const int = loop.phi.type;
  const bool = loop.test.type;
  const gid = mod.globals.get(loop.invocationId)!;
  const uvec3 = gid.pointee;
  const uvec3Type = mod.types.get(uvec3);
  if (uvec3Type?.kind !== 'vector') return;
  const uint = uvec3Type.elem;

  const builtinX = (builtIn: number, into: Instruction[]): number => {
    const variable = fresh();
    mod.globals.set(variable, { id: variable, type: gid.type, pointee: gid.pointee, storage: gid.storage, init: 0, offset: gid.offset, builtIn });
    const vector = fresh();
    const x = fresh();
    const signed = fresh();
    into.push(inst(Op.Load, uvec3, vector, [variable]), inst(Op.CompositeExtract, uint, x, [vector, 0]), inst(Op.Bitcast, int, signed, [x]));
    return signed;
  };

  // Before the loop: base0 = workgroup_id.x * size + begin, and local_invocation_id.x.
  const pre = block(fn, loop.pre);
  const before: Instruction[] = [];
  const groupX = builtinX(BuiltIn.WorkgroupId, before);
  const lane = builtinX(BuiltIn.LocalInvocationId, before);
  const size = fresh();
  mod.constants.set(size, { kind: 'scalar', type: int, words: Uint32Array.of(loop.groupSize) });
  const first = fresh();
  before.push(inst(Op.IMul, int, first, [groupX, size]));
  let start = first;
  if (loop.beginId !== 0) {
    start = fresh();
    before.push(inst(Op.IAdd, int, start, [first, loop.beginId]));
  }
  pre.body.push(...before);
  loop.phi.args[loop.phi.args[1] === pre.label ? 0 : 2] = start;

  // In the header: this invocation's index and whether it is in range.
  const index = fresh();
  const active = fresh();
  const add = inst(Op.IAdd, int, index, [loop.phi.id, lane]);
  const at = loop.header.body.indexOf(loop.test);
  loop.header.body.splice(at < 0 ? loop.header.body.length : at, 0, add, inst(Op.SLessThan, bool, active, [index, loop.test.args[1]]));
  const keep = new Set<Instruction>([loop.test, loop.next, add]);
  for (const b of inside) {
    for (const i of [...b.phis, ...b.body, b.merge, b.term]) if (i && !keep.has(i)) replaceIdOperands(i, loop.phi.id, index);
  }

  // Every guarded write goes under `if (active)`, in a block of its own.
  const guards = new Set<number>();
  for (let bi = 0; bi < fn.blocks.length; bi++) {
    const b = fn.blocks[bi];
    if (!loop.inside.has(b.label) || b === loop.header || guards.has(b.label)) continue;
    const k = b.body.findIndex(guarded);
    if (k < 0) continue;
    const [then, merge] = [fresh(), fresh()];
    loop.inside.add(then).add(merge);
    guards.add(then);
    const write = b.body[k];
    const tail: Block = { label: merge, index: 0, phis: [], body: b.body.slice(k + 1), merge: b.merge, term: b.term, offset: b.offset };
    if (write.id !== 0) {
      // The skipped write's result: its comparator for a compare-exchange, zero otherwise.
      let skipped = write.op === Op.AtomicCompareExchange ? write.args[5] : 0;
      if (skipped === 0) {
        skipped = fresh();
        mod.constants.set(skipped, { kind: 'null', type: write.type });
      }
      const result = write.id;
      write.id = fresh();
      tail.phis.push(inst(Op.Phi, write.type, result, [write.id, then, skipped, b.label]));
    }
    const body: Block = { label: then, index: 0, phis: [], body: [write], merge: null, term: inst(Op.Branch, 0, 0, [merge]), offset: b.offset };
    b.body = b.body.slice(0, k);
    b.merge = inst(Op.SelectionMerge, 0, 0, [merge, 0]);
    b.term = inst(Op.BranchConditional, 0, 0, [active, then, merge]);
    for (const target of successors(tail.term)) {
      for (const phi of block(fn, target).phis) {
        for (let p = 1; p < phi.args.length; p += 2) if (phi.args[p] === b.label) phi.args[p] = merge;
      }
    }
    fn.blocks.splice(bi + 1, 0, body, tail);
  }
  fn.blocks.forEach((b, i) => (b.index = i));
  fn.blockIndex = new Map(fn.blocks.map((b) => [b.label, b.index]));
  mod.bound = ids.next;
  main.tree = structurize(fn);
}

function inst(op: number, type: number, id: number, args: number[]): Instruction {
  return { op, type, id, args: Uint32Array.from(args), offset: 0 };
}

function block(fn: SpirvFunction, label: number): Block {
  return fn.blocks[fn.blockIndex.get(label)!];
}

function successors(term: Instruction): number[] {
  if (term.op === Op.Branch) return [term.args[0]];
  if (term.op === Op.BranchConditional) return [term.args[1], term.args[2]];
  if (term.op === Op.Switch) return [term.args[1], ...Array.from(term.args.subarray(3)).filter((_, i) => i % 2 === 1)];
  return [];
}

function scopeOf(mod: IrModule, id: number): number | undefined {
  const c = mod.constants.get(id);
  return c?.kind === 'scalar' ? c.words[0] : undefined;
}

/** The storage class of the variable a pointer points into (through access chains). */
function rootStorage(mod: IrModule, fn: SpirvFunction, defs: Map<number, Instruction>, pointer: number): number {
  for (let depth = 0; depth < 64; depth++) {
    const g = mod.globals.get(pointer);
    if (g) return g.storage;
    if (fn.vars.some((v) => v.id === pointer)) return StorageClass.Function;
    const d = defs.get(pointer);
    if (!d || (d.op !== Op.AccessChain && d.op !== Op.InBoundsAccessChain && d.op !== Op.PtrAccessChain && d.op !== Op.CopyObject)) return -1;
    pointer = d.args[0];
  }
  return -1;
}
