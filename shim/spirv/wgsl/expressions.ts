// Value instructions -> WGSL expressions (arithmetic, bitwise and logical, comparisons,
// conversions, composites, extended instructions), plus calls and barriers.
import { isAtomicOp } from '../atomics.js';
import { GLSL_STD_450, STD450_LDEXP } from '../glsl-std450.js';
import { IrOp, irFunction, type Instruction } from '../ir/ir.js';
import { isSubgroupOp, Op, opName } from '../opcodes.js';
import { bitcastText, type ScalarKind, vecName } from './types.js';
import { atomic } from './atomics.js';
import { image, isImageSample } from './images.js';
import { subgroup } from './subgroups.js';
import { addDetHelper, detSignature } from './deterministic-helpers.js';
import { FLOOR_DIV_FN, FLOOR_DIV_NONNEG_FN, FLOOR_DIV_NONNEG_WGSL, FLOOR_DIV_WGSL } from './idiom-helpers.js';
import { accessChain, load, loadText, store } from './memory.js';
import { SWIZZLE } from './names.js';
import { type Expr, Printer } from './printer.js';

export function binary(ctx: Printer, inst: Instruction, op: string, k: ScalarKind | null): void {
  const a = ctx.value(inst.args[0]);
  const b = ctx.value(inst.args[1]);
  const kind = k === 'f32' ? ctx.floatKind(a.type) : (k ?? ctx.kindOf(inst.type));
  const r = ctx.toResult(`${ctx.as(a, kind)} ${op} ${ctx.as(b, kind)}`, kind, inst.type);
  ctx.define(inst, r.text, r.atom, a.hasLoad || b.hasLoad);
}

export function compare(ctx: Printer, inst: Instruction, op: string, k: ScalarKind | null): void {
  const a = ctx.value(inst.args[0]);
  const b = ctx.value(inst.args[1]);
  const kind = k === 'f32' ? ctx.floatKind(a.type) : (k ?? ctx.kindOf(a.type));
  ctx.define(inst, `${ctx.as(a, kind)} ${op} ${ctx.as(b, kind)}`, false, a.hasLoad || b.hasLoad);
}

export function call(ctx: Printer, inst: Instruction, name: string, args: Expr[], k: ScalarKind | null): void {
  let hasLoad = false;
  const texts = args.map((a) => {
    hasLoad ||= a.hasLoad;
    const t = k === null ? a.text : ctx.as(a, k);
    return t;
  });
  const text = `${name}(${texts.join(', ')})`;
  if (k === null) { ctx.define(inst, text, true, hasLoad); return; }
  const r = ctx.toResult(text, k, inst.type);
  ctx.define(inst, r.text, true, hasLoad);
}

export function instruction(ctx: Printer, inst: Instruction): void {
  const a = inst.args;
  switch (inst.op) {
    case Op.Nop: case Op.Line: case Op.NoLine: case Op.LifetimeStart: case Op.LifetimeStop:
      return;
    case Op.Undef: ctx.define(inst, `${ctx.types.wgsl(inst.type)}()`, true); return;
    // Arithmetic.
    case Op.IAdd: binary(ctx, inst, '+', null); return;
    case IrOp.Relinearized: {
      if (!ctx.assumedRelinearized.has(inst.id)) { binary(ctx, inst, '+', null); return; }
      const r = ctx.toResult(ctx.as(ctx.value(a[2]), 'i32'), 'i32', inst.type);
      ctx.define(inst, r.text, r.atom);
      return;
    }
    case Op.ISub: binary(ctx, inst, '-', null); return;
    case IrOp.CarriedRemainder: ctx.define(inst, `fm_${a[0]}`, true); return;
    case IrOp.CarriedQuotient: {
      // Copies: the variables change on the back edge.
      const n = inst.id;
      ctx.line(`let fd_${n} = iq_${n};`);
      if ([...ctx.ir.carried.values()].some((list) => list.some((c) => c.division === n && c.remainder))) ctx.line(`let fm_${n} = bitcast<i32>(ir_${n});`);
      ctx.define(inst, `fd_${n}`, true);
      return;
    }
    case IrOp.FloorDiv: case IrOp.FloorDivNonNegative: {
      const x = ctx.value(a[0]);
      const y = ctx.value(a[1]);
      const [name, code] = inst.op === IrOp.FloorDivNonNegative ? [FLOOR_DIV_NONNEG_FN, FLOOR_DIV_NONNEG_WGSL] : [FLOOR_DIV_FN, FLOOR_DIV_WGSL];
      ctx.helpers.set(name, code);
      ctx.define(inst, `${name}(${ctx.as(x, 'i32')}, ${ctx.as(y, 'i32')})`, true, x.hasLoad || y.hasLoad);
      return;
    }
    case IrOp.DetCall: {
      const sig = detSignature(ctx.mod.helpers[a[0]]);
      const xs = Array.from(a.subarray(1), (id) => ctx.value(id));
      addDetHelper(ctx.helpers, sig.name);
      const text = `${sig.name}(${xs.map((x, i) => ctx.as(x, sig.params[i])).join(', ')})`;
      const r = sig.result === 'bool' ? { text } : ctx.toResult(text, sig.result, inst.type);
      ctx.define(inst, r.text, true, xs.some((x) => x.hasLoad));
      return;
    }
    case Op.IMul: binary(ctx, inst, '*', null); return;
    case Op.UDiv: binary(ctx, inst, '/', 'u32'); return;
    case Op.UMod: binary(ctx, inst, '%', 'u32'); return;
    case Op.SDiv: binary(ctx, inst, '/', 'i32'); return;
    case Op.SRem: binary(ctx, inst, '%', 'i32'); return;
    case Op.SMod: {
      const x = ctx.value(a[0]);
      const y = ctx.pin(a[1]);
      const [xs, ys] = [ctx.as(x, 'i32'), ctx.as(y, 'i32')];
      const r = ctx.toResult(`((${xs} % ${ys}) + ${ys}) % ${ys}`, 'i32', inst.type);
      ctx.define(inst, r.text, r.atom, x.hasLoad || y.hasLoad);
      return;
    }
    case Op.FAdd: binary(ctx, inst, '+', 'f32'); return;
    case Op.FSub: binary(ctx, inst, '-', 'f32'); return;
    case Op.FMul: binary(ctx, inst, '*', 'f32'); return;
    case Op.FDiv: binary(ctx, inst, '/', 'f32'); return;
    case Op.FRem: binary(ctx, inst, '%', 'f32'); return;
    case Op.FMod: {
      const x = ctx.pin(a[0]);
      const y = ctx.pin(a[1]);
      ctx.define(inst, `${x.text} - ${y.text} * floor(${x.text} / ${y.text})`, false, x.hasLoad || y.hasLoad);
      return;
    }
    case Op.VectorTimesScalar: case Op.MatrixTimesScalar: case Op.VectorTimesMatrix:
    case Op.MatrixTimesVector: case Op.MatrixTimesMatrix: {
      const x = ctx.value(a[0]);
      const y = ctx.value(a[1]);
      ctx.define(inst, `${x.text} * ${y.text}`, false, x.hasLoad || y.hasLoad);
      return;
    }
    case Op.OuterProduct: {
      const x = ctx.pin(a[0]);
      const y = ctx.pin(a[1]);
      const t = ctx.types.get(inst.type);
      if (t.kind !== 'matrix') ctx.fail('OuterProduct result is not a matrix');
      const cols: string[] = [];
      for (let j = 0; j < t.columns; j++) cols.push(`${x.text} * ${y.text}[${j}]`);
      ctx.define(inst, `${ctx.types.wgsl(inst.type)}(${cols.join(', ')})`, true, x.hasLoad || y.hasLoad);
      return;
    }
    case Op.Dot: call(ctx, inst, 'dot', [ctx.value(a[0]), ctx.value(a[1])], null); return;
    case Op.SNegate: {
      const x = ctx.value(a[0]);
      const r = ctx.toResult(`-${ctx.as(x, 'i32')}`, 'i32', inst.type);
      ctx.define(inst, r.text, r.atom, x.hasLoad);
      return;
    }
    case Op.FNegate: { const x = ctx.value(a[0]); ctx.define(inst, `-${x.text}`, false, x.hasLoad); return; }
    // Bitwise and logical. Bitwise ops on bools are accepted as logical ones (Taichi emits them).
    case Op.BitwiseAnd: case Op.BitwiseOr: case Op.BitwiseXor: {
      const k = ctx.kindOf(inst.type);
      const op = inst.op === Op.BitwiseAnd ? '&' : inst.op === Op.BitwiseOr ? '|' : k === 'bool' ? '!=' : '^';
      binary(ctx, inst, op, k);
      return;
    }
    case Op.Not: {
      const x = ctx.value(a[0]);
      const k = ctx.kindOf(inst.type);
      ctx.define(inst, `${k === 'bool' ? '!' : '~'}${ctx.as(x, k)}`, false, x.hasLoad);
      return;
    }
    case Op.ShiftLeftLogical: case Op.ShiftRightLogical: case Op.ShiftRightArithmetic: {
      const x = ctx.value(a[0]);
      const s = ctx.value(a[1]);
      const k = inst.op === Op.ShiftLeftLogical ? ctx.kindOf(inst.type) : inst.op === Op.ShiftRightLogical ? 'u32' : 'i32';
      const r = ctx.toResult(`${ctx.as(x, k)} ${inst.op === Op.ShiftLeftLogical ? '<<' : '>>'} ${ctx.as(s, 'u32')}`, k, inst.type);
      ctx.define(inst, r.text, r.atom, x.hasLoad || s.hasLoad);
      return;
    }
    case IrOp.ShiftMask: {
      const v = ctx.value(a[0]);
      const r = ctx.toResult(`${ctx.as(v, 'u32')} & 0x${a[1].toString(16)}u`, 'u32', inst.type);
      ctx.define(inst, r.text, false, v.hasLoad);
      return;
    }
    case Op.BitFieldInsert: {
      const [b, ins, off, cnt] = [a[0], a[1], a[2], a[3]].map((i) => ctx.value(i));
      const k = ctx.kindOf(inst.type);
      ctx.define(inst, `insertBits(${ctx.as(b, k)}, ${ctx.as(ins, k)}, ${ctx.as(off, 'u32')}, ${ctx.as(cnt, 'u32')})`, true, b.hasLoad || ins.hasLoad);
      return;
    }
    case Op.BitFieldSExtract: case Op.BitFieldUExtract: {
      const [b, off, cnt] = [a[0], a[1], a[2]].map((i) => ctx.value(i));
      const k: ScalarKind = inst.op === Op.BitFieldSExtract ? 'i32' : 'u32';
      const r = ctx.toResult(`extractBits(${ctx.as(b, k)}, ${ctx.as(off, 'u32')}, ${ctx.as(cnt, 'u32')})`, k, inst.type);
      ctx.define(inst, r.text, true, b.hasLoad);
      return;
    }
    case Op.BitReverse: call(ctx, inst, 'reverseBits', [ctx.value(a[0])], ctx.kindOf(inst.type)); return;
    case Op.BitCount: call(ctx, inst, 'countOneBits', [ctx.value(a[0])], ctx.kindOf(inst.type)); return;
    case Op.LogicalAnd: binary(ctx, inst, '&', 'bool'); return;
    case Op.LogicalOr: binary(ctx, inst, '|', 'bool'); return;
    case Op.LogicalEqual: binary(ctx, inst, '==', 'bool'); return;
    case Op.LogicalNotEqual: binary(ctx, inst, '!=', 'bool'); return;
    case Op.LogicalNot: { const x = ctx.value(a[0]); ctx.define(inst, `!${x.text}`, false, x.hasLoad); return; }
    case Op.Any: call(ctx, inst, 'any', [ctx.value(a[0])], null); return;
    case Op.All: call(ctx, inst, 'all', [ctx.value(a[0])], null); return;
    case Op.Select: {
      const c = ctx.value(a[0]);
      const t = ctx.value(a[1]);
      const f = ctx.value(a[2]);
      if (ctx.types.info(inst.type) === null) ctx.fail('OpSelect on composites other than vectors is not supported');
      ctx.define(inst, `select(${f.text}, ${t.text}, ${c.text})`, true, c.hasLoad || t.hasLoad || f.hasLoad);
      return;
    }
    // Comparisons.
    case Op.IEqual: compare(ctx, inst, '==', null); return;
    case Op.INotEqual: compare(ctx, inst, '!=', null); return;
    case Op.UGreaterThan: compare(ctx, inst, '>', 'u32'); return;
    case Op.UGreaterThanEqual: compare(ctx, inst, '>=', 'u32'); return;
    case Op.ULessThan: compare(ctx, inst, '<', 'u32'); return;
    case Op.ULessThanEqual: compare(ctx, inst, '<=', 'u32'); return;
    case Op.SGreaterThan: compare(ctx, inst, '>', 'i32'); return;
    case Op.SGreaterThanEqual: compare(ctx, inst, '>=', 'i32'); return;
    case Op.SLessThan: compare(ctx, inst, '<', 'i32'); return;
    case Op.SLessThanEqual: compare(ctx, inst, '<=', 'i32'); return;
    case Op.FOrdEqual: compare(ctx, inst, '==', 'f32'); return;
    case Op.FUnordNotEqual: compare(ctx, inst, '!=', 'f32'); return;
    case Op.FOrdLessThan: compare(ctx, inst, '<', 'f32'); return;
    case Op.FOrdGreaterThan: compare(ctx, inst, '>', 'f32'); return;
    case Op.FOrdLessThanEqual: compare(ctx, inst, '<=', 'f32'); return;
    case Op.FOrdGreaterThanEqual: compare(ctx, inst, '>=', 'f32'); return;
    case Op.FOrdNotEqual: case Op.FUnordEqual: {
      const x = ctx.pin(a[0]);
      const y = ctx.pin(a[1]);
      const ordNe = `(${x.text} < ${y.text}) | (${x.text} > ${y.text})`;
      ctx.define(inst, inst.op === Op.FOrdNotEqual ? ordNe : `!(${ordNe})`, false, x.hasLoad || y.hasLoad);
      return;
    }
    case Op.FUnordLessThan: case Op.FUnordGreaterThan: case Op.FUnordLessThanEqual: case Op.FUnordGreaterThanEqual: {
      const x = ctx.value(a[0]);
      const y = ctx.value(a[1]);
      const inverse = { [Op.FUnordLessThan]: '>=', [Op.FUnordGreaterThan]: '<=', [Op.FUnordLessThanEqual]: '>', [Op.FUnordGreaterThanEqual]: '<' }[inst.op];
      ctx.define(inst, `!(${x.text} ${inverse} ${y.text})`, false, x.hasLoad || y.hasLoad);
      return;
    }
    case Op.IsNan: case Op.IsInf: case Op.IsFinite: {
      const x = ctx.value(a[0]);
      const n = ctx.types.numeric1(x.type).n;
      const u = vecName('u32', n);
      const cmp = inst.op === Op.IsNan ? '>' : inst.op === Op.IsInf ? '==' : '<';
      ctx.define(inst, `(bitcast<${u}>(${x.text}) & ${u}(0x7fffffffu)) ${cmp} ${u}(0x7f800000u)`, false, x.hasLoad);
      return;
    }
    // Conversions.
    case Op.ConvertFToS: case Op.ConvertFToU: {
      const x = ctx.value(a[0]);
      const k: ScalarKind = inst.op === Op.ConvertFToS ? 'i32' : 'u32';
      const r = ctx.toResult(`${vecName(k, ctx.types.numeric1(inst.type).n)}(${x.text})`, k, inst.type);
      ctx.define(inst, r.text, true, x.hasLoad);
      return;
    }
    case Op.ConvertSToF: case Op.ConvertUToF: {
      const x = ctx.value(a[0]);
      const k: ScalarKind = inst.op === Op.ConvertSToF ? 'i32' : 'u32';
      ctx.define(inst, `${ctx.types.wgsl(inst.type)}(${ctx.as(x, k)})`, true, x.hasLoad);
      return;
    }
    case Op.UConvert: case Op.SConvert: case Op.FConvert: case Op.Bitcast: {
      const x = ctx.value(a[0]);
      const from = ctx.types.wgsl(x.type);
      const to = ctx.types.wgsl(inst.type);
      if (from === to) ctx.define(inst, x.text, true, x.hasLoad);
      else if (inst.op === Op.Bitcast) ctx.define(inst, bitcastText(from, to, x.text), true, x.hasLoad);
      else ctx.define(inst, `${to}(${x.text})`, true, x.hasLoad);
      return;
    }
    case Op.QuantizeToF16: call(ctx, inst, 'quantizeToF16', [ctx.value(a[0])], null); return;
    case Op.CopyObject: {
      if (ctx.chainDefs.has(inst.id)) { ctx.ptrs.set(inst.id, ctx.ptr(a[0])); return; }
      const x = ctx.value(a[0]);
      ctx.define(inst, x.text, true, x.hasLoad);
      return;
    }
    // Composites.
    case Op.CompositeConstruct: {
      const parts = Array.from(a, (i) => ctx.value(i));
      // WGSL converts nothing in a constructor; SPIR-V requires the same component type too
      // (taichi-forge 0.7 breaks this for integer rw_texture stores, which lavapipe accepts).
      const want = ctx.types.get(inst.type).kind === 'vector' ? ctx.types.info(inst.type)!.scalar : null;
      for (const p of parts) {
        const got = want === null ? null : ctx.types.info(p.type)?.scalar;
        if (want !== null && got !== want) ctx.fail(`a vector of ${want} is built from a ${got ?? 'non-numeric'} constituent (invalid SPIR-V: constituents must have the result's component type)`);
      }
      ctx.define(inst, `${ctx.types.wgsl(inst.type)}(${parts.map((p) => p.text).join(', ')})`, true, parts.some((p) => p.hasLoad));
      return;
    }
    case Op.CompositeExtract: {
      const x = ctx.value(a[0]);
      let text = x.text;
      let t = x.type;
      for (let i = 1; i < a.length; i++) {
        const step = member(ctx, t, a[i]);
        text += step.access;
        t = step.type;
      }
      ctx.define(inst, text, true, x.hasLoad);
      return;
    }
    case Op.CompositeInsert: case Op.VectorInsertDynamic: {
      const obj = ctx.value(inst.op === Op.CompositeInsert ? a[0] : a[1]);
      const base = ctx.value(inst.op === Op.CompositeInsert ? a[1] : a[0]);
      let path = '';
      if (inst.op === Op.CompositeInsert) {
        let t = base.type;
        for (let i = 2; i < a.length; i++) {
          const step = member(ctx, t, a[i]);
          path += step.access;
          t = step.type;
        }
      } else {
        path = `[${ctx.value(a[2]).text}]`;
      }
      const name = ctx.hoisted[inst.id] ? `h_${inst.id}` : `v_${inst.id}`;
      ctx.line(ctx.hoisted[inst.id] ? `${name} = ${base.text};` : `var ${name} = ${base.text};`);
      ctx.line(`${name}${path} = ${obj.text};`);
      ctx.exprs.set(inst.id, { text: name, type: inst.type, atom: true, stable: true, hasLoad: false });
      return;
    }
    case Op.VectorExtractDynamic: {
      const x = ctx.value(a[0]);
      const i = ctx.value(a[1]);
      ctx.define(inst, `${x.text}[${i.text}]`, true, x.hasLoad || i.hasLoad);
      return;
    }
    case Op.VectorShuffle: {
      const n1 = ctx.types.numeric1(ctx.typeOfId(a[0], inst)).n;
      let fromA = 0;
      let fromB = 0;
      for (let i = 2; i < a.length; i++) if (a[i] !== 0xffffffff) { if (a[i] < n1) fromA++; else fromB++; }
      if (fromB === 0 || fromA === 0) {
        const src = ctx.value(fromB === 0 ? a[0] : a[1]);
        const sw = Array.from(a.subarray(2), (c) => SWIZZLE[c === 0xffffffff ? 0 : fromB === 0 ? c : c - n1]).join('');
        ctx.define(inst, `${src.text}.${sw}`, true, src.hasLoad);
      } else {
        // Each component is written out: a vector read more than once is named first.
        const undef = a.length - 2 - fromA - fromB;
        const x = fromA + undef > 1 ? ctx.pin(a[0]) : ctx.value(a[0]);
        const y = fromB > 1 ? ctx.pin(a[1]) : ctx.value(a[1]);
        const comps = Array.from(a.subarray(2), (c) => (c === 0xffffffff || c < n1 ? `${x.text}.${SWIZZLE[c === 0xffffffff ? 0 : c]}` : `${y.text}.${SWIZZLE[c - n1]}`));
        ctx.define(inst, `${ctx.types.wgsl(inst.type)}(${comps.join(', ')})`, true, x.hasLoad || y.hasLoad);
      }
      return;
    }
    case Op.Transpose: call(ctx, inst, 'transpose', [ctx.value(a[0])], null); return;
    case Op.ExtInst: extInst(ctx, inst); return;
    // Memory.
    case Op.AccessChain: case Op.InBoundsAccessChain: accessChain(ctx, inst); return;
    case Op.PtrAccessChain: case Op.InBoundsPtrAccessChain:
      ctx.fail('OpPtrAccessChain needs variable pointers, which WGSL lacks');
    // falls through (fail never returns)
    case Op.Load: load(ctx, inst); return;
    case Op.Store: store(ctx, ctx.ptr(a[0]), ctx.value(a[1])); return;
    case Op.CopyMemory: {
      const dst = ctx.ptr(a[0]);
      const src = ctx.ptr(a[1]);
      const v = loadText(ctx, src);
      store(ctx, dst, { text: v, type: src.pointee, atom: true, stable: false, hasLoad: true });
      return;
    }
    case Op.ArrayLength: {
      const p = ctx.ptr(a[0]);
      if (p.kind !== 'ref') ctx.fail('OpArrayLength of a non-storage pointer');
      const r = ctx.toResult(`arrayLength(&${p.text}.m${a[1]})`, 'u32', inst.type);
      ctx.define(inst, r.text, true);
      return;
    }
    case Op.FunctionCall: {
      const callee = irFunction(ctx.mod, a[0]);
      if (callee === undefined) ctx.fail(`%${a[0]} is not a function`);
      const args: string[] = [];
      for (let i = 1; i < a.length; i++) {
        const p = ctx.ptrs.get(a[i]) ?? (ctx.mod.globals.has(a[i]) ? ctx.ptr(a[i]) : undefined);
        if (p !== undefined) {
          if (p.kind !== 'ref') ctx.fail('only Function, Private, Workgroup and StorageBuffer pointers can be passed to functions');
          if (p.atomic) ctx.fail('passing a pointer into an atomically accessed variable to a function is not supported');
          args.push(p.text.startsWith('(*') ? p.text.slice(2, -1) : `&${p.text}`);
        } else {
          args.push(ctx.value(a[i]).text);
        }
      }
      ctx.defineEffect(inst, `f_${a[0]}(${args.join(', ')})`);
      return;
    }
    case Op.ControlBarrier: {
      const sem = ctx.scalarConstant(a[2]);
      if (sem & 0x40) ctx.line('storageBarrier();');
      if (sem & 0x800) ctx.line('textureBarrier();');
      if ((sem & 0x100) || !(sem & 0x840)) ctx.line('workgroupBarrier();');
      return;
    }
    case Op.MemoryBarrier:
      // WGSL has no fence without an execution barrier, and its barriers must be reached in
      // uniform control flow; SPIR-V memory barriers pair with ControlBarrier in practice.
      return;
    case Op.SampledImage: {
      const img = ctx.value(a[0]);
      const smp = ctx.value(a[1]);
      ctx.exprs.set(inst.id, { text: img.text, type: inst.type, atom: true, stable: true, hasLoad: false, sampler: smp.text });
      return;
    }
    case Op.Image: {
      const si = ctx.value(a[0]);
      ctx.exprs.set(inst.id, { text: si.text, type: inst.type, atom: true, stable: true, hasLoad: false });
      return;
    }
    default:
      if (isAtomicOp(inst.op)) { atomic(ctx, inst); return; }
      if (isSubgroupOp(inst.op)) { subgroup(ctx, inst); return; }
      if (isImageSample(inst.op) || (inst.op >= Op.ImageFetch && inst.op <= Op.ImageQuerySamples) ||
          inst.op === IrOp.SampleLevel || inst.op === IrOp.SampleGrad || inst.op === IrOp.TextureLoad) { image(ctx, inst); return; }
      ctx.fail(`${opName(inst.op)} is not supported`);
  }
}

// Type and WGSL accessor of member/element `index` (a literal) of a composite type.
export function member(ctx: Printer, type: number, index: number): { access: string; type: number } {
  const t = ctx.types.get(type);
  switch (t.kind) {
    case 'vector': if (index >= t.count) break; return { access: `.${SWIZZLE[index]}`, type: t.elem };
    case 'matrix': if (index >= t.columns) break; return { access: `[${index}]`, type: t.column };
    case 'array': if (index >= t.length) break; return { access: `[${index}]`, type: t.elem };
    case 'struct': if (index >= t.members.length) break; return { access: `.m${index}`, type: t.members[index] };
    default: break;
  }
  ctx.fail(`index ${index} is out of range for type ${ctx.types.describe(type)}`);
}

export function extInst(ctx: Printer, inst: Instruction): void {
  const a = inst.args;
  if (!ctx.glslSets.has(a[0])) ctx.fail(`extended instruction set %${a[0]} (${ctx.mod.extInstSets.get(a[0]) ?? 'unknown'}) is not supported`);
  const n = a[1];
  const entry = GLSL_STD_450[n];
  if (entry === undefined) ctx.fail(`GLSL.std.450 instruction ${n} is not supported`);
  const args = Array.from(a.subarray(2), (i) => ctx.value(i));
  if (n === STD450_LDEXP) {
    ctx.define(inst, `ldexp(${args[0].text}, ${ctx.as(args[1], 'i32')})`, true, args[0].hasLoad || args[1].hasLoad);
    return;
  }
  if (entry.args === 'f') { call(ctx, inst, entry.wgsl, args, null); return; }
  const k: ScalarKind = entry.args === 's' ? 'i32' : 'u32';
  call(ctx, inst, entry.wgsl, args, k);
}
