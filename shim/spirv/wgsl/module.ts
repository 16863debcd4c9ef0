// IR -> WGSL text: the functions the entry point reaches (callees first), then the module-scope
// declarations they used. The printer reads the IR (ir/) and nothing else. Beside this file:
// printer.ts (the state every part shares: values, pointers, constants, definitions), uses.ts
// (use counts, from what each instruction reads: ir/operands.ts), statements.ts (the structured
// tree), expressions.ts, memory.ts, atomics.ts, images.ts, idiom-helpers.ts and names.ts.
//
// Values: every SPIR-V result id becomes an expression. A pure expression used once, in its own
// block, is inlined at its use; a load is inlined only when no store, call, barrier or atomic
// sits between it and its use. Everything else becomes a `let` (so does an inlined value where
// the printer writes it twice or in a loop: Printer.pin). A value used in a WGSL scope
// where its `let` would not be visible (e.g. defined in a loop, used after it) is "hoisted": a
// function-scope `var` declared at the top and assigned at the definition. OpPhi results are
// function-scope vars assigned on each incoming edge.
//
// Memory: access chains become WGSL reference expressions, re-emitted at each use. Uniform
// blocks are declared as `array<vec4<u32>, N>` and every load from them is assembled from the
// 32-bit words at the SPIR-V Offset/ArrayStride/MatrixStride byte offsets (std140 or any other
// explicit layout then reads the same bytes without re-deriving WGSL's uniform layout rules).
// Storage buffers keep their SPIR-V types, with @size padding where Offsets ask for it.
import { findAtomicRoots } from '../atomics.js';
import { entryFunction, type IrFunction, type IrModule, type Instruction } from '../ir/ir.js';
import { isBufferBlock, type IrEntry } from '../ir/module.js';
import { resourceUses, type ResourceUse } from '../ir/resources.js';
import { Op, StorageClass } from '../opcodes.js';
import { BUILTIN_NAMES, entryName } from './names.js';
import { Printer } from './printer.js';
import { nodes } from './statements.js';
import { analyze } from './uses.js';

export interface EmitResult {
  wgsl: string;
  entryName: string;
  workgroupSize: [number, number, number];
  resources: Map<number, ResourceUse>;
  uniformWords: Map<number, number>; // uniform block variable -> vec4<u32> slots declared
  combinedSamplerBinding: Map<number, number>; // combined image-sampler variable -> sampler binding
  readOnlyStorage: Set<number>; // storage buffers declared read-only (never written, not atomic)
}

export function emitWgsl(ir: IrModule, f16 = false, subgroups = false): EmitResult {
  const entry = ir.entry;
  const ctx = new Printer(ir, f16, subgroups);
  ctx.resources = resourceUses(ir);
  ctx.atomicRoots = findAtomicRoots(ir, ir.functions.map((f) => f.fn));
  const fnTexts: string[] = [];
  const main = entryFunction(ir);
  ctx.entryFnId = main.fn.id;
  for (const f of ir.functions) if (f !== main) fnTexts.push(emitFunction(ctx, f, false, entry));
  const entryText = emitFunction(ctx, main, true, entry);
  ctx.types.current = null;
  const globals = emitGlobals(ctx);
  if (usesDetZero(ctx)) globals.push(DET_ZERO_DECL);
  const parts = [...ctx.types.structDecls, ...ctx.decls, ...globals, ...ctx.helpers.values(), ...fnTexts, entryText];
  // The subgroup operations run where invocations may have diverged: on the invocations active
  // there, which is what the combined atomics mean (wgsl/atomics.ts).
  if (ctx.usesSubgroups) parts.unshift('enable subgroups;', 'diagnostic(off, subgroup_uniformity);');
  if (ctx.types.usesF16) parts.unshift('enable f16;');
  return {
    wgsl: parts.join('\n\n') + '\n',
    entryName: entryName(entry),
    workgroupSize: workgroupSize(ctx, entry),
    resources: ctx.resources,
    uniformWords: ctx.uniformWords,
    combinedSamplerBinding: ctx.combinedSamplerBinding,
    readOnlyStorage: ctx.readOnlyStorage,
  };
}

export function workgroupSize(ctx: Printer, entry: IrEntry): [number, number, number] {
  const c = ctx.mod.constants.get(entry.sizeConstant);
  if (c?.kind === 'composite') return c.parts.map((p) => ctx.scalarConstant(p)) as [number, number, number];
  if (entry.localSize) return [...entry.localSize];
  if (entry.localSizeId) return entry.localSizeId.map((p) => ctx.scalarConstant(p)) as [number, number, number];
  return [1, 1, 1];
}

export function emitGlobals(ctx: Printer): string[] {
  const lines: string[] = [];
  for (const bits of ctx.nonFinite) lines.push(`var<private> nf_${bits.toString(16)}: u32 = 0x${bits.toString(16)}u;`);
  const ids = [...ctx.usedGlobals].sort((a, b) => a - b);
  for (const id of ids) {
    const g = ctx.mod.globals.get(id)!;
    ctx.types.current = null;
    const res = `@group(${g.set}) @binding(${g.binding}) `;
    const atomic = ctx.atomicRoots.has(id);
    switch (g.storage) {
      case StorageClass.Uniform: case StorageClass.StorageBuffer: {
        const isStorage = g.storage === StorageClass.StorageBuffer || isBufferBlock(ctx.mod, g.pointee);
        if (isStorage) {
          ctx.types.checkHostLayout(g.pointee);
          // Read-only buffers say so: WebGPU lets one buffer fill several read-only bindings.
          const readOnly = !ctx.resources.get(id)?.written && !atomic;
          if (readOnly) ctx.readOnlyStorage.add(id);
          lines.push(`${res}var<storage, ${readOnly ? 'read' : 'read_write'}> g_${id}: ${ctx.types.wgsl(g.pointee, atomic)};`);
        } else {
          const size = ctx.types.explicitSize(g.pointee, 0, false);
          const slots = Math.max(1, Math.ceil(size / 16));
          ctx.uniformWords.set(id, slots);
          lines.push(`${res}var<uniform> g_${id}: array<vec4<u32>, ${slots}>;`);
        }
        break;
      }
      case StorageClass.Workgroup:
        lines.push(`var<workgroup> g_${id}: ${ctx.types.wgsl(g.pointee, atomic)};`);
        break;
      case StorageClass.Private: {
        const init = g.init !== 0 ? ` = ${ctx.value(g.init).text}` : '';
        lines.push(`var<private> g_${id}: ${ctx.types.wgsl(g.pointee)}${init};`);
        break;
      }
      case StorageClass.UniformConstant: {
        const t = ctx.types.get(g.pointee);
        const use = ctx.resources.get(id) ?? { read: false, written: false, sampled: false };
        const access = use.read && use.written ? 'read_write' : use.written ? 'write' : 'read';
        if (t.kind === 'sampler') lines.push(`${res}var g_${id}: sampler;`);
        else if (t.kind === 'image') lines.push(`${res}var g_${id}: ${ctx.types.imageType(g.pointee, access)};`);
        else if (t.kind === 'sampled-image') {
          lines.push(`${res}var g_${id}: ${ctx.types.imageType(t.image, access)};`);
          lines.push(`@group(${g.set}) @binding(${ctx.combinedSamplerBinding.get(id)}) var gs_${id}: sampler;`);
        }
        break;
      }
      case StorageClass.Input: {
        if (builtinNeedsPrivate(ctx, id)) lines.push(`var<private> bi_${id}: ${ctx.types.wgsl(g.pointee)};`);
        break;
      }
      default: break;
    }
  }
  return lines;
}

// A builtin read outside the entry point, or declared with another type than WGSL's, is copied
// into a private variable at entry; otherwise the entry point parameter is read directly.
export function builtinNeedsPrivate(ctx: Printer, id: number): boolean {
  const g = ctx.mod.globals.get(id)!;
  const bi = BUILTIN_NAMES[g.builtIn!];
  const users = ctx.builtinUsers.get(id);
  return ctx.types.wgsl(g.pointee) !== bi[1] || (users !== undefined && (users.size > 1 || !users.has(ctx.entryFnId)));
}

export function emitFunction(ctx: Printer, ir: IrFunction, isEntry: boolean, entry: IrEntry): string {
  const fn = ir.fn;
  ctx.ir = ir;
  ctx.fn = fn;
  ctx.st = ir.tree;
  ctx.types.current = { op: Op.Function, type: fn.resultType, id: fn.id, args: new Uint32Array(0), offset: fn.offset };
  ctx.exprs = new Map();
  ctx.ptrs = new Map();
  ctx.chainDefs = new Map();
  ctx.assumedRelinearized = new Set();
  ctx.out = [];
  ctx.tmp = 0;
  analyze(ctx);

  const header: string[] = [];
  const params: string[] = [];
  for (const p of fn.params) {
    ctx.types.current = p;
    const t = ctx.types.get(p.type);
    if (t.kind === 'pointer') {
      const space = addressSpace(ctx, t.storage, p);
      params.push(`p_${p.id}: ptr<${space}, ${ctx.types.wgsl(t.pointee)}${space === 'storage' ? ', read_write' : ''}>`);
      ctx.ptrs.set(p.id, { kind: 'ref', text: `(*p_${p.id})`, pointee: t.pointee, root: -1, storage: t.storage, atomic: false });
    } else if (t.kind === 'image' || t.kind === 'sampler' || t.kind === 'sampled-image') {
      ctx.fail('image and sampler function parameters are not supported');
    } else {
      params.push(`p_${p.id}: ${ctx.types.wgsl(p.type)}`);
      ctx.exprs.set(p.id, { text: `p_${p.id}`, type: p.type, atom: true, stable: true, hasLoad: false });
    }
  }
  ctx.indent = '  ';
  for (const v of fn.vars) {
    ctx.types.current = v;
    const pt = ctx.types.get(v.type);
    if (pt.kind !== 'pointer') ctx.fail('variable type is not a pointer');
    const init = v.args.length > 1 ? ` = ${ctx.value(v.args[1]).text}` : '';
    header.push(`  var v_${v.id}: ${ctx.types.wgsl(pt.pointee)}${init};`);
    ctx.ptrs.set(v.id, { kind: 'ref', text: `v_${v.id}`, pointee: pt.pointee, root: v.id, storage: StorageClass.Function, atomic: false });
  }
  for (const b of fn.blocks) {
    if (ctx.st.scopeOf[b.index] < 0) continue;
    for (const phi of b.phis) {
      ctx.types.current = phi;
      if (ctx.types.get(phi.type).kind === 'pointer') ctx.fail('OpPhi of pointers (variable pointers) is not supported');
      header.push(`  var p_${phi.id}: ${ctx.types.wgsl(phi.type)};`);
      ctx.exprs.set(phi.id, { text: `p_${phi.id}`, type: phi.type, atom: true, stable: false, hasLoad: false });
      // The quotient, remainder, their steps and whether they are exact, for each floor division of the phi.
      for (const { division: n } of ir.carried.get(phi.id) ?? []) {
        header.push(`  var iq_${n}: i32;`, `  var ir_${n}: u32;`, `  var isq_${n}: i32;`, `  var isr_${n}: u32;`, `  var iok_${n}: bool;`);
      }
    }
    for (const inst of b.body) {
      if (inst.id !== 0 && ctx.hoisted[inst.id]) {
        ctx.types.current = inst;
        if (ctx.types.get(inst.type).kind === 'pointer') continue;
        header.push(`  var h_${inst.id}: ${ctx.types.wgsl(inst.type)};`);
      }
    }
  }

  nodes(ctx, ctx.st.body);
  const retType = ctx.types.get(fn.resultType);
  const ret = retType.kind === 'void' ? '' : ` -> ${ctx.types.wgsl(fn.resultType)}`;
  if (!isEntry) return `fn f_${fn.id}(${params.join(', ')})${ret} {\n${header.concat(ctx.out).join('\n')}\n}`;

  const ws = workgroupSize(ctx, entry);
  const bparams: string[] = [];
  const prologue: string[] = [];
  if (usesDetZero(ctx)) {
    bparams.push(`@builtin(workgroup_id) ${DET_WORKGROUP}: vec3<u32>`);
    prologue.push(`  det_z = ${DET_WORKGROUP}.x;`);
  }
  for (const [id] of ctx.builtinUsers) {
    const g = ctx.mod.globals.get(id)!;
    const bi = BUILTIN_NAMES[g.builtIn!];
    if (builtinNeedsPrivate(ctx, id)) {
      bparams.push(`@builtin(${bi[0]}) bi_${id}_in: ${bi[1]}`);
      const want = ctx.types.wgsl(g.pointee);
      prologue.push(`  bi_${id} = ${want === bi[1] ? `bi_${id}_in` : `bitcast<${want}>(bi_${id}_in)`};`);
    } else {
      bparams.push(`@builtin(${bi[0]}) bi_${id}: ${bi[1]}`);
    }
  }
  return `@compute @workgroup_size(${ws[0]}, ${ws[1]}, ${ws[2]})\nfn ${entryName(entry)}(${bparams.join(', ')}) {\n${prologue.concat(header, ctx.out).join('\n')}\n}`;
}

// Deterministic mode's helpers (wgsl/deterministic-helpers.ts) read det_z, the id of the one
// workgroup the mode dispatches: 0 at run time, unknown to the compiler (exact-arithmetic.ts).
const DET_ZERO_DECL = 'var<private> det_z: u32;';
const DET_WORKGROUP = 'det_workgroup';

function usesDetZero(ctx: Printer): boolean {
  return [...ctx.helpers.keys()].some((name) => name.startsWith('det_'));
}

export function addressSpace(ctx: Printer, storage: number, at: Instruction): string {
  switch (storage) {
    case StorageClass.Function: return 'function';
    case StorageClass.Private: return 'private';
    case StorageClass.Workgroup: return 'workgroup';
    case StorageClass.StorageBuffer: return 'storage';
    default: ctx.fail(`pointer parameters into storage class ${storage} are not supported`, at);
  }
}
