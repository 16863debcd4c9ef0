// Memory access: access chains as WGSL references (or uniform word offsets), loads and stores,
// including those of atomic-typed places and uniform blocks read word by word.
import { StorageClass } from '../opcodes.js';
import type { Instruction } from '../ir/ir.js';
import { type ScalarKind, vecName } from './types.js';
import { SWIZZLE } from './names.js';
import { type Expr, Printer, type Ptr } from './printer.js';

export function accessChain(ctx: Printer, inst: Instruction): void {
  const a = inst.args;
  const base = ctx.ptr(a[0]);
  if (base.kind === 'handle') ctx.fail('access chains into image or sampler variables are not supported');
  if (base.kind === 'uniform') {
    let offset = base.offset;
    const dyn = base.dyn.slice();
    let type = base.pointee;
    let ms = base.matrixStride;
    let rowMajor = base.rowMajor;
    for (let i = 1; i < a.length; i++) {
      const t = ctx.types.get(type);
      const c = ctx.mod.constants.get(a[i]);
      const constIndex = c !== undefined && c.kind === 'scalar' ? c.words[0] : -1;
      if (t.kind === 'struct') {
        if (constIndex < 0 || constIndex >= t.members.length) ctx.fail('struct member index is not a constant in range');
        const d = t.layout[constIndex];
        if (d.offset === undefined) ctx.fail(`uniform block struct %${type} member ${constIndex} has no Offset`);
        offset += d.offset;
        ms = d.matrixStride ?? 0;
        rowMajor = d.rowMajor ?? false;
        type = t.members[constIndex];
        continue;
      }
      let stride: number;
      let next: number;
      if (t.kind === 'array') {
        stride = t.stride ?? 0;
        if (stride === 0) ctx.fail(`uniform array %${type} has no ArrayStride`);
        next = t.elem;
      } else if (t.kind === 'matrix') {
        stride = rowMajor ? 4 : ms || 16;
        next = t.column;
      } else if (t.kind === 'vector') {
        stride = rowMajor && ms ? ms : 4;
        next = t.elem;
      } else {
        ctx.fail(`cannot index into ${ctx.types.describe(type)}`);
      }
      if (constIndex >= 0) offset += constIndex * stride;
      else dyn.push(`u32(${ctx.value(a[i]).text}) * ${stride}u`);
      type = next;
    }
    ctx.ptrs.set(inst.id, { kind: 'uniform', root: base.root, pointee: type, offset, dyn, matrixStride: ms, rowMajor });
    return;
  }
  let text = base.text;
  let type = base.pointee;
  let inline = base.inline ?? false;
  for (let i = 1; i < a.length; i++) {
    const t = ctx.types.get(type);
    if (t.kind === 'struct') {
      const c = ctx.mod.constants.get(a[i]);
      if (c === undefined || c.kind !== 'scalar' || c.words[0] >= t.members.length) ctx.fail('struct member index is not a constant in range');
      text += `.m${c.words[0]}`;
      type = t.members[c.words[0]];
    } else if (t.kind === 'array' || t.kind === 'runtime-array' || t.kind === 'matrix' || t.kind === 'vector') {
      const c = ctx.mod.constants.get(a[i]);
      if (t.kind === 'vector' && c !== undefined && c.kind === 'scalar' && c.words[0] < t.count) text += `.${SWIZZLE[c.words[0]]}`;
      else {
        const index = ctx.value(a[i]);
        text += `[${index.text}]`;
        inline ||= index.inline !== undefined;
      }
      type = t.kind === 'matrix' ? t.column : t.elem;
    } else {
      ctx.fail(`cannot index into ${ctx.types.describe(type)}`);
    }
  }
  ctx.ptrs.set(inst.id, { kind: 'ref', text, pointee: type, root: base.root, storage: base.storage, atomic: base.atomic, inline });
}

export function load(ctx: Printer, inst: Instruction): void {
  const p = ctx.ptr(inst.args[0]);
  if (p.kind === 'handle') {
    ctx.exprs.set(inst.id, { text: p.text, type: inst.type, atom: true, stable: true, hasLoad: false, sampler: p.sampler });
    return;
  }
  if (p.kind === 'uniform') {
    ctx.define(inst, loadText(ctx, p), true);
    return;
  }
  const immutable = p.storage === StorageClass.Input;
  ctx.define(inst, loadText(ctx, p), true, !immutable);
}

export function loadText(ctx: Printer, p: Ptr): string {
  if (p.kind === 'uniform') return uniformLoad(ctx, p);
  if (p.kind === 'handle') return p.text;
  if (!p.atomic) return p.text;
  return atomicLoadText(ctx, p.text, p.pointee);
}

// Loads a value of `type` from an atomic-typed place, leaf by leaf.
export function atomicLoadText(ctx: Printer, ref: string, type: number): string {
  const t = ctx.types.get(type);
  switch (t.kind) {
    case 'int': case 'float': {
      const k = ctx.kindOf(type);
      return k === 'f32' ? `bitcast<f32>(atomicLoad(&${ref}))` : `atomicLoad(&${ref})`;
    }
    case 'array': {
      if (t.length > 64) ctx.fail('loading a whole array of more than 64 atomic elements is not supported');
      const parts: string[] = [];
      for (let i = 0; i < t.length; i++) parts.push(atomicLoadText(ctx, `${ref}[${i}]`, t.elem));
      return `${ctx.types.wgsl(type)}(${parts.join(', ')})`;
    }
    case 'struct':
      return `${ctx.types.wgsl(type)}(${t.members.map((m, i) => atomicLoadText(ctx, `${ref}.m${i}`, m)).join(', ')})`;
    default:
      return ref;
  }
}

export function store(ctx: Printer, p: Ptr, v: Expr): void {
  if (p.kind !== 'ref') ctx.fail('store through a uniform, image or sampler pointer');
  if (p.storage === StorageClass.Input) ctx.fail('store to an input variable');
  if (!p.atomic) {
    ctx.line(`${p.text} = ${v.text};`);
    return;
  }
  const t = ctx.types.get(p.pointee);
  if (t.kind === 'int' || t.kind === 'float') {
    ctx.line(`atomicStore(&${p.text}, ${ctx.kindOf(p.pointee) === 'f32' ? `bitcast<u32>(${v.text})` : v.text});`);
    return;
  }
  // A composite store into an atomic place: name the value once, then store each leaf.
  const name = `t_${ctx.tmp++}`;
  ctx.line(`let ${name} = ${v.text};`);
  atomicStoreLeaves(ctx, p.text, name, p.pointee);
}

export function atomicStoreLeaves(ctx: Printer, ref: string, value: string, type: number): void {
  const t = ctx.types.get(type);
  if (t.kind === 'int' || t.kind === 'float') {
    ctx.line(`atomicStore(&${ref}, ${ctx.kindOf(type) === 'f32' ? `bitcast<u32>(${value})` : value});`);
  } else if (t.kind === 'array') {
    for (let i = 0; i < t.length; i++) atomicStoreLeaves(ctx, `${ref}[${i}]`, `${value}[${i}]`, t.elem);
  } else if (t.kind === 'struct') {
    t.members.forEach((m, i) => atomicStoreLeaves(ctx, `${ref}.m${i}`, `${value}.m${i}`, m));
  } else {
    ctx.line(`${ref} = ${value};`);
  }
}

// Assembles a value from the 32-bit words of a uniform block at the pointer's byte offset.
export function uniformLoad(ctx: Printer, p: Extract<Ptr, { kind: 'uniform' }>): string {
  const g = `g_${p.root}`;
  let base = '';
  if (p.dyn.length > 0) {
    base = `o_${ctx.tmp++}`;
    ctx.line(`let ${base} = ${p.dyn.join(' + ')};`);
  }
  const word = (off: number): string => {
    if (base === '') return `${g}[${off >>> 4}].${SWIZZLE[(off >>> 2) & 3]}`;
    const at = off === 0 ? base : `(${base} + ${off}u)`;
    return `${g}[${at} >> 4u][(${at} >> 2u) & 3u]`;
  };
  // An f16 is one half of its word: the upper one at offsets 2 mod 4 (unpacked, not bitcast: see
  // bitcastText).
  const half = (off: number): string => (base === '' ? `${(off >>> 1) & 1}` : `((${base} + ${off}u) >> 1u) & 1u`);
  const scalar = (k: ScalarKind, off: number): string =>
    k === 'u32' ? word(off) : k === 'bool' ? `(${word(off)} != 0u)` : k === 'f16' ? `f16(unpack2x16float(${word(off)})[${half(off)}])` : `bitcast<${k}>(${word(off)})`;
  const compose = (type: number, off: number, ms: number, rowMajor: boolean): string => {
    const t = ctx.types.get(type);
    switch (t.kind) {
      case 'bool': case 'int': case 'float': return scalar(ctx.kindOf(type), off);
      case 'vector': {
        const info = ctx.types.numeric1(type);
        let words: string;
        if (base === '' && (off & 3) === 0 && (off & 15) + 4 * info.n <= 16) {
          words = `${g}[${off >>> 4}].${SWIZZLE.slice((off >>> 2) & 3, ((off >>> 2) & 3) + info.n).join('')}`;
        } else {
          const ws: string[] = [];
          for (let i = 0; i < info.n; i++) ws.push(word(off + 4 * i));
          words = `vec${info.n}<u32>(${ws.join(', ')})`;
        }
        if (info.scalar === 'u32') return words;
        if (info.scalar === 'bool') return `(${words} != vec${info.n}<u32>())`;
        return `bitcast<${vecName(info.scalar, info.n)}>(${words})`;
      }
      case 'matrix': {
        const col = ctx.types.numeric1(t.column);
        const stride = ms || 16;
        const cols: string[] = [];
        for (let j = 0; j < t.columns; j++) {
          if (!rowMajor) cols.push(compose(t.column, off + j * stride, 0, false));
          else {
            const es: string[] = [];
            for (let i = 0; i < col.n; i++) es.push(scalar('f32', off + i * stride + 4 * j));
            cols.push(`vec${col.n}<f32>(${es.join(', ')})`);
          }
        }
        return `${ctx.types.wgsl(type)}(${cols.join(', ')})`;
      }
      case 'array': {
        if (t.length > 256) ctx.fail('loading a whole uniform array of more than 256 elements is not supported');
        const stride = t.stride;
        if (stride === undefined) ctx.fail(`uniform array %${type} has no ArrayStride`);
        const parts: string[] = [];
        for (let i = 0; i < t.length; i++) parts.push(compose(t.elem, off + i * stride, ms, rowMajor));
        return `${ctx.types.wgsl(type)}(${parts.join(', ')})`;
      }
      case 'struct': {
        const parts = t.members.map((m, i) => {
          const d = t.layout[i];
          if (d.offset === undefined) ctx.fail(`uniform block struct %${type} member ${i} has no Offset`);
          return compose(m, off + d.offset, d.matrixStride ?? 0, d.rowMajor ?? false);
        });
        return `${ctx.types.wgsl(type)}(${parts.join(', ')})`;
      }
      default: ctx.fail(`cannot load ${ctx.types.describe(type)} from a uniform block`);
    }
  };
  return compose(p.pointee, p.offset, p.matrixStride, p.rowMajor);
}
