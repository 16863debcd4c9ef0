// The printer's state for one module and the function being printed, and what every part of it
// shares: values, constants, pointers (module-scope variables among them), definitions (inline,
// `let` or hoisted) and the casts between kinds.
import { SpirvTranslationError, SpirvUnsupportedError } from '../errors.js';
import { irOpName, spirvOpcode, type IrFunction, type IrModule, type Instruction, type SpirvFunction } from '../ir/ir.js';
import { isBufferBlock, type IrType } from '../ir/module.js';
import type { ResourceUse } from '../ir/resources.js';
import { opName, StorageClass } from '../opcodes.js';
import type { StructuredFunction } from '../structurize.js';
import { TypeTable, vecName, type ScalarKind } from './types.js';
import { BUILTIN_NAMES, COMBINED_SAMPLER_BINDING_OFFSET, SUBGROUP_BUILTINS, floatLiteral, halfLiteral, MAX_INLINE_TEXT } from './names.js';

export interface Expr {
  text: string;
  type: number;
  atom: boolean; // text needs no parentheses when embedded
  stable: boolean; // text names a value no later assignment can change
  hasLoad: boolean; // text reads memory that a later store could change
  sampler?: string; // for combined image-sampler values: the sampler expression
  bits?: number; // for 32-bit integer constants: the value, so casts fold into literals
  inline?: string; // for a value written at its use: its text, so pin can name it instead
}

export type Ptr =
  | { kind: 'ref'; text: string; pointee: number; root: number; storage: number; atomic: boolean; inline?: boolean }
  | { kind: 'uniform'; root: number; pointee: number; offset: number; dyn: string[]; matrixStride: number; rowMajor: boolean }
  | { kind: 'handle'; root: number; pointee: number; text: string; sampler?: string };


export class Printer {
  readonly types: TypeTable;
  readonly decls: string[] = [];
  readonly constNames = new Map<number, string>();
  readonly nonFinite = new Set<number>();
  readonly usedGlobals = new Set<number>();
  /** How the entry point uses each resource (ir/resources.ts). */
  resources = new Map<number, ResourceUse>();
  readonly uniformWords = new Map<number, number>();
  readonly combinedSamplerBinding = new Map<number, number>();
  readonly readOnlyStorage = new Set<number>();
  readonly builtinUsers = new Map<number, Set<number>>(); // builtin variable -> functions reading it
  atomicRoots = new Set<number>();
  entryFnId = -1;
  readonly glslSets = new Set<number>();

  // Per-function state.
  fn!: SpirvFunction;
  st!: StructuredFunction;
  out: string[] = [];
  indent = '';
  exprs = new Map<number, Expr>();
  ptrs = new Map<number, Ptr>();
  chainDefs = new Map<number, Instruction>();
  ir!: IrFunction;
  /** Relinearisations read as their dividend, in the copy of a loop where the strides agree. */
  assumedRelinearized = new Set<number>();
  /** While an instruction is printed: the ids it reads (ir/operands.ts), the only ones it may. */
  reads: readonly number[] | null = null;
  /** Idiom helpers the module calls, by name. */
  readonly helpers = new Map<string, string>();
  useCount: Int32Array;
  useBlock: Int32Array;
  useEpoch: Int32Array;
  defBlock: Int32Array;
  defEpoch: Int32Array;
  hoisted: Uint8Array;
  defType: Int32Array;
  endEpoch = new Int32Array(0);
  curBlock = -1;
  curEpoch = 0;
  tmp = 0;

  /** Set once the output calls a subgroup built-in (module.ts then enables the extension). */
  usesSubgroups = false;

  constructor(
    readonly mod: IrModule,
    f16 = false,
    /** The device has WebGPU's subgroups feature (wgsl/atomics.ts combines float adds with it). */
    readonly subgroups = false,
  ) {
    this.types = new TypeTable(mod.types, f16);
    const n = mod.bound;
    this.useCount = new Int32Array(n);
    this.useBlock = new Int32Array(n);
    this.useEpoch = new Int32Array(n);
    this.defBlock = new Int32Array(n);
    this.defEpoch = new Int32Array(n);
    this.hoisted = new Uint8Array(n);
    this.defType = new Int32Array(n);
    for (const [id, name] of mod.extInstSets) if (name === 'GLSL.std.450') this.glslSets.add(id);
  }

  fail(reason: string, inst: Instruction | null = this.types.current, Failure = SpirvTranslationError): never {
    if (inst === null) throw new Failure(0, undefined, reason);
    const op = spirvOpcode(inst);
    const what = inst.id !== 0 ? `${opName(op)} %${inst.id}` : opName(op);
    throw new Failure(inst.offset, op, `${what}: ${reason}`);
  }

  /** Sound SPIR-V that WGSL, or this device, cannot express (the runtime refuses the module as incompatible). */
  unsupported(reason: string, inst: Instruction | null = this.types.current): never {
    this.fail(reason, inst, SpirvUnsupportedError);
  }

  scalarConstant(id: number): number {
    const c = this.mod.constants.get(id);
    if (c === undefined || c.kind !== 'scalar') this.fail(`%${id} is not a scalar constant`);
    return c.words[0];
  }

  // ---------------------------------------------------------------- module-scope declarations

  // ---------------------------------------------------------------- functions

  // ---------------------------------------------------------------- use analysis

  // Result type of a value id, from its definition; for errors and operand-driven decisions.
  typeOfId(id: number, at: Instruction | null): number {
    const c = this.mod.constants.get(id);
    if (c !== undefined) return c.type;
    if (id < this.mod.bound && this.defType[id] !== 0) return this.defType[id];
    this.fail(`id %${id} is not defined`, at);
  }

  // ---------------------------------------------------------------- tree -> statements

  line(s: string): void {
    this.out.push(this.indent + s);
  }

  // ---------------------------------------------------------------- values

  // The use counts come from what each instruction reads: text that reads anything else would
  // make them wrong (a value inlined at a use that was not counted could be read at another time).
  private checkRead(id: number): void {
    if (this.reads === null || this.reads.includes(id) || this.mod.constants.has(id)) return;
    const inst = this.types.current;
    this.fail(`internal error: the printer reads %${id}, which ${inst ? (irOpName(inst.op) ?? opName(inst.op)) : 'this instruction'} does not read (ir/operands.ts)`);
  }

  /** The type of an operand, where the function or module defines it. */
  operandType(id: number): IrType | undefined {
    return this.mod.types.get(this.mod.constants.get(id)?.type ?? (id < this.mod.bound ? this.defType[id] : 0));
  }

  value(id: number): Expr {
    this.checkRead(id);
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

  ptr(id: number): Ptr {
    this.checkRead(id);
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

  define(inst: Instruction, text: string, atom: boolean, hasLoad = false): void {
    const id = inst.id;
    const type = inst.type;
    if (this.hoisted[id]) {
      this.line(`h_${id} = ${text};`);
      this.exprs.set(id, { text: `h_${id}`, type, atom: true, stable: true, hasLoad: false });
    } else if (this.useCount[id] === 0 || (this.useCount[id] === 1 && this.useBlock[id] === this.curBlock &&
               text.length < MAX_INLINE_TEXT && (!hasLoad || this.useEpoch[id] === this.curEpoch))) {
      this.exprs.set(id, { text: atom ? text : `(${text})`, type, atom: true, stable: false, hasLoad, inline: text });
    } else {
      this.line(`let v_${id} = ${text};`);
      this.exprs.set(id, { text: `v_${id}`, type, atom: true, stable: true, hasLoad: false });
    }
  }

  /**
   * The value of `id` for text that writes it more than once (or in a loop): a value that would
   * be written out at its one use is named by a `let` here first, so it is computed once.
   */
  pin(id: number): Expr {
    const e = this.value(id);
    if (e.inline === undefined) return e;
    this.line(`let v_${id} = ${e.inline};`);
    const named: Expr = { text: `v_${id}`, type: e.type, atom: true, stable: true, hasLoad: false };
    this.exprs.set(id, named);
    return named;
  }

  /** The same for a reference: one whose indices were written out in it becomes a `let` pointer. */
  pinRef(p: Extract<Ptr, { kind: 'ref' }>): Extract<Ptr, { kind: 'ref' }> {
    if (!p.inline) return p;
    const name = `r_${this.tmp++}`;
    this.line(`let ${name} = &${p.text};`);
    return { ...p, text: `(*${name})`, inline: false };
  }

  /** The WGSL pointer to a reference. */
  addressOf(p: Extract<Ptr, { kind: 'ref' }>): string {
    return p.text.startsWith('(*') ? p.text.slice(2, -1) : `&${p.text}`;
  }

  // A statement whose result must exist even if unused (atomics, calls).
  defineEffect(inst: Instruction, text: string): void {
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

  kindOf(type: number): ScalarKind {
    return this.types.numeric1(type).scalar;
  }

  /** 'f16' for operands of SPIR-V's 16-bit float ops, 'f32' for everything else they take. */
  floatKind(type: number): ScalarKind {
    return this.kindOf(type) === 'f16' ? 'f16' : 'f32';
  }

  // Text of `e` reinterpreted as scalar kind `k` (same component count).
  as(e: Expr, k: ScalarKind): string {
    const info = this.types.numeric1(e.type);
    if (info.scalar === k) return e.text;
    if (info.scalar === 'bool' || k === 'bool') this.fail(`cannot reinterpret ${info.scalar} as ${k}`);
    if (e.bits !== undefined && k === 'u32') return `${e.bits}u`;
    if (e.bits !== undefined && k === 'i32' && (e.bits | 0) >= 0) return `${e.bits | 0}i`;
    return `bitcast<${vecName(k, info.n)}>(${e.text})`;
  }

  // Text of type (k, n) brought to the instruction's result type.
  toResult(text: string, k: ScalarKind, resultType: number): { text: string; atom: boolean } {
    const r = this.types.numeric1(resultType);
    if (r.scalar === k) return { text, atom: false };
    return { text: `bitcast<${vecName(r.scalar, r.n)}>(${text})`, atom: true };
  }

  // ---------------------------------------------------------------- memory

  // ---------------------------------------------------------------- atomics

  // ---------------------------------------------------------------- images


  constant(id: number): Expr {
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

  globalPtr(id: number): Ptr {
    const g = this.mod.globals.get(id)!;
    this.usedGlobals.add(id);
    const pointee = g.pointee;
    switch (g.storage) {
      case StorageClass.Uniform: {
        const t = this.types.get(pointee);
        const isStorage = isBufferBlock(this.mod, pointee);
        if (g.set === undefined || g.binding === undefined) this.fail(`buffer variable %${id} lacks DescriptorSet/Binding`);
        if (!isStorage) {
          if (t.kind !== 'struct') this.fail(`uniform variable %${id} is not a block`);
          return { kind: 'uniform', root: id, pointee, offset: 0, dyn: [], matrixStride: 0, rowMajor: false };
        }
        return { kind: 'ref', text: `g_${id}`, pointee, root: id, storage: StorageClass.StorageBuffer, atomic: this.atomicRoots.has(id) };
      }
      case StorageClass.StorageBuffer:
        if (g.set === undefined || g.binding === undefined) this.fail(`buffer variable %${id} lacks DescriptorSet/Binding`);
        return { kind: 'ref', text: `g_${id}`, pointee, root: id, storage: g.storage, atomic: this.atomicRoots.has(id) };
      case StorageClass.Workgroup: case StorageClass.Private:
        return { kind: 'ref', text: `g_${id}`, pointee, root: id, storage: g.storage, atomic: this.atomicRoots.has(id) };
      case StorageClass.Input: {
        const bi = g.builtIn;
        if (bi === undefined || BUILTIN_NAMES[bi] === undefined) this.fail(`input variable %${id} is not a supported compute builtin (BuiltIn ${bi})`);
        if (SUBGROUP_BUILTINS.has(bi)) {
          if (!this.subgroups) this.unsupported(`the ${BUILTIN_NAMES[bi][0]} built-in needs WebGPU's subgroups feature, which this device lacks`);
          this.usesSubgroups = true;
        }
        let users = this.builtinUsers.get(id);
        if (users === undefined) this.builtinUsers.set(id, (users = new Set()));
        users.add(this.fn.id);
        return { kind: 'ref', text: `bi_${id}`, pointee, root: id, storage: g.storage, atomic: false };
      }
      case StorageClass.UniformConstant: {
        if (g.set === undefined || g.binding === undefined) this.fail(`resource variable %${id} lacks DescriptorSet/Binding`);
        const t = this.types.get(pointee);
        if (t.kind === 'sampled-image') {
          this.combinedSamplerBinding.set(id, g.binding + COMBINED_SAMPLER_BINDING_OFFSET);
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
}
