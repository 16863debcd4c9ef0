// Aliased bindings: several storage-buffer bindings that the caller fills with one buffer become
// one binding. WebGPU refuses a dispatch where a buffer bound writable overlaps another binding
// of it (Vulkan allows it), so the shim runs a variant of the pipeline whose aliased bindings are
// one WGSL variable. This pass rewrites the parsed module before it is lifted to the IR:
// - the bindings' variables are replaced by one (the keeper), which takes the group's first
//   binding number; it is writable if any of them was;
// - each binding's range may start at another offset of the buffer than the merged range: its
//   array index is shifted by that many elements;
// - where a binding views the buffer with another 32-bit element type than the keeper (Taichi
//   declares i32, u32 and f32 views of one buffer), its loads and stores are bitcast, and atomics
//   take the keeper's cell (the printer converts their operands and results, and compares a min
//   or max of the other signedness in a compare-exchange loop).
import { isAtomicOp, isPointerChain } from '../atomics.js';
import { idOperands } from '../def-use.js';
import { SpirvTranslationError } from '../errors.js';
import { Op, opName, StorageClass } from '../opcodes.js';
import type { GlobalVariable, Instruction, SpirvModule, SpirvType } from '../parse.js';

export interface AliasGroup {
  set: number;
  /** Bindings filled with one buffer; the merged binding takes the first's number. */
  bindings: number[];
  /** Byte offset of each binding's range from the start of the merged range. */
  offsets: number[];
}

/** A buffer variable seen as struct { T m0[]; }: what indices and bitcasts apply to. */
interface View {
  variable: GlobalVariable;
  binding: number;
  /** Elements from the merged range's start to this binding's. */
  shift: number;
  /** The scalar element type, when the variable has the one-array shape. */
  elem: number | undefined;
}

const FLOAT_ATOMICS = new Set<number>([Op.AtomicFAddEXT, Op.AtomicFMinEXT, Op.AtomicFMaxEXT]);

export function mergeAliasedBindings(mod: SpirvModule, groups: readonly AliasGroup[]): void {
  for (const group of groups) mergeGroup(mod, group);
}

function fail(reason: string, inst?: Instruction): never {
  throw new SpirvTranslationError(inst?.offset ?? 0, inst?.op, reason);
}

function isStorageBuffer(mod: SpirvModule, g: GlobalVariable): boolean {
  return g.storage === StorageClass.StorageBuffer || (g.storage === StorageClass.Uniform && mod.decorations.get(g.pointee)?.bufferBlock === true);
}

/** The scalar element of struct { T m0[]; } (member at offset 0, stride the scalar's size). */
function arrayElement(mod: SpirvModule, pointee: number): number | undefined {
  const s = mod.types.get(pointee);
  if (s?.kind !== 'struct' || s.members.length !== 1 || (mod.memberDecorations.get(pointee)?.[0]?.offset ?? 0) !== 0) return undefined;
  const a = mod.types.get(s.members[0]);
  if (a?.kind !== 'runtime-array') return undefined;
  const e = mod.types.get(a.elem);
  if ((e?.kind !== 'int' && e?.kind !== 'float') || mod.decorations.get(s.members[0])?.arrayStride !== e.width / 8) return undefined;
  return a.elem;
}

function scalarOf(mod: SpirvModule, type: number | undefined): Extract<SpirvType, { kind: 'int' | 'float' }> | undefined {
  const t = type === undefined ? undefined : mod.types.get(type);
  return t?.kind === 'int' || t?.kind === 'float' ? t : undefined;
}

function mergeGroup(mod: SpirvModule, group: AliasGroup): void {
  const where = `set ${group.set} bindings ${group.bindings.join(', ')}`;
  const views: View[] = [];
  for (const g of mod.globals.values()) {
    const d = mod.decorations.get(g.id);
    const at = d?.set === group.set && d.binding !== undefined ? group.bindings.indexOf(d.binding) : -1;
    if (at < 0) continue;
    if (!isStorageBuffer(mod, g)) fail(`${where} alias one buffer, but binding ${d!.binding} is not a storage buffer`);
    const elem = arrayElement(mod, g.pointee);
    const size = scalarOf(mod, elem)?.width;
    const offset = group.offsets[at];
    if (offset !== 0 && (size === undefined || offset % (size / 8) !== 0)) {
      fail(`${where} alias one buffer at offsets ${group.offsets.join(', ')}, and binding ${d!.binding} is not an array whose elements divide its offset`);
    }
    views.push({ variable: g, binding: d!.binding!, shift: size === undefined ? 0 : offset / (size / 8), elem });
  }
  if (views.length < 2 && views.every((v) => v.shift === 0)) return;

  const floatAtomic = views.find((v) => usesAtomics(mod, v.variable.id, FLOAT_ATOMICS));
  const keeper = floatAtomic ?? views.find((v) => v.binding === group.bindings[0]) ?? views[0];
  const keeperElem = keeper.elem;
  for (const v of views) {
    if (v.variable.pointee === keeper.variable.pointee) continue;
    const a = scalarOf(mod, v.elem);
    const b = scalarOf(mod, keeperElem);
    if (!a || !b || a.width !== b.width) {
      fail(`${where} alias one buffer, but bindings ${keeper.binding} and ${v.binding} lay it out differently (only arrays of same-width scalars can be merged)`);
    }
  }

  const keeperDecorations = mod.decorations.get(keeper.variable.id)!;
  keeperDecorations.binding = group.bindings[0];
  if (views.some((v) => mod.decorations.get(v.variable.id)?.nonWritable !== true)) keeperDecorations.nonWritable = false;
  const byVariable = new Map(views.map((v) => [v.variable.id, v]));
  for (const v of views) if (v !== keeper) mod.globals.delete(v.variable.id);
  const elemPointer = keeperElem === undefined ? 0 : pointerType(mod, keeper.variable.storage, keeperElem);
  const keeperKind = scalarOf(mod, keeperElem);

  for (const fn of mod.functions.values()) {
    const types = new Map<number, number>();
    for (const p of fn.params) types.set(p.id, p.type);
    for (const b of fn.blocks) for (const i of [...b.phis, ...b.body]) if (i.id !== 0) types.set(i.id, i.type);
    const typeOf = (id: number): number => types.get(id) ?? mod.constants.get(id)?.type ?? 0;
    /** Chains through a view with another element type than the keeper's: id -> that type. */
    const retyped = new Map<number, number>();

    for (const b of fn.blocks) {
      const body: Instruction[] = [];
      for (const inst of b.body) {
        const view = isPointerChain(inst.op) ? byVariable.get(inst.args[0]) : undefined;
        if (view) {
          body.push(...rewriteChain(mod, inst, view, keeper, elemPointer, typeOf, retyped, where));
          continue;
        }
        const a = inst.args;
        const through = inst.op === Op.Load || isAtomicOp(inst.op) || inst.op === Op.Store ? retyped.get(a[0]) : undefined;
        if (through !== undefined) {
          body.push(...rewriteAccess(mod, inst, through, keeperElem!, keeperKind!, where));
          continue;
        }
        for (const id of idOperands(inst)) {
          if (retyped.has(id) || (byVariable.has(id) && (byVariable.get(id)!.shift !== 0 || byVariable.get(id)!.variable.pointee !== keeper.variable.pointee))) {
            fail(`${where} alias one buffer, and ${opName(inst.op)} uses one of them in a way the merge cannot rewrite`, inst);
          }
        }
        if (inst.op === Op.ArrayLength && byVariable.has(a[0])) {
          fail(`${where} alias one buffer, and OpArrayLength of one of them would measure the merged range`, inst);
        }
        body.push(replaceOperand(inst, byVariable, keeper.variable.id));
      }
      b.body = body;
    }
  }
}

/** Whether an atomic instruction of `ops` reaches `variable` through an access chain. */
function usesAtomics(mod: SpirvModule, variable: number, ops: ReadonlySet<number>): boolean {
  for (const fn of mod.functions.values()) {
    const chains = new Set<number>([variable]);
    for (const b of fn.blocks) {
      for (const inst of b.body) {
        if (isPointerChain(inst.op) && chains.has(inst.args[0])) chains.add(inst.id);
        else if (ops.has(inst.op) && chains.has(inst.args[0])) return true;
      }
    }
  }
  return false;
}

function newId(mod: SpirvModule): number {
  return mod.bound++;
}

function pointerType(mod: SpirvModule, storage: number, pointee: number): number {
  for (const [id, t] of mod.types) if (t.kind === 'pointer' && t.storage === storage && t.pointee === pointee) return id;
  const id = newId(mod);
  mod.types.set(id, { kind: 'pointer', storage, pointee });
  return id;
}

function intConstantOf(mod: SpirvModule, type: number, value: number): number {
  for (const [id, c] of mod.constants) if (c.kind === 'scalar' && c.type === type && c.words.length === 1 && c.words[0] === value >>> 0) return id;
  const id = newId(mod);
  mod.constants.set(id, { kind: 'scalar', type, words: Uint32Array.of(value >>> 0) });
  return id;
}

function make(op: number, type: number, id: number, args: number[], at: Instruction): Instruction {
  return { op, type, id, args: Uint32Array.from(args), offset: at.offset };
}

function replaceOperand(inst: Instruction, byVariable: ReadonlyMap<number, View>, keeper: number): Instruction {
  if (!inst.args.some((w) => byVariable.has(w))) return inst;
  return { ...inst, args: inst.args.map((w) => (byVariable.has(w) ? keeper : w)) };
}

/** A chain through a view: rebased on the keeper, its array index shifted. */
function rewriteChain(mod: SpirvModule, inst: Instruction, view: View, keeper: View, elemPointer: number, typeOf: (id: number) => number, retyped: Map<number, number>, where: string): Instruction[] {
  const a = Array.from(inst.args);
  a[0] = keeper.variable.id;
  const sameType = view.variable.pointee === keeper.variable.pointee;
  if (sameType && view.shift === 0) return [{ ...inst, args: Uint32Array.from(a) }];
  // struct { T m0[]; }: (variable, 0, index) reaches one scalar.
  if (a.length !== 3) fail(`${where} alias one buffer, and a chain into binding ${view.binding} does not reach one element`, inst);
  const out: Instruction[] = [];
  if (view.shift !== 0) {
    const indexType = typeOf(a[2]);
    const t = mod.types.get(indexType);
    if (t?.kind !== 'int' || t.width !== 32) fail(`${where}: a chain into binding ${view.binding} has a non-32-bit index`, inst);
    const shifted = newId(mod);
    out.push(make(Op.IAdd, indexType, shifted, [a[2], intConstantOf(mod, indexType, view.shift)], inst));
    a[2] = shifted;
  }
  if (!sameType && view.elem !== keeper.elem) retyped.set(inst.id, view.elem!);
  out.push(make(inst.op, sameType ? inst.type : elemPointer, inst.id, a, inst));
  return out;
}

/** A load, store or atomic through a retyped chain: bitcast to and from the keeper's element. */
function rewriteAccess(mod: SpirvModule, inst: Instruction, viewElem: number, keeperElem: number, keeperKind: Extract<SpirvType, { kind: 'int' | 'float' }>, where: string): Instruction[] {
  const a = inst.args;
  if (inst.op === Op.Load) {
    const raw = newId(mod);
    return [make(Op.Load, keeperElem, raw, Array.from(a), inst), make(Op.Bitcast, viewElem, inst.id, [raw], inst)];
  }
  if (inst.op === Op.Store) {
    const cast = newId(mod);
    return [make(Op.Bitcast, keeperElem, cast, [a[1]], inst), make(Op.Store, 0, 0, [a[0], cast, ...a.subarray(2)], inst)];
  }
  if (FLOAT_ATOMICS.has(inst.op) && keeperKind.kind !== 'float') fail(`${where} alias one buffer, and ${opName(inst.op)} needs a float view of it`, inst);
  // Integer atomics: the printer converts operands to the keeper's cell and the result back.
  return [inst];
}
