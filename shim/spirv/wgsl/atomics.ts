// Atomic instructions -> WGSL atomics; float atomics (passes/float-atomics.ts) and SPIR-V's
// strong compare-exchange as loops.
import { FLOAT_ATOMIC_ADD, FLOAT_ATOMIC_FMA, FLOAT_ATOMIC_MIN, IrOp, type Instruction } from '../ir/ir.js';
import { Op, opName } from '../opcodes.js';
import { Printer } from './printer.js';
import { COMBINABLE } from '../passes/cas-loop.js';

/** The signedness each integer min and max compares with, whatever the cell's type. */
const MINMAX_SIGNEDNESS = new Map<number, 'i32' | 'u32'>([[Op.AtomicSMin, 'i32'], [Op.AtomicSMax, 'i32'], [Op.AtomicUMin, 'u32'], [Op.AtomicUMax, 'u32']]);

export function atomic(ctx: Printer, inst: Instruction): void {
  const a = inst.args;
  const p = ctx.ptr(a[0]);
  if (p.kind !== 'ref' || !p.atomic) ctx.fail('atomic operation on a pointer that does not lead to a buffer or workgroup variable');
  const leaf = ctx.kindOf(p.pointee);
  const cell = leaf === 'i32' ? 'i32' : 'u32';
  let ref = ctx.addressOf(p);
  // The loops below write the pointer and operands on every trip: those are named first.
  const loopRef = (): string => (ref = ctx.addressOf(ctx.pinRef(p)));
  const val = (id: number, pinned = false): string => {
    const e = pinned ? ctx.pin(id) : ctx.value(id);
    if (leaf === 'f32') return `bitcast<u32>(${e.text})`;
    return ctx.as(e, cell);
  };
  const res = (text: string): string => {
    if (inst.type === 0) return text;
    const want = ctx.kindOf(inst.type);
    if (want === cell) return text;
    return `bitcast<${want}>(${text})`;
  };
  const simple: Record<number, string> = {
    [Op.AtomicExchange]: 'atomicExchange', [Op.AtomicIAdd]: 'atomicAdd', [Op.AtomicISub]: 'atomicSub',
    [Op.AtomicSMin]: 'atomicMin', [Op.AtomicUMin]: 'atomicMin', [Op.AtomicSMax]: 'atomicMax', [Op.AtomicUMax]: 'atomicMax',
    [Op.AtomicAnd]: 'atomicAnd', [Op.AtomicOr]: 'atomicOr', [Op.AtomicXor]: 'atomicXor',
  };
  switch (inst.op) {
    case Op.AtomicLoad:
      ctx.define(inst, res(`atomicLoad(${ref})`), true, true);
      return;
    case Op.AtomicStore:
      ctx.line(`atomicStore(${ref}, ${val(a[3])});`);
      return;
    case Op.AtomicIIncrement: case Op.AtomicIDecrement:
      ctx.defineEffect(inst, res(`${inst.op === Op.AtomicIIncrement ? 'atomicAdd' : 'atomicSub'}(${ref}, 1${cell === 'i32' ? 'i' : 'u'})`));
      return;
    case Op.AtomicCompareExchange: case Op.AtomicCompareExchangeWeak: {
      // SPIR-V's exchange is strong; WGSL's may fail spuriously: retry while the value matched.
      loopRef();
      const v = val(a[4], true);
      const cmp = val(a[5], true);
      const r = `cx_${ctx.tmp++}`;
      ctx.line(`var ${r} = atomicCompareExchangeWeak(${ref}, ${cmp}, ${v});`);
      ctx.line(`loop {`);
      ctx.line(`  if ${r}.exchanged || ${r}.old_value != ${cmp} { break; }`);
      ctx.line(`  ${r} = atomicCompareExchangeWeak(${ref}, ${cmp}, ${v});`);
      ctx.line(`}`);
      ctx.defineEffect(inst, res(`${r}.old_value`));
      return;
    }
    case IrOp.FloatAtomicCas: {
      // The loop of passes/float-atomics.ts, which made sure the cell is an f32, or of
      // passes/cas-loop.ts on a u32 view: an i32 cell where that view was merged with an i32 one
      // (passes/alias-bindings.ts).
      loopRef();
      const v = ctx.pin(a[1]).text;
      const old = `fa_${ctx.tmp++}`;
      const r = `fr_${ctx.tmp++}`;
      const combined = a[2] === FLOAT_ATOMIC_ADD && a[3] === COMBINABLE && ctx.subgroups ? combineSubgroupAdds(ctx, v) : undefined;
      const operand = combined?.value ?? v;
      const next =
        a[2] === FLOAT_ATOMIC_ADD ? `bitcast<f32>(${old}) + ${operand}`
        : a[2] === FLOAT_ATOMIC_FMA ? `fma(${operand}, ${ctx.pin(a[4]).text}, bitcast<f32>(${old}))`
        : `${a[2] === FLOAT_ATOMIC_MIN ? 'min' : 'max'}(bitcast<f32>(${old}), ${operand})`;
      const pad = combined ? '  ' : '';
      if (combined) {
        ctx.line(`var ${old}: ${cell};`);
        ctx.line(`if (${combined.updates}) {`);
        ctx.line(`  ${old} = atomicLoad(${ref});`);
      } else {
        ctx.line(`var ${old} = atomicLoad(${ref});`);
      }
      ctx.line(`${pad}loop {`);
      ctx.line(`${pad}  let ${r} = atomicCompareExchangeWeak(${ref}, ${old}, bitcast<${cell}>(${next}));`);
      ctx.line(`${pad}  if ${r}.exchanged { break; }`);
      ctx.line(`${pad}  ${old} = ${r}.old_value;`);
      ctx.line(`${pad}}`);
      if (combined) ctx.line(`}`);
      ctx.defineEffect(inst, ctx.kindOf(inst.type) === 'f32' ? `bitcast<f32>(${old})` : res(old));
      return;
    }
    default: {
      const fn = simple[inst.op];
      if (fn === undefined) ctx.fail(`${opName(inst.op)} is not supported`);
      const compareAs = MINMAX_SIGNEDNESS.get(inst.op);
      if (compareAs !== undefined && compareAs !== cell) {
        // A min or max of the other signedness than the cell (one buffer's i32 and u32 views
        // merged: passes/alias-bindings.ts): a compare-exchange loop compares as the opcode says.
        loopRef();
        const operand = ctx.as(ctx.pin(a[3]), compareAs);
        const old = `ma_${ctx.tmp++}`;
        const r = `mr_${ctx.tmp++}`;
        ctx.line(`var ${old} = atomicLoad(${ref});`);
        ctx.line(`loop {`);
        ctx.line(`  let ${r} = atomicCompareExchangeWeak(${ref}, ${old}, bitcast<${cell}>(${fn === 'atomicMin' ? 'min' : 'max'}(bitcast<${compareAs}>(${old}), ${operand})));`);
        ctx.line(`  if ${r}.exchanged { break; }`);
        ctx.line(`  ${old} = ${r}.old_value;`);
        ctx.line(`}`);
        ctx.defineEffect(inst, res(old));
        return;
      }
      ctx.defineEffect(inst, res(`${fn}(${ref}, ${val(a[3])})`));
    }
  }
}

/**
 * A float add nothing reads the result of, to the one cell every invocation adds to, on a device
 * with subgroups: the active invocations of a subgroup add their values together (subgroupAdd)
 * and one of them (subgroupElect) updates the cell. A subgroup then takes one compare-exchange
 * loop instead of one per invocation, all contending for one word. The sum is the same in
 * another order.
 */
function combineSubgroupAdds(ctx: Printer, v: string): { value: string; updates: string } {
  ctx.usesSubgroups = true;
  const value = `fv_${ctx.tmp++}`;
  ctx.line(`let ${value} = subgroupAdd(${v});`);
  return { value, updates: 'subgroupElect()' };
}
