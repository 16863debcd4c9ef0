// Taichi's compare-exchange loop, a pass on the IR. A module exported for a device without float
// atomics adds to an f32 cell with a loop of its own:
//
//   loop { old = load p; new = bits(float(old) + v); got = compare-exchange(p, new, old); if (got == old) break; }
//
// (Taichi 1.7.4 writes the sum as GLSL.std.450 Fma(a, b, float(old)) where the addend is a
// product; taichi-forge 0.7 reads the cell with OpAtomicLoad.)
// which, written as it stands, reads the cell once more on every failed exchange. Where the loop
// holds nothing else (no other write, so running it once changes nothing but the cell) and v is
// computed before it, the exchange becomes FloatAtomicCas (one atomic per retry, retrying on the
// value the failed exchange returned) and the exit test compares the result with itself: the
// loop's one trip is its successful one. FloatAtomicCas's result is the cell's bits before the
// add, as the exchange's was on success. When nothing reads that result (Taichi only stores it to
// a variable no one reads) and every invocation adds to the same cell (its index computed from
// constants and uniform-buffer values only, as a 0-dimensional ndarray's reduction is), the
// printer may combine the adds of a subgroup first (wgsl/atomics.ts).
import { branchTargets, definitions, useCounts, type Definitions } from '../def-use.js';
import { FLOAT_ATOMIC_ADD, FLOAT_ATOMIC_FMA, IrOp, replaceInstruction, type IrFunction, type IrModule } from '../ir/ir.js';
import { Op, StorageClass } from '../opcodes.js';
import type { Instruction, Block, SpirvFunction } from '../parse.js';

/** FloatAtomicCas's fourth argument: 1 when nothing reads its result and every invocation adds to one cell. */
export const COMBINABLE = 1;

/** Instructions a CAS loop may hold besides its own, none of which writes memory other than function variables. */
const PURE = new Set<number>([Op.AccessChain, Op.AtomicLoad, Op.Bitcast, Op.FAdd, Op.IEqual, Op.Load]);

const STD450_FMA = 50;

export function casLoops(mod: IrModule, f: IrFunction): void {
  const fn = f.fn;
  const index = indexFunction(fn);
  for (const b of fn.blocks) {
    for (const cas of [...b.body]) {
      if (cas.op !== Op.AtomicCompareExchange) continue;
      const match = matchCasAdd(mod, index, b, cas);
      if (!match) continue;
      const combinable = resultUnused(index, cas.id, match.exit) && uniformAddress(mod, index.defs, cas.args[0]);
      const flag = combinable ? COMBINABLE : 0;
      const args = match.factor === undefined ? [cas.args[0], match.addend, FLOAT_ATOMIC_ADD, flag] : [cas.args[0], match.addend, FLOAT_ATOMIC_FMA, flag, match.factor];
      replaceInstruction(fn, cas.id, IrOp.FloatAtomicCas, args);
      // got == got: the exit test holds on the first trip.
      replaceInstruction(fn, match.exit, Op.IEqual, [cas.id, cas.id]);
    }
  }
}

/**
 * What the matcher asks of a function, computed once per function: a module's p2g holds a loop
 * per atomic add, and scanning the whole function for each made the pass quadratic. The pass
 * rewrites only exchanges and exit tests, which none of these tables record.
 */
interface FunctionIndex extends Definitions {
  fn: SpirvFunction;
  uses: Map<number, number>;
  functionVars: Set<number>;
  byLabel: Map<number, Block>;
  /** Loop header -> the indices of its loop's blocks, filled as headers are asked about. */
  loops: Map<Block, Set<number>>;
  /** Value id -> the body loads and bitcasts whose first operand it is. */
  readers: Map<number, Instruction[]>;
  /** Value id -> the body stores that write it. */
  stores: Map<number, Instruction[]>;
}

function indexFunction(fn: SpirvFunction): FunctionIndex {
  const readers = new Map<number, Instruction[]>();
  const stores = new Map<number, Instruction[]>();
  const add = (table: Map<number, Instruction[]>, key: number, inst: Instruction): void => {
    const list = table.get(key);
    if (list) list.push(inst);
    else table.set(key, [inst]);
  };
  for (const b of fn.blocks) {
    for (const inst of b.body) {
      if (inst.op === Op.Load || inst.op === Op.Bitcast) add(readers, inst.args[0], inst);
      else if (inst.op === Op.Store) add(stores, inst.args[1], inst);
    }
  }
  return {
    fn,
    ...definitions(fn),
    uses: useCounts(fn),
    functionVars: new Set(fn.vars.map((v) => v.id)),
    byLabel: new Map(fn.blocks.map((b) => [b.label, b])),
    loops: new Map(),
    readers,
    stores,
  };
}

interface CasAdd {
  addend: number;
  /** Set where the sum is fma(addend, factor, float(old)). */
  factor?: number;
  /** The IEqual the loop leaves on. */
  exit: number;
}

function matchCasAdd(mod: IrModule, index: FunctionIndex, b: Block, cas: Instruction): CasAdd | undefined {
  const { defs, defBlock, functionVars } = index;
  // args: pointer, scope, equal semantics, unequal semantics, value, comparator.
  const [ptr, , , , value, comparator] = cas.args;
  const old = defs.get(comparator);
  if (!old || (old.op !== Op.Load && old.op !== Op.AtomicLoad) || old.args[0] !== ptr || defBlock.get(old.id) !== b.index) return undefined;
  const bits = defs.get(value);
  const sum = bits?.op === Op.Bitcast ? defs.get(bits.args[0]) : undefined;
  if (!sum) return undefined;
  const t = mod.types.get(sum.type);
  if (t?.kind !== 'float' || t.width !== 32) return undefined;
  const asFloat = (id: number) => {
    const d = defs.get(id);
    return d?.op === Op.Bitcast && d.args[0] === old.id;
  };
  let addend: number | undefined;
  let factor: number | undefined;
  if (sum.op === Op.FAdd) {
    addend = asFloat(sum.args[0]) ? sum.args[1] : asFloat(sum.args[1]) ? sum.args[0] : undefined;
  } else if (sum.op === Op.ExtInst && mod.extInstSets.get(sum.args[0]) === 'GLSL.std.450' && sum.args[1] === STD450_FMA && sum.args.length === 5 && asFloat(sum.args[4])) {
    [addend, factor] = [sum.args[2], sum.args[3]];
  }
  if (addend === undefined) return undefined;
  const term = b.term;
  const exit = term.op === Op.BranchConditional ? defs.get(term.args[0]) : undefined;
  if (!exit || exit.op !== Op.IEqual || defBlock.get(exit.id) !== b.index) return undefined;
  const [x, y] = exit.args;
  if (!((x === cas.id && y === old.id) || (x === old.id && y === cas.id))) return undefined;
  const header = enclosingLoop(index, b.index);
  if (header === undefined) return undefined;
  // The addend is the same on every trip: defined before the loop (or not in the function at all).
  for (const operand of factor === undefined ? [addend] : [addend, factor]) {
    const at = defBlock.get(operand);
    if (at !== undefined && at >= header.index) return undefined;
  }
  // Nothing else in the loop: every retry would repeat it.
  for (const i of loopBlocks(index, header)) {
    const block = index.fn.blocks[i];
    if (block.phis.length > 0) return undefined;
    for (const inst of block.body) {
      if (inst === cas || inst === sum || PURE.has(inst.op)) continue;
      if (inst.op === Op.Store && functionVars.has(inst.args[0])) continue;
      return undefined;
    }
  }
  return { addend, factor, exit: exit.id };
}

/** The innermost loop header whose construct holds block `at`. */
function enclosingLoop(index: FunctionIndex, at: number): Block | undefined {
  // Headers come before the blocks of their loop; the innermost is the nearest one holding it.
  for (let i = at; i >= 0; i--) {
    const h = index.fn.blocks[i];
    if (h.merge?.op === Op.LoopMerge && loopBlocks(index, h).has(at)) return h;
  }
  return undefined;
}

/** The indices of a loop's blocks: those the header reaches without passing its merge block. */
function loopBlocks(index: FunctionIndex, header: Block): Set<number> {
  const known = index.loops.get(header);
  if (known) return known;
  const merge = header.merge!.args[0];
  const seen = new Set<number>([header.index]);
  const work = [header];
  while (work.length > 0) {
    for (const label of branchTargets(work.pop()!.term)) {
      const b = index.byLabel.get(label);
      if (!b || label === merge || seen.has(b.index)) continue;
      seen.add(b.index);
      work.push(b);
    }
  }
  index.loops.set(header, seen);
  return seen;
}

/**
 * True when the exchange's result is read only by the loop's exit test and by stores to function
 * variables whose loads nothing reads (or only bitcasts nothing reads).
 */
function resultUnused(index: FunctionIndex, id: number, exit: number): boolean {
  const { uses, functionVars, readers } = index;
  const unread = (value: number): boolean => {
    for (const inst of readers.get(value) ?? []) {
      if (inst.op === Op.Bitcast && (uses.get(inst.id) ?? 0) > 0) return false;
    }
    return true;
  };
  let counted = index.defs.get(exit)?.args.filter((a) => a === id).length ?? 0;
  for (const store of index.stores.get(id) ?? []) {
    if (!functionVars.has(store.args[0])) return false;
    counted++;
    for (const load of readers.get(store.args[0]) ?? []) {
      if (load.op !== Op.Load) continue;
      const n = uses.get(load.id) ?? 0;
      // A load read only by a bitcast nothing reads.
      if (n > 0 && !(n === 1 && unread(load.id))) return false;
    }
  }
  return counted === (uses.get(id) ?? 0);
}

/** Integer operations whose result is the same in every invocation when their operands are. */
const UNIFORM_OPS = new Set<number>([
  Op.IAdd, Op.ISub, Op.IMul, Op.SDiv, Op.UDiv, Op.SMod, Op.UMod, Op.SRem, Op.ShiftLeftLogical, Op.ShiftRightLogical,
  Op.ShiftRightArithmetic, Op.BitwiseAnd, Op.BitwiseOr, Op.BitwiseXor, Op.Bitcast, Op.SNegate, IrOp.ShiftMask,
]);

/**
 * True when the pointer `ptr` names one cell for every invocation: a chain from a global whose
 * indices are computed from constants and loads of uniform buffers only.
 */
export function uniformAddress(mod: IrModule, defs: Map<number, Instruction>, ptr: number): boolean {
  const seen = new Map<number, boolean>();
  const uniformValue = (id: number, depth: number): boolean => {
    if (mod.constants.has(id)) return true;
    const known = seen.get(id);
    if (known !== undefined) return known;
    const d = defs.get(id);
    let ok = false;
    if (d && depth < 64) {
      if (d.op === Op.Load) ok = uniformPointer(d.args[0], depth + 1, true);
      else if (UNIFORM_OPS.has(d.op)) ok = (d.op === IrOp.ShiftMask ? [d.args[0]] : Array.from(d.args)).every((a) => uniformValue(a, depth + 1));
    }
    seen.set(id, ok);
    return ok;
  };
  const uniformPointer = (id: number, depth: number, loaded: boolean): boolean => {
    const g = mod.globals.get(id);
    // A load must read memory no invocation writes: a uniform buffer.
    if (g) return !loaded || g.storage === StorageClass.Uniform || g.storage === StorageClass.PushConstant;
    const d = defs.get(id);
    if (!d || (d.op !== Op.AccessChain && d.op !== Op.InBoundsAccessChain) || depth >= 64) return false;
    return uniformPointer(d.args[0], depth + 1, loaded) && Array.from(d.args.subarray(1)).every((a) => uniformValue(a, depth + 1));
  };
  return uniformPointer(ptr, 0, false);
}
