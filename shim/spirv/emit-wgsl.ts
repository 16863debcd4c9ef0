// Structured functions -> WGSL text.
//
// Values: every SPIR-V result id becomes an expression. A pure expression used once, in its own
// block, is inlined at its use; a load is inlined only when no store, call, barrier or atomic
// sits between it and its use. Everything else becomes a `let`. A value used in a WGSL scope
// where its `let` would not be visible (e.g. defined in a loop, used after it) is "hoisted": a
// function-scope `var` declared at the top and assigned at the definition. OpPhi results are
// function-scope vars assigned on each incoming edge.
//
// Memory: access chains become WGSL reference expressions, re-emitted at each use. Uniform
// blocks are declared as `array<vec4<u32>, N>` and every load from them is assembled from the
// 32-bit words at the SPIR-V Offset/ArrayStride/MatrixStride byte offsets (std140 or any other
// explicit layout then reads the same bytes without re-deriving WGSL's uniform layout rules).
// Storage buffers keep their SPIR-V types, with @size padding where Offsets ask for it.
import { findAtomicRoots, isAtomicOp, isPointerChain } from './atomics.js';
import { SpirvTranslationError } from './errors.js';
import { GLSL_STD_450, STD450_LDEXP } from './glsl-std450.js';
import { FLOOR_DIV_FN, FLOOR_DIV_NONNEG_FN, FLOOR_DIV_NONNEG_WGSL, FLOOR_DIV_WGSL, findFloorDivisions, findRelinearizations, findShiftMasks, type FloorDivision, type Relinearization, type ShiftMask } from './idioms.js';
import { BuiltIn, ExecutionModel, Op, opName, StorageClass } from './opcodes.js';
import type { Block, EntryPoint, Instruction, SpirvFunction, SpirvModule, SpirvType } from './parse.js';
import { structurize, type Node, type StructuredFunction } from './structurize.js';
import { TypeTable, vecName, type ScalarKind } from './types.js';

interface Expr {
  text: string;
  type: number;
  atom: boolean; // text needs no parentheses when embedded
  stable: boolean; // text names a value no later assignment can change
  hasLoad: boolean; // text reads memory that a later store could change
  sampler?: string; // for combined image-sampler values: the sampler expression
  bits?: number; // for 32-bit integer constants: the value, so casts fold into literals
}

type Ptr =
  | { kind: 'ref'; text: string; pointee: number; root: number; storage: number; atomic: boolean }
  | { kind: 'uniform'; root: number; pointee: number; offset: number; dyn: string[]; matrixStride: number; rowMajor: boolean }
  | { kind: 'handle'; root: number; pointee: number; text: string; sampler?: string };

export interface ResourceUse { read: boolean; written: boolean; sampled: boolean }

export interface EmitResult {
  wgsl: string;
  entryName: string;
  workgroupSize: [number, number, number];
  resources: Map<number, ResourceUse>;
  uniformWords: Map<number, number>; // uniform block variable -> vec4<u32> slots declared
  combinedSamplerBinding: Map<number, number>; // combined image-sampler variable -> sampler binding
  readOnlyStorage: Set<number>; // storage buffers declared read-only (never written, not atomic)
}

// A combined image sampler at binding b becomes a texture at b plus a sampler at b + this offset
// (WebGPU binding numbers go up to 999 in practice; Vulkan bindings in real modules are small).
export const COMBINED_SAMPLER_BINDING_OFFSET = 500;

const BUILTIN_NAMES: Record<number, [string, string]> = {
  [BuiltIn.NumWorkgroups]: ['num_workgroups', 'vec3<u32>'],
  [BuiltIn.WorkgroupId]: ['workgroup_id', 'vec3<u32>'],
  [BuiltIn.LocalInvocationId]: ['local_invocation_id', 'vec3<u32>'],
  [BuiltIn.GlobalInvocationId]: ['global_invocation_id', 'vec3<u32>'],
  [BuiltIn.LocalInvocationIndex]: ['local_invocation_index', 'u32'],
};

const WGSL_RESERVED = new Set([
  'alias', 'break', 'case', 'const', 'const_assert', 'continue', 'continuing', 'default', 'diagnostic', 'discard',
  'else', 'enable', 'false', 'fn', 'for', 'if', 'let', 'loop', 'override', 'requires', 'return', 'struct',
  'switch', 'true', 'var', 'while', 'array', 'atomic', 'bool', 'f16', 'f32', 'i32', 'u32', 'mat2x2', 'ptr',
  'sampler', 'vec2', 'vec3', 'vec4', 'texture_2d', 'NULL', 'Self', 'abstract', 'active', 'as', 'async',
  'auto', 'do', 'enum', 'export', 'extern', 'final', 'goto', 'handle', 'import', 'in', 'inline', 'macro',
  'match', 'module', 'mut', 'new', 'null', 'of', 'out', 'private', 'pub', 'ref', 'self', 'static', 'super',
  'this', 'type', 'unsafe', 'use', 'where', 'yield', 'workgroup', 'uniform', 'storage', 'function',
]);

const SWIZZLE = ['x', 'y', 'z', 'w'];
const MAX_INLINE_TEXT = 400;

function bumpsEpoch(op: number): boolean {
  return op === Op.Store || op === Op.CopyMemory || op === Op.FunctionCall || op === Op.ControlBarrier ||
    op === Op.MemoryBarrier || op === Op.ImageWrite || (isAtomicOp(op) && op !== Op.AtomicLoad);
}

function isImageSample(op: number): boolean {
  return op >= Op.ImageSampleImplicitLod && op <= Op.ImageSampleProjDrefExplicitLod;
}

function floatLiteral(bits: number): string | null {
  const f = new Float32Array(new Uint32Array([bits]).buffer)[0];
  if (!Number.isFinite(f)) return null;
  if (Object.is(f, -0)) return '(-0.0f)';
  let s = String(f);
  if (s.indexOf('.') < 0 && s.indexOf('e') < 0) s += '.0';
  return f < 0 ? `(${s}f)` : `${s}f`;
}

/** An f16 constant from its bits: finite ones as exact literals, the others built from f32. */
function halfLiteral(bits: number): string {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0x1f) return frac ? 'f16(bitcast<f32>(0x7fc00000u))' : `f16(${sign < 0 ? '-' : ''}bitcast<f32>(0x7f800000u))`;
  const v = sign * (exp === 0 ? frac * 2 ** -24 : (1 + frac / 1024) * 2 ** (exp - 15));
  if (Object.is(v, -0)) return '(-0.0h)';
  let s = String(Math.abs(v));
  if (s.indexOf('.') < 0 && s.indexOf('e') < 0) s += '.0';
  return v < 0 ? `(-${s}h)` : `${s}h`;
}

export class WgslEmitter {
  private readonly types: TypeTable;
  private readonly decls: string[] = [];
  private readonly constNames = new Map<number, string>();
  private readonly nonFinite = new Set<number>();
  private readonly usedGlobals = new Set<number>();
  private readonly resources = new Map<number, ResourceUse>();
  private readonly uniformWords = new Map<number, number>();
  private readonly combinedSamplerBinding = new Map<number, number>();
  private readonly readOnlyStorage = new Set<number>();
  private readonly builtinUsers = new Map<number, Set<number>>(); // builtin variable -> functions reading it
  private atomicRoots = new Set<number>();
  private entryFnId = -1;
  private readonly glslSets = new Set<number>();

  // Per-function state.
  private fn!: SpirvFunction;
  private st!: StructuredFunction;
  private out: string[] = [];
  private indent = '';
  private exprs = new Map<number, Expr>();
  private ptrs = new Map<number, Ptr>();
  private chainDefs = new Map<number, Instruction>();
  private floorDivisions = new Map<number, FloorDivision>();
  /** Floor divisions of induction phis (see idioms.ts), by phi id: their ISub ids. */
  private inductionDivisions = new Map<number, number[]>();
  /** The remainders of those divisions (ISub ids) -> the division's ISub id. */
  private floorRemainders = new Map<number, number>();
  private relinearizations = new Map<number, Relinearization>();
  /** Loop headers (block indices) -> the relinearisations their loop is run twice over (see idioms.ts). */
  private versionedLoops = new Map<number, number[]>();
  /** Relinearisations read as their dividend, in the copy of a loop where the strides agree. */
  private assumedRelinearized = new Set<number>();
  private shiftMasks = new Map<number, ShiftMask>();
  /** The left shifts the masks replace. */
  private maskedShifts = new Set<number>();
  /** Idiom helpers the module calls, by name. */
  private readonly helpers = new Map<string, string>();
  private useCount: Int32Array;
  private useBlock: Int32Array;
  private useEpoch: Int32Array;
  private defBlock: Int32Array;
  private defEpoch: Int32Array;
  private hoisted: Uint8Array;
  private defType: Int32Array;
  private endEpoch = new Int32Array(0);
  private curBlock = -1;
  private curEpoch = 0;
  private tmp = 0;

  constructor(
    private readonly mod: SpirvModule,
    f16 = false,
  ) {
    this.types = new TypeTable(mod, f16);
    const n = mod.bound;
    this.useCount = new Int32Array(n);
    this.useBlock = new Int32Array(n);
    this.useEpoch = new Int32Array(n);
    this.defBlock = new Int32Array(n);
    this.defEpoch = new Int32Array(n);
    this.hoisted = new Uint8Array(n);
    this.defType = new Int32Array(n);
    for (const [id, name] of mod.extInstImports) if (name === 'GLSL.std.450') this.glslSets.add(id);
  }

  private fail(reason: string, inst: Instruction | null = this.types.current): never {
    if (inst === null) throw new SpirvTranslationError(0, undefined, reason);
    const what = inst.id !== 0 ? `${opName(inst.op)} %${inst.id}` : opName(inst.op);
    throw new SpirvTranslationError(inst.offset, inst.op, `${what}: ${reason}`);
  }

  emit(entry: EntryPoint): EmitResult {
    const mod = this.mod;
    const order = this.reachableFunctions(entry);
    this.atomicRoots = findAtomicRoots(mod, order);
    const fnTexts: string[] = [];
    const entryFn = mod.functions.get(entry.fn)!;
    for (const fn of order) if (fn !== entryFn) fnTexts.push(this.emitFunction(fn, false, entry));
    const entryText = this.emitFunction(entryFn, true, entry);
    this.types.current = null;
    const globals = this.emitGlobals();
    const parts = [...this.types.structDecls, ...this.decls, ...globals, ...this.helpers.values(), ...fnTexts, entryText];
    if (this.types.usesF16) parts.unshift('enable f16;');
    return {
      wgsl: parts.join('\n\n') + '\n',
      entryName: this.entryName(entry),
      workgroupSize: this.workgroupSize(entry),
      resources: this.resources,
      uniformWords: this.uniformWords,
      combinedSamplerBinding: this.combinedSamplerBinding,
      readOnlyStorage: this.readOnlyStorage,
    };
  }

  private reachableFunctions(entry: EntryPoint): SpirvFunction[] {
    const order: SpirvFunction[] = [];
    const state = new Map<number, number>(); // 1: visiting, 2: done
    const visit = (id: number, from: Instruction | null): void => {
      const fn = this.mod.functions.get(id);
      if (fn === undefined) this.fail(`%${id} is not a function`, from);
      const s = state.get(id);
      if (s === 2) return;
      if (s === 1) this.fail(`function %${id} is called recursively (WGSL forbids recursion)`, from);
      state.set(id, 1);
      for (const b of fn.blocks) for (const inst of b.body) if (inst.op === Op.FunctionCall) visit(inst.args[0], inst);
      state.set(id, 2);
      order.push(fn);
    };
    visit(entry.fn, null);
    return order;
  }

  entryName(entry: EntryPoint): string {
    const n = entry.name;
    const ok = /^[A-Za-z][A-Za-z0-9_]*$/.test(n) && !WGSL_RESERVED.has(n) && !/_\d+$/.test(n) && !n.startsWith('bi_') && !n.startsWith('idiom_');
    return ok ? n : 'main';
  }

  workgroupSize(entry: EntryPoint): [number, number, number] {
    for (const [id, c] of this.mod.constants) {
      if (this.mod.decorations.get(id)?.builtIn === BuiltIn.WorkgroupSize && c.kind === 'composite' && c.parts.length === 3) {
        return c.parts.map((p) => this.scalarConstant(p)) as [number, number, number];
      }
    }
    const ls = this.mod.localSize.get(entry.fn);
    if (ls) return [ls[0], ls[1], ls[2]];
    const lsId = this.mod.localSizeId.get(entry.fn);
    if (lsId) return lsId.map((p) => this.scalarConstant(p)) as [number, number, number];
    return [1, 1, 1];
  }

  private scalarConstant(id: number): number {
    const c = this.mod.constants.get(id);
    if (c === undefined || c.kind !== 'scalar') this.fail(`%${id} is not a scalar constant`);
    return c.words[0];
  }

  // ---------------------------------------------------------------- module-scope declarations

  private constant(id: number): Expr {
    const c = this.mod.constants.get(id)!;
    const type = c.type;
    switch (c.kind) {
      case 'bool': return { text: c.value ? 'true' : 'false', type, atom: true, stable: true, hasLoad: false };
      case 'scalar': {
        const k = this.types.numeric1(type).scalar;
        const w = c.words[0];
        let text: string;
        if (k === 'u32') text = `${w >>> 0}u`;
        else if (k === 'i32') {
          const v = w | 0;
          text = v === -2147483648 ? '(-2147483647i - 1i)' : v < 0 ? `(${v}i)` : `${v}i`;
        } else if (k === 'f16') {
          text = halfLiteral(w & 0xffff);
        } else {
          const lit = floatLiteral(w);
          if (lit !== null) text = lit;
          else {
            // A non-finite constant may not appear in a WGSL const-expression: read its bits from
            // a private variable at run time instead.
            this.nonFinite.add(w >>> 0);
            text = `bitcast<f32>(nf_${(w >>> 0).toString(16)})`;
          }
        }
        return { text, type, atom: true, stable: true, hasLoad: false, bits: k === 'f32' || k === 'f16' ? undefined : w >>> 0 };
      }
      case 'null': return { text: `${this.types.wgsl(type)}()`, type, atom: true, stable: true, hasLoad: false };
      case 'composite': {
        let name = this.constNames.get(id);
        if (name === undefined) {
          const parts = c.parts.map((p) => this.value(p).text);
          name = `c_${id}`;
          this.decls.push(`const ${name} = ${this.types.wgsl(type)}(${parts.join(', ')});`);
          this.constNames.set(id, name);
        }
        return { text: name, type, atom: true, stable: true, hasLoad: false };
      }
      default: this.fail(`constant %${id} is an OpSpecConstantOp, which is not supported`);
    }
  }

  private resourceUse(root: number): ResourceUse {
    let r = this.resources.get(root);
    if (r === undefined) this.resources.set(root, (r = { read: false, written: false, sampled: false }));
    return r;
  }

  private globalPtr(id: number): Ptr {
    const g = this.mod.globals.get(id)!;
    this.usedGlobals.add(id);
    const d = this.mod.decorations.get(id);
    const pointee = g.pointee;
    switch (g.storage) {
      case StorageClass.Uniform: {
        const t = this.types.get(pointee);
        const isStorage = this.mod.decorations.get(pointee)?.bufferBlock === true;
        if (d?.set === undefined || d.binding === undefined) this.fail(`buffer variable %${id} lacks DescriptorSet/Binding`);
        if (!isStorage) {
          if (t.kind !== 'struct') this.fail(`uniform variable %${id} is not a block`);
          this.resourceUse(id).read = true;
          return { kind: 'uniform', root: id, pointee, offset: 0, dyn: [], matrixStride: 0, rowMajor: false };
        }
        this.resourceUse(id);
        return { kind: 'ref', text: `g_${id}`, pointee, root: id, storage: StorageClass.StorageBuffer, atomic: this.atomicRoots.has(id) };
      }
      case StorageClass.StorageBuffer:
        if (d?.set === undefined || d.binding === undefined) this.fail(`buffer variable %${id} lacks DescriptorSet/Binding`);
        this.resourceUse(id);
        return { kind: 'ref', text: `g_${id}`, pointee, root: id, storage: g.storage, atomic: this.atomicRoots.has(id) };
      case StorageClass.Workgroup: case StorageClass.Private:
        return { kind: 'ref', text: `g_${id}`, pointee, root: id, storage: g.storage, atomic: this.atomicRoots.has(id) };
      case StorageClass.Input: {
        const bi = d?.builtIn;
        if (bi === undefined || BUILTIN_NAMES[bi] === undefined) this.fail(`input variable %${id} is not a supported compute builtin (BuiltIn ${bi})`);
        let users = this.builtinUsers.get(id);
        if (users === undefined) this.builtinUsers.set(id, (users = new Set()));
        users.add(this.fn.id);
        return { kind: 'ref', text: `bi_${id}`, pointee, root: id, storage: g.storage, atomic: false };
      }
      case StorageClass.UniformConstant: {
        if (d?.set === undefined || d.binding === undefined) this.fail(`resource variable %${id} lacks DescriptorSet/Binding`);
        const t = this.types.get(pointee);
        this.resourceUse(id);
        if (t.kind === 'sampled-image') {
          this.combinedSamplerBinding.set(id, d.binding + COMBINED_SAMPLER_BINDING_OFFSET);
          return { kind: 'handle', root: id, pointee, text: `g_${id}`, sampler: `gs_${id}` };
        }
        if (t.kind !== 'image' && t.kind !== 'sampler') this.fail(`UniformConstant variable %${id} of type ${this.types.describe(pointee)} is not an image or sampler`);
        return { kind: 'handle', root: id, pointee, text: `g_${id}` };
      }
      case StorageClass.PushConstant:
        this.fail(`push constant variable %${id} is not supported (WebGPU has no push constants)`);
      // falls through (fail never returns)
      default:
        this.fail(`variable %${id} has storage class ${g.storage}, which WGSL compute shaders lack`);
    }
  }

  private emitGlobals(): string[] {
    const lines: string[] = [];
    for (const bits of this.nonFinite) lines.push(`var<private> nf_${bits.toString(16)}: u32 = 0x${bits.toString(16)}u;`);
    const ids = [...this.usedGlobals].sort((a, b) => a - b);
    for (const id of ids) {
      const g = this.mod.globals.get(id)!;
      this.types.current = null;
      const d = this.mod.decorations.get(id);
      const res = `@group(${d?.set}) @binding(${d?.binding}) `;
      const atomic = this.atomicRoots.has(id);
      switch (g.storage) {
        case StorageClass.Uniform: case StorageClass.StorageBuffer: {
          const isStorage = g.storage === StorageClass.StorageBuffer || this.mod.decorations.get(g.pointee)?.bufferBlock === true;
          if (isStorage) {
            this.types.checkHostLayout(g.pointee);
            // Read-only buffers say so: WebGPU lets one buffer fill several read-only bindings.
            const readOnly = !this.resourceUse(id).written && !atomic;
            if (readOnly) this.readOnlyStorage.add(id);
            lines.push(`${res}var<storage, ${readOnly ? 'read' : 'read_write'}> g_${id}: ${this.types.wgsl(g.pointee, atomic)};`);
          } else {
            const size = this.types.explicitSize(g.pointee, 0, false);
            const slots = Math.max(1, Math.ceil(size / 16));
            this.uniformWords.set(id, slots);
            lines.push(`${res}var<uniform> g_${id}: array<vec4<u32>, ${slots}>;`);
          }
          break;
        }
        case StorageClass.Workgroup:
          lines.push(`var<workgroup> g_${id}: ${this.types.wgsl(g.pointee, atomic)};`);
          break;
        case StorageClass.Private: {
          const init = g.init !== 0 ? ` = ${this.value(g.init).text}` : '';
          lines.push(`var<private> g_${id}: ${this.types.wgsl(g.pointee)}${init};`);
          break;
        }
        case StorageClass.UniformConstant: {
          const t = this.types.get(g.pointee);
          const use = this.resourceUse(id);
          const access = use.read && use.written ? 'read_write' : use.written ? 'write' : 'read';
          if (t.kind === 'sampler') lines.push(`${res}var g_${id}: sampler;`);
          else if (t.kind === 'image') lines.push(`${res}var g_${id}: ${this.types.imageType(g.pointee, access)};`);
          else if (t.kind === 'sampled-image') {
            lines.push(`${res}var g_${id}: ${this.types.imageType(t.image, access)};`);
            lines.push(`@group(${d?.set}) @binding(${this.combinedSamplerBinding.get(id)}) var gs_${id}: sampler;`);
          }
          break;
        }
        case StorageClass.Input: {
          if (this.builtinNeedsPrivate(id)) lines.push(`var<private> bi_${id}: ${this.types.wgsl(g.pointee)};`);
          break;
        }
        default: break;
      }
    }
    return lines;
  }

  // A builtin read outside the entry point, or declared with another type than WGSL's, is copied
  // into a private variable at entry; otherwise the entry point parameter is read directly.
  private builtinNeedsPrivate(id: number): boolean {
    const g = this.mod.globals.get(id)!;
    const bi = BUILTIN_NAMES[this.mod.decorations.get(id)!.builtIn!];
    const users = this.builtinUsers.get(id);
    return this.types.wgsl(g.pointee) !== bi[1] || (users !== undefined && (users.size > 1 || !users.has(this.entryFnId)));
  }

  // ---------------------------------------------------------------- functions

  private emitFunction(fn: SpirvFunction, isEntry: boolean, entry: EntryPoint): string {
    this.fn = fn;
    this.types.current = { op: Op.Function, type: fn.resultType, id: fn.id, args: new Uint32Array(0), offset: fn.offset };
    if (isEntry) {
      this.entryFnId = fn.id;
      if (entry.model !== ExecutionModel.GLCompute) this.fail(`entry point "${entry.name}" is not a GLCompute entry point`);
      if (fn.params.length > 0) this.fail('an entry point function takes no parameters');
    }
    this.st = structurize(fn);
    this.exprs = new Map();
    this.ptrs = new Map();
    this.chainDefs = new Map();
    this.floorDivisions = findFloorDivisions(this.mod, fn);
    this.shiftMasks = findShiftMasks(this.mod, fn);
    this.relinearizations = findRelinearizations(this.mod, fn, this.floorDivisions);
    this.versionedLoops = new Map();
    this.assumedRelinearized = new Set();
    for (const [id, relin] of this.relinearizations) {
      const header = this.floorDivisions.get(relin.division)!.induction!.header;
      if (loopSize(fn, header) > MAX_VERSIONED_LOOP) continue;
      const list = this.versionedLoops.get(header) ?? [];
      list.push(id);
      this.versionedLoops.set(header, list);
    }
    this.maskedShifts = new Set([...this.shiftMasks.values()].map((m) => m.inner));
    this.inductionDivisions = new Map();
    this.floorRemainders = new Map();
    for (const [id, fd] of this.floorDivisions) {
      if (fd.remainder !== undefined) this.floorRemainders.set(fd.remainder, id);
      if (!fd.induction) continue;
      const list = this.inductionDivisions.get(fd.dividend) ?? [];
      list.push(id);
      this.inductionDivisions.set(fd.dividend, list);
    }
    this.out = [];
    this.tmp = 0;
    this.analyze();

    const header: string[] = [];
    const params: string[] = [];
    for (const p of fn.params) {
      this.types.current = p;
      const t = this.types.get(p.type);
      if (t.kind === 'pointer') {
        const space = this.addressSpace(t.storage, p);
        params.push(`p_${p.id}: ptr<${space}, ${this.types.wgsl(t.pointee)}${space === 'storage' ? ', read_write' : ''}>`);
        this.ptrs.set(p.id, { kind: 'ref', text: `(*p_${p.id})`, pointee: t.pointee, root: -1, storage: t.storage, atomic: false });
      } else if (t.kind === 'image' || t.kind === 'sampler' || t.kind === 'sampled-image') {
        this.fail('image and sampler function parameters are not supported');
      } else {
        params.push(`p_${p.id}: ${this.types.wgsl(p.type)}`);
        this.exprs.set(p.id, { text: `p_${p.id}`, type: p.type, atom: true, stable: true, hasLoad: false });
      }
    }
    this.indent = '  ';
    for (const v of fn.vars) {
      this.types.current = v;
      const pt = this.types.get(v.type);
      if (pt.kind !== 'pointer') this.fail('variable type is not a pointer');
      const init = v.args.length > 1 ? ` = ${this.value(v.args[1]).text}` : '';
      header.push(`  var v_${v.id}: ${this.types.wgsl(pt.pointee)}${init};`);
      this.ptrs.set(v.id, { kind: 'ref', text: `v_${v.id}`, pointee: pt.pointee, root: v.id, storage: StorageClass.Function, atomic: false });
    }
    for (const b of fn.blocks) {
      if (this.st.scopeOf[b.index] < 0) continue;
      for (const phi of b.phis) {
        this.types.current = phi;
        if (this.types.get(phi.type).kind === 'pointer') this.fail('OpPhi of pointers (variable pointers) is not supported');
        header.push(`  var p_${phi.id}: ${this.types.wgsl(phi.type)};`);
        this.exprs.set(phi.id, { text: `p_${phi.id}`, type: phi.type, atom: true, stable: false, hasLoad: false });
        // The quotient, remainder, their steps and whether they are exact, for each floor division of the phi.
        for (const n of this.inductionDivisions.get(phi.id) ?? []) {
          header.push(`  var iq_${n}: i32;`, `  var ir_${n}: u32;`, `  var isq_${n}: i32;`, `  var isr_${n}: u32;`, `  var iok_${n}: bool;`);
        }
      }
      for (const inst of b.body) {
        if (inst.id !== 0 && this.hoisted[inst.id]) {
          this.types.current = inst;
          if (this.types.get(inst.type).kind === 'pointer') continue;
          header.push(`  var h_${inst.id}: ${this.types.wgsl(inst.type)};`);
        }
      }
    }

    this.nodes(this.st.body);
    const retType = this.types.get(fn.resultType);
    const ret = retType.kind === 'void' ? '' : ` -> ${this.types.wgsl(fn.resultType)}`;
    if (!isEntry) return `fn f_${fn.id}(${params.join(', ')})${ret} {\n${header.concat(this.out).join('\n')}\n}`;

    const ws = this.workgroupSize(entry);
    const bparams: string[] = [];
    const prologue: string[] = [];
    for (const [id] of this.builtinUsers) {
      const bi = BUILTIN_NAMES[this.mod.decorations.get(id)!.builtIn!];
      if (this.builtinNeedsPrivate(id)) {
        bparams.push(`@builtin(${bi[0]}) bi_${id}_in: ${bi[1]}`);
        const want = this.types.wgsl(this.mod.globals.get(id)!.pointee);
        prologue.push(`  bi_${id} = ${want === bi[1] ? `bi_${id}_in` : `bitcast<${want}>(bi_${id}_in)`};`);
      } else {
        bparams.push(`@builtin(${bi[0]}) bi_${id}: ${bi[1]}`);
      }
    }
    return `@compute @workgroup_size(${ws[0]}, ${ws[1]}, ${ws[2]})\nfn ${this.entryName(entry)}(${bparams.join(', ')}) {\n${prologue.concat(header, this.out).join('\n')}\n}`;
  }

  private addressSpace(storage: number, at: Instruction): string {
    switch (storage) {
      case StorageClass.Function: return 'function';
      case StorageClass.Private: return 'private';
      case StorageClass.Workgroup: return 'workgroup';
      case StorageClass.StorageBuffer: return 'storage';
      default: this.fail(`pointer parameters into storage class ${storage} are not supported`, at);
    }
  }

  // ---------------------------------------------------------------- use analysis

  private analyze(): void {
    const { fn, st } = this;
    const { scopeOf } = st;
    this.useCount.fill(0);
    this.defBlock.fill(-1);
    this.hoisted.fill(0);
    this.endEpoch = new Int32Array(fn.blocks.length);
    this.defType.fill(0);
    for (const p of fn.params) this.defType[p.id] = p.type;
    for (const b of fn.blocks) {
      if (scopeOf[b.index] < 0) continue;
      let epoch = 0;
      for (const phi of b.phis) {
        this.defBlock[phi.id] = b.index;
        this.defType[phi.id] = phi.type;
      }
      for (const inst of b.body) {
        if (inst.id !== 0) {
          this.defBlock[inst.id] = b.index;
          this.defType[inst.id] = inst.type;
          this.defEpoch[inst.id] = epoch;
          if (isPointerChain(inst.op) || (inst.op === Op.CopyObject && this.mod.types.get(inst.type)?.kind === 'pointer')) this.chainDefs.set(inst.id, inst);
        }
        if (bumpsEpoch(inst.op)) epoch++;
      }
      this.endEpoch[b.index] = epoch;
    }
    for (const b of fn.blocks) {
      if (scopeOf[b.index] < 0) continue;
      let epoch = 0;
      const bi = b.index;
      for (const inst of b.body) {
        this.forEachUse(inst, (id) => this.use(id, bi, epoch));
        if (bumpsEpoch(inst.op)) epoch++;
      }
      const t = b.term;
      if (t.op === Op.BranchConditional || t.op === Op.Switch || t.op === Op.ReturnValue) this.use(t.args[0], bi, epoch);
      for (const phi of b.phis) {
        for (let i = 0; i + 1 < phi.args.length; i += 2) {
          const pi = fn.blockIndex.get(phi.args[i + 1]);
          if (pi === undefined) this.fail(`phi parent %${phi.args[i + 1]} is not a block`, phi);
          if (scopeOf[pi] >= 0) this.use(phi.args[i], pi, this.endEpoch[pi]);
          if (scopeOf[pi] < 0) continue;
          for (const n of this.inductionDivisions.get(phi.id) ?? []) {
            const fd = this.floorDivisions.get(n)!;
            // stepInduction reads the edge's value twice more and the divisor.
            this.use(phi.args[i], pi, this.endEpoch[pi]);
            this.use(phi.args[i], pi, this.endEpoch[pi]);
            this.use(fd.divisor, pi, this.endEpoch[pi]);
            this.use(fd.induction!.step, pi, this.endEpoch[pi]);
            if (fd.induction!.bound !== undefined) this.use(fd.induction!.bound, pi, this.endEpoch[pi]);
          }
        }
      }
    }
  }

  private use(id: number, bi: number, epoch: number): void {
    if (id >= this.mod.bound) return;
    const chain = this.chainDefs.get(id);
    if (chain !== undefined) {
      // An access chain is re-emitted at each use: its operands are used there.
      const n = chain.op === Op.CopyObject ? 1 : chain.args.length;
      for (let i = 0; i < n; i++) this.use(chain.args[i], bi, epoch);
      return;
    }
    const c = this.useCount[id]++;
    if (c === 0) {
      this.useBlock[id] = bi;
      this.useEpoch[id] = epoch;
    } else if (this.useBlock[id] !== bi) this.useBlock[id] = -1;
    const db = this.defBlock[id];
    if (db >= 0 && !this.visible(this.st.scopeOf[db], this.st.scopeOf[bi])) this.hoisted[id] = 1;
  }

  private visible(defScope: number, useScope: number): boolean {
    const parent = this.st.scopeParent;
    for (let s = useScope, guard = 0; s >= 0 && guard < 100000; s = parent[s], guard++) if (s === defScope) return true;
    return false;
  }

  // Calls f for each id operand the emitted text will reference (twice where the text repeats it).
  private forEachUse(inst: Instruction, f: (id: number) => void): void {
    const a = inst.args;
    const floorDiv = this.floorDivisions.get(inst.id);
    if (floorDiv) {
      // A carried quotient is read from its variable (see stepInduction).
      if (!floorDiv.induction) {
        f(floorDiv.dividend);
        f(floorDiv.divisor);
      }
      return;
    }
    if (this.floorRemainders.has(inst.id) || this.maskedShifts.has(inst.id)) return;
    const mask = this.shiftMasks.get(inst.id);
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
        if (this.chainDefs.has(inst.id)) return;
        f(a[0]); return;
      case Op.VectorShuffle: {
        const n1 = this.types.numeric1(this.typeOfId(a[0], inst)).n;
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
          for (let i = 0; i < a.length; i++) if (i !== fixed) { f(a[i]); if (i === 1 && this.isArrayedImage(a[0])) f(a[i]); }
          return;
        }
        for (let i = 0; i < a.length; i++) f(a[i]);
    }
  }

  private isArrayedImage(imageId: number): boolean {
    const t = this.mod.types.get(this.typeOfId(imageId, null));
    const img = t?.kind === 'sampled-image' ? this.mod.types.get(t.image) : t;
    return img?.kind === 'image' && img.arrayed;
  }

  // Result type of a value id, from its definition; for errors and operand-driven decisions.
  private typeOfId(id: number, at: Instruction | null): number {
    const c = this.mod.constants.get(id);
    if (c !== undefined) return c.type;
    if (id < this.mod.bound && this.defType[id] !== 0) return this.defType[id];
    this.fail(`id %${id} is not defined`, at);
  }

  // ---------------------------------------------------------------- tree -> statements

  private line(s: string): void {
    this.out.push(this.indent + s);
  }

  private nodes(list: Node[]): void {
    for (const n of list) this.node(n);
  }

  private scoped(list: Node[]): void {
    const saved = this.indent;
    this.indent += '  ';
    this.nodes(list);
    this.indent = saved;
  }

  private node(n: Node): void {
    switch (n.k) {
      case 'block': this.block(n.block); break;
      case 'copies': this.copies(n.from, n.to); break;
      case 'break': this.line('break;'); break;
      case 'continue': this.line('continue;'); break;
      case 'return': {
        this.enterTerminator(n.from);
        if (n.value !== 0) this.line(`return ${this.value(n.value).text};`);
        else if (this.types.get(this.fn.resultType).kind !== 'void') this.line(`return ${this.types.wgsl(this.fn.resultType)}();`);
        else this.line('return;');
        break;
      }
      case 'unreachable':
        this.enterTerminator(n.from);
        if (this.types.get(this.fn.resultType).kind !== 'void') this.line(`return ${this.types.wgsl(this.fn.resultType)}();`);
        break;
      case 'if': {
        this.enterTerminator(n.from);
        const c = this.value(n.cond);
        if (this.types.numeric1(c.type).scalar !== 'bool' || this.types.numeric1(c.type).n !== 1) this.fail('branch condition is not a bool');
        const thenEmpty = this.isEmpty(n.then);
        const elseEmpty = this.isEmpty(n.else);
        if (thenEmpty && elseEmpty) break;
        const negate = n.negate !== thenEmpty;
        this.line(`if (${negate ? `!${c.text}` : c.text}) {`);
        this.scoped(thenEmpty ? n.else : n.then);
        if (!thenEmpty && !elseEmpty) {
          this.line('} else {');
          this.scoped(n.else);
        }
        this.line('}');
        break;
      }
      case 'loop': {
        const header = n.body[0]?.k === 'block' ? n.body[0].block.index : -1;
        const versioned = this.versionedLoops.get(header);
        if (versioned && this.assumedRelinearized.size === 0) this.versionedLoop(n, versioned);
        else this.loop(n);
        break;
      }
      case 'switch': {
        this.enterTerminator(n.from);
        const sel = this.value(n.selector);
        const k = this.types.numeric1(sel.type).scalar;
        if (k !== 'i32' && k !== 'u32') this.fail('switch selector is not a 32-bit integer');
        this.line(`switch ${sel.atom ? `(${sel.text})` : sel.text} {`);
        const saved = this.indent;
        this.indent += '  ';
        for (const c of n.cases) {
          const labels = c.literals.map((l) => (k === 'i32' ? `${l | 0}i` : `${l >>> 0}u`));
          if (c.isDefault) labels.push('default');
          this.line(`case ${labels.join(', ')}: {`);
          this.scoped(c.body);
          this.line('}');
        }
        this.indent = saved;
        this.line('}');
        break;
      }
    }
  }

  private loop(n: Extract<Node, { k: 'loop' }>): void {
    this.line('loop {');
    this.scoped(n.body);
    if (n.continuing.length > 0) {
      const saved = this.indent;
      this.indent += '  ';
      this.line('continuing {');
      if (n.breakIf !== 0) {
        // The break-if condition is read after the edge copies: pin it in a let first.
        const last = n.continuing.length - 1;
        this.scoped(n.continuing.slice(0, last));
        this.indent += '  ';
        this.enterTerminator(n.from!);
        let c = this.value(n.breakIf);
        if (!c.stable) {
          const name = `bc_${n.breakIf}`;
          this.line(`let ${name} = ${c.text};`);
          c = { ...c, text: name, atom: true, stable: true };
          this.exprs.set(n.breakIf, c);
        }
        this.node(n.continuing[last]);
        this.line(`break if ${n.breakIfNegate ? `!${c.atom ? c.text : `(${c.text})`}` : c.text};`);
        this.indent = saved + '  ';
      } else {
        this.scoped(n.continuing);
      }
      this.line('}');
      this.indent = saved;
    }
    this.line('}');
  }

  /**
   * The loop twice over (see idioms.ts): under `if (A == b && ...)`, a copy that reads each
   * relinearisation as its dividend, then the loop as written. Each copy defines its own values.
   */
  private versionedLoop(n: Extract<Node, { k: 'loop' }>, relinearizations: number[]): void {
    const tests = new Set<string>();
    for (const id of relinearizations) {
      const relin = this.relinearizations.get(id)!;
      const divisor = this.floorDivisions.get(relin.division)!.divisor;
      tests.add(`${this.as(this.value(relin.scale), 'i32')} == ${this.as(this.value(divisor), 'i32')}`);
    }
    const exprs = new Map(this.exprs);
    const ptrs = new Map(this.ptrs);
    this.line(`if (${[...tests].join(' && ')}) {`);
    const saved = this.indent;
    this.indent += '  ';
    this.assumedRelinearized = new Set(relinearizations);
    this.loop(n);
    this.assumedRelinearized = new Set();
    this.exprs = exprs;
    this.ptrs = ptrs;
    this.indent = saved;
    this.line('} else {');
    this.indent += '  ';
    this.loop(n);
    this.indent = saved;
    this.line('}');
  }

  private isEmpty(list: Node[]): boolean {
    for (const n of list) {
      if (n.k === 'block' && n.block.body.length === 0) continue;
      if (n.k !== 'copies' || n.to.phis.length > 0) return false;
    }
    return true;
  }

  private enterTerminator(b: Block): void {
    this.curBlock = b.index;
    this.curEpoch = this.endEpoch[b.index];
    this.types.current = b.term;
  }

  // Assigns the phi variables of `to` for the edge from `from`. Copies on one edge happen at
  // once: a value that an earlier copy might change is read into a temporary first.
  private copies(from: Block, to: Block): void {
    if (to.phis.length === 0) return;
    this.enterTerminator(from);
    const pairs: Array<[string, Expr]> = [];
    for (const phi of to.phis) {
      this.types.current = phi;
      let v = 0;
      for (let i = 0; i + 1 < phi.args.length; i += 2) if (phi.args[i + 1] === from.label) { v = phi.args[i]; break; }
      if (v === 0) this.fail(`OpPhi has no value for predecessor %${from.label}`, phi);
      pairs.push([`p_${phi.id}`, this.value(v)]);
      for (const n of this.inductionDivisions.get(phi.id) ?? []) this.stepInduction(n, phi.id, v);
    }
    if (pairs.length > 1) {
      for (const p of pairs) {
        if (!p[1].stable) {
          const name = `t_${this.tmp++}`;
          this.line(`let ${name} = ${p[1].text};`);
          p[1] = { ...p[1], text: name, atom: true, stable: true };
        }
      }
    }
    for (const [name, e] of pairs) if (name !== e.text) this.line(`${name} = ${e.text};`);
  }

  // On the edge that gives the phi `value`: the back edge steps the quotient and remainder of
  // floor division idiom `n` where that is exact and computes them afresh where not; any other
  // edge computes them (see idioms.ts). Runs before the phi itself is assigned, so the phi still
  // holds its previous value.
  private stepInduction(n: number, phi: number, value: number): void {
    const fd = this.floorDivisions.get(n)!;
    const induction = fd.induction!;
    const d = this.as(this.value(fd.divisor), 'i32');
    const s = this.as(this.value(induction.step), 'i32');
    const a = this.as(this.value(value), 'i32');
    this.helpers.set(FLOOR_DIV_NONNEG_FN, FLOOR_DIV_NONNEG_WGSL);
    if (value === induction.next) {
      if (induction.bound === undefined) this.line(`iok_${n} = iok_${n} && (${a} >= p_${phi});`);
      this.line(`if (iok_${n}) {`);
      this.line(`  iq_${n} = iq_${n} + isq_${n};`);
      this.line(`  ir_${n} = ir_${n} + isr_${n};`);
      this.line(`  if (ir_${n} >= bitcast<u32>(${d})) { ir_${n} = ir_${n} - bitcast<u32>(${d}); iq_${n} = iq_${n} + 1i; }`);
      this.line('} else {');
      this.line(`  iq_${n} = ${FLOOR_DIV_NONNEG_FN}(${a}, ${d});`);
      this.line(`  ir_${n} = bitcast<u32>(${a} - iq_${n} * ${d});`);
      this.line('}');
      return;
    }
    this.line(`iq_${n} = ${FLOOR_DIV_NONNEG_FN}(${a}, ${d});`);
    this.line(`ir_${n} = bitcast<u32>(${a} - iq_${n} * ${d});`);
    this.line(`isq_${n} = ${FLOOR_DIV_NONNEG_FN}(${s}, ${d});`);
    this.line(`isr_${n} = bitcast<u32>(${s} - isq_${n} * ${d});`);
    // With the loop's bound n, phi < n on every step, so no step wraps when n - 1 <= i32 max - s.
    const bound = induction.bound === undefined ? undefined : this.as(this.value(induction.bound), 'i32');
    const noWrap = bound === undefined ? '' : ` && (${bound} <= 0i || ${bound} - 1i <= 2147483647i - ${s})`;
    this.line(`iok_${n} = ${d} > 0i && ${s} >= 0i${noWrap};`);
  }

  private block(b: Block): void {
    this.curBlock = b.index;
    this.curEpoch = 0;
    for (const inst of b.body) {
      this.types.current = inst;
      this.instruction(inst);
      if (bumpsEpoch(inst.op)) this.curEpoch++;
    }
  }

  // ---------------------------------------------------------------- values

  private value(id: number): Expr {
    const e = this.exprs.get(id);
    if (e !== undefined) return e;
    if (this.mod.constants.has(id)) {
      const c = this.constant(id);
      this.exprs.set(id, c);
      return c;
    }
    if (this.mod.globals.has(id) || this.ptrs.has(id) || this.chainDefs.has(id)) this.fail(`pointer %${id} is used as a value`);
    if (id >= this.mod.bound) this.fail(`id %${id} is out of range (bound ${this.mod.bound})`);
    this.fail(`id %${id} is not defined before this use`);
  }

  private ptr(id: number): Ptr {
    const p = this.ptrs.get(id);
    if (p !== undefined) return p;
    if (this.mod.globals.has(id)) {
      const g = this.globalPtr(id);
      this.ptrs.set(id, g);
      return g;
    }
    if (id >= this.mod.bound) this.fail(`id %${id} is out of range (bound ${this.mod.bound})`);
    this.fail(`%${id} is not a pointer`);
  }

  private define(inst: Instruction, text: string, atom: boolean, hasLoad = false): void {
    const id = inst.id;
    const type = inst.type;
    if (this.hoisted[id]) {
      this.line(`h_${id} = ${text};`);
      this.exprs.set(id, { text: `h_${id}`, type, atom: true, stable: true, hasLoad: false });
    } else if (this.useCount[id] === 0) {
      this.exprs.set(id, { text: atom ? text : `(${text})`, type, atom: true, stable: false, hasLoad });
    } else if (this.useCount[id] === 1 && this.useBlock[id] === this.curBlock && text.length < MAX_INLINE_TEXT &&
               (!hasLoad || this.useEpoch[id] === this.curEpoch)) {
      this.exprs.set(id, { text: atom ? text : `(${text})`, type, atom: true, stable: false, hasLoad });
    } else {
      this.line(`let v_${id} = ${text};`);
      this.exprs.set(id, { text: `v_${id}`, type, atom: true, stable: true, hasLoad: false });
    }
  }

  // A statement whose result must exist even if unused (atomics, calls).
  private defineEffect(inst: Instruction, text: string): void {
    if (inst.type === 0 || this.types.get(inst.type).kind === 'void') {
      this.line(`${text};`);
      return;
    }
    if (this.hoisted[inst.id]) {
      this.line(`h_${inst.id} = ${text};`);
      this.exprs.set(inst.id, { text: `h_${inst.id}`, type: inst.type, atom: true, stable: true, hasLoad: false });
    } else if (this.useCount[inst.id] === 0) {
      this.line(`_ = ${text};`);
    } else {
      this.line(`let v_${inst.id} = ${text};`);
      this.exprs.set(inst.id, { text: `v_${inst.id}`, type: inst.type, atom: true, stable: true, hasLoad: false });
    }
  }

  private kindOf(type: number): ScalarKind {
    return this.types.numeric1(type).scalar;
  }

  /** 'f16' for operands of SPIR-V's 16-bit float ops, 'f32' for everything else they take. */
  private floatKind(type: number): ScalarKind {
    return this.kindOf(type) === 'f16' ? 'f16' : 'f32';
  }

  // Text of `e` reinterpreted as scalar kind `k` (same component count).
  private as(e: Expr, k: ScalarKind): string {
    const info = this.types.numeric1(e.type);
    if (info.scalar === k) return e.text;
    if (info.scalar === 'bool' || k === 'bool') this.fail(`cannot reinterpret ${info.scalar} as ${k}`);
    if (e.bits !== undefined && k === 'u32') return `${e.bits}u`;
    if (e.bits !== undefined && k === 'i32' && (e.bits | 0) >= 0) return `${e.bits | 0}i`;
    return `bitcast<${vecName(k, info.n)}>(${e.text})`;
  }

  // Text of type (k, n) brought to the instruction's result type.
  private toResult(text: string, k: ScalarKind, resultType: number): { text: string; atom: boolean } {
    const r = this.types.numeric1(resultType);
    if (r.scalar === k) return { text, atom: false };
    return { text: `bitcast<${vecName(r.scalar, r.n)}>(${text})`, atom: true };
  }

  private binary(inst: Instruction, op: string, k: ScalarKind | null): void {
    const a = this.value(inst.args[0]);
    const b = this.value(inst.args[1]);
    const kind = k === 'f32' ? this.floatKind(a.type) : (k ?? this.kindOf(inst.type));
    const r = this.toResult(`${this.as(a, kind)} ${op} ${this.as(b, kind)}`, kind, inst.type);
    this.define(inst, r.text, r.atom, a.hasLoad || b.hasLoad);
  }

  private compare(inst: Instruction, op: string, k: ScalarKind | null): void {
    const a = this.value(inst.args[0]);
    const b = this.value(inst.args[1]);
    const kind = k === 'f32' ? this.floatKind(a.type) : (k ?? this.kindOf(a.type));
    this.define(inst, `${this.as(a, kind)} ${op} ${this.as(b, kind)}`, false, a.hasLoad || b.hasLoad);
  }

  private call(inst: Instruction, name: string, args: Expr[], k: ScalarKind | null): void {
    let hasLoad = false;
    const texts = args.map((a) => {
      hasLoad ||= a.hasLoad;
      const t = k === null ? a.text : this.as(a, k);
      return t;
    });
    const text = `${name}(${texts.join(', ')})`;
    if (k === null) { this.define(inst, text, true, hasLoad); return; }
    const r = this.toResult(text, k, inst.type);
    this.define(inst, r.text, true, hasLoad);
  }

  private instruction(inst: Instruction): void {
    const a = inst.args;
    switch (inst.op) {
      case Op.Nop: case Op.Line: case Op.NoLine: case Op.LifetimeStart: case Op.LifetimeStop:
        return;
      case Op.Undef: this.define(inst, `${this.types.wgsl(inst.type)}()`, true); return;
      // Arithmetic.
      case Op.IAdd: {
        const relin = this.assumedRelinearized.has(inst.id) ? this.relinearizations.get(inst.id) : undefined;
        if (!relin) { this.binary(inst, '+', null); return; }
        const r = this.toResult(this.as(this.value(this.floorDivisions.get(relin.division)!.dividend), 'i32'), 'i32', inst.type);
        this.define(inst, r.text, r.atom);
        return;
      }
      case Op.ISub: {
        const ofDivision = this.floorRemainders.get(inst.id);
        if (ofDivision !== undefined) { this.define(inst, `fm_${ofDivision}`, true); return; }
        const floorDiv = this.floorDivisions.get(inst.id);
        if (!floorDiv) { this.binary(inst, '-', null); return; }
        if (floorDiv.induction) {
          // Copies: the variables change on the back edge.
          const n = inst.id;
          this.line(`let fd_${n} = iq_${n};`);
          if (floorDiv.remainder !== undefined) this.line(`let fm_${n} = bitcast<i32>(ir_${n});`);
          this.define(inst, `fd_${n}`, true);
          return;
        }
        const x = this.value(floorDiv.dividend);
        const y = this.value(floorDiv.divisor);
        const [name, code] = floorDiv.divisorNonNegative ? [FLOOR_DIV_NONNEG_FN, FLOOR_DIV_NONNEG_WGSL] : [FLOOR_DIV_FN, FLOOR_DIV_WGSL];
        this.helpers.set(name, code);
        this.define(inst, `${name}(${this.as(x, 'i32')}, ${this.as(y, 'i32')})`, true, x.hasLoad || y.hasLoad);
        return;
      }
      case Op.IMul: this.binary(inst, '*', null); return;
      case Op.UDiv: this.binary(inst, '/', 'u32'); return;
      case Op.UMod: this.binary(inst, '%', 'u32'); return;
      case Op.SDiv: this.binary(inst, '/', 'i32'); return;
      case Op.SRem: this.binary(inst, '%', 'i32'); return;
      case Op.SMod: {
        const x = this.as(this.value(a[0]), 'i32');
        const y = this.as(this.value(a[1]), 'i32');
        const r = this.toResult(`((${x} % ${y}) + ${y}) % ${y}`, 'i32', inst.type);
        this.define(inst, r.text, r.atom, this.value(a[0]).hasLoad || this.value(a[1]).hasLoad);
        return;
      }
      case Op.FAdd: this.binary(inst, '+', 'f32'); return;
      case Op.FSub: this.binary(inst, '-', 'f32'); return;
      case Op.FMul: this.binary(inst, '*', 'f32'); return;
      case Op.FDiv: this.binary(inst, '/', 'f32'); return;
      case Op.FRem: this.binary(inst, '%', 'f32'); return;
      case Op.FMod: {
        const x = this.value(a[0]);
        const y = this.value(a[1]);
        this.define(inst, `${x.text} - ${y.text} * floor(${x.text} / ${y.text})`, false, x.hasLoad || y.hasLoad);
        return;
      }
      case Op.VectorTimesScalar: case Op.MatrixTimesScalar: case Op.VectorTimesMatrix:
      case Op.MatrixTimesVector: case Op.MatrixTimesMatrix: {
        const x = this.value(a[0]);
        const y = this.value(a[1]);
        this.define(inst, `${x.text} * ${y.text}`, false, x.hasLoad || y.hasLoad);
        return;
      }
      case Op.OuterProduct: {
        const x = this.value(a[0]);
        const y = this.value(a[1]);
        const t = this.types.get(inst.type);
        if (t.kind !== 'matrix') this.fail('OuterProduct result is not a matrix');
        const cols: string[] = [];
        for (let j = 0; j < t.columns; j++) cols.push(`${x.text} * ${y.text}[${j}]`);
        this.define(inst, `${this.types.wgsl(inst.type)}(${cols.join(', ')})`, true, x.hasLoad || y.hasLoad);
        return;
      }
      case Op.Dot: this.call(inst, 'dot', [this.value(a[0]), this.value(a[1])], null); return;
      case Op.SNegate: {
        const x = this.value(a[0]);
        const r = this.toResult(`-${this.as(x, 'i32')}`, 'i32', inst.type);
        this.define(inst, r.text, r.atom, x.hasLoad);
        return;
      }
      case Op.FNegate: { const x = this.value(a[0]); this.define(inst, `-${x.text}`, false, x.hasLoad); return; }
      // Bitwise and logical. Bitwise ops on bools are accepted as logical ones (Taichi emits them).
      case Op.BitwiseAnd: case Op.BitwiseOr: case Op.BitwiseXor: {
        const k = this.kindOf(inst.type);
        const op = inst.op === Op.BitwiseAnd ? '&' : inst.op === Op.BitwiseOr ? '|' : k === 'bool' ? '!=' : '^';
        this.binary(inst, op, k);
        return;
      }
      case Op.Not: {
        const x = this.value(a[0]);
        const k = this.kindOf(inst.type);
        this.define(inst, `${k === 'bool' ? '!' : '~'}${this.as(x, k)}`, false, x.hasLoad);
        return;
      }
      case Op.ShiftLeftLogical: case Op.ShiftRightLogical: case Op.ShiftRightArithmetic: {
        if (this.maskedShifts.has(inst.id)) return;
        const mask = this.shiftMasks.get(inst.id);
        if (mask) {
          const v = this.value(mask.value);
          const r = this.toResult(`${this.as(v, 'u32')} & 0x${mask.mask.toString(16)}u`, 'u32', inst.type);
          this.define(inst, r.text, false, v.hasLoad);
          return;
        }
        const x = this.value(a[0]);
        const s = this.value(a[1]);
        const k = inst.op === Op.ShiftLeftLogical ? this.kindOf(inst.type) : inst.op === Op.ShiftRightLogical ? 'u32' : 'i32';
        const r = this.toResult(`${this.as(x, k)} ${inst.op === Op.ShiftLeftLogical ? '<<' : '>>'} ${this.as(s, 'u32')}`, k, inst.type);
        this.define(inst, r.text, r.atom, x.hasLoad || s.hasLoad);
        return;
      }
      case Op.BitFieldInsert: {
        const [b, ins, off, cnt] = [a[0], a[1], a[2], a[3]].map((i) => this.value(i));
        const k = this.kindOf(inst.type);
        this.define(inst, `insertBits(${this.as(b, k)}, ${this.as(ins, k)}, ${this.as(off, 'u32')}, ${this.as(cnt, 'u32')})`, true, b.hasLoad || ins.hasLoad);
        return;
      }
      case Op.BitFieldSExtract: case Op.BitFieldUExtract: {
        const [b, off, cnt] = [a[0], a[1], a[2]].map((i) => this.value(i));
        const k: ScalarKind = inst.op === Op.BitFieldSExtract ? 'i32' : 'u32';
        const r = this.toResult(`extractBits(${this.as(b, k)}, ${this.as(off, 'u32')}, ${this.as(cnt, 'u32')})`, k, inst.type);
        this.define(inst, r.text, true, b.hasLoad);
        return;
      }
      case Op.BitReverse: this.call(inst, 'reverseBits', [this.value(a[0])], this.kindOf(inst.type)); return;
      case Op.BitCount: this.call(inst, 'countOneBits', [this.value(a[0])], this.kindOf(inst.type)); return;
      case Op.LogicalAnd: this.binary(inst, '&', 'bool'); return;
      case Op.LogicalOr: this.binary(inst, '|', 'bool'); return;
      case Op.LogicalEqual: this.binary(inst, '==', 'bool'); return;
      case Op.LogicalNotEqual: this.binary(inst, '!=', 'bool'); return;
      case Op.LogicalNot: { const x = this.value(a[0]); this.define(inst, `!${x.text}`, false, x.hasLoad); return; }
      case Op.Any: this.call(inst, 'any', [this.value(a[0])], null); return;
      case Op.All: this.call(inst, 'all', [this.value(a[0])], null); return;
      case Op.Select: {
        const c = this.value(a[0]);
        const t = this.value(a[1]);
        const f = this.value(a[2]);
        if (this.types.info(inst.type) === null) this.fail('OpSelect on composites other than vectors is not supported');
        this.define(inst, `select(${f.text}, ${t.text}, ${c.text})`, true, c.hasLoad || t.hasLoad || f.hasLoad);
        return;
      }
      // Comparisons.
      case Op.IEqual: this.compare(inst, '==', null); return;
      case Op.INotEqual: this.compare(inst, '!=', null); return;
      case Op.UGreaterThan: this.compare(inst, '>', 'u32'); return;
      case Op.UGreaterThanEqual: this.compare(inst, '>=', 'u32'); return;
      case Op.ULessThan: this.compare(inst, '<', 'u32'); return;
      case Op.ULessThanEqual: this.compare(inst, '<=', 'u32'); return;
      case Op.SGreaterThan: this.compare(inst, '>', 'i32'); return;
      case Op.SGreaterThanEqual: this.compare(inst, '>=', 'i32'); return;
      case Op.SLessThan: this.compare(inst, '<', 'i32'); return;
      case Op.SLessThanEqual: this.compare(inst, '<=', 'i32'); return;
      case Op.FOrdEqual: this.compare(inst, '==', 'f32'); return;
      case Op.FUnordNotEqual: this.compare(inst, '!=', 'f32'); return;
      case Op.FOrdLessThan: this.compare(inst, '<', 'f32'); return;
      case Op.FOrdGreaterThan: this.compare(inst, '>', 'f32'); return;
      case Op.FOrdLessThanEqual: this.compare(inst, '<=', 'f32'); return;
      case Op.FOrdGreaterThanEqual: this.compare(inst, '>=', 'f32'); return;
      case Op.FOrdNotEqual: case Op.FUnordEqual: {
        const x = this.value(a[0]);
        const y = this.value(a[1]);
        const ordNe = `(${x.text} < ${y.text}) | (${x.text} > ${y.text})`;
        this.define(inst, inst.op === Op.FOrdNotEqual ? ordNe : `!(${ordNe})`, false, x.hasLoad || y.hasLoad);
        return;
      }
      case Op.FUnordLessThan: case Op.FUnordGreaterThan: case Op.FUnordLessThanEqual: case Op.FUnordGreaterThanEqual: {
        const x = this.value(a[0]);
        const y = this.value(a[1]);
        const inverse = { [Op.FUnordLessThan]: '>=', [Op.FUnordGreaterThan]: '<=', [Op.FUnordLessThanEqual]: '>', [Op.FUnordGreaterThanEqual]: '<' }[inst.op];
        this.define(inst, `!(${x.text} ${inverse} ${y.text})`, false, x.hasLoad || y.hasLoad);
        return;
      }
      case Op.IsNan: case Op.IsInf: case Op.IsFinite: {
        const x = this.value(a[0]);
        const n = this.types.numeric1(x.type).n;
        const u = vecName('u32', n);
        const cmp = inst.op === Op.IsNan ? '>' : inst.op === Op.IsInf ? '==' : '<';
        this.define(inst, `(bitcast<${u}>(${x.text}) & ${u}(0x7fffffffu)) ${cmp} ${u}(0x7f800000u)`, false, x.hasLoad);
        return;
      }
      // Conversions.
      case Op.ConvertFToS: case Op.ConvertFToU: {
        const x = this.value(a[0]);
        const k: ScalarKind = inst.op === Op.ConvertFToS ? 'i32' : 'u32';
        const r = this.toResult(`${vecName(k, this.types.numeric1(inst.type).n)}(${x.text})`, k, inst.type);
        this.define(inst, r.text, true, x.hasLoad);
        return;
      }
      case Op.ConvertSToF: case Op.ConvertUToF: {
        const x = this.value(a[0]);
        const k: ScalarKind = inst.op === Op.ConvertSToF ? 'i32' : 'u32';
        this.define(inst, `${this.types.wgsl(inst.type)}(${this.as(x, k)})`, true, x.hasLoad);
        return;
      }
      case Op.UConvert: case Op.SConvert: case Op.FConvert: case Op.Bitcast: {
        const x = this.value(a[0]);
        const from = this.types.wgsl(x.type);
        const to = this.types.wgsl(inst.type);
        if (from === to) this.define(inst, x.text, true, x.hasLoad);
        else if (inst.op === Op.Bitcast) this.define(inst, `bitcast<${to}>(${x.text})`, true, x.hasLoad);
        else this.define(inst, `${to}(${x.text})`, true, x.hasLoad);
        return;
      }
      case Op.QuantizeToF16: this.call(inst, 'quantizeToF16', [this.value(a[0])], null); return;
      case Op.CopyObject: {
        if (this.chainDefs.has(inst.id)) { this.ptrs.set(inst.id, this.ptr(a[0])); return; }
        const x = this.value(a[0]);
        this.define(inst, x.text, true, x.hasLoad);
        return;
      }
      // Composites.
      case Op.CompositeConstruct: {
        const parts = Array.from(a, (i) => this.value(i));
        this.define(inst, `${this.types.wgsl(inst.type)}(${parts.map((p) => p.text).join(', ')})`, true, parts.some((p) => p.hasLoad));
        return;
      }
      case Op.CompositeExtract: {
        const x = this.value(a[0]);
        let text = x.text;
        let t = x.type;
        for (let i = 1; i < a.length; i++) {
          const step = this.member(t, a[i]);
          text += step.access;
          t = step.type;
        }
        this.define(inst, text, true, x.hasLoad);
        return;
      }
      case Op.CompositeInsert: case Op.VectorInsertDynamic: {
        const obj = this.value(inst.op === Op.CompositeInsert ? a[0] : a[1]);
        const base = this.value(inst.op === Op.CompositeInsert ? a[1] : a[0]);
        let path = '';
        if (inst.op === Op.CompositeInsert) {
          let t = base.type;
          for (let i = 2; i < a.length; i++) {
            const step = this.member(t, a[i]);
            path += step.access;
            t = step.type;
          }
        } else {
          path = `[${this.value(a[2]).text}]`;
        }
        const name = this.hoisted[inst.id] ? `h_${inst.id}` : `v_${inst.id}`;
        this.line(this.hoisted[inst.id] ? `${name} = ${base.text};` : `var ${name} = ${base.text};`);
        this.line(`${name}${path} = ${obj.text};`);
        this.exprs.set(inst.id, { text: name, type: inst.type, atom: true, stable: true, hasLoad: false });
        return;
      }
      case Op.VectorExtractDynamic: {
        const x = this.value(a[0]);
        const i = this.value(a[1]);
        this.define(inst, `${x.text}[${i.text}]`, true, x.hasLoad || i.hasLoad);
        return;
      }
      case Op.VectorShuffle: {
        const x = this.value(a[0]);
        const y = this.value(a[1]);
        const n1 = this.types.numeric1(x.type).n;
        let fromA = 0;
        let fromB = 0;
        for (let i = 2; i < a.length; i++) if (a[i] !== 0xffffffff) { if (a[i] < n1) fromA++; else fromB++; }
        if (fromB === 0 || fromA === 0) {
          const src = fromB === 0 ? x : y;
          const sw = Array.from(a.subarray(2), (c) => SWIZZLE[c === 0xffffffff ? 0 : fromB === 0 ? c : c - n1]).join('');
          this.define(inst, `${src.text}.${sw}`, true, src.hasLoad);
        } else {
          const comps = Array.from(a.subarray(2), (c) => (c === 0xffffffff || c < n1 ? `${x.text}.${SWIZZLE[c === 0xffffffff ? 0 : c]}` : `${y.text}.${SWIZZLE[c - n1]}`));
          this.define(inst, `${this.types.wgsl(inst.type)}(${comps.join(', ')})`, true, x.hasLoad || y.hasLoad);
        }
        return;
      }
      case Op.Transpose: this.call(inst, 'transpose', [this.value(a[0])], null); return;
      case Op.ExtInst: this.extInst(inst); return;
      // Memory.
      case Op.AccessChain: case Op.InBoundsAccessChain: this.accessChain(inst); return;
      case Op.PtrAccessChain: case Op.InBoundsPtrAccessChain:
        this.fail('OpPtrAccessChain needs variable pointers, which WGSL lacks');
      // falls through (fail never returns)
      case Op.Load: this.load(inst); return;
      case Op.Store: this.store(this.ptr(a[0]), this.value(a[1])); return;
      case Op.CopyMemory: {
        const dst = this.ptr(a[0]);
        const src = this.ptr(a[1]);
        const v = this.loadText(src);
        this.store(dst, { text: v, type: src.pointee, atom: true, stable: false, hasLoad: true });
        return;
      }
      case Op.ArrayLength: {
        const p = this.ptr(a[0]);
        if (p.kind !== 'ref') this.fail('OpArrayLength of a non-storage pointer');
        if (p.root >= 0) this.resourceUse(p.root);
        const r = this.toResult(`arrayLength(&${p.text}.m${a[1]})`, 'u32', inst.type);
        this.define(inst, r.text, true);
        return;
      }
      case Op.FunctionCall: {
        const callee = this.mod.functions.get(a[0]);
        if (callee === undefined) this.fail(`%${a[0]} is not a function`);
        const args: string[] = [];
        for (let i = 1; i < a.length; i++) {
          const p = this.ptrs.get(a[i]) ?? (this.mod.globals.has(a[i]) ? this.ptr(a[i]) : undefined);
          if (p !== undefined) {
            if (p.kind !== 'ref') this.fail('only Function, Private, Workgroup and StorageBuffer pointers can be passed to functions');
            if (p.atomic) this.fail('passing a pointer into an atomically accessed variable to a function is not supported');
            if (p.root >= 0 && this.resources.has(p.root)) { const r = this.resourceUse(p.root); r.read = true; r.written = true; }
            args.push(p.text.startsWith('(*') ? p.text.slice(2, -1) : `&${p.text}`);
          } else {
            args.push(this.value(a[i]).text);
          }
        }
        this.defineEffect(inst, `f_${a[0]}(${args.join(', ')})`);
        return;
      }
      case Op.ControlBarrier: {
        const sem = this.scalarConstant(a[2]);
        if (sem & 0x40) this.line('storageBarrier();');
        if (sem & 0x800) this.line('textureBarrier();');
        if ((sem & 0x100) || !(sem & 0x840)) this.line('workgroupBarrier();');
        return;
      }
      case Op.MemoryBarrier:
        // WGSL has no fence without an execution barrier, and its barriers must be reached in
        // uniform control flow; SPIR-V memory barriers pair with ControlBarrier in practice.
        return;
      case Op.SampledImage: {
        const img = this.value(a[0]);
        const smp = this.value(a[1]);
        this.exprs.set(inst.id, { text: img.text, type: inst.type, atom: true, stable: true, hasLoad: false, sampler: smp.text });
        return;
      }
      case Op.Image: {
        const si = this.value(a[0]);
        this.exprs.set(inst.id, { text: si.text, type: inst.type, atom: true, stable: true, hasLoad: false });
        return;
      }
      default:
        if (isAtomicOp(inst.op)) { this.atomic(inst); return; }
        if (isImageSample(inst.op) || (inst.op >= Op.ImageFetch && inst.op <= Op.ImageQuerySamples)) { this.image(inst); return; }
        this.fail(`${opName(inst.op)} is not supported`);
    }
  }

  // Type and WGSL accessor of member/element `index` (a literal) of a composite type.
  private member(type: number, index: number): { access: string; type: number } {
    const t = this.types.get(type);
    switch (t.kind) {
      case 'vector': if (index >= t.count) break; return { access: `.${SWIZZLE[index]}`, type: t.elem };
      case 'matrix': if (index >= t.columns) break; return { access: `[${index}]`, type: t.column };
      case 'array': if (index >= t.length) break; return { access: `[${index}]`, type: t.elem };
      case 'struct': if (index >= t.members.length) break; return { access: `.m${index}`, type: t.members[index] };
      default: break;
    }
    this.fail(`index ${index} is out of range for type ${this.types.describe(type)}`);
  }

  private extInst(inst: Instruction): void {
    const a = inst.args;
    if (!this.glslSets.has(a[0])) this.fail(`extended instruction set %${a[0]} (${this.mod.extInstImports.get(a[0]) ?? 'unknown'}) is not supported`);
    const n = a[1];
    const entry = GLSL_STD_450[n];
    if (entry === undefined) this.fail(`GLSL.std.450 instruction ${n} is not supported`);
    const args = Array.from(a.subarray(2), (i) => this.value(i));
    if (n === STD450_LDEXP) {
      this.define(inst, `ldexp(${args[0].text}, ${this.as(args[1], 'i32')})`, true, args[0].hasLoad || args[1].hasLoad);
      return;
    }
    if (entry.args === 'f') { this.call(inst, entry.wgsl, args, null); return; }
    const k: ScalarKind = entry.args === 's' ? 'i32' : 'u32';
    this.call(inst, entry.wgsl, args, k);
  }

  // ---------------------------------------------------------------- memory

  private accessChain(inst: Instruction): void {
    const a = inst.args;
    const base = this.ptr(a[0]);
    if (base.kind === 'handle') this.fail('access chains into image or sampler variables are not supported');
    if (base.kind === 'uniform') {
      let offset = base.offset;
      const dyn = base.dyn.slice();
      let type = base.pointee;
      let ms = base.matrixStride;
      let rowMajor = base.rowMajor;
      for (let i = 1; i < a.length; i++) {
        const t = this.types.get(type);
        const c = this.mod.constants.get(a[i]);
        const constIndex = c !== undefined && c.kind === 'scalar' ? c.words[0] : -1;
        if (t.kind === 'struct') {
          if (constIndex < 0 || constIndex >= t.members.length) this.fail('struct member index is not a constant in range');
          const d = this.mod.memberDecorations.get(type)?.[constIndex];
          if (d?.offset === undefined) this.fail(`uniform block struct %${type} member ${constIndex} has no Offset`);
          offset += d.offset;
          ms = d.matrixStride ?? 0;
          rowMajor = d.rowMajor ?? false;
          type = t.members[constIndex];
          continue;
        }
        let stride: number;
        let next: number;
        if (t.kind === 'array') {
          stride = this.mod.decorations.get(type)?.arrayStride ?? 0;
          if (stride === 0) this.fail(`uniform array %${type} has no ArrayStride`);
          next = t.elem;
        } else if (t.kind === 'matrix') {
          stride = rowMajor ? 4 : ms || 16;
          next = t.column;
        } else if (t.kind === 'vector') {
          stride = rowMajor && ms ? ms : 4;
          next = t.elem;
        } else {
          this.fail(`cannot index into ${this.types.describe(type)}`);
        }
        if (constIndex >= 0) offset += constIndex * stride;
        else dyn.push(`u32(${this.value(a[i]).text}) * ${stride}u`);
        type = next;
      }
      this.ptrs.set(inst.id, { kind: 'uniform', root: base.root, pointee: type, offset, dyn, matrixStride: ms, rowMajor });
      return;
    }
    let text = base.text;
    let type = base.pointee;
    for (let i = 1; i < a.length; i++) {
      const t = this.types.get(type);
      if (t.kind === 'struct') {
        const c = this.mod.constants.get(a[i]);
        if (c === undefined || c.kind !== 'scalar' || c.words[0] >= t.members.length) this.fail('struct member index is not a constant in range');
        text += `.m${c.words[0]}`;
        type = t.members[c.words[0]];
      } else if (t.kind === 'array' || t.kind === 'runtime-array' || t.kind === 'matrix' || t.kind === 'vector') {
        const c = this.mod.constants.get(a[i]);
        if (t.kind === 'vector' && c !== undefined && c.kind === 'scalar' && c.words[0] < t.count) text += `.${SWIZZLE[c.words[0]]}`;
        else text += `[${this.value(a[i]).text}]`;
        type = t.kind === 'matrix' ? t.column : t.elem;
      } else {
        this.fail(`cannot index into ${this.types.describe(type)}`);
      }
    }
    this.ptrs.set(inst.id, { kind: 'ref', text, pointee: type, root: base.root, storage: base.storage, atomic: base.atomic });
  }

  private load(inst: Instruction): void {
    const p = this.ptr(inst.args[0]);
    if (p.kind === 'handle') {
      this.exprs.set(inst.id, { text: p.text, type: inst.type, atom: true, stable: true, hasLoad: false, sampler: p.sampler });
      return;
    }
    if (p.kind === 'uniform') {
      this.define(inst, this.loadText(p), true);
      return;
    }
    if (p.root >= 0 && this.resources.has(p.root)) this.resourceUse(p.root).read = true;
    const immutable = p.storage === StorageClass.Input;
    this.define(inst, this.loadText(p), true, !immutable);
  }

  private loadText(p: Ptr): string {
    if (p.kind === 'uniform') return this.uniformLoad(p);
    if (p.kind === 'handle') return p.text;
    if (!p.atomic) return p.text;
    return this.atomicLoadText(p.text, p.pointee);
  }

  // Loads a value of `type` from an atomic-typed place, leaf by leaf.
  private atomicLoadText(ref: string, type: number): string {
    const t = this.types.get(type);
    switch (t.kind) {
      case 'int': case 'float': {
        const k = this.kindOf(type);
        return k === 'f32' ? `bitcast<f32>(atomicLoad(&${ref}))` : `atomicLoad(&${ref})`;
      }
      case 'array': {
        if (t.length > 64) this.fail('loading a whole array of more than 64 atomic elements is not supported');
        const parts: string[] = [];
        for (let i = 0; i < t.length; i++) parts.push(this.atomicLoadText(`${ref}[${i}]`, t.elem));
        return `${this.types.wgsl(type)}(${parts.join(', ')})`;
      }
      case 'struct':
        return `${this.types.wgsl(type)}(${t.members.map((m, i) => this.atomicLoadText(`${ref}.m${i}`, m)).join(', ')})`;
      default:
        return ref;
    }
  }

  private store(p: Ptr, v: Expr): void {
    if (p.kind !== 'ref') this.fail('store through a uniform, image or sampler pointer');
    if (p.storage === StorageClass.Input) this.fail('store to an input variable');
    if (p.root >= 0 && this.resources.has(p.root)) this.resourceUse(p.root).written = true;
    if (!p.atomic) {
      this.line(`${p.text} = ${v.text};`);
      return;
    }
    const t = this.types.get(p.pointee);
    if (t.kind === 'int' || t.kind === 'float') {
      this.line(`atomicStore(&${p.text}, ${this.kindOf(p.pointee) === 'f32' ? `bitcast<u32>(${v.text})` : v.text});`);
      return;
    }
    // A composite store into an atomic place: name the value once, then store each leaf.
    const name = `t_${this.tmp++}`;
    this.line(`let ${name} = ${v.text};`);
    this.atomicStoreLeaves(p.text, name, p.pointee);
  }

  private atomicStoreLeaves(ref: string, value: string, type: number): void {
    const t = this.types.get(type);
    if (t.kind === 'int' || t.kind === 'float') {
      this.line(`atomicStore(&${ref}, ${this.kindOf(type) === 'f32' ? `bitcast<u32>(${value})` : value});`);
    } else if (t.kind === 'array') {
      for (let i = 0; i < t.length; i++) this.atomicStoreLeaves(`${ref}[${i}]`, `${value}[${i}]`, t.elem);
    } else if (t.kind === 'struct') {
      t.members.forEach((m, i) => this.atomicStoreLeaves(`${ref}.m${i}`, `${value}.m${i}`, m));
    } else {
      this.line(`${ref} = ${value};`);
    }
  }

  // Assembles a value from the 32-bit words of a uniform block at the pointer's byte offset.
  private uniformLoad(p: Extract<Ptr, { kind: 'uniform' }>): string {
    const g = `g_${p.root}`;
    let base = '';
    if (p.dyn.length > 0) {
      base = `o_${this.tmp++}`;
      this.line(`let ${base} = ${p.dyn.join(' + ')};`);
    }
    const word = (off: number): string => {
      if (base === '') return `${g}[${off >>> 4}].${SWIZZLE[(off >>> 2) & 3]}`;
      const at = off === 0 ? base : `(${base} + ${off}u)`;
      return `${g}[${at} >> 4u][(${at} >> 2u) & 3u]`;
    };
    // An f16 is one half of its word: the upper one at offsets 2 mod 4.
    const half = (off: number): string => (base === '' ? `${(off >>> 1) & 1}` : `((${base} + ${off}u) >> 1u) & 1u`);
    const scalar = (k: ScalarKind, off: number): string =>
      k === 'u32' ? word(off) : k === 'bool' ? `(${word(off)} != 0u)` : k === 'f16' ? `bitcast<vec2<f16>>(${word(off)})[${half(off)}]` : `bitcast<${k}>(${word(off)})`;
    const compose = (type: number, off: number, ms: number, rowMajor: boolean): string => {
      const t = this.types.get(type);
      switch (t.kind) {
        case 'bool': case 'int': case 'float': return scalar(this.kindOf(type), off);
        case 'vector': {
          const info = this.types.numeric1(type);
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
          const col = this.types.numeric1(t.column);
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
          return `${this.types.wgsl(type)}(${cols.join(', ')})`;
        }
        case 'array': {
          if (t.length > 256) this.fail('loading a whole uniform array of more than 256 elements is not supported');
          const stride = this.mod.decorations.get(type)?.arrayStride;
          if (stride === undefined) this.fail(`uniform array %${type} has no ArrayStride`);
          const parts: string[] = [];
          for (let i = 0; i < t.length; i++) parts.push(compose(t.elem, off + i * stride, ms, rowMajor));
          return `${this.types.wgsl(type)}(${parts.join(', ')})`;
        }
        case 'struct': {
          const decos = this.mod.memberDecorations.get(type);
          const parts = t.members.map((m, i) => {
            const d = decos?.[i];
            if (d?.offset === undefined) this.fail(`uniform block struct %${type} member ${i} has no Offset`);
            return compose(m, off + d.offset, d.matrixStride ?? 0, d.rowMajor ?? false);
          });
          return `${this.types.wgsl(type)}(${parts.join(', ')})`;
        }
        default: this.fail(`cannot load ${this.types.describe(type)} from a uniform block`);
      }
    };
    return compose(p.pointee, p.offset, p.matrixStride, p.rowMajor);
  }

  // ---------------------------------------------------------------- atomics

  private atomic(inst: Instruction): void {
    const a = inst.args;
    const p = this.ptr(a[0]);
    if (p.kind !== 'ref' || !p.atomic) this.fail('atomic operation on a pointer that does not lead to a buffer or workgroup variable');
    if (p.root >= 0 && this.resources.has(p.root)) {
      const r = this.resourceUse(p.root);
      r.read = true;
      if (inst.op !== Op.AtomicLoad) r.written = true;
    }
    const leaf = this.kindOf(p.pointee);
    const cell = leaf === 'i32' ? 'i32' : 'u32';
    const ref = `&${p.text}`;
    const val = (id: number): string => {
      const e = this.value(id);
      if (leaf === 'f32') return `bitcast<u32>(${e.text})`;
      return this.as(e, cell);
    };
    const res = (text: string): string => {
      if (inst.type === 0) return text;
      const want = this.kindOf(inst.type);
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
        this.define(inst, res(`atomicLoad(${ref})`), true, true);
        return;
      case Op.AtomicStore:
        this.line(`atomicStore(${ref}, ${val(a[3])});`);
        return;
      case Op.AtomicIIncrement: case Op.AtomicIDecrement:
        this.defineEffect(inst, res(`${inst.op === Op.AtomicIIncrement ? 'atomicAdd' : 'atomicSub'}(${ref}, 1${cell === 'i32' ? 'i' : 'u'})`));
        return;
      case Op.AtomicCompareExchange: case Op.AtomicCompareExchangeWeak: {
        // SPIR-V's exchange is strong; WGSL's may fail spuriously: retry while the value matched.
        const v = val(a[4]);
        const cmp = val(a[5]);
        const r = `cx_${this.tmp++}`;
        this.line(`var ${r} = atomicCompareExchangeWeak(${ref}, ${cmp}, ${v});`);
        this.line(`loop {`);
        this.line(`  if ${r}.exchanged || ${r}.old_value != ${cmp} { break; }`);
        this.line(`  ${r} = atomicCompareExchangeWeak(${ref}, ${cmp}, ${v});`);
        this.line(`}`);
        this.defineEffect(inst, res(`${r}.old_value`));
        return;
      }
      case Op.AtomicFAddEXT: case Op.AtomicFMinEXT: case Op.AtomicFMaxEXT: {
        if (leaf !== 'f32') this.fail('float atomic on a non-float pointer');
        // WGSL has no float atomics: a compare-exchange loop on the bits.
        const v = this.value(a[3]).text;
        const old = `fa_${this.tmp++}`;
        const r = `fr_${this.tmp++}`;
        const next = inst.op === Op.AtomicFAddEXT ? `bitcast<f32>(${old}) + ${v}` : `${inst.op === Op.AtomicFMinEXT ? 'min' : 'max'}(bitcast<f32>(${old}), ${v})`;
        this.line(`var ${old} = atomicLoad(${ref});`);
        this.line(`loop {`);
        this.line(`  let ${r} = atomicCompareExchangeWeak(${ref}, ${old}, bitcast<u32>(${next}));`);
        this.line(`  if ${r}.exchanged { break; }`);
        this.line(`  ${old} = ${r}.old_value;`);
        this.line(`}`);
        this.defineEffect(inst, `bitcast<f32>(${old})`);
        return;
      }
      default: {
        const fn = simple[inst.op];
        if (fn === undefined) this.fail(`${opName(inst.op)} is not supported`);
        this.defineEffect(inst, res(`${fn}(${ref}, ${val(a[3])})`));
      }
    }
  }

  // ---------------------------------------------------------------- images

  private imageInfo(e: Expr): Extract<SpirvType, { kind: 'image' }> {
    const t = this.types.get(e.type);
    const img = t.kind === 'sampled-image' ? this.types.get(t.image) : t;
    if (img.kind !== 'image') this.fail('operand is not an image');
    return img;
  }

  private markImage(text: string, read: boolean, write: boolean, sampled: boolean): void {
    const id = Number(text.slice(2));
    if (!text.startsWith('g_') || !this.resources.has(id)) return;
    const r = this.resourceUse(id);
    r.read ||= read;
    r.written ||= write;
    r.sampled ||= sampled;
  }

  private image(inst: Instruction): void {
    const a = inst.args;
    const img = this.value(a[0]);
    const info = this.imageInfo(img);
    const n = this.types.numeric1(inst.type === 0 ? this.value(a[2]).type : inst.type);
    const texelKind = info.sampled === 2 || info.depth !== 1 ? this.types.numeric1(info.sampledType).scalar : 'f32';
    const toResult = (text: string): string => {
      if (info.depth === 1 && info.sampled !== 2) return `vec4<f32>(${text}, 0.0f, 0.0f, 0.0f)`;
      return texelKind === n.scalar ? text : `bitcast<${vecName(n.scalar, n.n)}>(${text})`;
    };
    // Image operands: mask then ids in bit order (Bias 1, Lod 2, Grad 4, ConstOffset 8, Offset 0x10).
    const operands = (maskAt: number): Map<number, number[]> => {
      const m = new Map<number, number[]>();
      if (a.length <= maskAt) return m;
      const mask = a[maskAt];
      let i = maskAt + 1;
      for (const bit of [1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80]) {
        if (!(mask & bit)) continue;
        const count = bit === 4 ? 2 : 1;
        m.set(bit, Array.from(a.subarray(i, i + count)));
        i += count;
      }
      return m;
    };
    const coords = (id: number): { c: string; layer: string } => {
      const e = this.value(id);
      if (!info.arrayed) return { c: e.text, layer: '' };
      const cn = this.types.numeric1(e.type).n;
      const sw = SWIZZLE.slice(0, cn - 1).join('');
      const layer = this.types.numeric1(e.type).scalar === 'f32' ? `i32(round(${e.text}.${SWIZZLE[cn - 1]}))` : `${e.text}.${SWIZZLE[cn - 1]}`;
      return { c: `${e.text}.${sw}`, layer: `, ${layer}` };
    };
    switch (inst.op) {
      case Op.ImageSampleExplicitLod: {
        if (img.sampler === undefined) this.fail('sampling needs a sampled image');
        this.markImage(img.text, true, false, true);
        const ops = operands(2);
        const { c, layer } = coords(a[1]);
        const off = ops.get(8) ? `, ${this.value(ops.get(8)![0]).text}` : '';
        let text: string;
        if (ops.has(2)) {
          const lod = this.value(ops.get(2)![0]);
          text = `textureSampleLevel(${img.text}, ${img.sampler}, ${c}${layer}, ${info.depth === 1 ? `i32(${lod.text})` : lod.text}${off})`;
        } else if (ops.has(4)) {
          const [dx, dy] = ops.get(4)!.map((i) => this.value(i).text);
          text = `textureSampleGrad(${img.text}, ${img.sampler}, ${c}${layer}, ${dx}, ${dy}${off})`;
        } else this.fail('explicit-lod sampling without Lod or Grad');
        this.define(inst, toResult(text), true, true);
        return;
      }
      case Op.ImageFetch: case Op.ImageRead: {
        this.markImage(img.text, true, false, false);
        const ops = operands(2);
        const { c, layer } = coords(a[1]);
        const lod = info.sampled === 2 ? '' : `, ${ops.has(2) ? this.value(ops.get(2)![0]).text : '0'}`;
        const sample = ops.has(0x40) ? `, ${this.value(ops.get(0x40)![0]).text}` : '';
        this.define(inst, toResult(`textureLoad(${img.text}, ${c}${layer}${info.ms ? sample : lod})`), true, true);
        return;
      }
      case Op.ImageWrite: {
        this.markImage(img.text, false, true, false);
        const { c, layer } = coords(a[1]);
        const texel = this.value(a[2]);
        this.line(`textureStore(${img.text}, ${c}${layer}, ${this.as(texel, texelKind)});`);
        return;
      }
      case Op.ImageQuerySize: case Op.ImageQuerySizeLod: {
        const lod = inst.op === Op.ImageQuerySizeLod ? `, ${this.value(a[1]).text}` : '';
        let text = `textureDimensions(${img.text}${lod})`;
        if (info.arrayed) text = `vec${n.n}<u32>(textureDimensions(${img.text}${lod}), textureNumLayers(${img.text}))`;
        this.define(inst, n.scalar === 'u32' ? text : `${vecName(n.scalar, n.n)}(${text})`, true);
        return;
      }
      case Op.ImageQueryLevels: case Op.ImageQuerySamples: {
        const text = `${inst.op === Op.ImageQueryLevels ? 'textureNumLevels' : 'textureNumSamples'}(${img.text})`;
        this.define(inst, n.scalar === 'u32' ? text : `${n.scalar}(${text})`, true);
        return;
      }
      default:
        this.fail(`${opName(inst.op)} is not supported in compute shaders`);
    }
  }
}

/** Loops larger than this many instructions are not run twice over: compile time would grow more than the index arithmetic shrinks. */
const MAX_VERSIONED_LOOP = 256;

/** Instructions in the blocks from a loop's header up to its merge block, in module order. */
function loopSize(fn: SpirvFunction, header: number): number {
  const merge = fn.blocks[header].merge;
  const end = merge ? fn.blockIndex.get(merge.args[0]) ?? fn.blocks.length : fn.blocks.length;
  let size = 0;
  for (let i = header; i < end; i++) size += fn.blocks[i].body.length;
  return size;
}
