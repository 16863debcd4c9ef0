// SPIR-V's non-uniform group instructions at subgroup scope (Taichi's ti.simt.subgroup) -> WGSL's
// subgroup built-ins, where the device has WebGPU's subgroups feature. Each is written where it
// stands (a `let`), never moved into other control flow: which invocations take part is what it
// computes on.
import type { Instruction } from '../ir/ir.js';
import { GroupOperation, Op, opName, Scope } from '../opcodes.js';
import type { ScalarKind } from './types.js';
import type { Printer } from './printer.js';

/** The arithmetic instructions: WGSL's name and the scalar kind it computes in. */
const ARITHMETIC = new Map<number, { name: string; kind: ScalarKind | null; scans: boolean }>([
  [Op.GroupNonUniformIAdd, { name: 'Add', kind: null, scans: true }],
  [Op.GroupNonUniformFAdd, { name: 'Add', kind: null, scans: true }],
  [Op.GroupNonUniformIMul, { name: 'Mul', kind: null, scans: true }],
  [Op.GroupNonUniformFMul, { name: 'Mul', kind: null, scans: true }],
  [Op.GroupNonUniformSMin, { name: 'Min', kind: 'i32', scans: false }],
  [Op.GroupNonUniformUMin, { name: 'Min', kind: 'u32', scans: false }],
  [Op.GroupNonUniformFMin, { name: 'Min', kind: null, scans: false }],
  [Op.GroupNonUniformSMax, { name: 'Max', kind: 'i32', scans: false }],
  [Op.GroupNonUniformUMax, { name: 'Max', kind: 'u32', scans: false }],
  [Op.GroupNonUniformFMax, { name: 'Max', kind: null, scans: false }],
  [Op.GroupNonUniformBitwiseAnd, { name: 'And', kind: null, scans: false }],
  [Op.GroupNonUniformBitwiseOr, { name: 'Or', kind: null, scans: false }],
  [Op.GroupNonUniformBitwiseXor, { name: 'Xor', kind: null, scans: false }],
]);

const SHUFFLES = new Map<number, string>([
  [Op.GroupNonUniformShuffle, 'subgroupShuffle'],
  // Broadcast's id is dynamically uniform; WGSL's subgroupBroadcast wants a constant one.
  [Op.GroupNonUniformBroadcast, 'subgroupShuffle'],
  [Op.GroupNonUniformShuffleXor, 'subgroupShuffleXor'],
  [Op.GroupNonUniformShuffleUp, 'subgroupShuffleUp'],
  [Op.GroupNonUniformShuffleDown, 'subgroupShuffleDown'],
]);

export function subgroup(ctx: Printer, inst: Instruction): void {
  const a = inst.args;
  if (!ctx.subgroups) ctx.unsupported(`${opName(inst.op)} needs WebGPU's subgroups feature, which this device lacks`);
  if (ctx.scalarConstant(a[0]) !== Scope.Subgroup) ctx.unsupported('a non-uniform group operation at a scope other than Subgroup has no WGSL equivalent');
  ctx.usesSubgroups = true;
  const arithmetic = ARITHMETIC.get(inst.op);
  if (arithmetic) {
    const operation = a[1];
    if (a.length > 3) ctx.unsupported('clustered subgroup operations have no WGSL equivalent');
    const prefix = operation === GroupOperation.Reduce ? '' : operation === GroupOperation.InclusiveScan ? 'Inclusive' : operation === GroupOperation.ExclusiveScan ? 'Exclusive' : undefined;
    if (prefix === undefined || (prefix !== '' && !arithmetic.scans)) ctx.unsupported(`group operation ${operation} of ${opName(inst.op)} has no WGSL equivalent (WGSL scans only add and multiply)`);
    const x = ctx.value(a[2]);
    const text = `subgroup${prefix}${arithmetic.name}(${arithmetic.kind === null ? x.text : ctx.as(x, arithmetic.kind)})`;
    ctx.defineEffect(inst, arithmetic.kind === null ? text : ctx.toResult(text, arithmetic.kind, inst.type).text);
    return;
  }
  const shuffle = SHUFFLES.get(inst.op);
  if (shuffle) {
    ctx.defineEffect(inst, `${shuffle}(${ctx.value(a[1]).text}, ${ctx.as(ctx.value(a[2]), 'u32')})`);
    return;
  }
  switch (inst.op) {
    case Op.GroupNonUniformElect: ctx.defineEffect(inst, 'subgroupElect()'); return;
    case Op.GroupNonUniformAll: ctx.defineEffect(inst, `subgroupAll(${ctx.value(a[1]).text})`); return;
    case Op.GroupNonUniformAny: ctx.defineEffect(inst, `subgroupAny(${ctx.value(a[1]).text})`); return;
    case Op.GroupNonUniformAllEqual: {
      const x = ctx.pin(a[1]);
      const equal = ctx.types.numeric1(x.type).n > 1 ? `all(${x.text} == subgroupBroadcastFirst(${x.text}))` : `${x.text} == subgroupBroadcastFirst(${x.text})`;
      ctx.defineEffect(inst, `subgroupAll(${equal})`);
      return;
    }
    case Op.GroupNonUniformBroadcastFirst: ctx.defineEffect(inst, `subgroupBroadcastFirst(${ctx.value(a[1]).text})`); return;
    case Op.GroupNonUniformBallot: ctx.defineEffect(inst, `subgroupBallot(${ctx.value(a[1]).text})`); return;
    default: ctx.unsupported(`${opName(inst.op)} has no WGSL equivalent`);
  }
}
