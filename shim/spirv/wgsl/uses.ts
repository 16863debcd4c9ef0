// Use analysis of one function: how often and where each value is read, so the printer can inline
// a value used once, name one used more, and hoist one read outside the scope of its definition.
import { isAtomicOp, isPointerChain } from '../atomics.js';
import { readIds } from '../ir/operands.js';
import { Op } from '../opcodes.js';
import type { Printer } from './printer.js';

/** Whether `op` may change memory a load before it read: a load is not inlined past one. */
export function bumpsEpoch(op: number): boolean {
  return op === Op.Store || op === Op.CopyMemory || op === Op.FunctionCall || op === Op.ControlBarrier ||
    op === Op.MemoryBarrier || op === Op.ImageWrite || (isAtomicOp(op) && op !== Op.AtomicLoad);
}

export function analyze(ctx: Printer): void {
  const { fn, st } = ctx;
  const { scopeOf } = st;
  ctx.useCount.fill(0);
  ctx.defBlock.fill(-1);
  ctx.hoisted.fill(0);
  ctx.endEpoch = new Int32Array(fn.blocks.length);
  ctx.defType.fill(0);
  for (const p of fn.params) ctx.defType[p.id] = p.type;
  for (const b of fn.blocks) {
    if (scopeOf[b.index] < 0) continue;
    let epoch = 0;
    for (const phi of b.phis) {
      ctx.defBlock[phi.id] = b.index;
      ctx.defType[phi.id] = phi.type;
    }
    for (const inst of b.body) {
      if (inst.id !== 0) {
        ctx.defBlock[inst.id] = b.index;
        ctx.defType[inst.id] = inst.type;
        ctx.defEpoch[inst.id] = epoch;
        if (isPointerChain(inst.op) || (inst.op === Op.CopyObject && ctx.mod.types.get(inst.type)?.kind === 'pointer')) ctx.chainDefs.set(inst.id, inst);
      }
      if (bumpsEpoch(inst.op)) epoch++;
    }
    ctx.endEpoch[b.index] = epoch;
  }
  for (const b of fn.blocks) {
    if (scopeOf[b.index] < 0) continue;
    let epoch = 0;
    const bi = b.index;
    for (const inst of b.body) {
      // A pointer is re-read where it is used, not where it is made.
      if (!ctx.chainDefs.has(inst.id)) for (const id of readIds(inst, (id) => ctx.operandType(id))) use(ctx, id, bi, epoch);
      if (bumpsEpoch(inst.op)) epoch++;
    }
    const t = b.term;
    if (t.op === Op.BranchConditional || t.op === Op.Switch || t.op === Op.ReturnValue) use(ctx, t.args[0], bi, epoch);
    for (const phi of b.phis) {
      for (let i = 0; i + 1 < phi.args.length; i += 2) {
        const pi = fn.blockIndex.get(phi.args[i + 1]);
        if (pi === undefined) ctx.fail(`phi parent %${phi.args[i + 1]} is not a block`, phi);
        if (scopeOf[pi] >= 0) use(ctx, phi.args[i], pi, ctx.endEpoch[pi]);
        if (scopeOf[pi] < 0) continue;
        // The carried divisions of the phi step with it on each edge.
        for (const c of ctx.ir.carried.get(phi.id) ?? []) {
          for (const id of [phi.args[i], c.divisor, c.step]) use(ctx, id, pi, ctx.endEpoch[pi]);
          if (c.bound !== undefined) use(ctx, c.bound, pi, ctx.endEpoch[pi]);
        }
      }
    }
  }
  // A loop run twice over is chosen by its relinearisations' strides, outside the loop.
  for (const [header, list] of ctx.ir.versioned) {
    const scope = st.scopeParent[scopeOf[header]];
    for (const r of list) {
      // The modulus test reads the divisor a second time, M twice and the bound.
      const ids = r.modulus ? [r.scale, r.divisor, r.divisor, r.divisor, r.modulus.m, r.modulus.m, r.modulus.m, r.modulus.bound] : [r.scale, r.divisor];
      for (const id of ids) use(ctx, id, OUTSIDE_BLOCKS, 0, scope);
    }
  }
}

/** The block of a use outside every block: never the one a value is defined in, so never inlined. */
const OUTSIDE_BLOCKS = -2;

export function use(ctx: Printer, id: number, bi: number, epoch: number, scope = ctx.st.scopeOf[bi]): void {
  if (id >= ctx.mod.bound) return;
  const chain = ctx.chainDefs.get(id);
  if (chain !== undefined) {
    // An access chain is re-emitted at each use: its operands are used there.
    const n = chain.op === Op.CopyObject ? 1 : chain.args.length;
    for (let i = 0; i < n; i++) use(ctx, chain.args[i], bi, epoch, scope);
    return;
  }
  const c = ctx.useCount[id]++;
  if (c === 0) {
    ctx.useBlock[id] = bi;
    ctx.useEpoch[id] = epoch;
  } else if (ctx.useBlock[id] !== bi) ctx.useBlock[id] = -1;
  const db = ctx.defBlock[id];
  if (db >= 0 && !visible(ctx, ctx.st.scopeOf[db], scope)) ctx.hoisted[id] = 1;
}

export function visible(ctx: Printer, defScope: number, useScope: number): boolean {
  const parent = ctx.st.scopeParent;
  for (let s = useScope, guard = 0; s >= 0 && guard < 100000; s = parent[s], guard++) if (s === defScope) return true;
  return false;
}

