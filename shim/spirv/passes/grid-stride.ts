// Grid-stride loops, an analysis of the IR. Taichi compiles every range-for into an entry point
// whose work is one loop,
//
//   for (i = gid.x + begin; i < end; i += num_workgroups.x * local_size_x) { body }
//
// dispatched on an advisory grid: 131072 threads for any range not known at compile time. The
// loop runs the same iterations on any grid, so a dispatch needs only enough workgroups to give
// each invocation at least one iteration; the others find i >= end at once. On a GPU idle
// workgroups are nearly free; on lavapipe each costs the CPU about a microsecond.
//
// The analysis proves the shape and gives begin and end as expressions over constants and words
// of uniform buffers (grid-stride-bounds.ts), which the shim evaluates at submit time
// (commands/encode.ts). It proves that:
// - the blocks before the loop and after it have no side effects, and only the header's test
//   leaves the loop (no break, return or kill inside it);
// - the global invocation id and the workgroup count are read once each, for the loop's start and
//   its step, and no other invocation builtin is read; no function is called;
// - the workgroup is one-dimensional.
// Then every grid of at least one workgroup runs exactly the iterations [begin, end), so a bound
// evaluated from stale memory could cost speed, never change results: the shim never dispatches
// fewer than one workgroup.
import { branchTargets, definitions, useCounts } from '../def-use.js';
import { STD450_SMAX, STD450_SMIN } from '../glsl-std450.js';
import type { BoundExpr, GridStride } from '../grid-stride-bounds.js';
import { entryFunction, type IrModule } from '../ir/ir.js';
import { intConstant, isBufferBlock, isScalarI32 } from '../ir/module.js';
import { BuiltIn, Op, StorageClass } from '../opcodes.js';
import type { Block, Instruction } from '../parse.js';

/** The loop's instructions, for rewrites of it (uniform-barrier-loop.ts, index-order.ts). */
export interface GridStrideLoop {
  /** Invocations per workgroup (all along x). */
  groupSize: number;
  /** The bounds as expressions; undefined where one is not an expression of constants and uniform words. */
  begin: BoundExpr | undefined;
  end: BoundExpr | undefined;
  /** The block that branches into the loop header. */
  pre: number;
  header: Block;
  /** The induction variable, its test against the end, and its increment. */
  phi: Instruction;
  test: Instruction;
  next: Instruction;
  /** The GlobalInvocationId variable. */
  invocationId: number;
  /** The id of `begin` in start = gid.x + begin; 0 when the start is gid.x. */
  beginId: number;
  /** Labels of the loop's blocks, header included. */
  inside: Set<number>;
}

const MAX_DEPTH = 16;

const SIDE_EFFECTS = new Set<number>([
  Op.Store, Op.CopyMemory, Op.CopyMemorySized, Op.FunctionCall, Op.ImageWrite, Op.ControlBarrier, Op.MemoryBarrier,
  Op.AtomicFMinEXT, Op.AtomicFMaxEXT, Op.AtomicFAddEXT,
]);
for (let op = Op.AtomicLoad; op <= Op.AtomicXor; op++) SIDE_EFFECTS.add(op);

const LEAVES_FUNCTION = new Set<number>([Op.Return, Op.ReturnValue, Op.Kill, Op.TerminateInvocation, Op.Unreachable]);

/** The bounds the dispatch sizing evaluates, where `loop` has both (see the file comment). */
export function gridStrideBounds(loop: GridStrideLoop | undefined): GridStride | undefined {
  return loop?.begin && loop.end ? { groupSize: loop.groupSize, begin: loop.begin, end: loop.end } : undefined;
}

/**
 * How much of the file comment's proof a caller needs. The dispatch sizing needs all of it. A
 * loop run on one invocation alone (index-order.ts) needs only the loop's shape: there
 * the invocation id is 0 wherever it is read, and work before and after the loop runs once.
 */
export interface GridStrideProof {
  /** Accept side effects before and after the loop, and further reads of the invocation id. */
  oneInvocation?: boolean;
}

/**
 * The entry point's grid-stride loop; undefined when it is not one. Its bounds are set only
 * where they are expressions the shim can evaluate; the sizing uses the loop only then.
 */
export function findGridStrideLoop(mod: IrModule, proof: GridStrideProof = {}): GridStrideLoop | undefined {
  const one = proof.oneInvocation === true;
  const size = mod.entry.localSize;
  const fn = entryFunction(mod).fn;
  if (!size || size[1] !== 1 || size[2] !== 1 || fn.params.length > 0) return undefined;

  if (fn.blocks.some((b) => b.body.some((inst) => inst.op === Op.FunctionCall))) return undefined;
  const { defs } = definitions(fn);
  const uses = useCounts(fn);
  const used = (id: number) => uses.get(id) ?? 0;
  const def = (id: number, ...ops: number[]) => {
    const inst = defs.get(id);
    return inst && ops.includes(inst.op) ? inst : undefined;
  };

  let invocationId = 0;
  let workgroupCount = 0;
  for (const g of mod.globals.values()) {
    if (g.storage !== StorageClass.Input || used(g.id) === 0) continue;
    const builtIn = g.builtIn;
    if (builtIn === BuiltIn.GlobalInvocationId && invocationId === 0) invocationId = g.id;
    else if (builtIn === BuiltIn.NumWorkgroups && workgroupCount === 0) workgroupCount = g.id;
    else return undefined;
  }
  if (invocationId === 0 || workgroupCount === 0 || (!one && used(invocationId) !== 1) || used(workgroupCount) !== 1) return undefined;

  const pure = (b: Block) => one || b.body.every((inst) => !SIDE_EFFECTS.has(inst.op));
  const block = (label: number): Block | undefined => {
    const i = fn.blockIndex.get(label);
    return i === undefined ? undefined : fn.blocks[i];
  };

  // Before the loop: a chain of side-effect-free blocks ending in a branch to the loop header.
  const outside = new Set<Block>();
  let pre: Block | undefined;
  let header: Block | undefined = fn.blocks[0];
  while (header && header.merge?.op !== Op.LoopMerge) {
    if (outside.has(header) || header.merge || header.term.op !== Op.Branch || !pure(header)) return undefined;
    outside.add(header);
    pre = header;
    header = block(header.term.args[0]);
  }
  if (!header || !pre || !pure(header) || header.term.op !== Op.BranchConditional) return undefined;
  const mergeLabel = header.merge!.args[0];
  if (header.term.args[2] !== mergeLabel || header.term.args[1] === mergeLabel) return undefined;

  // After the loop: side-effect-free blocks down to the return.
  let after = block(mergeLabel);
  for (;;) {
    if (!after || outside.has(after) || after === header || !pure(after)) return undefined;
    outside.add(after);
    if (after.term.op === Op.Return) break;
    if (after.term.op !== Op.Branch) return undefined;
    after = block(after.term.args[0]);
  }
  // Inside the loop: nothing leaves it but the header's test.
  for (const b of fn.blocks) {
    if (b === header || outside.has(b)) continue;
    if (LEAVES_FUNCTION.has(b.term.op) || branchTargets(b.term).includes(mergeLabel)) return undefined;
  }

  // The header's test: phi < end, with phi = start on entry and phi + step on the back edge.
  const test = def(header.term.args[0], Op.SLessThan);
  const phi = header.phis.find((p) => p.id === test?.args[0]);
  if (!test || !phi || phi.args.length !== 4 || !isScalarI32(mod, phi.type)) return undefined;
  const fromPre = phi.args[1] === pre.label ? 0 : phi.args[3] === pre.label ? 2 : -1;
  if (fromPre < 0) return undefined;
  const start = phi.args[fromPre];
  const next = def(phi.args[2 - fromPre], Op.IAdd);
  if (!next || used(next.id) !== 1) return undefined;
  const step = next.args[0] === phi.id ? next.args[1] : next.args[1] === phi.id ? next.args[0] : 0;

  /** An id with its single use stripped of bitcasts, down to the value it reinterprets. */
  const unwrap = (id: number): number => {
    let inst = def(id, Op.Bitcast);
    for (let depth = 0; inst && used(id) === 1 && depth < MAX_DEPTH; depth++) {
      id = inst.args[0];
      inst = def(id, Op.Bitcast);
    }
    return id;
  };
  /** The same, whatever else uses the bitcasts. */
  const unwrapAll = (id: number): number => {
    let inst = def(id, Op.Bitcast);
    for (let depth = 0; inst && depth < MAX_DEPTH; depth++) {
      id = inst.args[0];
      inst = def(id, Op.Bitcast);
    }
    return id;
  };
  /**
   * Whether `id` is component x of `variable`, read once: OpLoad(OpAccessChain(v, 0)) or
   * OpCompositeExtract(OpLoad(v), 0). `shared`: its value may have other uses too.
   */
  const componentX = (id: number, variable: number, shared = false): boolean => {
    const once = (x: number) => shared || used(x) === 1;
    if (!once(id)) return false;
    const load = def(id, Op.Load);
    if (load) {
      const chain = def(load.args[0], Op.AccessChain, Op.InBoundsAccessChain);
      return chain !== undefined && once(chain.id) && chain.args.length === 2 && chain.args[0] === variable && intConstant(mod, chain.args[1]) === 0;
    }
    const extract = def(id, Op.CompositeExtract);
    const whole = extract && extract.args.length === 2 && extract.args[1] === 0 ? def(extract.args[0], Op.Load) : undefined;
    return whole !== undefined && once(whole.id) && whole.args[0] === variable;
  };
  const isInvocationX = (id: number) => componentX(one ? unwrapAll(id) : unwrap(id), invocationId, one);

  // The step: num_workgroups.x * groupSize, read for nothing else.
  const product = def(unwrap(step), Op.IMul);
  if (!product || used(product.id) !== 1) return undefined;
  const [x, y] = product.args;
  const isGroupSize = (id: number) => intConstant(mod, id) === size[0];
  if (!((isGroupSize(y) && componentX(x, workgroupCount)) || (isGroupSize(x) && componentX(y, workgroupCount)))) return undefined;

  // The start: gid.x, or gid.x + begin.
  const expression = (id: number, depth: number): BoundExpr | undefined => {
    const c = intConstant(mod, id);
    if (c !== undefined) return { op: 'const', value: c };
    const inst = defs.get(id);
    if (!inst || depth > MAX_DEPTH || !isScalarI32(mod, inst.type)) return undefined;
    const binary = (op: 'add' | 'sub' | 'mul' | 'max' | 'min', l: number, r: number): BoundExpr | undefined => {
      const a = expression(l, depth + 1);
      const b = a && expression(r, depth + 1);
      return a && b ? { op, a, b } : undefined;
    };
    switch (inst.op) {
      case Op.Bitcast:
      case Op.CopyObject:
        return expression(inst.args[0], depth + 1);
      case Op.IAdd:
        return binary('add', inst.args[0], inst.args[1]);
      case Op.ISub:
        return binary('sub', inst.args[0], inst.args[1]);
      case Op.IMul:
        return binary('mul', inst.args[0], inst.args[1]);
      case Op.ExtInst: {
        if (mod.extInstSets.get(inst.args[0]) !== 'GLSL.std.450' || inst.args.length !== 4) return undefined;
        if (inst.args[1] === STD450_SMAX) return binary('max', inst.args[2], inst.args[3]);
        if (inst.args[1] === STD450_SMIN) return binary('min', inst.args[2], inst.args[3]);
        return undefined;
      }
      case Op.Load:
        return uniformWord(mod, defs, inst.args[0]);
      default:
        return undefined;
    }
  };
  let begin: BoundExpr | undefined = { op: 'const', value: 0 };
  let beginId = 0;
  if (!isInvocationX(start)) {
    const add = def(start, Op.IAdd);
    if (!add || used(add.id) !== 1) return undefined;
    const [l, r] = add.args;
    beginId = isInvocationX(l) ? r : isInvocationX(r) ? l : 0;
    if (beginId === 0) return undefined;
    begin = expression(beginId, 0);
  }
  const end = expression(test.args[1], 0);
  const inside = new Set(fn.blocks.filter((b) => !outside.has(b)).map((b) => b.label));
  return { groupSize: size[0], begin, end, pre: pre.label, header, phi, test, next, invocationId, beginId, inside };
}

/** The word an OpLoad through `pointer` reads, when it is a constant place in a uniform block. */
function uniformWord(mod: IrModule, defs: Map<number, Instruction>, pointer: number): BoundExpr | undefined {
  const chain = defs.get(pointer);
  if (!chain || (chain.op !== Op.AccessChain && chain.op !== Op.InBoundsAccessChain)) return undefined;
  const g = mod.globals.get(chain.args[0]);
  // Uniform with BufferBlock is an old-style storage buffer, which shaders may write.
  if (g?.storage !== StorageClass.Uniform || g.set === undefined || g.binding === undefined || isBufferBlock(mod, g.pointee)) return undefined;
  let type = g.pointee;
  let offset = 0;
  for (let i = 1; i < chain.args.length; i++) {
    const index = intConstant(mod, chain.args[i]);
    const t = mod.types.get(type);
    if (index === undefined || index < 0 || !t) return undefined;
    if (t.kind === 'struct') {
      const member = t.layout[index]?.offset;
      if (index >= t.members.length || member === undefined) return undefined;
      offset += member;
      type = t.members[index];
    } else if (t.kind === 'array') {
      const stride = t.stride;
      if (index >= t.length || stride === undefined) return undefined;
      offset += index * stride;
      type = t.elem;
    } else if (t.kind === 'vector') {
      if (index >= t.count) return undefined;
      offset += 4 * index;
      type = t.elem;
    } else {
      return undefined;
    }
  }
  return isScalarI32(mod, type) ? { op: 'word', set: g.set, binding: g.binding, offset } : undefined;
}
