// Deterministic mode (docs/deterministic.md): every task runs on one invocation, its range-for
// in index order, so a module's results depend on neither the adapter's scheduling nor the
// order in which atomics from different invocations land.
//
// Taichi compiles a range-for into a grid-stride loop (grid-stride.ts),
//
//   for (i = gid.x + begin; i < end; i += num_workgroups.x * size) { body }
//
// The pass makes the workgroup one invocation and the step 1, and the shim dispatches one
// workgroup: gid.x is 0, so the one invocation runs i = begin, begin + 1, ..., end - 1. Work
// before and after the loop (Taichi's random-number seeding) runs once. A task whose workgroup
// is already one invocation and which is no loop is a Taichi serial task (its body guarded by
// gid.x == 0): it runs as it is, on that one invocation.
//
// Refused, with the reason: tasks whose results depend on the workgroup (shared memory,
// barriers, invocation ids other than the global one), and wider tasks that are not a loop the
// analysis proves: running one invocation of those would drop the others' work.
import { useCounts } from '../def-use.js';
import type { IrModule } from '../ir/ir.js';
import { BuiltIn, isSubgroupOp, Op, StorageClass } from '../opcodes.js';
import { findGridStrideLoop } from './grid-stride.js';

/** A task that deterministic mode cannot run in index order; the message says why. */
export class IndexOrderRefusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'IndexOrderRefusal';
  }
}

const BUILTIN_NAMES = new Map<number, string>(Object.entries(BuiltIn).map(([name, value]) => [value, name]));

/** Why the entry point's results would depend on its workgroup; undefined when they do not. */
function workgroupDependence(mod: IrModule): string | undefined {
  const used = new Set<number>();
  for (const { fn } of mod.functions) {
    for (const [id, count] of useCounts(fn)) if (count > 0) used.add(id);
    for (const b of fn.blocks) {
      // A memory barrier alone (Taichi's after atomics) orders one invocation's accesses: no matter here.
      if (b.body.some((i) => i.op === Op.ControlBarrier)) return 'it synchronizes its workgroup with barriers';
      if (b.body.some((i) => isSubgroupOp(i.op))) return 'it uses subgroup operations, whose results depend on how invocations are grouped';
    }
  }
  for (const g of mod.globals.values()) {
    if (!used.has(g.id)) continue;
    if (g.storage === StorageClass.Workgroup) return 'it uses workgroup-shared memory (a shared array), whose contents depend on the workgroup size';
    if (g.storage !== StorageClass.Input) continue;
    const builtIn = g.builtIn;
    if (builtIn !== BuiltIn.GlobalInvocationId && builtIn !== BuiltIn.NumWorkgroups) {
      return `it reads the ${BUILTIN_NAMES.get(builtIn ?? -1) ?? `builtin ${builtIn}`} built-in, which depends on the workgroup size`;
    }
  }
  if (mod.entry.localSizeId) return 'its workgroup size is given by specialization constants (LocalSizeId)';
  return undefined;
}

/** Rewrites the entry point to run on one invocation in index order; throws IndexOrderRefusal where it cannot. */
export function runInIndexOrder(mod: IrModule): void {
  const dependence = workgroupDependence(mod);
  if (dependence) throw new IndexOrderRefusal(dependence);
  const size = mod.entry.localSize ?? [1, 1, 1];
  const loop = findGridStrideLoop(mod, { oneInvocation: true });
  if (!loop) {
    if (size[0] === 1 && size[1] === 1 && size[2] === 1) return;
    throw new IndexOrderRefusal(`its ${size.join('x')} workgroup runs no range-for the translator can prove (a grid-stride loop), so one invocation would not do all of its work`);
  }
  const one = mod.bound++;
  mod.constants.set(one, { kind: 'scalar', type: loop.phi.type, words: Uint32Array.of(1) });
  const stepAt = loop.next.args[0] === loop.phi.id ? 1 : 0;
  loop.next.args[stepAt] = one;
  mod.entry.localSize = [1, 1, 1];
  // Taichi also declares gl_WorkGroupSize, which the printer takes the size from: it becomes (1, 1, 1).
  const c = mod.constants.get(mod.entry.sizeConstant);
  if (c?.kind === 'composite') {
    const first = mod.constants.get(c.parts[0]);
    if (first?.kind !== 'scalar') throw new IndexOrderRefusal('its WorkgroupSize constant is not three scalar constants');
    const unit = mod.bound++;
    mod.constants.set(unit, { kind: 'scalar', type: first.type, words: Uint32Array.of(1) });
    c.parts = c.parts.map(() => unit);
  }
}
