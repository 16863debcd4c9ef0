// Use analysis of one function: how often and where each value is read, so the printer can inline
// a value used once, name one used more, and hoist one read outside the scope of its definition.
import { isAtomicOp, isPointerChain } from '../atomics.js';
import { Op } from '../opcodes.js';
import type { Instruction } from '../parse.js';
import { isImageSample } from './images.js';
import { Printer } from './printer.js';

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
      forEachUse(ctx, inst, (id) => use(ctx, id, bi, epoch));
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
        for (const n of ctx.inductionDivisions.get(phi.id) ?? []) {
          const fd = ctx.floorDivisions.get(n)!;
          // stepInduction reads the edge's value twice more and the divisor.
          use(ctx, phi.args[i], pi, ctx.endEpoch[pi]);
          use(ctx, phi.args[i], pi, ctx.endEpoch[pi]);
          use(ctx, fd.divisor, pi, ctx.endEpoch[pi]);
          use(ctx, fd.induction!.step, pi, ctx.endEpoch[pi]);
          if (fd.induction!.bound !== undefined) use(ctx, fd.induction!.bound, pi, ctx.endEpoch[pi]);
        }
      }
    }
  }
}

export function use(ctx: Printer, id: number, bi: number, epoch: number): void {
  if (id >= ctx.mod.bound) return;
  const chain = ctx.chainDefs.get(id);
  if (chain !== undefined) {
    // An access chain is re-emitted at each use: its operands are used there.
    const n = chain.op === Op.CopyObject ? 1 : chain.args.length;
    for (let i = 0; i < n; i++) use(ctx, chain.args[i], bi, epoch);
    return;
  }
  const c = ctx.useCount[id]++;
  if (c === 0) {
    ctx.useBlock[id] = bi;
    ctx.useEpoch[id] = epoch;
  } else if (ctx.useBlock[id] !== bi) ctx.useBlock[id] = -1;
  const db = ctx.defBlock[id];
  if (db >= 0 && !visible(ctx, ctx.st.scopeOf[db], ctx.st.scopeOf[bi])) ctx.hoisted[id] = 1;
}

export function visible(ctx: Printer, defScope: number, useScope: number): boolean {
  const parent = ctx.st.scopeParent;
  for (let s = useScope, guard = 0; s >= 0 && guard < 100000; s = parent[s], guard++) if (s === defScope) return true;
  return false;
}

// Calls f for each id operand the emitted text will reference (twice where the text repeats it).
export function forEachUse(ctx: Printer, inst: Instruction, f: (id: number) => void): void {
  const a = inst.args;
  const floorDiv = ctx.floorDivisions.get(inst.id);
  if (floorDiv) {
    // A carried quotient is read from its variable (see stepInduction).
    if (!floorDiv.induction) {
      f(floorDiv.dividend);
      f(floorDiv.divisor);
    }
    return;
  }
  if (ctx.floorRemainders.has(inst.id) || ctx.maskedShifts.has(inst.id)) return;
  const mask = ctx.shiftMasks.get(inst.id);
  if (mask) {
    f(mask.value);
    return;
  }
  switch (inst.op) {
    case Op.Load: case Op.CompositeExtract: case Op.ArrayLength: case Op.Image:
      f(a[0]); return;
    case Op.Store: case Op.CopyMemory: case Op.CompositeInsert:
      f(a[0]); f(a[1]); return;
    case Op.AccessChain: case Op.InBoundsAccessChain: case Op.Variable:
      return;
    case Op.CopyObject:
      if (ctx.chainDefs.has(inst.id)) return;
      f(a[0]); return;
    case Op.VectorShuffle: {
      const n1 = ctx.types.numeric1(ctx.typeOfId(a[0], inst)).n;
      let fromA = 0;
      let fromB = 0;
      for (let i = 2; i < a.length; i++) if (a[i] !== 0xffffffff) { if (a[i] < n1) fromA++; else fromB++; }
      if (fromB === 0) { f(a[0]); return; }
      if (fromA === 0) { f(a[1]); return; }
      for (let i = 0; i < fromA; i++) f(a[0]);
      for (let i = 0; i < fromB; i++) f(a[1]);
      return;
    }
    case Op.ExtInst:
      for (let i = 2; i < a.length; i++) f(a[i]);
      return;
    case Op.FunctionCall:
      for (let i = 1; i < a.length; i++) f(a[i]);
      return;
    case Op.FOrdNotEqual: case Op.FUnordEqual: case Op.FMod: case Op.SMod:
      f(a[0]); f(a[0]); f(a[1]); f(a[1]); return;
    case Op.OuterProduct:
      f(a[0]); f(a[0]); f(a[1]); f(a[1]); return;
    case Op.AtomicCompareExchange: case Op.AtomicCompareExchangeWeak:
      f(a[0]); f(a[0]); f(a[4]); f(a[4]); f(a[5]); f(a[5]); return;
    case Op.AtomicFAddEXT: case Op.AtomicFMinEXT: case Op.AtomicFMaxEXT:
      f(a[0]); f(a[0]); f(a[3]); f(a[3]); return;
    case Op.AtomicLoad: case Op.AtomicIIncrement: case Op.AtomicIDecrement:
      f(a[0]); return;
    case Op.AtomicStore:
      f(a[0]); f(a[3]); return;
    case Op.ControlBarrier: case Op.MemoryBarrier:
      return;
    default:
      if (isAtomicOp(inst.op)) { f(a[0]); f(a[3]); return; }
      if (isImageSample(inst.op) || inst.op === Op.ImageFetch || inst.op === Op.ImageRead || inst.op === Op.ImageWrite) {
        // image, coordinate (and texel for writes), then an optional operand mask and its ids.
        const fixed = inst.op === Op.ImageWrite ? 3 : inst.op === Op.ImageSampleDrefExplicitLod || inst.op === Op.ImageSampleDrefImplicitLod ? 3 : 2;
        for (let i = 0; i < a.length; i++) if (i !== fixed) { f(a[i]); if (i === 1 && isArrayedImage(ctx, a[0])) f(a[i]); }
        return;
      }
      for (let i = 0; i < a.length; i++) f(a[i]);
  }
}

export function isArrayedImage(ctx: Printer, imageId: number): boolean {
  const t = ctx.mod.types.get(ctx.typeOfId(imageId, null));
  const img = t?.kind === 'sampled-image' ? ctx.mod.types.get(t.image) : t;
  return img?.kind === 'image' && img.arrayed;
}
