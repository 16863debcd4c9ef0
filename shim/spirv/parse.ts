// SPIR-V words -> a module of typed instructions, in one pass over the input.
import { SpirvTranslationError } from './errors.js';
import { Decoration, ExecutionMode, HAS_RESULT, HAS_TYPE, KNOWN, Op, OPCODE_INFO, opName } from './opcodes.js';

export const SPIRV_MAGIC = 0x07230203;
// Ids index per-function typed arrays in later steps: refuse absurd bounds instead of allocating.
const MAX_BOUND = 1 << 22;

export interface Instruction {
  op: number;
  type: number; // result type id, 0 when none
  id: number; // result id, 0 when none
  args: Uint32Array; // operand words after the result type and id
  offset: number; // word offset of the instruction in the module
}

export type SpirvType =
  | { kind: 'void' }
  | { kind: 'bool' }
  | { kind: 'int'; width: number; signed: boolean }
  | { kind: 'float'; width: number }
  | { kind: 'vector'; elem: number; count: number }
  | { kind: 'matrix'; column: number; columns: number }
  | { kind: 'array'; elem: number; length: number }
  | { kind: 'runtime-array'; elem: number }
  | { kind: 'struct'; members: number[] }
  | { kind: 'pointer'; storage: number; pointee: number }
  | { kind: 'function'; ret: number; params: number[] }
  | { kind: 'image'; sampledType: number; dim: number; depth: number; arrayed: boolean; ms: boolean; sampled: number; format: number }
  | { kind: 'sampler' }
  | { kind: 'sampled-image'; image: number };

export type Constant =
  | { kind: 'scalar'; type: number; words: Uint32Array }
  | { kind: 'bool'; type: number; value: boolean }
  | { kind: 'composite'; type: number; parts: number[] }
  | { kind: 'null'; type: number }
  | { kind: 'spec-op'; type: number };

export interface Decorations {
  builtIn?: number;
  set?: number;
  binding?: number;
  arrayStride?: number;
  block?: boolean;
  bufferBlock?: boolean;
  nonWritable?: boolean;
  nonReadable?: boolean;
}

export interface MemberDecorations {
  offset?: number;
  matrixStride?: number;
  rowMajor?: boolean;
  builtIn?: number;
}

export interface GlobalVariable {
  id: number;
  type: number; // pointer type
  pointee: number;
  storage: number;
  init: number; // 0 when none
  offset: number;
}

export interface Block {
  label: number;
  index: number;
  phis: Instruction[];
  body: Instruction[];
  merge: Instruction | null; // OpSelectionMerge or OpLoopMerge
  term: Instruction;
  offset: number;
}

export interface SpirvFunction {
  id: number;
  resultType: number;
  funcType: number;
  params: Instruction[];
  vars: Instruction[];
  blocks: Block[];
  blockIndex: Map<number, number>; // label id -> index in blocks
  offset: number;
}

export interface EntryPoint {
  model: number;
  fn: number;
  name: string;
  interfaces: number[];
  offset: number;
}

export interface SpirvModule {
  version: number;
  bound: number;
  capabilities: number[];
  extensions: string[];
  extInstImports: Map<number, string>;
  entryPoints: EntryPoint[];
  localSize: Map<number, number[]>;
  localSizeId: Map<number, number[]>;
  names: Map<number, string>;
  decorations: Map<number, Decorations>;
  memberDecorations: Map<number, MemberDecorations[]>;
  types: Map<number, SpirvType>;
  constants: Map<number, Constant>;
  globals: Map<number, GlobalVariable>;
  functions: Map<number, SpirvFunction>;
  // Word offset of each result id's definition, for error messages.
  defOffset: Map<number, number>;
}

const utf8 = new TextDecoder();

function readString(words: Uint32Array, start: number, end: number, offset: number): { text: string; next: number } {
  const bytes: number[] = [];
  for (let w = start; w < end; w++) {
    const word = words[w];
    for (let b = 0; b < 4; b++) {
      const byte = (word >>> (8 * b)) & 0xff;
      if (byte === 0) return { text: utf8.decode(new Uint8Array(bytes)), next: w + 1 };
      bytes.push(byte);
    }
  }
  throw new SpirvTranslationError(offset, undefined, 'string literal is not NUL-terminated within its instruction');
}

export function parseSpirv(input: Uint32Array): SpirvModule {
  if (input.length < 5) throw new SpirvTranslationError(0, undefined, `module is ${input.length} words long; the header alone is 5`);
  let words = input;
  if (words[0] !== SPIRV_MAGIC) {
    // A module written on a big-endian host reads byte-swapped here: accept it by swapping.
    if (words[0] === 0x03022307) {
      words = new Uint32Array(input.length);
      for (let i = 0; i < input.length; i++) {
        const w = input[i];
        words[i] = ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24);
      }
    } else {
      throw new SpirvTranslationError(0, undefined, `bad magic number 0x${words[0].toString(16)} (expected 0x07230203)`);
    }
  }
  const version = words[1];
  const major = (version >>> 16) & 0xff;
  const minor = (version >>> 8) & 0xff;
  if (major !== 1 || minor > 6) throw new SpirvTranslationError(1, undefined, `unsupported SPIR-V version ${major}.${minor} (1.0 to 1.6 are accepted)`);
  const bound = words[3];
  if (bound === 0 || bound > MAX_BOUND) throw new SpirvTranslationError(3, undefined, `id bound ${bound} is out of range`);

  const mod: SpirvModule = {
    version, bound, capabilities: [], extensions: [], extInstImports: new Map(), entryPoints: [],
    localSize: new Map(), localSizeId: new Map(), names: new Map(), decorations: new Map(),
    memberDecorations: new Map(), types: new Map(), constants: new Map(), globals: new Map(),
    functions: new Map(), defOffset: new Map(),
  };
  const groupDecorations = new Map<number, Array<[number, Uint32Array]>>();
  let fn: SpirvFunction | null = null;
  let blockPhis: Instruction[] = [];
  let blockBody: Instruction[] = [];
  let blockMerge: Instruction | null = null;
  let blockLabel = 0;
  let blockOffset = 0;

  const decorationsOf = (id: number): Decorations => {
    let d = mod.decorations.get(id);
    if (!d) mod.decorations.set(id, (d = {}));
    return d;
  };
  const memberOf = (id: number, member: number): MemberDecorations => {
    let list = mod.memberDecorations.get(id);
    if (!list) mod.memberDecorations.set(id, (list = []));
    while (list.length <= member) list.push({});
    return list[member];
  };
  const applyDecoration = (target: number, ops: Uint32Array): void => {
    const value = ops[1];
    const d = decorationsOf(target);
    switch (ops[0]) {
      case Decoration.BuiltIn: d.builtIn = value; break;
      case Decoration.DescriptorSet: d.set = value; break;
      case Decoration.Binding: d.binding = value; break;
      case Decoration.ArrayStride: d.arrayStride = value; break;
      case Decoration.Block: d.block = true; break;
      case Decoration.BufferBlock: d.bufferBlock = true; break;
      case Decoration.NonWritable: d.nonWritable = true; break;
      case Decoration.NonReadable: d.nonReadable = true; break;
      default: break;
    }
  };
  const applyMemberDecoration = (target: number, member: number, ops: Uint32Array): void => {
    if (member > 0xffff) return;
    const d = memberOf(target, member);
    switch (ops[0]) {
      case Decoration.Offset: d.offset = ops[1]; break;
      case Decoration.MatrixStride: d.matrixStride = ops[1]; break;
      case Decoration.RowMajor: d.rowMajor = true; break;
      case Decoration.BuiltIn: d.builtIn = ops[1]; break;
      default: break;
    }
  };

  let pos = 5;
  while (pos < words.length) {
    const first = words[pos];
    const count = first >>> 16;
    const op = first & 0xffff;
    if (count === 0) throw new SpirvTranslationError(pos, op, 'instruction word count is 0');
    if (pos + count > words.length) throw new SpirvTranslationError(pos, op, `truncated instruction: ${count} words declared, ${words.length - pos} left`);
    const flags = OPCODE_INFO[op];
    if (!(flags & KNOWN)) throw new SpirvTranslationError(pos, op, `unknown opcode ${op}`);
    let a = pos + 1;
    let type = 0;
    let id = 0;
    if (flags & HAS_TYPE) {
      if (a >= pos + count) throw new SpirvTranslationError(pos, op, `${opName(op)} lacks its result type`);
      type = words[a++];
      if (type === 0 || type >= bound) throw new SpirvTranslationError(pos, op, `result type id ${type} is out of range (bound ${bound})`);
    }
    if (flags & HAS_RESULT) {
      if (a >= pos + count) throw new SpirvTranslationError(pos, op, `${opName(op)} lacks its result id`);
      id = words[a++];
      if (id === 0 || id >= bound) throw new SpirvTranslationError(pos, op, `result id ${id} is out of range (bound ${bound})`);
      if (mod.defOffset.has(id)) throw new SpirvTranslationError(pos, op, `id %${id} is defined twice`);
      mod.defOffset.set(id, pos);
    }
    const args = words.subarray(a, pos + count);
    const inst: Instruction = { op, type, id, args, offset: pos };
    const need = (n: number): void => {
      if (args.length < n) throw new SpirvTranslationError(pos, op, `${opName(op)} needs ${n} operand words, has ${args.length}`);
    };

    if (fn !== null) {
      if (op === Op.Line || op === Op.NoLine || op === Op.Nop) { pos += count; continue; }
      if (op === Op.FunctionEnd) {
        if (blockLabel !== 0) throw new SpirvTranslationError(pos, op, `block %${blockLabel} has no terminator`);
        if (fn.blocks.length === 0) throw new SpirvTranslationError(pos, op, `function %${fn.id} has no body`);
        mod.functions.set(fn.id, fn);
        fn = null;
      } else if (op === Op.FunctionParameter) {
        if (fn.blocks.length > 0 || blockLabel !== 0) throw new SpirvTranslationError(pos, op, 'OpFunctionParameter after the first block');
        fn.params.push(inst);
      } else if (op === Op.Label) {
        if (blockLabel !== 0) throw new SpirvTranslationError(pos, op, `block %${blockLabel} has no terminator`);
        blockLabel = id;
        blockOffset = pos;
        blockPhis = [];
        blockBody = [];
        blockMerge = null;
      } else if (blockLabel === 0) {
        throw new SpirvTranslationError(pos, op, `${opName(op)} outside a block`);
      } else if (op === Op.Phi) {
        if (blockBody.length > 0) throw new SpirvTranslationError(pos, op, 'OpPhi after other instructions of its block');
        if (args.length % 2 !== 0) throw new SpirvTranslationError(pos, op, 'OpPhi operands are not (value, parent) pairs');
        blockPhis.push(inst);
      } else if (op === Op.Variable) {
        // taichi-forge 0.7 may declare a variable after other instructions of the first block
        // (spirv-val rejects that; the corpus's random/monte_carlo_pi_hits). Nothing before it in
        // that straight-line block can use it and its initializer is a constant, so it joins the
        // block's leading variables.
        if (fn.blocks.length > 0) throw new SpirvTranslationError(pos, op, 'function-scope OpVariable outside the first block');
        need(1);
        fn.vars.push(inst);
      } else if (op === Op.SelectionMerge || op === Op.LoopMerge) {
        need(op === Op.LoopMerge ? 3 : 2);
        blockMerge = inst;
      } else if (op === Op.Branch || op === Op.BranchConditional || op === Op.Switch || op === Op.Return ||
                 op === Op.ReturnValue || op === Op.Kill || op === Op.Unreachable || op === Op.TerminateInvocation) {
        need(op === Op.Branch || op === Op.ReturnValue ? 1 : op === Op.BranchConditional ? 3 : op === Op.Switch ? 2 : 0);
        if (op === Op.Switch && args.length % 2 !== 0) throw new SpirvTranslationError(pos, op, 'OpSwitch operands are not (literal, label) pairs');
        const b: Block = { label: blockLabel, index: fn.blocks.length, phis: blockPhis, body: blockBody, merge: blockMerge, term: inst, offset: blockOffset };
        if (fn.blockIndex.has(blockLabel)) throw new SpirvTranslationError(blockOffset, Op.Label, `label %${blockLabel} defined twice`);
        fn.blockIndex.set(blockLabel, b.index);
        fn.blocks.push(b);
        blockLabel = 0;
      } else {
        if (blockMerge !== null) throw new SpirvTranslationError(pos, op, 'merge instruction is not directly before the terminator');
        blockBody.push(inst);
      }
      pos += count;
      continue;
    }

    switch (op) {
      case Op.Capability: need(1); mod.capabilities.push(args[0]); break;
      case Op.Extension: mod.extensions.push(readString(words, a, pos + count, pos).text); break;
      case Op.ExtInstImport: mod.extInstImports.set(id, readString(words, a, pos + count, pos).text); break;
      case Op.MemoryModel:
        need(2);
        if (args[0] !== 0) throw new SpirvTranslationError(pos, op, `addressing model ${args[0]} is not Logical`);
        break;
      case Op.EntryPoint: {
        need(3);
        const s = readString(words, a + 2, pos + count, pos);
        mod.entryPoints.push({ model: args[0], fn: args[1], name: s.text, interfaces: Array.from(words.subarray(s.next, pos + count)), offset: pos });
        break;
      }
      case Op.ExecutionMode: case Op.ExecutionModeId:
        need(2);
        if (args[1] === ExecutionMode.LocalSize && op === Op.ExecutionMode) { need(5); mod.localSize.set(args[0], [args[2], args[3], args[4]]); }
        if (args[1] === ExecutionMode.LocalSizeId && op === Op.ExecutionModeId) { need(5); mod.localSizeId.set(args[0], [args[2], args[3], args[4]]); }
        break;
      case Op.Name: need(2); mod.names.set(args[0], readString(words, a + 1, pos + count, pos).text); break;
      case Op.Decorate: case Op.DecorateId: case Op.DecorateString:
        need(2);
        applyDecoration(args[0], args.subarray(1));
        break;
      case Op.MemberDecorate: case Op.MemberDecorateString:
        need(3);
        applyMemberDecoration(args[0], args[1], args.subarray(2));
        break;
      case Op.DecorationGroup: {
        // Decorations aimed at the group were recorded under its id; remember them for GroupDecorate.
        const d = mod.decorations.get(id);
        const list: Array<[number, Uint32Array]> = [];
        if (d) {
          if (d.set !== undefined) list.push([Decoration.DescriptorSet, Uint32Array.of(Decoration.DescriptorSet, d.set)]);
          if (d.binding !== undefined) list.push([Decoration.Binding, Uint32Array.of(Decoration.Binding, d.binding)]);
          if (d.block) list.push([Decoration.Block, Uint32Array.of(Decoration.Block)]);
          if (d.bufferBlock) list.push([Decoration.BufferBlock, Uint32Array.of(Decoration.BufferBlock)]);
          if (d.nonWritable) list.push([Decoration.NonWritable, Uint32Array.of(Decoration.NonWritable)]);
          if (d.nonReadable) list.push([Decoration.NonReadable, Uint32Array.of(Decoration.NonReadable)]);
          if (d.arrayStride !== undefined) list.push([Decoration.ArrayStride, Uint32Array.of(Decoration.ArrayStride, d.arrayStride)]);
        }
        groupDecorations.set(id, list);
        break;
      }
      case Op.GroupDecorate: {
        need(1);
        const list = groupDecorations.get(args[0]) ?? [];
        for (let i = 1; i < args.length; i++) for (const [, ops] of list) applyDecoration(args[i], ops);
        break;
      }
      case Op.GroupMemberDecorate: break;
      case Op.TypeVoid: mod.types.set(id, { kind: 'void' }); break;
      case Op.TypeBool: mod.types.set(id, { kind: 'bool' }); break;
      case Op.TypeInt: need(2); mod.types.set(id, { kind: 'int', width: args[0], signed: args[1] !== 0 }); break;
      case Op.TypeFloat: need(1); mod.types.set(id, { kind: 'float', width: args[0] }); break;
      case Op.TypeVector:
        need(2);
        if (args[1] < 2 || args[1] > 4) throw new SpirvTranslationError(pos, op, `vector of ${args[1]} components`);
        mod.types.set(id, { kind: 'vector', elem: args[0], count: args[1] });
        break;
      case Op.TypeMatrix:
        need(2);
        if (args[1] < 2 || args[1] > 4) throw new SpirvTranslationError(pos, op, `matrix of ${args[1]} columns`);
        mod.types.set(id, { kind: 'matrix', column: args[0], columns: args[1] });
        break;
      case Op.TypeImage:
        need(7);
        mod.types.set(id, { kind: 'image', sampledType: args[0], dim: args[1], depth: args[2], arrayed: args[3] !== 0, ms: args[4] !== 0, sampled: args[5], format: args[6] });
        break;
      case Op.TypeSampler: mod.types.set(id, { kind: 'sampler' }); break;
      case Op.TypeSampledImage: need(1); mod.types.set(id, { kind: 'sampled-image', image: args[0] }); break;
      case Op.TypeArray: {
        need(2);
        const len = mod.constants.get(args[1]);
        if (!len || len.kind !== 'scalar') throw new SpirvTranslationError(pos, op, `array length %${args[1]} is not a scalar constant`);
        mod.types.set(id, { kind: 'array', elem: args[0], length: len.words[0] });
        break;
      }
      case Op.TypeRuntimeArray: need(1); mod.types.set(id, { kind: 'runtime-array', elem: args[0] }); break;
      case Op.TypeStruct: mod.types.set(id, { kind: 'struct', members: Array.from(args) }); break;
      case Op.TypePointer: need(2); mod.types.set(id, { kind: 'pointer', storage: args[0], pointee: args[1] }); break;
      case Op.TypeFunction: need(1); mod.types.set(id, { kind: 'function', ret: args[0], params: Array.from(args.subarray(1)) }); break;
      case Op.TypeForwardPointer: case Op.TypeOpaque:
        throw new SpirvTranslationError(pos, op, `${opName(op)} is not supported (Logical addressing has no forward pointers)`);
      case Op.Constant: case Op.SpecConstant:
        need(1);
        mod.constants.set(id, { kind: 'scalar', type, words: args });
        break;
      case Op.ConstantTrue: case Op.SpecConstantTrue: mod.constants.set(id, { kind: 'bool', type, value: true }); break;
      case Op.ConstantFalse: case Op.SpecConstantFalse: mod.constants.set(id, { kind: 'bool', type, value: false }); break;
      case Op.ConstantComposite: case Op.SpecConstantComposite: mod.constants.set(id, { kind: 'composite', type, parts: Array.from(args) }); break;
      case Op.ConstantNull: case Op.Undef: mod.constants.set(id, { kind: 'null', type }); break;
      case Op.SpecConstantOp: mod.constants.set(id, { kind: 'spec-op', type }); break;
      case Op.ConstantSampler: throw new SpirvTranslationError(pos, op, 'OpConstantSampler has no WGSL equivalent');
      case Op.Variable: {
        need(1);
        const pt = mod.types.get(type);
        if (!pt || pt.kind !== 'pointer') throw new SpirvTranslationError(pos, op, `variable %${id} type %${type} is not a pointer type`);
        mod.globals.set(id, { id, type, pointee: pt.pointee, storage: args[0], init: args.length > 1 ? args[1] : 0, offset: pos });
        break;
      }
      case Op.Function:
        need(2);
        fn = { id, resultType: type, funcType: args[1], params: [], vars: [], blocks: [], blockIndex: new Map(), offset: pos };
        break;
      case Op.Source: case Op.SourceContinued: case Op.SourceExtension: case Op.String: case Op.Line:
      case Op.NoLine: case Op.Nop: case Op.MemberName: case Op.ModuleProcessed:
        break;
      default:
        throw new SpirvTranslationError(pos, op, `${opName(op)} is not allowed outside a function`);
    }
    pos += count;
  }
  if (fn !== null) throw new SpirvTranslationError(words.length, undefined, `function %${fn.id} is not closed by OpFunctionEnd (truncated module?)`);
  return mod;
}
